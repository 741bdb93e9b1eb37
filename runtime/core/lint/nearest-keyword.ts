import { AJV_KEYWORDS } from '../validate/known-keywords';

/** Longer than any keyword: a key this long is no typo of one, and is not compared. */
const MAX_LENGTH = 40;

/**
 * The known keyword an unknown one was most likely meant as (`requird` → `required`, `maxLenght` →
 * `maxLength`, `titel` → `title`, `maxlength` → `maxLength`), or undefined when none is close. Close
 * means an optimal-string-alignment distance (Levenshtein with a swap of two neighbours as one edit)
 * of at most 2, at most 1 for keys of four letters or fewer, compared without case: a short key
 * is near too many keywords for a farther guess to help. The candidates are the validator's own list
 * (known-keywords.ts), so lint never suggests what the validator would refuse.
 */
export function nearestKeyword(keyword: string): string | undefined {
  if (keyword.length > MAX_LENGTH || AJV_KEYWORDS.has(keyword)) return undefined;
  const wanted = keyword.toLowerCase();
  const limit = keyword.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const [candidate, lower] of candidates) {
    if (Math.abs(lower.length - wanted.length) > limit) continue;
    const d = alignmentDistance(wanted, lower, Math.min(limit, bestDistance));
    // Ties go to the plainer keyword: `$`-prefixed and legacy ones are rarely what was meant.
    if (d < bestDistance || (d === bestDistance && best !== undefined && best.startsWith('$') && !candidate.startsWith('$'))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

const candidates: ReadonlyArray<readonly [string, string]> = [...AJV_KEYWORDS].map((k) => [k, k.toLowerCase()] as const);

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), or
 * `max + 1` as soon as it must exceed `max`: a hostile file may hold tens of thousands of unknown
 * keys, each compared with every keyword of a similar length, so most comparisons stop after a row or two.
 */
function alignmentDistance(a: string, b: string, max: number): number {
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
