import type { FormModel, Question } from '../model/types';
import { computedReads } from '../rules/computed';

/**
 * Export profiles: which answers leave the service, by sensitivity (docs/exports.md).
 * - `full`: every answer.
 * - `external-agency`: every answer marked `x-sensitivity` is left out, with its column or item.
 * - `masked`: sensitive answers stay in place but their value is replaced by {@link MASK}.
 * An item of a sensitive group, and a computed value derived from a sensitive answer, count as
 * sensitive: a count of "yes" answers to abuse questions discloses as much as the answers.
 * @public
 */
export const exportProfiles = ['full', 'external-agency', 'masked'] as const;
export type ExportProfileName = (typeof exportProfiles)[number];

/** What a masked value is written as, in every format but FHIR (which uses data-absent-reason `masked`). @public */
export const MASK = '[masked]';

export type Treatment = 'keep' | 'drop' | 'mask';

export function isExportProfile(name: string): name is ExportProfileName {
  return (exportProfiles as readonly string[]).includes(name);
}

const sensitiveCache = new WeakMap<FormModel, Set<Question>>();

/** Questions whose answers a profile treats as sensitive (own mark, sensitive group, or computed from one). */
export function sensitiveQuestions(model: FormModel): Set<Question> {
  const hit = sensitiveCache.get(model);
  if (hit) return hit;
  const { all, questions, byKey } = model;
  const sensitive = new Set<Question>();
  for (const q of all) {
    if (q.sensitivity) sensitive.add(q);
    if (q.group?.sensitivity) sensitive.add(q);
  }
  // Computed values may depend on computed values: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const q of questions) {
      if (!q.computed || sensitive.has(q)) continue;
      // A count or sum over a group's items reads its items' answers too.
      if (computedReads(q.computed).some((k) => { const input = byKey.get(k); return input !== undefined && (sensitive.has(input) || (input.items ?? []).some((i) => sensitive.has(i))); })) {
        sensitive.add(q);
        changed = true;
      }
    }
  }
  sensitiveCache.set(model, sensitive);
  return sensitive;
}

export function treatmentOf(profile: ExportProfileName, question: Question, sensitive: ReadonlySet<Question>): Treatment {
  if (profile === 'full' || !sensitive.has(question)) return 'keep';
  return profile === 'external-agency' ? 'drop' : 'mask';
}
