/**
 * The characters a person cannot see in a key or text, and that text made visible: what a problem's
 * message needs to quote a question safely. Apart from characters.ts (lint's tables, names and
 * look-alikes) because the rules run before a form's first render name questions in their messages,
 * and the rest belongs in lint's own chunk, loaded after the first paint.
 */

/**
 * - `control`: C0 and C1 controls and DEL (tab, line feed and carriage return among them: the rules
 *   that read text let those three through);
 * - `bidi-override`: embeddings and overrides (U+202A–202E), which reorder what follows until a pop:
 *   the "Trojan Source" characters;
 * - `bidi-mark`: marks and isolates (U+200E/200F, U+061C, U+2066–2069), which right-to-left text uses;
 * - `joiner`: zero-width joiner and non-joiner, which Persian, Indic scripts and emoji sequences use;
 * - `invisible`: every other format character (Unicode category Cf: zero-width space, word joiner,
 *   BOM, soft hyphen, tags…) and the blank letters and selectors that render as nothing.
 */
export type CharacterClass = 'control' | 'bidi-override' | 'bidi-mark' | 'joiner' | 'invisible';

const BIDI_OVERRIDES = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e]);
const BIDI_MARKS = new Set([0x200e, 0x200f, 0x061c, 0x2066, 0x2067, 0x2068, 0x2069]);
const JOINERS = new Set([0x200c, 0x200d]);
/** Not category Cf, yet drawn as nothing (fillers, grapheme joiner, blank braille) or as a bare break. */
const BLANKS = new Set([0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x2028, 0x2029, 0x2800, 0x3164, 0xffa0]);
const FORMAT = /^\p{Cf}$/u;

export function classifyCharacter(cp: number): CharacterClass | undefined {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  if (cp < 0xa0) return undefined; // printable ASCII: the common case, answered first
  if (BIDI_OVERRIDES.has(cp)) return 'bidi-override';
  if (BIDI_MARKS.has(cp)) return 'bidi-mark';
  if (JOINERS.has(cp)) return 'joiner';
  if (BLANKS.has(cp) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'invisible';
  return FORMAT.test(String.fromCodePoint(cp)) ? 'invisible' : undefined;
}

/**
 * `text` with every control, invisible and bidirectional character written as `\u{XXXX}`, so a
 * message quoting a key shows what is there and cannot reorder the rest of the line.
 */
export function visibleText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += classifyCharacter(cp) ? `\\u{${cp.toString(16).toUpperCase()}}` : ch;
  }
  return out;
}
