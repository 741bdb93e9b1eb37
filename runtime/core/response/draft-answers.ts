import type { FormModel, Question } from '../model/types';
import type { Answers } from './envelope';
import { answerIn } from '../model/build';
import { withValueAt } from '../model/pointers';

const neverDrafted = (q: Question | undefined): boolean => q?.level?.drafts === 'never';

/**
 * The answers a draft may hold: those of a level whose table says `drafts: never` (built in:
 * `safe-address`) are left out, at the top level and in every item of a group, and so is every
 * item of a group of such a level. Whatever store the draft goes to (the device's, a host's that may
 * itself be the browser's), a refuge's address is never kept between sittings; the practitioner
 * types it again. Returns `answers` itself when nothing is left out. @public
 */
export function answersForDraft(model: FormModel, answers: Answers): Answers {
  let out: unknown = answers;
  // Objects opened: a safe address grouped in an object (`/address/postcode`) is left out where it sits.
  for (const q of model.fields) {
    if (answerIn(out, q) === undefined) continue;
    if (neverDrafted(q)) {
      out = withValueAt(out, q.path, undefined);
      continue;
    }
    const dropped = (q.items ?? []).filter(neverDrafted);
    const value = answerIn(out, q);
    if (dropped.length === 0 || !Array.isArray(value)) continue;
    out = withValueAt(out, q.path, value.map((item: unknown) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
      return dropped.reduce<unknown>((kept, d) => withValueAt(kept, d.path, undefined), item) ?? {};
    }));
  }
  return (out ?? {}) as Answers;
}

/** Whether a draft leaves the question's answer out (for the hint the runtime shows by it). */
export function isNeverDrafted(q: Question): boolean {
  return neverDrafted(q) || neverDrafted(q.group);
}
