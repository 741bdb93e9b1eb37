import { fail, ok, type Problem, type Result } from '../problems/problem';

/**
 * Bytes → text, UTF-8 only, in one linear pass. Written here rather than with `TextDecoder`:
 * core's lib (ES2022, no DOM) has no `TextDecoder`, and its fatal mode does not say where the bad
 * byte is, which is what an author needs to find it. A leading BOM is kept (as U+FEFF) so that
 * the text path decides about it once, for bytes and strings alike (see `parseJsonText`).
 */
export function decodeUtf8(bytes: Uint8Array): Result<string> {
  const utf16 = utf16Signature(bytes);
  if (utf16) {
    return fail([encodingProblem('encoding-utf16', `The file is ${utf16}, not UTF-8: save it as UTF-8 (without a byte-order mark).`, bytes, 0, { encoding: utf16 })]);
  }
  const units: number[] = [];
  const parts: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units.push(b);
      i++;
    } else {
      const cp = sequenceAt(bytes, i);
      if (cp === undefined) {
        return fail([encodingProblem('encoding-invalid', `The file is not valid UTF-8: byte ${i} (0x${b.toString(16).padStart(2, '0')}) does not start a valid character.`, bytes, i, { byteOffset: i })]);
      }
      if (cp.value > 0xffff) units.push(0xd800 + ((cp.value - 0x10000) >> 10), 0xdc00 + ((cp.value - 0x10000) & 0x3ff));
      else units.push(cp.value);
      i += cp.length;
    }
    // Flushed in chunks: String.fromCharCode takes its code units as arguments.
    if (units.length >= 8192) parts.push(String.fromCharCode(...units.splice(0)));
  }
  parts.push(String.fromCharCode(...units));
  return ok(parts.join(''));
}

/** UTF-16 or UTF-32 by their byte-order marks, or by the NULs an ASCII first character leaves (RFC 4627 §3). */
function utf16Signature(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2) return undefined;
  const [a, b] = [bytes[0]!, bytes[1]!];
  if (a === 0xff && b === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? 'UTF-32 (little-endian)' : 'UTF-16 (little-endian)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian)';
  if (a === 0 && b === 0) return 'UTF-32 (big-endian)';
  if (a === 0) return 'UTF-16 (big-endian)';
  if (b === 0) return 'UTF-16 (little-endian)';
  return undefined;
}

/**
 * The code point of the multi-byte sequence at `i`, or undefined when it is not well-formed UTF-8
 * (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, no cut-off end).
 */
function sequenceAt(bytes: Uint8Array, i: number): { value: number; length: number } | undefined {
  const b = bytes[i]!;
  let length: number;
  let value: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) [length, value] = [2, b & 0x1f];
  else if (b >= 0xe0 && b <= 0xef) {
    [length, value] = [3, b & 0x0f];
    if (b === 0xe0) low = 0xa0;
    if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    [length, value] = [4, b & 0x07];
    if (b === 0xf0) low = 0x90;
    if (b === 0xf4) high = 0x8f;
  } else return undefined;
  for (let k = 1; k < length; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < low || c > high) return undefined;
    value = (value << 6) | (c & 0x3f);
    [low, high] = [0x80, 0xbf];
  }
  return { value, length };
}

/** A problem of the whole file at a byte offset, with the line it falls on (lines end at 0x0A in UTF-8 and ASCII alike). */
function encodingProblem(code: 'encoding-utf16' | 'encoding-invalid', message: string, bytes: Uint8Array, offset: number, params: Record<string, unknown>): Problem {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) {
    if (bytes[k] === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { code, severity: 'error', message, path: '', source: 'load', line, column: offset - lineStart + 1, params: { ...params, byteOffset: offset } };
}
