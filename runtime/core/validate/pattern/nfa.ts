import { PatternRefusal, type Assertion, type CodePointSet, type Node } from './parse';

/**
 * A Thompson NFA in flat arrays, built back to front so that no instruction needs patching except
 * a loop's split. Counted repetition of a single code point (`.{0,500}`, `[a-z]{2,64}`) is one
 * counter; of anything larger it is expanded into copies. The program's size is known before
 * anything is emitted: matching costs O(program size × input length), and the budget keeps that
 * product inside the time a 10,000-character answer may take.
 */

export const OP_CHAR = 0; // consumes code point `arg`, then `next`
export const OP_SET = 1; // consumes a code point in sets[arg], then `next`
export const OP_SPLIT = 2; // continues at both `next` and `arg`
export const OP_ASSERT = 3; // continues at `next` if assertion `arg` holds here
export const OP_MATCH = 4;
export const OP_COUNT_ENTER = 5; // a thread enters counter `arg` here, then `next` (its OP_COUNT)
export const OP_COUNT = 6; // counter `arg`: consumes its atom while counting; leaves to `next` within bounds

export const ASSERT_START = 0;
export const ASSERT_END = 1;
export const ASSERT_WORD = 2;
export const ASSERT_NOT_WORD = 3;
const ASSERTIONS: Record<Assertion, number> = { start: ASSERT_START, end: ASSERT_END, word: ASSERT_WORD, notWord: ASSERT_NOT_WORD };

/**
 * `x{n,m}` on a single-code-point atom, run as one counter rather than m copies. The threads
 * inside it differ only in their count and all consume the same code point, so they advance or
 * die together: the matcher keeps their entry positions, and the count is position − entry.
 */
export interface Counter {
  min: number;
  max: number;
  /** The atom: a literal code point, or -1 and a set index. */
  cp: number;
  set: number;
}

export interface Program {
  op: Uint8Array;
  next: Int32Array;
  arg: Int32Array;
  sets: CodePointSet[];
  counters: Counter[];
  start: number;
  /** True when no thread can begin after position 0 (every path starts with `^`): search stops early. */
  anchored: boolean;
}

/**
 * Most instructions a pattern may compile to. The matcher does up to about 8 ns of work per live
 * instruction per code point: at 400 the worst case measured 36–39 ms median on a 2-core Xeon
 * for a 10,000-character answer, too close to issue 11's 50 ms for a practitioner's old laptop,
 * so 300 (about 28 ms there; `npm run bench:patterns` prints the worst cases). Ordinary patterns compile to a few dozen, `^.{0,5000}$` to four (a
 * counter); a group repeated `(?:ab|c){n,m}` costs m copies of the group.
 */
export const MAX_PATTERN_STATES = 300;

/** The program's size (instruction count), saturating just above the budget. */
function size(node: Node): number {
  const cap = (n: number) => Math.min(n, MAX_PATTERN_STATES + 1);
  switch (node.type) {
    case 'empty':
      return 0;
    case 'char':
    case 'set':
    case 'assert':
      return 1;
    case 'seq':
      return cap(node.items.reduce((sum, item) => sum + size(item), 0));
    case 'alt':
      return cap(node.options.reduce((sum, option) => sum + size(option), node.options.length - 1));
    case 'repeat': {
      const body = size(node.body);
      if (body === 0 || node.max === 0) return 0;
      if (isCounter(node)) return 2;
      const optional = node.max === Infinity ? body + 1 : (node.max - node.min) * (body + 1);
      return cap(node.min * body + optional);
    }
  }
}

const isCounter = (node: Node & { type: 'repeat' }) => node.counted && (node.body.type === 'char' || node.body.type === 'set');

export function compileProgram(root: Node): Program {
  const total = size(root) + 1;
  if (total > MAX_PATTERN_STATES) throw new PatternRefusal(`it is too large: it needs more than ${MAX_PATTERN_STATES} matcher states (a group repeated {n,m} is copied m times)`);
  const op = new Uint8Array(total);
  const next = new Int32Array(total);
  const arg = new Int32Array(total);
  const sets: CodePointSet[] = [];
  const setIndex = new Map<CodePointSet, number>();
  const counters: Counter[] = [];
  const indexOfSet = (set: CodePointSet) => {
    let index = setIndex.get(set);
    if (index === undefined) setIndex.set(set, (index = sets.push(set) - 1));
    return index;
  };
  let count = 0;
  const emit = (code: number, to: number, value: number) => {
    op[count] = code;
    next[count] = to;
    arg[count] = value;
    return count++;
  };

  const build = (node: Node, to: number): number => {
    switch (node.type) {
      case 'empty':
        return to;
      case 'char':
        return emit(OP_CHAR, to, node.cp);
      case 'set':
        return emit(OP_SET, to, indexOfSet(node.set));
      case 'assert':
        return emit(OP_ASSERT, to, ASSERTIONS[node.kind]);
      case 'seq':
        for (let k = node.items.length - 1; k >= 0; k--) to = build(node.items[k]!, to);
        return to;
      case 'alt': {
        let entry = build(node.options[node.options.length - 1]!, to);
        for (let k = node.options.length - 2; k >= 0; k--) entry = emit(OP_SPLIT, build(node.options[k]!, to), entry);
        return entry;
      }
      case 'repeat': {
        if (size(node.body) === 0 || node.max === 0) return to;
        if (isCounter(node)) {
          const body = node.body as Node & { type: 'char' | 'set' };
          const index = counters.push({ min: node.min, max: node.max, cp: body.type === 'char' ? body.cp : -1, set: body.type === 'set' ? indexOfSet(body.set) : -1 }) - 1;
          return emit(OP_COUNT_ENTER, emit(OP_COUNT, to, index), index);
        }
        let tail = to;
        if (node.max === Infinity) {
          const loop = emit(OP_SPLIT, 0, to);
          next[loop] = build(node.body, loop);
          tail = loop;
        } else {
          for (let k = node.min; k < node.max; k++) tail = emit(OP_SPLIT, build(node.body, tail), tail);
        }
        for (let k = 0; k < node.min; k++) tail = build(node.body, tail);
        return tail;
      }
    }
  };

  const match = emit(OP_MATCH, 0, 0);
  const start = build(root, match);
  return { op, next, arg, sets, counters, start, anchored: !canStartAfterZero(op, next, arg, start) };
}

/** Whether a thread entering at `start` can reach a consuming step or a match without passing `^`. */
function canStartAfterZero(op: Uint8Array, next: Int32Array, arg: Int32Array, start: number): boolean {
  const seen = new Uint8Array(op.length);
  const stack = [start];
  while (stack.length > 0) {
    const pc = stack.pop()!;
    if (seen[pc]) continue;
    seen[pc] = 1;
    if (op[pc] === OP_CHAR || op[pc] === OP_SET || op[pc] === OP_COUNT_ENTER || op[pc] === OP_MATCH) return true;
    if (op[pc] === OP_SPLIT) stack.push(next[pc]!, arg[pc]!);
    else if (arg[pc] !== ASSERT_START) stack.push(next[pc]!);
  }
  return false;
}
