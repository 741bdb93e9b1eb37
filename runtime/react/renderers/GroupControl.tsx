import { isObjectArrayControl, rankWith } from './testers';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { pointerFromTokens, questionAtAnswer, tokensFromPointer, valueAt, withValueAt } from '../../core/index';
import { countRender, useController, useShownError } from '../hooks';
import { evaluateCondition, ruleOutcome } from '../model/conditions';
import { fieldId } from '../model/formModel';
import { itemPlans, type ItemPlan } from '../layout/itemPlan';
import { groupItemNoun } from '../model/groupNoun';
import type { ControlProps, RendererEntry } from './types';

type Item = Record<string, unknown>;

/**
 * A repeatable group (children, agencies…): each entry in its own fieldset, "Add another",
 * and "Remove" that asks first. Entries are memoised on their own value, so typing in one entry
 * renders that entry only.
 */
export function GroupControl(p: ControlProps) {
  const c = useController();
  countRender(c.debug);
  const items = Array.isArray(p.value) ? (p.value as Item[]) : [];
  // Top level or inside an object (`/household/members`).
  const group = questionAtAnswer(c.model.questions, tokensFromPointer(p.pointer));
  const fields = group ? itemPlans(c.model, group, c.renderers) : [];
  const noun = group ? groupItemNoun(group) : 'Item';
  const lower = lowerNoun(noun);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  const focusItem = useRef<number | null>(null);
  const listRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focusAdd.current) {
      focusAdd.current = false;
      addRef.current?.focus();
    }
    if (focusItem.current !== null) {
      // A new entry takes the focus at its first field, so keyboard users carry on typing there.
      const entry = listRef.current?.querySelectorAll('.as-group__item')[focusItem.current];
      focusItem.current = null;
      entry?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    }
  });
  // Stable callbacks (reading the latest items through a ref) keep untouched entries memoised.
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const { onChange } = p;
  const setItem = useCallback((i: number, next: Item) => onChange(itemsRef.current.map((it, j) => (j === i ? next : it))), [onChange]);
  const add = () => {
    focusItem.current = items.length;
    p.onChange([...items, {}]);
    setAnnounce(`${noun} ${items.length + 1} added`);
  };
  const remove = useCallback(
    (i: number) => {
      const next = itemsRef.current.filter((_, j) => j !== i);
      onChange(next.length ? next : undefined);
      setConfirming(null);
      setAnnounce(`${noun} ${i + 1} removed`);
      focusAdd.current = true;
    },
    [onChange, noun],
  );
  return (
    <div className={p.error ? 'as-form-group as-form-group--error' : 'as-form-group'}>
      <fieldset ref={listRef} className="as-fieldset as-group" id={p.id} tabIndex={-1} aria-describedby={p.hint ? `${p.id}-hint` : undefined}>
        <legend className="as-fieldset__legend as-fieldset__legend--m">
          {p.label}
          {p.required ? null : <span className="as-optional"> (optional)</span>}
        </legend>
        {p.hint ? (
          <div id={`${p.id}-hint`} className="as-hint">
            {p.hint}
          </div>
        ) : null}
        {p.error ? (
          <p id={`${p.id}-error`} className="as-error-message">
            <span className="as-visually-hidden">Error:</span> {p.error}
          </p>
        ) : null}
        {items.length === 0 ? <p className="as-body">None added yet.</p> : null}
        {items.map((item, i) => (
          <GroupItem
            key={i}
            index={i}
            noun={noun}
            item={item && typeof item === 'object' ? item : {}}
            pointer={`${p.pointer}/${i}`}
            fields={fields}
            enabled={p.enabled}
            confirming={confirming === i}
            onChange={setItem}
            onAskRemove={setConfirming}
            onRemove={remove}
          />
        ))}
        <button ref={addRef} type="button" className="as-button as-button--secondary" disabled={!p.enabled} onClick={add}>
          {items.length ? `Add another ${lower}` : `Add ${/^[aeiou]/i.test(lower) ? 'an' : 'a'} ${lower}`}
        </button>
        <div className="as-visually-hidden" aria-live="polite">
          {announce}
        </div>
      </fieldset>
    </div>
  );
}

interface ItemProps {
  index: number;
  noun: string;
  item: Item;
  pointer: string;
  fields: ItemPlan[];
  enabled: boolean;
  confirming: boolean;
  onChange(i: number, next: Item): void;
  onAskRemove(i: number | null): void;
  onRemove(i: number): void;
}

const GroupItem = memo(function GroupItem(props: ItemProps) {
  const { index, noun, item, pointer, fields } = props;
  const promptRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (props.confirming) promptRef.current?.focus();
  }, [props.confirming]);
  const label = `${noun} ${index + 1}`;
  const labelId = fieldId(`${pointer}/label`);
  return (
    <div className="as-group__item" role="group" aria-labelledby={labelId}>
      <h3 className="as-heading-s" id={labelId}>
        {label}
      </h3>
      {fields.map((f) => {
        const { key, path } = f.question;
        // An item's rules read the item's own answers.
        const { rule } = f.props.uischema;
        if (rule && !ruleOutcome(rule, evaluateCondition(rule.condition, item)).visible) return null;
        return (
          <ItemField
            key={key}
            plan={f}
            pointer={pointer + pointerFromTokens(path)}
            value={valueAt(item, path)}
            enabled={props.enabled}
            // An item's answer may sit in an object of the item (`address/postcode`).
            onChange={(v) => props.onChange(index, (withValueAt(item, path, v) ?? {}) as Item)}
          />
        );
      })}
      {props.confirming ? (
        <div className="as-confirm" role="group" aria-labelledby={`${labelId}-confirm`}>
          <p className="as-body as-confirm__text" id={`${labelId}-confirm`} tabIndex={-1} ref={promptRef}>
            Are you sure you want to remove {label}? Its answers will be deleted.
          </p>
          <div className="as-button-group">
            <button type="button" className="as-button as-button--warning" onClick={() => props.onRemove(index)}>
              Yes, remove {label}
            </button>
            <button type="button" className="as-button as-button--secondary" onClick={() => props.onAskRemove(null)}>
              No, keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="as-link-button" disabled={!props.enabled} onClick={() => props.onAskRemove(index)}>
          Remove<span className="as-visually-hidden"> {label}</span>
        </button>
      )}
    </div>
  );
});

interface ItemFieldProps {
  plan: ItemPlan;
  pointer: string;
  value: unknown;
  enabled: boolean;
  onChange(v: unknown): void;
}

function ItemField({ plan, pointer, value, enabled, onChange }: ItemFieldProps) {
  const c = useController();
  const error = useShownError(pointer);
  const { Renderer } = plan;
  return <Renderer {...plan.props} id={fieldId(pointer)} pointer={pointer} value={value} onChange={onChange} onBlur={() => c.blur(pointer)} error={error} enabled={enabled} />;
}

/** "child" for the button's sentence; acronyms ("GP") stay as written. */
function lowerNoun(noun: string): string {
  return /^[A-Z][a-z]/.test(noun) ? noun.charAt(0).toLowerCase() + noun.slice(1) : noun;
}

export const groupControlEntry: RendererEntry = {
  name: 'GroupControl',
  tester: rankWith(6, isObjectArrayControl),
  renderer: GroupControl,
};
