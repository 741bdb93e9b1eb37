import { type Question, type UiElementInfo } from '../../../../runtime/core/index';
import { own, ownString } from './json';
import { modelOf, questionOf } from './model';
import { gateOf, type QuestionRef } from './questions';

/**
 * What deleting questions takes with it besides themselves (issue 17: one Delete silently removed
 * the safety check, or the show-when rule of another question). Read from core's form model and
 * its UI index, so "which rule watches this question" is decided in one place; the confirmation
 * names each effect before anything is removed.
 */
export interface DeletionImpact {
  /** The questions deleted (labels). */
  deleted: string[];
  /** Elements shown only after an answer to a deleted question: their show-when rule is dropped. */
  rules: Array<{ pointer: string; label: string; watches: string }>;
  /** Set when a deleted question is the safety check. */
  gate?: string;
  /** Sensitive questions left without the safety check in front of them. */
  ungated: string[];
}

/** How an element carrying a rule is named to a policy lead: its question, heading or text. */
function elementLabel(element: UiElementInfo, byScope: (scope: string) => Question | undefined): string {
  const node = element.node;
  const type = own(node, 'type');
  const scope = ownString(node, 'scope');
  if (type === 'Control' && scope) return byScope(scope)?.title ?? scope;
  if (type === 'Category') return `the section “${ownString(node, 'label') ?? ''}”`;
  if (type === 'Label') return `the guidance “${(ownString(node, 'text') ?? '').slice(0, 60)}”`;
  return ownString(node, 'label') ?? String(type ?? 'an element');
}

export function deletionImpact(def: Record<string, unknown>, refs: QuestionRef[]): DeletionImpact {
  const model = modelOf(def);
  const index = model.ui;
  const targets = refs.map((r) => questionOf(def, r)).filter((q): q is Question => !!q);
  const deleted = new Set(targets);
  // A group's items go with it, and an object's questions (at any depth).
  const withInner = (q: Question): void => {
    for (const inner of [...(q.items ?? []), ...(q.children ?? [])]) {
      deleted.add(inner);
      withInner(inner);
    }
  };
  for (const q of targets) withInner(q);
  const controls = new Set([...deleted].map((q) => q.control?.pointer).filter(Boolean));
  const byScope = (scope: string) => index.scopes.find((s) => s.scope === scope && s.role === 'control' && s.target.kind === 'question')?.target as { question: Question } | undefined;
  const rules = new Map<string, { pointer: string; label: string; watches: string }>();
  for (const s of index.scopes) {
    if (s.role !== 'rule' || s.target.kind !== 'question' || !deleted.has(s.target.question)) continue;
    const el = s.element;
    // A rule on an element being deleted goes with it: not worth a warning.
    if (controls.has(el.pointer) || [...controls].some((c) => el.pointer.startsWith(`${c}/`))) continue;
    rules.set(el.pointer, { pointer: el.pointer, label: elementLabel(el, (sc) => byScope(sc)?.question), watches: s.target.question.title ?? s.target.question.key });
  }
  const gateKey = gateOf(def);
  const gate = gateKey ? targets.find((q) => !q.group && q.key === gateKey) : undefined;
  const ungated = gate ? model.all.filter((q) => q.sensitivity && !deleted.has(q)).map((q) => q.title ?? q.key) : [];
  return {
    deleted: [...deleted].filter((q) => (!q.group || !deleted.has(q.group)) && (!q.parent || !deleted.has(q.parent))).map((q) => q.title ?? q.key),
    rules: [...rules.values()],
    ...(gate ? { gate: gate.title ?? gate.key } : {}),
    ungated,
  };
}
