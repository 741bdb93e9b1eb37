/**
 * semver order without a dependency (the practitioner page and the builder sort versions; semver
 * itself stays with the diff): numeric parts, then a prerelease sorts before its release. @public
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [main = '', pre] = v.split('-', 2);
    return { nums: main.split('.').map((n) => Number(n) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The highest of `versions` in semver order, or undefined for none. @public */
export function latest(versions: readonly string[]): string | undefined {
  return [...versions].sort(compareVersions).pop();
}
