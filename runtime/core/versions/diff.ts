import type { Definition } from '../definition/envelope';
import {
  classifySensitivity, constraintNarrows, type Bump, type ChangeKind,
} from './classify';
import { diffForm, type SectionMap } from './diff-form';
import { formModel } from '../model/build';
import { canonical, isObject, own, shorten } from '../model/json';
import type { FormModel, Question, Requirement, SafetyGate } from '../model/types';
import { deepEqual } from '../rules/condition';
import { answerKind, computedText, controlRule } from './compared';

/**
 * One change between two versions of a form. `code` is the question's `id`: its export code (`''` for
 * changes to the form as a whole or its layout); `fromPath` / `toPath` are JSON pointers into
 * each definition file. @public
 */
export interface Change {
  kind: ChangeKind;
  code: string;
  fromPath?: string;
  toPath?: string;
  severity: Bump;
  /** Readable one-line sentence, e.g. "Question 'Are you afraid of …' (afraid_partner) is now required". */
  summary: string;
  details?: Record<string, unknown>;
}

type DefinitionLike = Pick<Definition, 'schema' | 'uischema'> & Partial<Definition>;

/**
 * Every change from one version of a form to another, matched by export code (`x-code`), each
 * classified by the rules of `classify.ts` (docs/versions.md). Pure; never throws on odd input.
 * @public
 */
export function diffDefinitions(from: DefinitionLike, to: DefinitionLike): Change[] {
  const a = formModel(from);
  const b = formModel(to);
  const form = diffForm(from, to, a, b);
  const changes: Change[] = [];
  for (const q of a.all) {
    if (!b.byId.has(q.id)) changes.push(removed(q, to));
  }
  for (const q of b.all) {
    const old = a.byId.get(q.id);
    if (!old) changes.push(added(q, a, b.gate));
    else changes.push(...compare(old, q, form.sectionMap, b.gate));
  }
  return [...changes, ...reordered(a, b, form.sectionMap), ...form.changes];
}

/**
 * Questions asked at another point within the same section. The longest run of questions still in
 * the same relative order stays put; only the others are reported, so moving one question up is one
 * change, not one for each question it passed.
 */
function reordered(a: FormModel, b: FormModel, sections: SectionMap): Change[] {
  // `shown` is in reading order, each with its control.
  const kept = b.shown
    .map((q) => ({ q, old: a.byId.get(q.id) }))
    .filter((x): x is { q: Question; old: Question } => x.old?.control !== undefined
      && (sectionOf(x.old) === sectionOf(x.q) || sections.get(sectionOf(x.old) ?? '') === sectionOf(x.q)));
  // Within each section, and group items within their group: a section or group moved whole is
  // not its questions moving.
  const bySection = new Map<string, typeof kept>();
  for (const x of kept) {
    const bucket = x.q.group ? `group ${x.q.group.id}` : `section ${sectionOf(x.q) ?? ''}`;
    const list = bySection.get(bucket);
    if (list) list.push(x);
    else bySection.set(bucket, [x]);
  }
  const moved = [...bySection.values()].flatMap((list) => {
    const stay = longestIncreasing(list.map((x) => x.old.control!.order));
    return list.filter((_, i) => !stay.has(i));
  });
  return moved.sort((x, y) => x.q.control!.order - y.q.control!.order).map(({ q, old }) => ({
    kind: 'question-reordered' as const, code: q.id, fromPath: old.control!.pointer, toPath: q.control!.pointer, severity: 'patch' as const,
    summary: `${questionName(q)} is asked at another point${q.section ? ` in section '${shorten(q.section.label)}'` : ''}`,
  }));
}

/** The label of the section whose UI shows a question: sections have no codes, so labels stand for them. */
function sectionOf(q: Question): string | undefined {
  return q.section?.label;
}

/** Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.add(i);
  return out;
}

/** `Question 'Are you afraid of …' (afraid_partner)`, as every summary names a question. */
export function questionName(q: Pick<Question, 'id' | 'title' | 'kind'>): string {
  const noun = q.kind === 'group' ? 'Group' : 'Question';
  return q.title ? `${noun} '${shorten(q.title)}' (${q.id})` : `${noun} ${q.id}`;
}

function removed(q: Question, to: DefinitionLike): Change {
  // Builder drafts reach here unchecked: `retired` may be anything until the envelope is valid.
  const retired = Array.isArray(to.retired) ? to.retired.find((r) => isObject(r) && r.code === q.id) : undefined;
  return {
    kind: 'question-removed', code: q.id, fromPath: q.pointer, severity: 'major',
    summary: `${questionName(q)} was removed${retired ? ` (retired: ${retired.reason})` : ''}`,
    details: { key: q.key, ...(retired ? { retiredReason: retired.reason } : {}) },
  };
}

