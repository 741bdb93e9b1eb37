/**
 * Text from outside (a file name, an argument, a label) made safe to print on one line of a
 * terminal or log: control characters (C0, DEL, C1, the line and paragraph separators) and the
 * bidirectional controls (Unicode's Bidi_Control: LRM, RLM, ALM, the embeddings, overrides and
 * isolates) are escaped, so a name holding a newline cannot start a line of its own and one holding
 * U+202E cannot make a line read backwards; a lone surrogate is escaped too. `\n`, `\r` and `\t`
 * keep their usual spelling, anything else is `\uXXXX`. Backslashes stay as they are (Windows
 * paths), so the escape is for reading, not for parsing back: JSON output is for that.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
