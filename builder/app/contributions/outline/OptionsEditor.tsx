import { useId, useState } from 'react';
import { LabelCodeCells, LabelCodeHead, NumberCell } from './LabelCodeCells';
import { codeFromLabel, optionsAsLines, optionsFromLines, type ChoiceOption } from '../../services/edits/index';

/**
 * Options of a choice question: label, export code and score per option; add, remove, move up and
 * down, or paste a whole list one a line (issue 17.5). A score is optional until a total of option
 * scores reads the question (issue 18.6), which then needs every option scored. `typing` marks a
 * change typed into a box, which merges with the next keystrokes into one undo step; a move, an
 * addition or a paste is a step of its own.
 */
export function OptionsEditor({ options, onChange, disabled, multiple }: { options: ChoiceOption[]; onChange: (o: ChoiceOption[], typing?: boolean) => void; disabled?: boolean; multiple?: boolean }) {
  const set = (i: number, patch: Partial<ChoiceOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)), true);
  const others = (i: number) => options.filter((_, j) => j !== i).map((o) => o.code);
  return (
    <fieldset className="fieldset">
      <legend>Options</legend>
      <table className="options-table">
        <LabelCodeHead columns={multiple ? ['Score', 'Rules out the others'] : ['Score']} />
        <tbody>
          {options.map((o, i) => (
            <tr key={i}>
              <LabelCodeCells name={`Option ${i + 1}`} label={o.label} code={o.code} others={others(i)} fallback="option" testId={`option-{}-${i}`} disabled={disabled} onChange={(patch) => set(i, patch)} />
              <NumberCell name={`Option ${i + 1} score`} value={o.score} testId={`option-score-${i}`} disabled={disabled} onChange={(v) => set(i, { score: v ?? undefined })} />
              {multiple && (
                <td className="options-exclusive">
                  {/* Ticking such an option ("None of these") clears the others, and ticking another clears it. */}
                  <input
                    type="checkbox"
                    aria-label={`Option ${i + 1} rules out the others`}
                    checked={o.exclusive === true}
                    disabled={disabled}
                    data-testid={`option-exclusive-${i}`}
                    onChange={(e) => onChange(options.map((x, j) => (j === i ? { ...x, exclusive: e.target.checked } : x)))}
                  />
                </td>
              )}
              <td className="options-actions">
                <button type="button" className="icon-button" aria-label={`Move option ${i + 1} up`} disabled={disabled || i === 0} onClick={() => onChange(swap(options, i, i - 1))}>
                  ↑
                </button>
                <button type="button" className="icon-button" aria-label={`Move option ${i + 1} down`} disabled={disabled || i === options.length - 1} data-testid={`option-down-${i}`} onClick={() => onChange(swap(options, i, i + 1))}>
                  ↓
                </button>
                <button type="button" className="icon-button" aria-label={`Remove option ${i + 1}`} disabled={disabled || options.length <= 1} onClick={() => onChange(options.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="secondary-button"
        disabled={disabled}
        data-testid="option-add"
        onClick={() => onChange([...options, { code: codeFromLabel(`option ${options.length + 1}`, options.map((o) => o.code), 'option'), label: `Option ${options.length + 1}` }])}
      >
        Add option
      </button>
      <PasteOptions options={options} onChange={onChange} disabled={disabled} />
    </fieldset>
  );
}

/** "Paste a list": a text box of the options one a line, which replaces them when applied. */
function PasteOptions({ options, onChange, disabled }: { options: ChoiceOption[]; onChange: (o: ChoiceOption[]) => void; disabled?: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const id = useId();
  if (text === null) {
    return (
      <button type="button" className="link-button" disabled={disabled} data-testid="options-paste-open" onClick={() => setText(optionsAsLines(options))}>
        Paste or type the options as a list
      </button>
    );
  }
  const parsed = optionsFromLines(text, options);
  return (
    <div className="field paste-options">
      <label htmlFor={id}>Options, one a line</label>
      <p className="field-hint" id={`${id}-hint`}>
        Add “= 2” after an option to give it a score. Codes are made from the labels; an option you keep keeps its code.
      </p>
      <textarea id={id} rows={6} value={text} aria-describedby={`${id}-hint`} data-testid="options-paste" onChange={(e) => setText(e.target.value)} />
      <div className="button-row">
        <button
          type="button"
          className="secondary-button"
          disabled={disabled || parsed.length === 0}
          data-testid="options-paste-apply"
          onClick={() => {
            onChange(parsed);
            setText(null);
          }}
        >
          Use these {parsed.length} options
        </button>
        <button type="button" className="link-button" onClick={() => setText(null)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const copy = [...list];
  [copy[a], copy[b]] = [copy[b]!, copy[a]!];
  return copy;
}
