import type { FormModel, Question } from '../model/types';
import { exportProfiles, stricterAction, type ExportProfileName, type LevelAction } from '../model/sensitivity';
import { computedReads } from '../rules/computed';

/**
 * Export profiles: which answers leave the service, by sensitivity level (docs/exports.md). What
 * a profile does with a level is data, the level table (model/sensitivity.ts):
 * - `full`: every answer (a form's own level may say otherwise).
 * - `external-agency`: `personal` kept; `sensitive`, `special-category`, `safe-address` left out.
 * - `masked`: `personal`, `sensitive`, `special-category` in place with the value replaced by
 *   {@link MASK}; `safe-address` left out (even its presence tells where to look).
 * An item of a group with a level, and a computed value derived from an answer with one, are
 * treated as strictly as that level too: a count of "yes" answers to abuse questions discloses as
 * much as the answers.
 * @public
 */
export { exportProfiles, type ExportProfileName };

/** What a masked value is written as, in every format but FHIR (which uses data-absent-reason `masked`). @public */
export const MASK = '[masked]';

export type Treatment = LevelAction;
export type ProfileActions = Readonly<Record<ExportProfileName, LevelAction>>;

export function isExportProfile(name: string): name is ExportProfileName {
  return (exportProfiles as readonly string[]).includes(name);
}

const sensitiveCache = new WeakMap<FormModel, Map<Question, ProfileActions>>();

/**
 * What each profile does with each question that has a level (own, its group's, or an input's of
 * a computed value), the strictest of them profile by profile. Questions without one are kept.
 */
export function sensitiveQuestions(model: FormModel): ReadonlyMap<Question, ProfileActions> {
  const hit = sensitiveCache.get(model);
  if (hit) return hit;
  const { all, questions, byKey } = model;
  const sensitive = new Map<Question, ProfileActions>();
  const raise = (q: Question, actions: ProfileActions | undefined): boolean => {
    if (!actions) return false;
    const before = sensitive.get(q);
    const after = before ? combine(before, actions) : actions;
    if (before && exportProfiles.every((p) => before[p] === after[p])) return false;
    sensitive.set(q, after);
    return true;
  };
  for (const q of all) {
    raise(q, q.level?.profiles);
    raise(q, q.group?.level?.profiles);
  }
  // An object is as strict as its strictest question: a change to the whole address is the address.
  for (let i = all.length - 1; i >= 0; i--) {
    const q = all[i]!;
    if (q.parent) raise(q.parent, sensitive.get(q));
  }
  // Computed values may depend on computed values: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const q of questions) {
      if (!q.computed) continue;
      for (const k of computedReads(q.computed)) {
        const input = byKey.get(k);
        if (!input) continue;
        if (raise(q, sensitive.get(input))) changed = true;
        // A count or sum over a group's items reads its items' answers too.
        for (const item of input.items ?? []) if (raise(q, sensitive.get(item))) changed = true;
      }
    }
  }
  sensitiveCache.set(model, sensitive);
  return sensitive;
}

function combine(a: ProfileActions, b: ProfileActions): ProfileActions {
  return { full: stricterAction(a.full, b.full), 'external-agency': stricterAction(a['external-agency'], b['external-agency']), masked: stricterAction(a.masked, b.masked) };
}

export function treatmentOf(profile: ExportProfileName, question: Question, sensitive: ReadonlyMap<Question, ProfileActions>): Treatment {
  return sensitive.get(question)?.[profile] ?? 'keep';
}

/**
 * The table an export applied: each level the form may use and what `profile` did with it. Every
 * export records it beside the profile's name (JSON/NDJSON `meta.exportLevels`, FHIR `meta`), so a
 * file says what was left out even after the built-in table changes.
 * @public
 */
export function levelsApplied(model: FormModel, profile: ExportProfileName): Record<string, LevelAction> {
  const out: Record<string, LevelAction> = {};
  for (const [name, level] of model.levels) Object.defineProperty(out, name, { value: level.profiles[profile], enumerable: true, writable: true, configurable: true });
  return out;
}
