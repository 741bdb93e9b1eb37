import { codeFromLabel } from '../../services/edits/index';

/**
 * A row's label and export code cells (an option's, a band's): while the code is still the one
 * made from the label (or a numbered placeholder), it follows the label as it is typed; once typed
 * by hand it stays. `others` are the codes of the other rows, so the made code is unique.
 */
export function LabelCodeCells(props: {
  name: string;
  label: string;
  code: string;
  others: string[];
  fallback: string;
  testId: string;
  disabled?: boolean;
  onChange: (patch: { label?: string; code?: string }) => void;
}) {
  const { name, label, code, others, fallback, testId, disabled, onChange } = props;
  const placeholder = new RegExp(`^${fallback}_\\d+$`);
  return (
    <>
      <td>
        <input
          aria-label={`${name} label`}
          value={label}
          disabled={disabled}
          data-testid={`${testId.replace('{}', 'label')}`}
          onChange={(e) => {
            const derived = placeholder.test(code) || code === codeFromLabel(label, others, fallback);
            onChange(derived ? { label: e.target.value, code: codeFromLabel(e.target.value, others, fallback) } : { label: e.target.value });
          }}
        />
      </td>
      <td>
        <input aria-label={`${name} export code`} value={code} disabled={disabled} data-testid={`${testId.replace('{}', 'code')}`} onChange={(e) => onChange({ code: e.target.value })} />
      </td>
    </>
  );
}

/** The head of a table of such rows: label, export code, the table's own columns, then the row actions. */
export function LabelCodeHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">Label</th>
        <th scope="col">Export code</th>
        {columns.map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

/** A number cell of such a row (a score, where a band starts): empty gives null. */
export function NumberCell({ name, value, testId, disabled, onChange }: { name: string; value: number | undefined; testId: string; disabled?: boolean; onChange: (v: number | null) => void }) {
  return (
    <td>
      <input
        aria-label={name}
        type="number"
        className="score-input"
        value={value === undefined ? '' : String(value)}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          if (e.target.value === '') onChange(null);
          else if (Number.isFinite(Number(e.target.value))) onChange(Number(e.target.value));
        }}
      />
    </td>
  );
}
