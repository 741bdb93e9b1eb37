import { codeFromLabel, type ChoiceOption } from '../../services/edits/index';

/** Options of a choice question: label and export code per option, add, remove, reorder. */
export function OptionsEditor({ options, onChange, disabled }: { options: ChoiceOption[]; onChange: (o: ChoiceOption[]) => void; disabled?: boolean }) {
  const set = (i: number, patch: Partial<ChoiceOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const others = (i: number) => options.filter((_, j) => j !== i).map((o) => o.code);
  return (
    <fieldset className="fieldset">
      <legend>Options</legend>
      <table className="options-table">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Export code</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {options.map((o, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`Option ${i + 1} label`}
                  value={o.label}
                  disabled={disabled}
                  data-testid={`option-label-${i}`}
                  onChange={(e) => {
                    const label = e.target.value;
                    // A code still derived from the label (or a placeholder) follows the label.
                    const derived = /^option_\d+$/.test(o.code) || o.code === codeFromLabel(o.label, others(i));
                    set(i, derived ? { label, code: codeFromLabel(label, others(i), 'option') } : { label });
                  }}
                />
              </td>
              <td>
                <input aria-label={`Option ${i + 1} export code`} value={o.code} disabled={disabled} data-testid={`option-code-${i}`} onChange={(e) => set(i, { code: e.target.value })} />
              </td>
              <td className="options-actions">
                <button type="button" className="icon-button" aria-label={`Move option ${i + 1} up`} disabled={disabled || i === 0} onClick={() => onChange(swap(options, i, i - 1))}>
                  ↑
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
    </fieldset>
  );
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const copy = [...list];
  [copy[a], copy[b]] = [copy[b]!, copy[a]!];
  return copy;
}
