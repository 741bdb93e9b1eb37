import { useId, useState } from 'react';
import { changeKind, kindLabels, questionRef, retypeKinds, retypeLosses, type OutlineQuestion, type RawDefinition, type RetypeKind } from '../../services/edits/index';

/**
 * "Question type": pick another kind, read what will not carry over, then change it (issue 17.5).
 * The warning comes before the change, and one undo takes the change back.
 */
export function TypeChanger({ q, def, disabled, onChange }: { q: OutlineQuestion; def: RawDefinition; disabled: boolean; onChange: (fn: (d: RawDefinition) => RawDefinition) => void }) {
  const id = useId();
  const [to, setTo] = useState<RetypeKind | ''>('');
  if (q.computed || !(retypeKinds as readonly string[]).includes(q.kind)) return null;
  const ref = questionRef(q);
  const pending = to && to !== q.kind ? to : undefined;
  const losses = pending ? retypeLosses(def, ref, pending) : [];
  return (
    <div className="field">
      <label htmlFor={id}>Question type</label>
      <select id={id} value={pending ?? q.kind} disabled={disabled} data-testid="prop-kind" onChange={(e) => setTo(e.target.value as RetypeKind)}>
        {retypeKinds.map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </select>
      {pending && (
        <div className="field-warning" role="status" data-testid="prop-kind-warning">
          <p>Changing to {kindLabels[pending].toLowerCase()} keeps the wording, export code, help and sensitivity. It does not keep:</p>
          <ul>
            {losses.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="secondary-button"
              disabled={disabled}
              data-testid="prop-kind-change"
              onClick={() => {
                onChange((d) => changeKind(d, ref, pending));
                setTo('');
              }}
            >
              Change to {kindLabels[pending].toLowerCase()}
            </button>
            <button type="button" className="link-button" onClick={() => setTo('')}>
              Keep it as {kindLabels[q.kind === 'unknown' ? 'unknown' : q.kind].toLowerCase()}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
