/**
 * ECMA-262 `u`-mode pattern syntax → a small tree, for the linear-time matcher. The text has
 * already compiled as a native `RegExp(pattern, 'u')`, so this parser only walks valid syntax; it
 * refuses (throws `PatternRefusal`) what a set-of-states matcher cannot run: backreferences,
 * lookaround, and syntax newer than some engines we run on (modifiers, duplicate group names),
 * so that a pattern means the same in every browser, the command line and the server.
 *
 * Captures, greediness and laziness are dropped: AJV only asks `test()`, whether a match exists.
 */

/** Decides one code point: a single-character atom (literal, `.`, class, escape class, property). */
export interface CodePointSet {
  test(cp: number): boolean;
}

export type Assertion = 'start' | 'end' | 'word' | 'notWord';

export type Node =
  | { type: 'empty' }
  | { type: 'char'; cp: number }
  | { type: 'set'; set: CodePointSet }
  | { type: 'assert'; kind: Assertion }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'repeat'; body: Node; min: number; max: number; counted: boolean };

/** A pattern the linear-time engine will not run; `message` is the reason shown to authors. */
export class PatternRefusal extends Error {}

/** Deeper nesting than this is refused rather than risking the parser's stack. */
export const MAX_PATTERN_NESTING = 100;

const DOT: CodePointSet = { test: (cp) => cp !== 0x0a && cp !== 0x0d && cp !== 0x2028 && cp !== 0x2029 };
const BRACES = /\{(\d+)(,(\d*))?\}/y;
const CONTROL: Record<string, number> = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };

/**
 * A set decided by the native engine on one code point at a time: matching a single code point
 * cannot backtrack, and the native engine knows Unicode properties. Latin-1 answers are cached, and the last one above.
 */
export function nativeSet(source: string): CodePointSet {
  const re = new RegExp(`^(?:${source})$`, 'u');
  const cache = new Uint8Array(256); // 0 unknown, 1 no, 2 yes
  // Counted repetition copies one set into many live states, all asking about the same code point.
  let lastCp = -1;
  let lastAnswer = false;
  return {
    test(cp) {
      if (cp >= 256) {
        if (cp !== lastCp) [lastCp, lastAnswer] = [cp, re.test(String.fromCodePoint(cp))];
        return lastAnswer;
      }
      let known = cache[cp];
      if (known === 0) cache[cp] = known = re.test(String.fromCodePoint(cp)) ? 2 : 1;
      return known === 2;
    },
  };
}

export function parsePattern(pattern: string): Node {
  const parser = new Parser(pattern);
  const node = parser.alternation(0);
  // A valid pattern is consumed whole; a stray `)` would already have failed native compilation.
  if (parser.i !== pattern.length) throw new PatternRefusal(`unexpected ${JSON.stringify(pattern[parser.i])}`);
  return node;
}

class Parser {
  i = 0;
  private readonly names = new Set<string>();

  constructor(private readonly text: string) {}

