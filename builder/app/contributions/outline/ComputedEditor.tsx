import { useId } from 'react';
import type { Band } from '../../../../runtime/core/index';
import {
  bandsFromThresholds,
  computedCandidates,
  computedRuleLabels,
  defaultBands,
  ruleOf,
  setComputed,
  withBandAdded,
  type ComputedChoice,
  type ComputedRule,
  type OutlineQuestion,
  type RawDefinition,
} from '../../services/edits/index';
import { Fieldset } from './fields';
import { LabelCodeCells, LabelCodeHead, NumberCell } from './LabelCodeCells';

const rules: ComputedRule[] = ['score', 'count-yes', 'sum', 'band'];

/**
 * How a computed value is worked out, by picking (issues 17.5, 18.6): the rule, then the questions
 * it reads (ticked) or, for a band, the total and the bands by where each starts. Nothing is typed
 * as JSON; each change is one edit.
 */
export function ComputedEditor({ q, def, disabled, onChange }: { q: OutlineQuestion; def: RawDefinition; disabled: boolean; onChange: (fn: (d: RawDefinition) => RawDefinition, mergeKey?: string) => void }) {
  const ruleId = useId();
  const totalId = useId();
  const rule = ruleOf(q.computed);
  if (!q.computed || !rule) {
    return <p className="field-hint">This value is worked out by a rule the Design view cannot show (over a repeatable group’s items); change it in the JSON view.</p>;
  }
  const spec = q.computed;
  const of: string[] = 'of' in spec ? (typeof spec.of === 'string' ? [spec.of] : spec.of) : [];
  const bands: Band[] = spec.op === 'band' ? spec.bands : defaultBands;
  const apply = (choice: ComputedChoice, mergeKey?: string) => onChange((d) => setComputed(d, q.key, choice), mergeKey && `${mergeKey}:${q.key}`);
  const candidates = computedCandidates(def, rule, q.key);
  const pickRule = (next: ComputedRule) => {
    const found = computedCandidates(def, next, q.key);
    apply({ rule: next, of: next === 'band' ? found.slice(0, 1).map((c) => c.key) : found.map((c) => c.key) });
  };
  return (
    <Fieldset legend="How it is worked out">
      <div className="field">
        <label htmlFor={ruleId}>Rule</label>
        <select id={ruleId} value={rule} disabled={disabled} data-testid="computed-rule" onChange={(e) => pickRule(e.target.value as ComputedRule)}>
          {rules.map((r) => (
            <option key={r} value={r} disabled={r !== rule && computedCandidates(def, r, q.key).length === 0}>
              {computedRuleLabels[r]}
            </option>
          ))}
        </select>
      </div>
      {rule !== 'band' && (
        <fieldset className="fieldset nested">
          <legend>{rule === 'count-yes' ? 'Questions whose Yes answers it counts' : rule === 'score' ? 'Questions whose option scores it adds up' : 'Numbers it adds up'}</legend>
          {candidates.length === 0 && <p className="field-hint">No question fits this rule yet.</p>}
          {candidates.map((c, i) => {
            const on = of.includes(c.key);
            return (
              <div className="field field-check" key={c.key}>
                <input
                  id={`${ruleId}-q-${i}`}
                  type="checkbox"
                  checked={on}
                  // At least one question: a total of nothing is no total.
                  disabled={disabled || (on && of.length <= 1)}
                  data-testid={`computed-of-${c.key}`}
                  onChange={(e) => apply({ rule, of: candidates.filter((x) => (x.key === c.key ? e.target.checked : of.includes(x.key))).map((x) => x.key) })}
                />
                <label htmlFor={`${ruleId}-q-${i}`}>{c.label}</label>
                {c.unscored && <p className="field-hint">Some options have no score yet: give each a score in its options.</p>}
              </div>
            );
          })}
        </fieldset>
      )}
      {rule === 'band' && (
        <>
          <div className="field">
            <label htmlFor={totalId}>Total it reads</label>
            <select id={totalId} value={of[0] ?? ''} disabled={disabled} data-testid="computed-total" onChange={(e) => apply({ rule, of: [e.target.value], bands })}>
              {candidates.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <BandsEditor bands={bands} disabled={disabled} onChange={(next, mergeKey) => apply({ rule, of, bands: next }, mergeKey)} />
        </>
      )}
    </Fieldset>
  );
}

/** Bands by where each starts: each ends just below the next, the last has no end, so none overlap or leave a gap. */
function BandsEditor({ bands, disabled, onChange }: { bands: Band[]; disabled: boolean; onChange: (b: Band[], mergeKey?: string) => void }) {
  const rows = bands.map((b) => ({ code: b.code, title: b.title, ...(b.min !== undefined ? { min: b.min } : {}) }));
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>, mergeKey: string) => onChange(bandsFromThresholds(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))), `${mergeKey}:${i}`);
  const others = (i: number) => rows.filter((_, j) => j !== i).map((r) => r.code);
  return (
    <fieldset className="fieldset nested">
      <legend>Bands</legend>
      <p className="field-hint">Each band runs from its “From” up to just below the next band’s; the last has no upper end.</p>
      <table className="bands-table">
        <LabelCodeHead columns={['From', 'To']} />
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <LabelCodeCells name={`Band ${i + 1}`} label={r.title} code={r.code} others={others(i)} fallback="band" testId={`band-{}-${i}`} disabled={disabled} onChange={(p) => setRow(i, { ...(p.label !== undefined ? { title: p.label } : {}), ...(p.code !== undefined ? { code: p.code } : {}) }, p.label !== undefined ? 'band-label' : 'band-code')} />
              <NumberCell name={`Band ${i + 1} from`} value={r.min} testId={`band-from-${i}`} disabled={disabled} onChange={(v) => v !== null && Number.isInteger(v) && setRow(i, { min: v }, 'band-from')} />
              <td>{bands[i]?.max !== undefined ? bands[i]!.max : 'and above'}</td>
              <td>
                <button type="button" className="icon-button" aria-label={`Remove band ${i + 1}`} disabled={disabled || rows.length <= 1} onClick={() => onChange(bandsFromThresholds(rows.filter((_, j) => j !== i)))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary-button" disabled={disabled} data-testid="band-add" onClick={() => onChange(withBandAdded(bands))}>
        Add band
      </button>
    </fieldset>
  );
}
