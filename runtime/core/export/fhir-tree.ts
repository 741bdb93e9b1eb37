import type { Definition } from '../definition/envelope';
import type { Question } from '../model/types';
import { enableWhenOf, type EnableWhenMapping } from './fhir-enable-when';
import { questionsOf } from './fhir-form-facts';
import { topLevelKeyOfScope } from './fhir-common';

/**
 * The item tree the FHIR Questionnaire and every QuestionnaireResponse share, so responses nest
 * exactly like the Questionnaire. Built from the UI schema: each `Category` and each labelled
 * `Group` (or any layout carrying a rule) becomes a `group` item; other layouts are flattened;
 * a `Label` becomes a `display` item with its rule (age-band scripts must not all show at once); a control becomes its question. Questions no control shows
 * are appended at the end, in definition order.
 */
export type FhirNode =
  | { kind: 'layout'; linkId: string; text?: string; rule?: EnableWhenMapping; children: FhirNode[] }
  | { kind: 'display'; linkId: string; text: string; rule?: EnableWhenMapping }
  | { kind: 'question'; question: Question; rule?: EnableWhenMapping; children: FhirNode[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: unknown, k: string): unknown => (isObject(o) && Object.hasOwn(o, k) ? o[k] : undefined);

const cache = new WeakMap<object, FhirNode[]>();

export function fhirTree(definition: Definition): FhirNode[] {
  const hit = cache.get(definition);
  if (hit) return hit;
  const questions = questionsOf(definition);
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const placed = new Set<string>();
  const counters = { section: 0, group: 0, label: 0 };

  const questionNode = (q: Question, rule?: EnableWhenMapping): FhirNode => ({
    kind: 'question',
    question: q,
    ...(rule ? { rule } : {}),
    children: (q.items ?? []).map((iq) => ({ kind: 'question', question: iq, children: [] })),
  });

  const walk = (node: unknown): FhirNode[] => {
    if (!isObject(node)) return [];
    const type = own(node, 'type');
    const rule = enableWhenOf(own(node, 'rule'), byKey);
    const children = (): FhirNode[] => {
      const elements = own(node, 'elements');
      return Array.isArray(elements) ? elements.flatMap(walk) : [];
    };
    if (type === 'Control') {
      const key = topLevelKeyOfScope(own(node, 'scope'));
      const q = key !== undefined ? byKey.get(key) : undefined;
      if (!q || placed.has(q.key)) return [];
      placed.add(q.key);
      return [questionNode(q, rule)];
    }
    if (type === 'Label') {
      const text = own(node, 'text');
      return typeof text === 'string' && text ? [{ kind: 'display', linkId: `label-${++counters.label}`, text, ...(rule ? { rule } : {}) }] : [];
    }
    const label = own(node, 'label');
    const text = typeof label === 'string' && label ? label : undefined;
    if (type === 'Category' || (type === 'Group' && text) || rule) {
      const linkId = type === 'Category' ? `section-${++counters.section}` : `group-${++counters.group}`;
      const inner = children();
      return inner.length ? [{ kind: 'layout', linkId, ...(text ? { text } : {}), ...(rule ? { rule } : {}), children: inner }] : [];
    }
    return children();
  };

  const tree = walk(definition.uischema);
  for (const q of questions) if (!placed.has(q.key)) tree.push(questionNode(q));
  cache.set(definition, tree);
  return tree;
}
