import type { Definition } from '../definition/envelope';
import type { Question } from '../model/types';
import { enableWhenOf, type EnableWhenMapping } from './fhir-enable-when';
import { formModel } from '../model/build';
import { questionAtScope } from '../model/scopes';
import { itemLevel } from '../model/levels';

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
  const model = formModel(definition);
  const placed = new Set<Question>();
  const counters = { section: 0, group: 0, label: 0 };
  // An object is a `group` item holding its questions' items, placed where its first control is.
  const objectNodes = new Map<Question, Extract<FhirNode, { kind: 'question' }>>();

  const questionNode = (q: Question, rule?: EnableWhenMapping): Extract<FhirNode, { kind: 'question' }> => ({
    kind: 'question',
    question: q,
    ...(rule ? { rule } : {}),
    children: (q.kind === 'object' ? (q.children ?? []) : itemLevel(q)).map((iq) => questionNode(iq)),
  });

  /** The node `q` goes under: its object's (made, and placed in the tree, on first need); undefined at the top. */
  const objectNodeOf = (q: Question): { node: FhirNode; fresh: FhirNode | undefined } | undefined => {
    const parent = q.parent;
    if (!parent) return undefined;
    const existing = objectNodes.get(parent);
    if (existing) return { node: existing, fresh: undefined };
    const node: Extract<FhirNode, { kind: 'question' }> = { kind: 'question', question: parent, children: [] };
    objectNodes.set(parent, node);
    placed.add(parent);
    const above = objectNodeOf(parent);
    if (!above) return { node, fresh: node };
    (above.node as { children: FhirNode[] }).children.push(node);
    return { node, fresh: above.fresh };
  };

  /** Places a question: at this point of the tree, or under its object's node; answers what this point gains. */
  const place = (q: Question, rule?: EnableWhenMapping): FhirNode[] => {
    placed.add(q);
    const node = q.kind === 'object' ? objectShell(q, rule) : questionNode(q, rule);
    const holder = objectNodeOf(q);
    if (!holder) return [node];
    (holder.node as { children: FhirNode[] }).children.push(node);
    return holder.fresh ? [holder.fresh] : [];
  };

  /** An object shown by a control of its own: its questions follow, each placed by its own control or at the end. */
  const objectShell = (q: Question, rule?: EnableWhenMapping): FhirNode => {
    const node: Extract<FhirNode, { kind: 'question' }> = { kind: 'question', question: q, ...(rule ? { rule } : {}), children: [] };
    objectNodes.set(q, node);
    return node;
  };

  const walk = (node: unknown): FhirNode[] => {
    if (!isObject(node)) return [];
    const type = own(node, 'type');
    const rule = enableWhenOf(own(node, 'rule'), model);
    const children = (): FhirNode[] => {
      const elements = own(node, 'elements');
      return Array.isArray(elements) ? elements.flatMap(walk) : [];
    };
    if (type === 'Control') {
      const scope = own(node, 'scope');
      const q = typeof scope === 'string' ? questionAtScope(model, scope, undefined) : undefined;
      if (!q || q.group || placed.has(q)) return [];
      return place(q, rule);
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
      // A Group that only shows one object, headed by its title, is that object's group item (with the Group's rule), not a group around it.
      const only = inner.length === 1 ? inner[0] : undefined;
      if (type === 'Group' && only?.kind === 'question' && only.question.kind === 'object' && !only.rule && (!text || text === only.question.title)) {
        return [rule ? Object.assign(only, { rule }) : only];
      }
      return inner.length ? [{ kind: 'layout', linkId, ...(text ? { text } : {}), ...(rule ? { rule } : {}), children: inner }] : [];
    }
    return children();
  };

  const tree = walk(definition.uischema);
  // Questions no control shows, at the end: top-level ones, and those of objects placed above.
  for (const q of model.all) {
    if (placed.has(q) || q.group) continue;
    if (q.kind === 'object' && !q.parent) {
      tree.push(questionNode(q));
      for (const inner of q.children ?? []) markPlaced(inner, placed);
      placed.add(q);
    } else if (q.parent && objectNodes.has(q.parent)) tree.push(...place(q));
    else if (!q.parent) tree.push(...place(q));
  }
  cache.set(definition, tree);
  return tree;
}


function markPlaced(q: Question, placed: Set<Question>): void {
  placed.add(q);
  for (const inner of q.children ?? []) markPlaced(inner, placed);
}
