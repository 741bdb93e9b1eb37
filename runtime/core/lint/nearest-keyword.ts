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
  for (const candidate of AJV_KEYWORDS) {
    if (Math.abs(candidate.length - wanted.length) > limit) continue;
    const d = alignmentDistance(wanted, candidate.toLowerCase());
    // Ties go to the plainer keyword: `$`-prefixed and legacy ones are rarely what was meant.
    if (d < bestDistance || (d === bestDistance && best !== undefined && best.startsWith('$') && !candidate.startsWith('$'))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function alignmentDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}
