/**
 * The entries of a list whose key repeats an earlier entry's, each with the first entry of that
 * key: what rules about duplicates report (the later one, naming the first). Entries without a
 * key (`undefined`) are never duplicates.
 */
export function repeats<T>(list: readonly T[], keyOf: (entry: T) => string | undefined): Array<{ first: T; again: T }> {
  const firsts = new Map<string, T>();
  const out: Array<{ first: T; again: T }> = [];
  for (const entry of list) {
    const key = keyOf(entry);
    if (key === undefined) continue;
    const first = firsts.get(key);
    if (first === undefined) firsts.set(key, entry);
    else out.push({ first, again: entry });
  }
  return out;
}
