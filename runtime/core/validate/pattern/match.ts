import {
  ASSERT_END,
  ASSERT_START,
  ASSERT_WORD,
  OP_ASSERT,
  OP_CHAR,
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
  const { op, next, arg, sets, start, anchored } = program;
  const states = op.length;
  // Reused between calls: test() is synchronous and never re-entered.
  let current = new Int32Array(states);
  let following = new Int32Array(states);
  const seen = new Uint32Array(states);
  // Each instruction is expanded once per step and pushes at most two, plus the matched threads and start.
  const stack = new Int32Array(states * 3 + 2);
  let generation = 0;
  // Each set is asked at most once per step, however many copies of it are live.
  const setStep = new Uint32Array(sets.length);
  const setAnswer = new Uint8Array(sets.length);

  return (text: string) => {
    const end = text.length;
    let count = 0;
    let prevWord = false;
    let cp = end > 0 ? text.codePointAt(0)! : -1; // the code point after the position; -1 at the end
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
      count = followingCount;
      // Step over one code point: the threads that consume it continue after it.
      const here = cp;
      index += here > 0xffff ? 2 : 1;
      prevWord = isWordChar(here);
      cp = index < end ? text.codePointAt(index)! : -1;
      for (let k = 0; k < count; k++) {
        const pc = current[k]!;
        const value = arg[pc]!;
        let passes: boolean;
        if (op[pc] === OP_CHAR) passes = value === here;
        else {
          if (setStep[value] !== generation) {
            setStep[value] = generation;
            setAnswer[value] = sets[value]!.test(here) ? 1 : 0;
          }
          passes = setAnswer[value] === 1;
        }
        if (passes) stack[top++] = next[pc]!;
      }
      if (!anchored) stack[top++] = start;
    }
  };
}
