import type { FormModel, Question } from '../model/types';
import type { Answers } from './envelope';

const neverDrafted = (q: Question | undefined): boolean => q?.level?.drafts === 'never';

/**
 * The answers a draft may hold: those of a level whose table says `drafts: never` (built in:
 * `safe-address`) are left out, at the top level and in every item of a group, and so is every
 * item of a group of such a level. Whatever store the draft goes to (the device's, a host's that may
 * itself be the browser's), a refuge's address is never kept between sittings; the practitioner
 * types it again. Returns `answers` itself when nothing is left out. @public
 */
export function answersForDraft(model: FormModel, answers: Answers): Answers {
  let out: Answers | undefined;
  const copy = (): Answers => (out ??= { ...answers });
  for (const q of model.questions) {
    if (!Object.hasOwn(answers, q.key)) continue;
    if (neverDrafted(q)) {
      delete copy()[q.key];
      continue;
    }
    const dropped = (q.items ?? []).filter(neverDrafted).map((i) => i.key);
    const value = answers[q.key];
    if (dropped.length === 0 || !Array.isArray(value)) continue;
    copy()[q.key] = value.map((item: unknown) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
      const kept: Record<string, unknown> = { ...(item as Record<string, unknown>) };
      for (const key of dropped) delete kept[key];
      return kept;
    });
  }
  return out ?? answers;
}

/** Whether a draft leaves the question's answer out (for the hint the runtime shows by it). */
export function isNeverDrafted(q: Question): boolean {
  return neverDrafted(q) || neverDrafted(q.group);
}