function added(q: Question, a: FormModel, gate: SafetyGate | undefined): Change {
  const group = q.group;
  // An item of a new group is new with its group: old responses have no items to lack it.
  const inNewGroup = group !== undefined && !a.byId.has(group.id);
  const required = q.required !== 'never' && !inNewGroup;
  const where = group ? ` to ${questionName(group).replace(/^Group/, 'group')}` : '';
  const how = !required ? '' : q.required === 'always' ? ' and is required' : ` and is required ${whenText(q, gate?.key, gate?.yes)}`;
  return {
    kind: 'question-added', code: q.id, toPath: q.pointer, severity: required ? 'major' : 'minor',
    summary: `${questionName(q)} was added${where}${how}`,
    details: { key: q.key, type: answerKind(q), required: q.required, ...(q.section ? { section: q.section.label } : {}) },
  };
}

const requirementRank: Record<Requirement, number> = { never: 0, conditional: 1, always: 2 };

function compare(a: Question, b: Question, sections: SectionMap, gate: SafetyGate | undefined): Change[] {
  const out: Change[] = [];
  const name = questionName(b);
  const at = (kind: ChangeKind, severity: Bump, summary: string, details?: Record<string, unknown>, paths?: { fromPath?: string; toPath?: string }): void => {
    out.push({ kind, code: b.id, fromPath: paths?.fromPath ?? a.pointer, toPath: paths?.toPath ?? b.pointer, severity, summary, ...(details ? { details } : {}) });
  };
  if (a.answerPath !== b.answerPath) {
    at('key-changed', 'major', `${name} is now answered at ${b.answerPath} (was ${a.answerPath})`, { from: a.answerPath, to: b.answerPath });
  }
  const kindA = answerKind(a);
  const kindB = answerKind(b);
  const sameKind = kindA === kindB;
  if (!sameKind) {
    at('type-changed', 'major', `${name} changed type from ${kindA} to ${kindB}`, { from: kindA, to: kindB });
  }
  compareRequirement(a, b, name, at, gate);
  if (a.title !== b.title) {
    at('question-renamed', 'patch', `Question ${b.id} is now worded '${shorten(b.title ?? '')}' (was '${shorten(a.title ?? '')}')`, { from: a.title, to: b.title });
  }
  if (a.description !== b.description) at('guidance-changed', 'patch', `${name}: hint text changed`, { field: 'description', from: a.description, to: b.description });
  if (a.help !== b.help) at('guidance-changed', 'patch', `${name}: help text changed`, { field: 'x-help', from: a.help, to: b.help });
  if (sameKind) compareOptions(a, b, name, at);
  // After a change of type the old limits say nothing about the new answers: the type change is the news.
  for (const keyword of sameKind ? new Set([...Object.keys(a.constraints), ...Object.keys(b.constraints)]) : []) {
    const x = a.constraints[keyword];
    const y = b.constraints[keyword];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    const severity: Bump = constraintNarrows(keyword, x, y) ? 'major' : 'minor';
    at('constraint-changed', severity, `${name}: ${keyword} changed from ${show(x)} to ${show(y)}`, { keyword, from: x, to: y });
  }
  const computedA = computedText(a);
  const computedB = computedText(b);
  if (computedA !== computedB && sameKind) {
    at('computed-changed', 'major', `${name} is now worked out differently`, { from: computedA, to: computedB });
  }
  const sectionA = sectionOf(a);
  const sectionB = sectionOf(b);
  if (sectionA !== sectionB && (sectionA === undefined || sections.get(sectionA) !== sectionB)) {
    at('moved-section', 'patch', `${name} moved from section '${sectionA ?? '(none)'}' to '${sectionB ?? '(none)'}'`,
      { from: sectionA, to: sectionB }, { fromPath: a.control?.pointer ?? a.pointer, toPath: b.control?.pointer ?? b.pointer });
  }
  // A level of the same name may be handled differently in the new version's own table.
  if (a.sensitivity !== b.sensitivity || JSON.stringify(a.level) !== JSON.stringify(b.level)) {
    at('sensitivity-changed', classifySensitivity(a.level, b.level),
      `${name} sensitivity changed from ${a.sensitivity ?? 'none'} to ${b.sensitivity ?? 'none'}`, { from: a.sensitivity, to: b.sensitivity });
  }
  const ruleA = controlRule(a);
  const ruleB = controlRule(b);
  if (ruleA !== ruleB) {
    const summary = ruleA === undefined ? `${name} now has a show/hide rule`
      : ruleB === undefined ? `${name} no longer has a show/hide rule` : `${name} shows under a changed rule`;
    at('rule-changed', 'minor', summary, { from: ruleA, to: ruleB },
      { fromPath: a.control ? `${a.control.pointer}/rule` : a.pointer, toPath: b.control ? `${b.control.pointer}/rule` : b.pointer });
  }
  return out;
}

type Emit = (kind: ChangeKind, severity: Bump, summary: string, details?: Record<string, unknown>, paths?: { fromPath?: string; toPath?: string }) => void;

