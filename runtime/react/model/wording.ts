import { isNeverDrafted, untranslated, type Question, type Translate } from '../../core/index';
import type { ChoiceOption } from '../renderers/types';
import type { UiElement } from './formModel';

/**
 * A question's wording in the form's locale, from core's model: translations are keyed by the
 * JSON pointer of the text they replace, and the model knows where each question's texts are
 * written (a group item behind `$ref` included). Top-level questions and group items read it here
 * alike, so neither path can skip a translation.
 */
export interface QuestionWording {
  label: string;
  hint: string | undefined;
  help: string | undefined;
  options: ChoiceOption[];
}

/** The question as asked: its control's own `label` when it has one, else its title, else its key. */
export function questionWording(t: Translate, q: Question, element?: UiElement, elementPointer?: string): QuestionWording {
  return {
    label: typeof element?.label === 'string' && elementPointer !== undefined ? t(`${elementPointer}/label`, element.label) : questionTitle(t, q, q.key),
    hint: withDraftNote(questionHint(t, q), q),
    help: q.help === undefined ? undefined : t(`${q.pointer}/x-help`, q.help),
    options: questionOptions(t, q),
  };
}

/**
 * Said under a question no draft holds (a safe address): otherwise a practitioner who reloads finds
 * it empty beside answers that came back, and thinks the form lost it.
 */
export const NOT_SAVED_NOTE = 'Not saved on this device, to keep it safe: if the page is reloaded, enter it again.';

function withDraftNote(hint: string | undefined, q: Question): string | undefined {
  if (!isNeverDrafted(q)) return hint;
  return hint ? `${hint} ${NOT_SAVED_NOTE}` : NOT_SAVED_NOTE;
}

export function questionTitle(t: Translate, q: Question | undefined, key: string): string {
  return q ? t(`${q.pointer}/title`, q.title ?? q.key) : key;
}

export function questionHint(t: Translate, q: Question | undefined): string | undefined {
  return q?.description === undefined ? undefined : t(`${q.pointer}/description`, q.description);
}

const YES_NO: ChoiceOption[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/** What a choice offers: Yes and No for a yes/no question, else the model's options with their labels in the locale. */
export function questionOptions(t: Translate, q: Question): ChoiceOption[] {
  if (q.kind === 'yes-no') return YES_NO;
  // Untranslated, the model's own options are what a renderer needs (value, label, exclusive):
  // no copy of each option of every question before the first render.
  if (t === untranslated) return q.options;
  return q.options.map((o) => {
    const option: ChoiceOption = { value: o.value, label: t(o.labelPointer ?? o.pointer, o.label) };
    if (o.exclusive) option.exclusive = true;
    return option;
  });
}
