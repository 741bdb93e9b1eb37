import { conditionsShowingUnanswered, getAtPointer, scopeOfKey, type Problem, type Question } from '../../../../runtime/core/index';
import { arrayAt, isObject, own, type JsonObject } from './json';
import { modelOf } from './model';
import { codeFromLabel } from './names';
import { clone, placeRequired, type RawDefinition } from './questions';
import { renumbered } from './template';

/**
 * Quick fixes (issue 17.3): for the problems whose fix is mechanical, the edit that makes the
 * problem go away, as a pure function on the raw definition. The builder offers each as a button
 * beside the field and in the Problems panel and applies it through `ws.edit`, so Ctrl+Z undoes it.
 * Keyed by problem code; a problem the definition no longer matches gets no fix.
 */
export type QuickFixId = 'retire-code' | 'gate-question' | 'renumber-draft' | 'unique-option-codes' | 'hide-until-answered' | 'option-exclusive';

export interface QuickFix {
  id: QuickFixId;
  /** The button's words. */
  label: string;
  /** `retire-code` needs the reason the code was dropped, which the retired entry records. */
  needsReason?: boolean;
  /**
   * `renumber-draft` changes the file's name as well as its `version`, so the builder applies it as
   * its renumber action (lifecycle.ts) with this number; `apply` gives the text it writes.
   */
  renumberTo?: string;
  apply(def: RawDefinition, input?: { reason?: string }): RawDefinition;
}

type FixFinder = (def: RawDefinition, problem: Problem) => QuickFix[];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** code-dropped: list the code in `retired` with the reason the policy lead gives. */
const retireCode: FixFinder = (_def, problem) => {
  const code = text(problem.params?.code);
  if (!code) return [];
  return [
    {
      id: 'retire-code',
      label: `Retire “${code}” with a reason`,
      needsReason: true,
      apply(input, { reason } = {}) {
        const def = clone(input);
        const retired = arrayAt(def, 'retired');
        if (!retired.some((r) => own(r, 'code') === code)) retired.push({ code, reason: reason?.trim() || 'Removed from the form.' });
        return def;
      },
    },
  ];
};

/** The UI element a sensitive-ungated pointer names: the control itself, or the element carrying the rule. */
function elementPointer(path: string): string | undefined {
  if (!path.startsWith('/uischema')) return undefined;
  const at = path.indexOf('/rule');
  return at >= 0 ? path.slice(0, at) : path;
}

/** sensitive-ungated: show the element only once the safety check is yes (with its own show-when kept), or require the question only then. */
const gateQuestion: FixFinder = (def, problem) => {
  const gate = modelOf(def).gate;
  const key = text(problem.params?.key);
  if (!gate || gate.question === undefined || !key) return [];
  const label = 'Put it behind the safety check';
  if (problem.path.startsWith('/schema')) {
    // Required whatever the safety check says: required only once it is answered yes instead.
    if (!modelOf(def).byKey.has(key)) return [];
    return [{ id: 'gate-question', label, apply: (input) => withRequirementBehindGate(input, key) }];
  }
  const pointer = elementPointer(problem.path);
  const element = pointer === undefined ? undefined : getAtPointer(def, pointer);
  if (!isObject(element)) return [];
  const rule = own(element, 'rule');
  // A HIDE or ENABLE rule cannot be joined with the gate's SHOW: that is the JSON view's.
  if (rule !== undefined && own(rule, 'effect') !== 'SHOW') return [];
  const gateCondition = { scope: scopeOfKey(gate.key), schema: { const: gate.yes } };
  return [
    {
      id: 'gate-question',
      label,
      apply(input) {
        const copy = clone(input);
        const target = getAtPointer(copy, pointer!);
        if (!isObject(target)) return copy;
        const existing = own(own(target, 'rule'), 'condition');
        target.rule = { effect: 'SHOW', condition: existing === undefined ? gateCondition : { type: 'AND', conditions: [gateCondition, existing] } };
        return copy;
      },
    },
  ];
};

function withRequirementBehindGate(input: RawDefinition, key: string): RawDefinition {
  const def = clone(input);
  placeRequired(def, { key }, true);
  return def;
}

/** version-bump-too-small: the number the changes call for. */
const renumberDraft: FixFinder = (_def, problem) => {
  const to = text(problem.params?.suggested);
  if (!to) return [];
  return [{ id: 'renumber-draft', label: `Renumber this draft to ${to}`, renumberTo: to, apply: (input) => renumbered(input, to) }];
};

