import type { OutlineQuestion, QuestionPatch } from '../../services/edits/index';
import { CheckField, NumberField, TextField } from './fields';

/**
 * What a question accepts and how it is offered, by its kind (issue 17.5): a number's range and
 * whether decimals are allowed, a text's maximum length, a single choice as a drop-down, and the
 * longer help every kind may have. Each change is one edit, so one undo takes it back.
 */
export function AnswerLimits({ q, disabled, update }: { q: OutlineQuestion; disabled: boolean; update: (patch: QuestionPatch, mergeKey?: string) => void }) {
  const { limits } = q;
  return (
    <>
      {q.kind === 'number' && !q.computed && (
        <fieldset className="fieldset">
          <legend>Allowed numbers</legend>
          <div className="field-row">
            <NumberField label="Smallest allowed" value={limits.minimum} disabled={disabled} onChange={(v) => update({ minimum: v }, 'minimum')} testId="prop-minimum" />
            <NumberField label="Largest allowed" value={limits.maximum} disabled={disabled} onChange={(v) => update({ maximum: v }, 'maximum')} testId="prop-maximum" />
          </div>
          <CheckField label="Whole numbers only" checked={limits.integer} disabled={disabled} onChange={(v) => update({ integer: v })} testId="prop-integer" />
        </fieldset>
      )}
      {(q.kind === 'text' || q.kind === 'long-text') && !q.computed && (
        <NumberField label="Maximum length (characters)" hint="Leave empty for no limit." value={limits.maxLength} disabled={disabled} onChange={(v) => update({ maxLength: v }, 'maxLength')} testId="prop-max-length" />
      )}
      {q.kind === 'single-choice' && (
        <CheckField label="Show the options as a drop-down list" hint="Useful for long lists; short lists read better as radio buttons." checked={q.dropdown} disabled={disabled} onChange={(v) => update({ dropdown: v })} testId="prop-dropdown" />
      )}
      <TextField label="Help text" hint="Longer guidance the practitioner can open under the question (“Help”)." multiline value={q.help ?? ''} disabled={disabled} onChange={(v) => update({ help: v }, 'help')} testId="prop-help" />
    </>
  );
}
