import semver from 'semver';
import type { Definition } from '../definition/envelope';
import { bumpRank, largestBump, type Bump, type BumpOrNone } from './classify';
import { diffDefinitions, type Change } from './diff';

type Versioned = Pick<Definition, 'schema' | 'uischema' | 'version'> & Partial<Definition>;

export interface VersionSuggestion {
  /** The smallest version after `from.version` these changes allow; `from.version` itself when nothing changed. */
  version: string;
  bump: BumpOrNone;
  changes: Change[];
}

/**
 * The next version the changes from `from` to `to` call for, by the largest change (semver:
 * major, minor or patch). A prerelease `from` (2.0.0-rc.1) moves to its release when that is
 * already a big enough step, as semver's `inc` does. @public
 */
export function suggestVersion(from: Versioned, to: Pick<Definition, 'schema' | 'uischema'> & Partial<Definition>): VersionSuggestion {
  const changes = diffDefinitions(from, to);
  const bump = largestBump(changes.map((c) => c.severity));
  if (bump === 'none') return { version: from.version, bump, changes };
  return { version: semver.inc(from.version, bump) ?? from.version, bump, changes };
}

/**
 * How big a step `to` is from `from` in semver terms (`none` when not greater): a prerelease step
 * counts as the release it leads to (1.0.0 → 2.0.0-rc.1 is major).
 */
export function versionStep(from: string, to: string): BumpOrNone {
  if (!semver.valid(from) || !semver.valid(to) || !semver.gt(to, from)) return 'none';
  const d = semver.diff(from, to);
  if (d === 'major' || d === 'premajor') return 'major';
  if (d === 'minor' || d === 'preminor') return 'minor';
  if (d === 'patch' || d === 'prepatch' || d === 'prerelease') return 'patch';
  return 'none';
}

/** Is `to` at least the step the changes need? (`none` needed: any later version will do.) */
export function stepIsEnough(step: BumpOrNone, needed: BumpOrNone): boolean {
  if (needed === 'none') return true;
  return bumpRank(step) >= bumpRank(needed as Bump);
}