function compareRequirement(a: Question, b: Question, name: string, at: Emit, gate: SafetyGate | undefined): void {
  const x = requirementRank[a.required];
  const y = requirementRank[b.required];
  const details = { from: a.required, to: b.required, ...(b.requiredWhen.length ? { when: b.requiredWhen } : {}) };
  if (y > x) {
    at('question-required', 'major', `${name} is now required${b.required === 'conditional' ? ` ${whenText(b, gate?.key, gate?.yes)}` : ''}`, details);
  } else if (y < x) {
    at('question-optional', 'minor', b.required === 'never' ? `${name} is no longer required` : `${name} is now required only ${whenText(b, gate?.key, gate?.yes)}`, details);
  } else if (a.required === 'conditional' && a.requiredWhen.join('\n') !== b.requiredWhen.join('\n')) {
    const widened = b.requiredWhen.some((w) => !a.requiredWhen.includes(w));
    if (widened) at('question-required', 'major', `${name} is now required ${whenText(b, gate?.key, gate?.yes)} (the condition changed)`, details);
    else at('question-optional', 'minor', `${name} is required under fewer conditions`, details);
  }
}

function compareOptions(a: Question, b: Question, name: string, at: Emit): void {
  const oldByCode = new Map(a.options.map((o) => [o.code, o]));
  const newByCode = new Map(b.options.map((o) => [o.code, o]));
  const gone = a.options.filter((o) => !newByCode.has(o.code));
  const fresh = b.options.filter((o) => !oldByCode.has(o.code));
  // The same wording under a new code is a recoding: one change, not a removal and an addition.
  for (const o of gone) {
    const i = fresh.findIndex((n) => n.label.trim().toLowerCase() === o.label.trim().toLowerCase());
    if (i >= 0) {
      const n = fresh.splice(i, 1)[0]!;
      at('option-recoded', 'major', `${name}: option '${shorten(n.label, 40)}' is now coded ${n.code} (was ${o.code})`,
        { from: o.code, to: n.code, label: n.label }, { fromPath: o.pointer, toPath: n.pointer });
    } else {
      at('option-removed', 'major', `${name} no longer has the option '${shorten(o.label, 40)}' (${o.code})`, { option: o.code, label: o.label }, { fromPath: o.pointer, toPath: b.pointer });
    }
  }
  for (const n of fresh) {
    at('option-added', 'minor', `${name} has a new option '${shorten(n.label, 40)}' (${n.code})`, { option: n.code, label: n.label }, { fromPath: a.pointer, toPath: n.pointer });
  }
  for (const n of b.options) {
    const o = oldByCode.get(n.code);
    if (o && o.label !== n.label) {
      at('option-relabelled', 'patch', `${name}: option ${n.code} is now worded '${shorten(n.label, 40)}' (was '${shorten(o.label, 40)}')`,
        { option: n.code, from: o.label, to: n.label }, { fromPath: o.pointer, toPath: n.pointer });
    }
  }
  const keptOld = a.options.map((o) => o.code).filter((c) => newByCode.has(c));
  const keptNew = b.options.map((o) => o.code).filter((c) => oldByCode.has(c));
  if (keptOld.join('\n') !== keptNew.join('\n')) {
    at('options-reordered', 'patch', `${name}: the options are in a new order`, { from: keptOld, to: keptNew });
  }
}

/**
 * When a conditionally required question is required, in words: "once the safety check is answered
 * yes" for the gate, "when disclosure is \"yes\"" for a simple `if`, else a neutral phrase.
 */
export function whenText(q: Pick<Question, 'requiredIf'>, gate: string | undefined, gateYes: unknown = true): string {
  // An `if` inside an object names its answers by their path there (riskFollowUp.referred); the gate is top level.
  const alternatives = q.requiredIf.map((all) => all.map((c) => conditionText(c.schema, c.negate, c.at.length ? undefined : gate, gateYes, c.at)));
  if (alternatives.length === 0 || alternatives.some((all) => all.some((t) => t === undefined))) return 'when its condition holds';
  return alternatives.map((all) => all.join(' and ')).join(', or ');
}

const plainConditionKeys = new Set(['properties', 'required', 'title', 'description', '$comment']);

/** Words for an `if` made only of `properties: { key: { const } }` (and `required`); undefined for anything richer. */
function conditionText(schema: unknown, negate: boolean, gate: string | undefined, gateYes: unknown, at: readonly string[]): string | undefined {
  const props = own(schema, 'properties');
  if (!isObject(schema) || !isObject(props) || Object.keys(schema).some((k) => !plainConditionKeys.has(k))) return undefined;
  const parts: string[] = [];
  for (const key of Object.keys(props)) {
    const prop = props[key];
    if (!isObject(prop) || Object.keys(prop).length !== 1 || own(prop, 'const') === undefined) return undefined;
    const value = own(prop, 'const');
    // The gate's yes as the model reads it: `true`, or a yes/no choice's yes code.
    parts.push(key === gate && deepEqual(value, gateYes) ? 'the safety check is answered yes' : `${[...at, key].join('.')} is ${canonical(value)}`);
  }
  if (parts.length === 0) return undefined;
  if (negate) return `unless ${parts.join(' and ')}`;
  return parts.length === 1 && parts[0] === 'the safety check is answered yes' ? 'once the safety check is answered yes' : `when ${parts.join(' and ')}`;
}

function show(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}
