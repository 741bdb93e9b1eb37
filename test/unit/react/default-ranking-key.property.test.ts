import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormRenderers } from '../../../runtime/react/layout/picker';
import type { JsonSchema, UiElement } from '../../../runtime/react/model/formModel';
import { defaultRankingKey } from '../../../runtime/react/renderers/defaultRankingKey';
import { defaultRenderers, pickQuestionRenderer } from '../../../runtime/react/renderers/index';
import { workloadDefinition } from '../../bench/workload';
import { seededParams } from '../../support/property';

/**
 * A form with the default renderers ranks each kind of question once (renderers/defaultRankingKey.ts).
 * Held to the testers themselves: every question of a generated form, picked through one form's
 * renderers in order (so an earlier question's pick is reused wherever the keys agree), gets what
 * ranking that question alone gives. Two questions the key wrongly calls alike would differ here.
 */
const text = fc.string({ maxLength: 3 });
const optionList = fc.array(fc.oneof(fc.record({ const: text, title: text }), fc.record({ title: text }), fc.constant(null)), { maxLength: 3 });
const typeWord = fc.oneof(fc.constantFrom('string', 'number', 'integer', 'boolean', 'object', 'array', '', 'null'), fc.constant(['string', 'null']), fc.constant(3));

const leaf = fc.record(
  {
    type: typeWord,
    format: fc.oneof(fc.constantFrom('date', 'time', 'date-time', 'email', 'radio'), fc.constant(7)),
    enum: fc.oneof(fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }), fc.constant('none')),
    const: text,
    oneOf: fc.oneof(optionList, fc.constant({})),
    anyOf: optionList,
    readOnly: fc.oneof(fc.boolean(), fc.constant('yes')),
    'x-computed': fc.constantFrom({ op: 'sum', of: ['a'] }, 0, ''),
    $ref: fc.constantFrom('#/$defs/d', '#/properties/b'),
    allOf: fc.constant([{ type: 'string' }]),
    properties: fc.constant({ x: { type: 'string' } }),
    title: text,
  },
  { requiredKeys: [] },
);
const items = fc.oneof(
  leaf,
  fc.record({ type: fc.constantFrom('object', 'string'), properties: fc.constant({ n: { type: 'string' } }), $ref: fc.constant('#/$defs/d') }, { requiredKeys: ['type'] }),
  fc.constant([{ type: 'string' }]),
);
const property = fc.oneof(leaf, fc.record({ type: fc.constant('array'), items, uniqueItems: fc.boolean(), title: text }, { requiredKeys: ['type'] }));
const options = fc.oneof(
  fc.constant(undefined),
  fc.record({ multi: fc.oneof(fc.boolean(), fc.constant('true')), format: fc.oneof(fc.constantFrom('date', 'time', 'date-time', 'radio', 'select'), fc.constant(1)) }, { requiredKeys: [] }),
  fc.constantFrom('select', ['multi'], null),
);
/** Mostly questions the key can name: a plain type, an array's items, and at most one keyword more. */
const plainItems = fc.constantFrom({ type: 'string', enum: ['a'] }, { type: 'string', anyOf: [{ const: 'a' }] }, { type: 'string', oneOf: [{ const: 'a' }] }, { type: 'object', properties: { n: { type: 'string' } } }, { type: 'string' });
const plainKeyword = fc.constantFrom<Array<[string, unknown]>>(
  [], [], [['format', 'date']], [['format', 'time']], [['enum', ['a', 'b']]], [['oneOf', [{ const: 'a' }]]], [['const', 'a']], [['readOnly', true]], [['x-computed', { op: 'sum', of: ['a'] }]],
);
const plain = fc
  .record({ type: fc.constantFrom('string', 'string', 'number', 'integer', 'boolean', 'array', 'array'), items: plainItems, more: plainKeyword })
  .map(({ type, items, more }) => ({ type, ...(type === 'array' ? { items } : {}), ...Object.fromEntries(more) }));
const question = fc.record({
  property: fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: property }),
  options,
  elementType: fc.constantFrom('Control', 'Control', 'Control', 'Group'),
});

/**
 * A form's questions: one generated question and variants of it, each differing in one thing a
 * tester may read (a keyword of the question or of its items, an option), so that two questions a
 * key wrongly took for alike meet in the same form. Unrelated questions alone would rarely share a key.
 */
