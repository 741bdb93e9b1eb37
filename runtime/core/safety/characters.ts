import { lookalikeName } from './lookalikes';
import { classifyCharacter, type CharacterClass } from './visible';

export { classifyCharacter, visibleText, type CharacterClass } from './visible';

/**
 * Characters a person cannot see or trust in keys and text: controls, invisible format characters,
 * bidirectional controls, markup. What lint reports about keys, option values and shown text, and
 * how a character is named in a message (`U+202E RIGHT-TO-LEFT OVERRIDE`).
 */

/** Any character classifyCharacter classes: one regular-expression test passes most text without a character walk. */
const MAY_HIDE = /[\p{Cc}\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u2028\u2029\u2800\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]/u;

export function mayHide(text: string): boolean {
  return MAY_HIDE.test(text);
}

/** Characters that open or close markup or an attribute when a key lands in HTML, a CSV header or a template. */
export const MARKUP_CHARACTERS: ReadonlySet<string> = new Set(['<', '>', '&', '"', "'", '`']);

/** Names of the characters lint talks about (Unicode names; controls by their usual alias). */
const NAMES: Record<number, string> = {
  0x00: 'NULL', 0x07: 'BELL', 0x08: 'BACKSPACE', 0x09: 'CHARACTER TABULATION', 0x0a: 'LINE FEED', 0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED', 0x0d: 'CARRIAGE RETURN', 0x1b: 'ESCAPE', 0x7f: 'DELETE', 0x85: 'NEXT LINE',
  0x20: 'SPACE', 0x22: 'QUOTATION MARK', 0x23: 'NUMBER SIGN', 0x25: 'PERCENT SIGN', 0x26: 'AMPERSAND', 0x27: 'APOSTROPHE',
  0x2d: 'HYPHEN-MINUS', 0x2e: 'FULL STOP', 0x2f: 'SOLIDUS', 0x3a: 'COLON', 0x3c: 'LESS-THAN SIGN', 0x3e: 'GREATER-THAN SIGN', 0x40: 'COMMERCIAL AT',
  0x5c: 'REVERSE SOLIDUS', 0x60: 'GRAVE ACCENT', 0x7e: 'TILDE', 0xa0: 'NO-BREAK SPACE', 0xad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER', 0x061c: 'ARABIC LETTER MARK', 0x115f: 'HANGUL CHOSEONG FILLER', 0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0x2800: 'BRAILLE PATTERN BLANK',
  0x3164: 'HANGUL FILLER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE', 0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** `U+200B`. */
export function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+200B ZERO WIDTH SPACE`; a character without a name here gets its code point and, when visible, itself. */
export function describeCharacter(cp: number): string {
  const hex = codePoint(cp);
  const name = NAMES[cp] ?? lookalikeName(cp);
  if (name) return `${hex} ${name}`;
  return classifyCharacter(cp) ? hex : `${hex} "${String.fromCodePoint(cp)}"`;
}

/** `U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE`. */
export function describeCharacters(cps: readonly number[]): string {
  return cps.map(describeCharacter).join(', ');
}

/** Each distinct character of `text` (by code point) that `pick` selects, in order of first appearance. */
export function distinctCharacters(text: string, pick: (cp: number) => boolean): number[] {
  const found: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (pick(cp) && !found.includes(cp)) found.push(cp);
  }
  return found;
}

const RIGHT_TO_LEFT = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const JOINING = /(?=[\p{L}\p{M}\p{Extended_Pictographic}])[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Mongolian}\p{Script=Nko}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Extended_Pictographic}]/u;

/**
 * Whether a mark or joiner has its ordinary job in this text: bidirectional marks and isolates in
 * text with right-to-left letters (an Arabic, Urdu or Hebrew translation), joiners in text of a
 * script that shapes with them (Persian, Indic scripts) or in emoji sequences. Elsewhere they only hide.
 */
// Letters only: U+061C ARABIC LETTER MARK is itself of the Arabic script, and must not vouch for itself.
export function hasUseIn(cls: CharacterClass, text: string): boolean {
  if (cls === 'bidi-mark') return RIGHT_TO_LEFT.test(text);
  if (cls === 'joiner') return JOINING.test(text);
  return false;
}
