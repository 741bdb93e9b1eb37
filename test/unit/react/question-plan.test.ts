import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionPlan } from '../../../runtime/react/layout/plan';
import { createFormController } from '../../../runtime/react/model/controller';
import { scopeKey } from '../../../runtime/core/index';
import type { JsonSchema, UiElement } from '../../../runtime/react/model/formModel';
import { pickQuestionRenderer, pickRenderer, soloRoot } from '../../../runtime/react/renderers/index';
import { workloadDefinition } from '../../bench/workload';
import { seededParams } from '../../support/property';

/**
 * The question plan picks each question's renderer once, and hands the testers the property itself
 * when resolving its scope could only land there. That must pick what ranking against a root holding
 * only that question picks (what the runtime did before, and what JSON Forms' testers mean).
 */

type Json = Record<string, unknown>;

/** Fresh UI schema objects: both pickers cache per element, so each comparison starts clean. */
function same(element: UiElement, key: string, property: JsonSchema, root: JsonSchema) {
  const solo = soloRoot(root, key, property);
  const expected = pickRenderer({ ...element }, solo, solo).name;
  const actual = pickQuestionRenderer({ ...element }, key, property, root).name;
  expect(actual, `${key}: ${JSON.stringify(property)} with ${JSON.stringify(element)}`).toBe(expected);
  return actual;
}

function controlsOf(element: Json, out: Json[] = []): Json[] {
  if (element.type === 'Control') out.push(element);
  for (const child of (element.elements as Json[] | undefined) ?? []) controlsOf(child, out);
  return out;
}

function shippedDefinitions(): Json[] {
  const definitions: Json[] = [workloadDefinition(60) as unknown as Json];
  for (const id of readdirSync('form-definitions', { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join('form-definitions', id.name))) {
      definitions.push(JSON.parse(readFileSync(join('form-definitions', id.name, file), 'utf8')) as Json);
    }
  }
  return definitions;
}

const leaf = fc.record(
  {
    type: fc.oneof(fc.constantFrom('string', 'number', 'integer', 'boolean', 'object', 'array', '', 'null'), fc.constant(['string', 'null'])),
    format: fc.constantFrom('date', 'time', 'email'),
    enum: fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer()), { maxLength: 3 }),
    oneOf: fc.array(fc.oneof(fc.record({ const: fc.string({ maxLength: 2 }), title: fc.string({ maxLength: 3 }) }), fc.record({ type: fc.constant('string') })), { maxLength: 3 }),
    readOnly: fc.boolean(),
    'x-computed': fc.constant({ op: 'sum', of: ['a'] }),
    $ref: fc.constantFrom('#/$defs/d', '#/properties/b', '#'),
    properties: fc.constant({ x: { type: 'string' } }),
    items: fc.record({ $ref: fc.constantFrom('#/$defs/d', '#/properties/b') }),
  },
  { requiredKeys: [] },
);
const property = fc.oneof(
  leaf,
  fc.record({ type: fc.constant('array'), items: fc.oneof(leaf, fc.record({ type: fc.constant('object'), properties: fc.constant({ n: { type: 'string' } }) })), uniqueItems: fc.boolean() }, { requiredKeys: ['type'] }),
);
const key = fc.constantFrom('q1', 'a-b_2', 'a.b', 'x~y', 'x/y', 'constructor', '#', 'items');
const options = fc.oneof(fc.constant(undefined), fc.record({ multi: fc.boolean(), format: fc.constantFrom('date', 'time', 'radio', 'select') }, { requiredKeys: [] }));