/**
 * The question whose declaration holds a pointer (the deepest, so a group item wins over its group),
 * or, for a pointer into a shared list of options (`$defs`, through `$ref`), a question taking it.
 */
function questionAt(def: RawDefinition, path: string): Question | undefined {
  const model = modelOf(def);
  const within = (pointer: string) => path === pointer || path.startsWith(pointer + '/');
  return model.all.filter((q) => within(q.pointer)).sort((a, b) => b.pointer.length - a.pointer.length)[0] ?? model.all.find((q) => q.options.some((o) => within(o.pointer)));
}

/** option-code-duplicate: every option after the first of a code gets a new code made from its label. */
const uniqueOptionCodes: FixFinder = (def, problem) => {
  const q = questionAt(def, problem.path);
  if (!q || q.options.length === 0) return [];
  return [
    {
      id: 'unique-option-codes',
      label: 'Make the option codes unique',
      apply(input) {
        const copy = clone(input);
        const taken = new Set(q.options.map((o) => o.code));
        const seen = new Set<string>();
        for (const option of q.options) {
          if (!seen.has(option.code)) {
            seen.add(option.code);
            continue;
          }
          const code = codeFromLabel(option.label, taken, 'option');
          taken.add(code);
          setOptionCode(copy, option.pointer, code);
        }
        return copy;
      },
    },
  ];
};

/** An option is a `oneOf`/`anyOf` entry (its `const`) or an `enum` entry (the value itself). */
function setOptionCode(def: RawDefinition, pointer: string, code: string): void {
  const node = getAtPointer(def, pointer);
  if (isObject(node)) {
    (node as JsonObject).const = code;
    return;
  }
  const slash = pointer.lastIndexOf('/');
  const list = getAtPointer(def, pointer.slice(0, slash));
  const index = Number(pointer.slice(slash + 1));
  if (Array.isArray(list) && Number.isInteger(index) && index < list.length) list[index] = code;
}

/**
 * rule-shows-unanswered: every condition of that rule which holds on a missing answer is told to
 * fail instead (`failWhenUndefined`), so one click settles the whole show-when. A hide-when cannot
 * be fixed so: its element shows exactly when the condition fails.
 */
const hideUntilAnswered: FixFinder = (def, problem) => {
  const element = elementPointer(problem.path);
  const effect = own(own(element === undefined ? undefined : getAtPointer(def, element), 'rule'), 'effect');
  if (effect !== 'SHOW' && effect !== 'ENABLE') return [];
  const pointers = conditionsShowingUnanswered(modelOf(def))
    .filter((c) => c.element.pointer === element)
    .map((c) => c.pointer);
  if (!pointers.includes(problem.path)) return [];
  return [
    {
      id: 'hide-until-answered',
      label: effect === 'SHOW' ? 'Hide until answered' : 'Keep closed until answered',
      apply(input) {
        const copy = clone(input);
        for (const pointer of pointers) {
          const condition = getAtPointer(copy, pointer);
          if (isObject(condition)) condition.failWhenUndefined = true;
        }
        return copy;
      },
    },
  ];
};

/** option-reads-exclusive: the option rules out the others (`x-exclusive: true`), as its wording says. */
const optionExclusive: FixFinder = (def, problem) => {
  const option = getAtPointer(def, problem.path);
  const label = text(problem.params?.label);
  if (!isObject(option) || !label) return [];
  return [
    {
      id: 'option-exclusive',
      label: `Make “${label.trim()}” rule out the others`,
      apply(input) {
        const copy = clone(input);
        const target = getAtPointer(copy, problem.path);
        if (isObject(target)) target['x-exclusive'] = true;
        return copy;
      },
    },
  ];
};

const finders: Partial<Record<string, FixFinder>> = {
  'code-dropped': retireCode,
  'sensitive-ungated': gateQuestion,
  'version-bump-too-small': renumberDraft,
  'option-code-duplicate': uniqueOptionCodes,
  'rule-shows-unanswered': hideUntilAnswered,
  'option-reads-exclusive': optionExclusive,
};

/** The quick fixes for one problem of `def` (none when its fix is not mechanical). */
export function quickFixesFor(def: RawDefinition | undefined, problem: Problem): QuickFix[] {
  const find = finders[problem.code];
  if (!def || !find) return [];
  try {
    return find(def, problem);
  } catch {
    // A definition the outline cannot read (a broken layout) simply offers no fix.
    return [];
  }
}

