import type { Problem } from './problem';

/** More than this many problems of one code say nothing more, and only slow every view down. */
export const MAX_PROBLEMS_PER_CODE = 100;

function omittedProblem(first: Problem, omitted: number): Problem {
  return { ...first, path: '', message: `… and ${omitted} more ${first.code} problems not listed.`, params: { omitted } };
}

/** At most `MAX_PROBLEMS_PER_CODE` of each code, in order, then one line per code saying how many more. */
export function capPerCode(problems: Problem[]): Problem[] {
  const counts = new Map<string, number>();
  const out: Problem[] = [];
  for (const p of problems) {
    const n = (counts.get(p.code) ?? 0) + 1;
    counts.set(p.code, n);
    if (n <= MAX_PROBLEMS_PER_CODE) out.push(p);
  }
  for (const [code, n] of counts) if (n > MAX_PROBLEMS_PER_CODE) out.push(omittedProblem(problems.find((p) => p.code === code)!, n - MAX_PROBLEMS_PER_CODE));
  return out;
}

/**
 * The same cap while problems are found: past the cap a problem is only counted, never built or
 * located, so a hostile file with a hundred thousand faults costs no more than one with a hundred.
 */
export class CappedProblems {
  private readonly kept: Problem[] = [];
  private readonly counts = new Map<string, { first: Problem; n: number }>();

  add(code: string, make: () => Problem): void {
    const seen = this.counts.get(code);
    if (seen && seen.n >= MAX_PROBLEMS_PER_CODE) {
      seen.n++;
      return;
    }
    const problem = make();
    this.kept.push(problem);
    if (seen) seen.n++;
    else this.counts.set(code, { first: problem, n: 1 });
  }

  list(): Problem[] {
    const out = [...this.kept];
    for (const { first, n } of this.counts.values()) if (n > MAX_PROBLEMS_PER_CODE) out.push(omittedProblem(first, n - MAX_PROBLEMS_PER_CODE));
    return out;
  }
}
