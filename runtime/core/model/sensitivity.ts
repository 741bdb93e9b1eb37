import { LEVEL_NAME_PATTERN } from '../definition/extension-values';
import { isObject, own } from './schema-walk';

/**
 * Sensitivity levels as data (docs/definition-format.md, "Sensitivity levels"): what each export
 * profile does with an answer of a level, whether the level must sit behind the safety check, and
 * whether a draft may hold it. Built-in levels are fixed; a form may add levels of its own
 * (`sensitivityLevels`) but never redefine a built-in one: a form that quietly made `safe-address`
 * exportable would defeat what every reader of the form takes the name to mean.
 */

/** @public */
export const exportProfiles = ['full', 'external-agency', 'masked'] as const;
export type ExportProfileName = (typeof exportProfiles)[number];

/** What a profile does with an answer, from the least to the most protective. @public */
export const levelActions = ['keep', 'mask', 'drop'] as const;
export type LevelAction = (typeof levelActions)[number];

/** @public */
export interface SensitivityLevel {
  name: string;
  /** What each export profile does with an answer of this level. */
  profiles: Readonly<Record<ExportProfileName, LevelAction>>;
  /** Shown (and required) only once the safety check is answered yes. */
  gated: boolean;
  /** `never`: no draft holds the answer, on the device or in a host's store. */
  drafts: 'keep' | 'never';
  builtIn: boolean;
}

const level = (name: string, externalAgency: LevelAction, masked: LevelAction, gated: boolean, drafts: 'keep' | 'never' = 'keep'): SensitivityLevel =>
  Object.freeze({ name, profiles: Object.freeze({ full: 'keep', 'external-agency': externalAgency, masked }), gated, drafts, builtIn: true });

/**
 * The built-in table. `personal` (name, date of birth) identifies the person: an external agency
 * needs it to act, an anonymised extract does not, and it needs no safety check. `safe-address`
 * (a refuge or a new address) is the answer that can get someone killed: only `full` keeps it and
 * no draft ever holds it.
 * @public
 */
export const builtInLevels: ReadonlyMap<string, SensitivityLevel> = new Map([
  ['personal', level('personal', 'keep', 'mask', false)],
  ['sensitive', level('sensitive', 'drop', 'mask', true)],
  ['special-category', level('special-category', 'drop', 'mask', true)],
  ['safe-address', level('safe-address', 'drop', 'drop', true, 'never')],
]);

/**
 * What an `x-sensitivity` the table does not know is treated as until lint's error is fixed: as
 * strictly as anything (failing safe keeps a misspelt `safe-adress` out of exports and drafts).
 */
export function unknownLevel(name: string): SensitivityLevel {
  return { name, profiles: { full: 'keep', 'external-agency': 'drop', masked: 'drop' }, gated: true, drafts: 'never', builtIn: false };
}

/** The levels a form may use: the built-in ones, then those it declares (a redefined built-in is ignored). */
export function levelTable(declared: unknown): ReadonlyMap<string, SensitivityLevel> {
  if (!isObject(declared)) return builtInLevels;
  const table = new Map(builtInLevels);
  for (const name of Object.keys(declared)) {
    if (table.has(name) || !LEVEL_NAME_PATTERN.test(name)) continue;
    table.set(name, declaredLevel(name, declared[name]));
  }
  return table;
}

/**
 * A declared level as the product applies it. Anything not written, or written wrong (lint's
 * `sensitivity-level-invalid`), takes the protective side: a profile not named drops the answer
 * (`full` keeps it), the level is gated, and drafts keep it only when `drafts` says `keep`.
 */
function declaredLevel(name: string, value: unknown): SensitivityLevel {
  const profiles = own(value, 'profiles');
  const actionOf = (profile: ExportProfileName): LevelAction => {
    const action = own(profiles, profile);
    if ((levelActions as readonly unknown[]).includes(action)) return action as LevelAction;
    return profile === 'full' && action === undefined ? 'keep' : 'drop';
  };
  return {
    name,
    profiles: { full: actionOf('full'), 'external-agency': actionOf('external-agency'), masked: actionOf('masked') },
    gated: own(value, 'gated') !== false,
    drafts: own(value, 'drafts') === 'keep' ? 'keep' : 'never',
    builtIn: false,
  };
}

/** The more protective of two actions. */
export function stricterAction(a: LevelAction, b: LevelAction): LevelAction {
  return levelActions.indexOf(a) >= levelActions.indexOf(b) ? a : b;
}

/** The level an `x-sensitivity` value names in `table` (any value written counts: failing safe). */
export function levelOf(table: ReadonlyMap<string, SensitivityLevel>, written: unknown): SensitivityLevel | undefined {
  if (written === undefined) return undefined;
  if (typeof written === 'string') return table.get(written) ?? unknownLevel(written);
  return unknownLevel(String(written));
}
