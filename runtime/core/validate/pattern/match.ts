import {
  ASSERT_END,
  ASSERT_START,
  ASSERT_WORD,
  OP_ASSERT,
  OP_CHAR,
  OP_COUNT,
  OP_COUNT_ENTER,
  OP_MATCH,
  OP_SPLIT,
  type Program,
} from './nfa';

/**
 * Whether `text` contains a match of the program: a Pike VM keeping the set of live instructions,
 * one step per code point, so time is O(program × text) whatever the pattern. Only existence is
 * asked, so threads carry no captures or priorities and the search stops at the first match.
 */
export type Matcher = (text: string) => boolean;

const isWordChar = (cp: number) => (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f;

export function createMatcher(program: Program): Matcher {
  const { op, next, arg, sets, counters, start, anchored } = program;
  const states = op.length;
  // Reused between calls: test() is synchronous and never re-entered.
  let current = new Int32Array(states);
  let following = new Int32Array(states);
  const seen = new Uint32Array(states);
  // Per step: the matched threads and start, then at most one push per instruction expanded.
  const stack = new Int32Array(states * 3 + 2);
  let generation = 0;
  // Each set is asked at most once per step, however many copies of it are live.
  const setStep = new Uint32Array(sets.length);
  const setAnswer = new Uint8Array(sets.length);
  // Each counter's entry positions (code point indexes), oldest first from `heads`.
  const entries = counters.map(() => [] as number[]);
  const heads = new Int32Array(counters.length);

  const accepts = (cp: number, set: number, here: number): boolean => {
    if (set < 0) return cp === here;
    if (setStep[set] !== generation) {
      setStep[set] = generation;
      setAnswer[set] = sets[set]!.test(here) ? 1 : 0;
    }
    return setAnswer[set] === 1;
  };

  /** Counter threads at `max` cannot consume more; the rest consume `here` together or all die. */
  const stepCounter = (c: number, here: number, position: number): boolean => {
    const counter = counters[c]!;
    const queue = entries[c]!;
    let head = heads[c]!;
    while (head < queue.length && position - queue[head]! >= counter.max) head++;
    const alive = head < queue.length && accepts(counter.cp, counter.set, here);
    if (!alive) {
      queue.length = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    heads[c] = head;
    return alive;
  };

  return (text: string) => {
    const end = text.length;
    let prevWord = false;
    let cp = end > 0 ? text.codePointAt(0)! : -1; // the code point after the position; -1 at the end
    let position = 0; // in code points, for counters
    for (const queue of entries) queue.length = 0;
    heads.fill(0);
    let top = 0;
    stack[top++] = start;
    for (let index = 0; ; ) {
      // Expand the threads on the stack into `following`, with assertions decided at `index`.
      if (++generation === 0xffffffff) {
        seen.fill(0);
        setStep.fill(0);
        generation = 1;
      }
      const boundary = prevWord !== isWordChar(cp);
      let followingCount = 0;
      while (top > 0) {
        // Follow one branch in place and stack the other: half the stack traffic of pushing both.
        for (let pc = stack[--top]!; seen[pc] !== generation; ) {
          seen[pc] = generation;
          const code = op[pc];
          if (code === OP_SPLIT) {
            stack[top++] = arg[pc]!;
            pc = next[pc]!;
          } else if (code === OP_ASSERT) {
            const kind = arg[pc];
            if (!(kind === ASSERT_START ? index === 0 : kind === ASSERT_END ? index === end : boundary === (kind === ASSERT_WORD))) break;
            pc = next[pc]!;
          } else if (code === OP_COUNT_ENTER) {
            const c = arg[pc]!;
            const queue = entries[c]!;
            // With no upper bound only the oldest entry matters: it has the largest count.
            if (counters[c]!.max !== Infinity || heads[c] === queue.length) queue.push(position);
            pc = next[pc]!;
          } else if (code === OP_COUNT) {
            following[followingCount++] = pc;
            const c = arg[pc]!;
            const queue = entries[c]!;
            // A thread may leave once its count reaches min; the oldest entry has the largest count.
            if (heads[c]! < queue.length && queue[heads[c]!]! <= position - counters[c]!.min) pc = next[pc]!;
            else break;
          } else if (code === OP_MATCH) return true;
          else {
            following[followingCount++] = pc;
            break;
          }
        }
      }
      if (index >= end || (anchored && followingCount === 0)) return false;
      const swap = current;
      current = following;
      following = swap;
      // Step over one code point: the threads that consume it continue after it.
      const here = cp;
      index += here > 0xffff ? 2 : 1;
      prevWord = isWordChar(here);
      cp = index < end ? text.codePointAt(index)! : -1;
      for (let k = 0; k < followingCount; k++) {
        const pc = current[k]!;
        const code = op[pc];
        if (code === OP_COUNT) {
          if (stepCounter(arg[pc]!, here, position)) stack[top++] = pc;
        }
        else if (code === OP_CHAR ? arg[pc] === here : accepts(-1, arg[pc]!, here)) stack[top++] = next[pc]!;
      }
      position++;
      if (!anchored) stack[top++] = start;
    }

  };
}