type Question = { property: Record<string, unknown>; options: unknown; elementType: string };
/** Values a tester reads differently, mostly ones the key can still name; now and then one it cannot. */
const valueFor: Record<string, fc.Arbitrary<unknown>> = {
  type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('string', 'number', 'integer', 'boolean', 'array', 'object') }, { weight: 1, arbitrary: typeWord }),
  format: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('date', 'time', 'date-time', 'email') }, { weight: 1, arbitrary: fc.constant(7) }),
  enum: fc.oneof(fc.constant(['a', 'b']), fc.constant('none')),
  const: text,
  oneOf: fc.oneof({ weight: 3, arbitrary: fc.constant([{ const: 'a' }]) }, { weight: 1, arbitrary: optionList }),
  anyOf: fc.constant([{ const: 'a' }]),
  readOnly: fc.oneof(fc.boolean(), fc.constant('yes')),
  'x-computed': fc.constantFrom({ op: 'sum', of: ['a'] }, 0),
  $ref: fc.constant('#/$defs/d'),
  allOf: fc.constant([{ type: 'object' }]),
  properties: fc.constant({ x: { type: 'string' } }),
  items: fc.oneof(fc.constant({ type: 'string', enum: ['a'] }), fc.constant({ type: 'object', properties: { n: { type: 'string' } } }), fc.constant({ type: 'string' }), fc.constant([{ type: 'string' }])),
};
const removeOr = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: fc.constant(undefined) });
const change = fc.oneof(
  fc.constantFrom(...Object.keys(valueFor)).chain((word) => fc.record({ at: fc.constantFrom('property', 'items'), word: fc.constant(word), value: removeOr(valueFor[word]!) })),
  fc.record({ at: fc.constant('options'), word: fc.constant('format'), value: removeOr(fc.constantFrom('date', 'time', 'date-time', 'select', 'radio', 1)) }),
  fc.record({ at: fc.constant('options'), word: fc.constant('multi'), value: removeOr(fc.constantFrom(true, false, 'true')) }),
);
function varied(q: Question, changes: Array<{ at: string; word: string; value: unknown }>): Question {
  const property = structuredClone(q.property);
  let options = isRecord(q.options) ? { ...q.options } : q.options;
  for (const { at, word, value } of changes) {
    const target = at === 'options' ? (isRecord(options) ? options : (options = {})) : at === 'items' ? (isRecord(property.items) ? property.items : (property.items = {})) : property;
    if (value === undefined) delete (target as Record<string, unknown>)[word];
    else (target as Record<string, unknown>)[word] = value;
  }
  return { ...q, property, options };
}
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const form = question.chain((base) =>
  fc.array(fc.array(change, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 16 }).map((variants) => [base, ...variants.map((c) => varied(base as Question, c))] as Question[]),
);

describe('default renderers: each kind of question ranked once', () => {
  it('gives every question of a generated form what ranking it alone gives', () => {
    let reused = 0;
    fc.assert(
      fc.property(form, leaf, (questions, shared) => {
        const properties: Record<string, JsonSchema> = {};
        questions.forEach((q, i) => (properties[`q${i}`] = q.property as JsonSchema));
        const root: JsonSchema = { type: 'object', properties, $defs: { d: shared } };
        const form = createFormRenderers();
        const keys = new Set<string>();
        questions.forEach((q, i) => {
          const key = `q${i}`;
          // The question plan passes a top-level question's path ([key]); other callers its key.
          const path = i % 2 ? [key] : key;
          const element = { type: q.elementType, scope: `#/properties/${key}`, ...(q.options !== undefined ? { options: q.options } : {}) } as UiElement;
          const kind = defaultRankingKey(element, path, properties[key]);
          if (kind !== undefined && keys.has(kind)) reused++;
          if (kind !== undefined) keys.add(kind);
          let expected: string;
          try {
            expected = pickQuestionRenderer({ ...element }, key, properties[key]!, root).name;
          } catch (e) {
            // A schema the testers themselves throw on (oneOf: {}) must still throw, never be answered from a cache.
            expect(() => form.question(element, path, properties[key]!, root)).toThrow((e as Error).message);
            return;
          }
          expect(form.question(element, path, properties[key]!, root).name, JSON.stringify({ element, property: properties[key] })).toBe(expected);
        });
      }),
      seededParams(800),
    );
    // Not one-sided: many questions were answered from an earlier question's ranking.
    expect(reused).toBeGreaterThan(500);
  });

  it('ranks the benchmark workload by its key, once per kind, as the testers would', () => {
    const definition = workloadDefinition(1000);
    const root = definition.schema as JsonSchema;
    const properties = root.properties as Record<string, JsonSchema>;
    const controls: UiElement[] = [];
    const walk = (el: UiElement) => (el.type === 'Control' ? controls.push(el) : (el.elements ?? []).forEach(walk));
    walk(definition.uischema as unknown as UiElement);
    const kinds = new Set(controls.map((c) => defaultRankingKey(c, [c.scope!.slice('#/properties/'.length)], properties[c.scope!.slice('#/properties/'.length)])));
    // Every workload question has a key (none falls back to the testers) and there are only a few kinds.
    expect(kinds.has(undefined)).toBe(false);
    expect(kinds.size).toBeLessThan(20);
    const form = createFormRenderers(defaultRenderers);
    for (const c of controls) {
      const key = c.scope!.slice('#/properties/'.length);
      expect(form.question(c, [key], properties[key]!, root).name).toBe(pickQuestionRenderer({ ...c }, key, properties[key]!, root).name);
    }
  });

  it('tells apart, in one form, questions that differ in one word of the same length', () => {
    // Generated forms seldom put such a pair side by side: a key that kept only a format's length
    // ("date" and "time") passed the property above.
    const words: Array<[string, unknown[]]> = [
      ['format', ['date', 'time', 'date-time', 'email', 'radio', undefined]],
      ['type', ['string', 'number', 'integer', 'boolean']],
    ];
    for (const [word, values] of words) {
      const properties: Record<string, JsonSchema> = {};
      values.forEach((value, i) => (properties[`q${i}`] = { type: 'string', ...(value === undefined ? {} : { [word]: value }) } as JsonSchema));
      const root: JsonSchema = { type: 'object', properties };
      const form = createFormRenderers();
      for (const key of Object.keys(properties)) {
        const element = { type: 'Control', scope: `#/properties/${key}` } as UiElement;
        expect(form.question(element, [key], properties[key]!, root).name, JSON.stringify(properties[key])).toBe(pickQuestionRenderer({ ...element }, key, properties[key]!, root).name);
      }
    }
  });
});