describe('question plan: the renderer a question gets', () => {
  it('is the one ranking against a root of that question alone picks, on generated questions', () => {
    fc.assert(
      fc.property(key, property, options, leaf, (k, p, o, d) => {
        const root: JsonSchema = { type: 'object', properties: { [k]: p, b: { type: 'string' } }, $defs: { d } };
        const scope = `#/properties/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        same({ type: 'Control', scope, ...(o ? { options: o } : {}) }, k, p, root);
      }),
      seededParams(2000),
    );
  });

  it('is the same on every control of every shipped form and of the benchmark workload', () => {
    const seen = new Set<string>();
    let controls = 0;
    for (const d of shippedDefinitions()) {
      const root = d.schema as JsonSchema;
      const properties = (root.properties ?? {}) as Record<string, JsonSchema>;
      for (const control of controlsOf(d.uischema as Json)) {
        const k = scopeKey(control.scope as string);
        if (!k || !properties[k]) continue;
        seen.add(same(control as unknown as UiElement, k, properties[k], root));
        controls++;
      }
    }
    expect(controls).toBeGreaterThan(200);
    // The shipped forms exercise most of the renderer set, so the comparison is not one-sided.
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });
});

/** A form whose `total` sums `n1` and `n2`: its plan, listened to, after answering 2 and 3. */
function totalOfTwo(definition: unknown) {
  const c = createFormController({ definition: definition as never });
  const plan = questionPlan(c, { type: 'Control', scope: '#/properties/total' }, '/t')!;
  let heard = 0;
  plan.subscribeValue(() => heard++);
  c.store.set('n1', 2);
  c.store.set('n2', 3);
  return { c, plan, heard: () => heard };
}

describe('question plan: made once per question and controller', () => {
  const definition = workloadDefinition(20);
  const first = controlsOf(definition.uischema as unknown as Json).map((c) => c as unknown as UiElement);

  it('is reused across renders and carries the wording, options and ids the control shows', () => {
    const c = createFormController({ definition });
    const control = first[0]!;
    const plan = questionPlan(c, control, '/uischema/elements/0/elements/0');
    expect(questionPlan(c, control, '/uischema/elements/0/elements/0')).toBe(plan);
    const k = scopeKey(control.scope)!;
    expect(plan?.key).toBe(k);
    expect(plan?.id).toBe(`as-${k}`);
    expect(plan?.label).toBe(c.model.title(k));
    expect(plan?.required).toBe(c.model.required.has(k));
    c.destroy();
  });

  it('reads and writes the answer through the store, and notifies only for its own key', () => {
    const c = createFormController({ definition });
    const [a, b] = first.filter((el) => c.model.kind(scopeKey(el.scope)!) === 'text');
    const pa = questionPlan(c, a!, '/a')!;
    const pb = questionPlan(c, b!, '/b')!;
    let heard = 0;
    const off = pa.subscribeValue(() => heard++);
    pb.onChange('other');
    expect(heard).toBe(0);
    pa.onChange('mine');
    expect(heard).toBe(1);
    expect(pa.getValue()).toBe('mine');
    off();
    c.destroy();
  });

  it('is null for a Control whose scope is not a question of the form, including prototype names', () => {
    const c = createFormController({ definition });
    expect(questionPlan(c, { type: 'Control', scope: '#/properties/nope' }, '/x')).toBeNull();
    expect(questionPlan(c, { type: 'Control', scope: '#/properties/constructor' }, '/y')).toBeNull();
    expect(questionPlan(c, { type: 'Control', scope: '#/properties/__proto__' }, '/z')).toBeNull();
    c.destroy();
  });

  it('gives a computed question the value worked out from the answers it reads', () => {
    const d = structuredClone(definition) as unknown as { schema: { properties: Record<string, Json> }; uischema: Json };
    d.schema.properties.n1 = { type: 'integer', title: 'One' };
    d.schema.properties.n2 = { type: 'integer', title: 'Two' };
    d.schema.properties.total = { type: 'integer', title: 'Total', readOnly: true, 'x-computed': { op: 'sum', of: ['n1', 'n2'] } };
    const { c, plan, heard } = totalOfTwo(d);
    expect(heard()).toBe(2);
    expect(plan.getValue()).toBe(5);
    c.destroy();
  });

  it('counts only the answers that count: one hidden by a rule leaves the value, as it leaves the response (issue 18.5, the AUDIT\'s skips)', () => {
    const d = {
      ...structuredClone(definition),
      schema: {
        type: 'object',
        properties: {
          skip: { type: 'boolean', title: 'Skip', 'x-code': 'skip' },
          n1: { type: 'integer', title: 'One', 'x-code': 'n1' },
          n2: { type: 'integer', title: 'Two', 'x-code': 'n2' },
          total: { type: 'integer', title: 'Total', readOnly: true, 'x-computed': { op: 'sum', of: ['n1', 'n2'] }, 'x-code': 'total' },
        },
      },
      uischema: {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/skip' },
          { type: 'Control', scope: '#/properties/n1' },
          { type: 'Control', scope: '#/properties/n2', rule: { effect: 'HIDE', condition: { scope: '#/properties/skip', schema: { const: true } } } },
          { type: 'Control', scope: '#/properties/total' },
        ],
      },
    };
    const { c, plan, heard } = totalOfTwo(d);
    expect(plan.getValue()).toBe(5);
    // `skip` is none of the total's inputs, but it hides one: the value follows it.
    const before = heard();
    c.store.set('skip', true);
    expect(heard()).toBeGreaterThan(before);
    expect(plan.getValue()).toBe(2);
    expect(c.shownAnswers().total).toBe(2);
    c.store.set('skip', false);
    expect(plan.getValue()).toBe(5);
    c.destroy();
  });
});