  alternation(depth: number): Node {
    if (depth > MAX_PATTERN_NESTING) throw new PatternRefusal(`groups are nested more than ${MAX_PATTERN_NESTING} deep`);
    const options = [this.sequence(depth)];
    while (this.text[this.i] === '|') {
      this.i++;
      options.push(this.sequence(depth));
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  private sequence(depth: number): Node {
    const items: Node[] = [];
    while (this.i < this.text.length && this.text[this.i] !== '|' && this.text[this.i] !== ')') {
      items.push(this.quantified(this.atom(depth)));
    }
    return items.length === 0 ? { type: 'empty' } : items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  private quantified(body: Node): Node {
    const t = this.text;
    let min: number;
    let max: number;
    const c = t[this.i];
    const counted = c === '{';
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      BRACES.lastIndex = this.i;
      const m = BRACES.exec(t);
      // Under `u` a `{` after an atom is always a quantifier; a huge bound is simply a huge number.
      if (!m) throw new PatternRefusal('unexpected "{"');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return body;
    this.i++;
    if (t[this.i] === '?') this.i++; // lazy: the same set of matches for test()
    return { type: 'repeat', body, min, max, counted };
  }

  private atom(depth: number): Node {
    const t = this.text;
    const c = t[this.i];
    switch (c) {
      case '^':
        this.i++;
        return { type: 'assert', kind: 'start' };
      case '$':
        this.i++;
        return { type: 'assert', kind: 'end' };
      case '.':
        this.i++;
        return { type: 'set', set: DOT };
      case '(':
        return this.group(depth);
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape();
      default: {
        const cp = t.codePointAt(this.i)!;
        this.i += cp > 0xffff ? 2 : 1;
        return { type: 'char', cp };
      }
    }
  }

  private group(depth: number): Node {
    const t = this.text;
    this.i++; // (
    if (t[this.i] === '?') {
      const head = t.slice(this.i, this.i + 3);
      if (head.startsWith('?=') || head.startsWith('?!')) throw new PatternRefusal('lookahead is not supported (it needs backtracking)');
      if (head === '?<=' || head === '?<!') throw new PatternRefusal('lookbehind is not supported (it needs backtracking)');
      if (head.startsWith('?:')) this.i += 2;
      else if (head.startsWith('?<')) {
        const close = t.indexOf('>', this.i);
        const name = t.slice(this.i + 2, close);
        // Newer engines accept a repeated name in different alternatives; older ones do not.
        if (this.names.has(name)) throw new PatternRefusal(`the group name ${JSON.stringify(name)} is used twice`);
        this.names.add(name);
        this.i = close + 1;
      } else throw new PatternRefusal('inline modifiers such as (?i:) are not supported');
    }
    const body = this.alternation(depth + 1);
    this.i++; // )
    return body;
  }

  private characterClass(): Node {
    const t = this.text;
    const start = this.i;
    this.i++; // [
    // Under `u` (not `v`) classes do not nest; an escaped `]` is the only one that does not close.
    while (t[this.i] !== ']') this.i += t[this.i] === '\\' ? 2 : 1;
    this.i++;
    return { type: 'set', set: nativeSet(t.slice(start, this.i)) };
  }

  private escape(): Node {
    const t = this.text;
    const start = this.i;
    const c = t[this.i + 1] ?? '';
    this.i += 2;
    if (c === 'b') return { type: 'assert', kind: 'word' };
    if (c === 'B') return { type: 'assert', kind: 'notWord' };
    if ('dDwWsS'.includes(c)) return { type: 'set', set: nativeSet(t.slice(start, this.i)) };
    if (c === 'p' || c === 'P') {
      this.i = t.indexOf('}', this.i) + 1;
      return { type: 'set', set: nativeSet(t.slice(start, this.i)) };
    }
    if (c === 'k' || (c >= '1' && c <= '9')) throw new PatternRefusal('backreferences are not supported (they need backtracking)');
    const control = CONTROL[c];
    if (control !== undefined) return { type: 'char', cp: control };
    if (c === '0') return { type: 'char', cp: 0 };
    if (c === 'c') return { type: 'char', cp: t.charCodeAt(this.i++) % 32 };
    if (c === 'x') return { type: 'char', cp: this.hex(2) };
    if (c === 'u') return { type: 'char', cp: this.unicodeEscape() };
    // An identity escape (`\.`, `\/`, …): the character itself, which may be astral.
    const cp = t.codePointAt(start + 1)!;
    this.i = start + 1 + (cp > 0xffff ? 2 : 1);
    return { type: 'char', cp };
  }

  /** After `\u`: `{H…}`, `HHHH`, or a `\uLEAD\uTRAIL` surrogate pair, which is one code point. */
  private unicodeEscape(): number {
    const t = this.text;
    if (t[this.i] === '{') {
      const close = t.indexOf('}', this.i);
      const cp = parseInt(t.slice(this.i + 1, close), 16);
      this.i = close + 1;
      return cp;
    }
    const lead = this.hex(4);
    if (lead >= 0xd800 && lead <= 0xdbff && t.startsWith('\\u', this.i) && /^[\dA-Fa-f]{4}$/.test(t.slice(this.i + 2, this.i + 6))) {
      const trail = parseInt(t.slice(this.i + 2, this.i + 6), 16);
      if (trail >= 0xdc00 && trail <= 0xdfff) {
        this.i += 6;
        return (lead - 0xd800) * 0x400 + (trail - 0xdc00) + 0x10000;
      }
    }
    return lead;
  }

  private hex(length: number): number {
    const value = parseInt(this.text.slice(this.i, this.i + length), 16);
    this.i += length;
    return value;
  }
}
