import { useId } from 'react';
import type { ShowCondition, ShowRule } from '../../services/edits/index';
import { Fieldset } from './fields';
import { conditionOpLabels, type ConditionChoice } from './model';

const encode = (v: unknown) => JSON.stringify(v);
/** Row 0 keeps the test ids of the one-condition editor it replaced (browser suites pick by them). */
const tid = (name: string, i: number) => (i === 0 ? `showwhen-${name}` : `showwhen-${name}-${i}`);

/** A first condition for a question: its first answer, or a threshold of 1. */
function startCondition(choice: ConditionChoice): ShowCondition {
  const op = choice.ops[0]!;
  if (op === 'is') return { key: choice.key, op, value: choice.values[0]?.value };
  if (op === 'at-least' || op === 'at-most') return { key: choice.key, op, value: 1 };
  return { key: choice.key, op };
}

function withOp(c: ShowCondition, op: ShowCondition['op'], choice: ConditionChoice): ShowCondition {
  if (op === 'is') return { key: c.key, op, value: choice.values[0]?.value };
  if (op === 'one-of') return { key: c.key, op, values: choice.values.slice(0, 1).map((v) => v.value) };
  if (op === 'at-least' || op === 'at-most') return { key: c.key, op, value: typeof c.value === 'number' ? c.value : 1 };
  return { key: c.key, op };
}

/**
 * "Show only when …": one or more conditions, all or any of them (issue 17.5), each picked, never
 * typed, so the rule is always well-formed: an answer is / is one of / is answered, or a number or
 * total is at least / at most (issue 18.6: "show when the total is 8 or more").
 */
export function ShowRuleField({ choices, value, hasRule, onChange, disabled }: { choices: ConditionChoice[]; value: ShowRule | undefined; hasRule: boolean; onChange: (v: ShowRule | null) => void; disabled?: boolean }) {
  const modeId = useId();
  if (hasRule && !value) {
    return (
      <Fieldset legend="Show when">
        <p className="field-hint">This is shown under a condition the Design view cannot display; change it in the JSON view.</p>
        <button type="button" className="secondary-button" disabled={disabled} onClick={() => onChange(null)}>
          Always show instead
        </button>
      </Fieldset>
    );
  }
  const rule: ShowRule = value ?? { mode: 'all', conditions: [] };
  const set = (conditions: ShowCondition[]) => onChange(conditions.length ? { mode: rule.mode, conditions } : null);
  const setAt = (i: number, c: ShowCondition) => set(rule.conditions.map((x, j) => (j === i ? c : x)));
  const rows = rule.conditions.length ? rule.conditions : [undefined];
  return (
    <Fieldset legend="Show when">
      {rule.conditions.length > 1 && (
        <div className="field">
          <label htmlFor={modeId}>Which conditions must hold</label>
          <select id={modeId} value={rule.mode} disabled={disabled} data-testid="showwhen-mode" onChange={(e) => onChange({ ...rule, mode: e.target.value as ShowRule['mode'] })}>
            <option value="all">All of them</option>
            <option value="any">Any one of them</option>
          </select>
        </div>
      )}
      {rows.map((c, i) => (
        <ConditionRow key={i} i={i} joiner={rule.mode === 'all' ? 'and' : 'or'} condition={c} choices={choices} disabled={disabled} onChange={(next) => (next ? (c ? setAt(i, next) : set([next])) : set(rule.conditions.filter((_, j) => j !== i)))} />
      ))}
      {rule.conditions.length > 0 && (
        <button type="button" className="secondary-button" disabled={disabled || choices.length === 0} data-testid="showwhen-add" onClick={() => set([...rule.conditions, startCondition(choices[0]!)])}>
          Add another condition
        </button>
      )}
    </Fieldset>
  );
}

function ConditionRow({ i, joiner, condition, choices, onChange, disabled }: { i: number; joiner: 'and' | 'or'; condition: ShowCondition | undefined; choices: ConditionChoice[]; onChange: (c: ShowCondition | null) => void; disabled?: boolean }) {
  const questionId = useId();
  const opId = useId();
  const valueId = useId();
  const choice = condition ? choices.find((c) => c.key === condition.key) : undefined;
  const n = i + 1;
  return (
    <div className="condition-row" role="group" aria-label={`Condition ${n}`}>
      <div className="field">
        <label htmlFor={questionId}>{i === 0 ? 'Show only when this question…' : `…${joiner} when this question…`}</label>
        <select
          id={questionId}
          value={condition?.key ?? ''}
          disabled={disabled}
          data-testid={tid('question', i)}
          onChange={(e) => {
            const next = choices.find((c) => c.key === e.target.value);
            onChange(next ? startCondition(next) : null);
          }}
        >
          <option value="">{i === 0 ? 'Always show' : 'Remove this condition'}</option>
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {condition && !choice && <p className="field-hint">This condition reads a question that is no longer in the form.</p>}
      <div className="field-row">
        {condition && choice && choice.ops.length > 1 && (
          <div className="field">
            <label htmlFor={opId}>…whose answer</label>
            <select id={opId} value={condition.op} disabled={disabled} data-testid={tid('op', i)} onChange={(e) => onChange(withOp(condition, e.target.value as ShowCondition['op'], choice))}>
              {choice.ops.map((op) => (
                <option key={op} value={op}>
                  {conditionOpLabels[op]}
                </option>
              ))}
            </select>
          </div>
        )}
        {condition && choice && condition.op === 'is' && (
          <div className="field">
            <label htmlFor={valueId}>…has the answer</label>
            <select id={valueId} value={encode(condition.value)} disabled={disabled} data-testid={tid('value', i)} onChange={(e) => onChange({ ...condition, value: JSON.parse(e.target.value) as unknown })}>
              {choice.values.map((v) => (
                <option key={encode(v.value)} value={encode(v.value)}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {condition && choice && condition.op === 'one-of' && (
          <fieldset className="fieldset nested">
            <legend>…has one of the answers</legend>
            {choice.values.map((v, j) => {
              const on = (condition.values ?? []).some((x) => encode(x) === encode(v.value));
              return (
                <div className="field field-check" key={encode(v.value)}>
                  <input
                    id={`${valueId}-${j}`}
                    type="checkbox"
                    checked={on}
                    disabled={disabled || (on && (condition.values ?? []).length <= 1)}
                    data-testid={`${tid('oneof', i)}-${j}`}
                    onChange={(e) => onChange({ ...condition, values: choice.values.filter((w) => (w === v ? e.target.checked : (condition.values ?? []).some((x) => encode(x) === encode(w.value)))).map((w) => w.value) })}
                  />
                  <label htmlFor={`${valueId}-${j}`}>{v.label}</label>
                </div>
              );
            })}
          </fieldset>
        )}
        {condition && choice && (condition.op === 'at-least' || condition.op === 'at-most') && (
          <div className="field">
            <label htmlFor={valueId}>…this number</label>
            <input
              id={valueId}
              type="number"
              className="number-input"
              value={typeof condition.value === 'number' ? String(condition.value) : ''}
              disabled={disabled}
              data-testid={tid('number', i)}
              onChange={(e) => e.target.value !== '' && Number.isFinite(Number(e.target.value)) && onChange({ ...condition, value: Number(e.target.value) })}
            />
          </div>
        )}
      </div>
    </div>
  );
}
