import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenAnswerPointers, isVisible, loadDefinitionText, validateResponse, withComputedValues, type Definition } from '../../../runtime/core/index';
import { pointerFromTokens } from '../../../runtime/core/model/pointers';
import { scopeToDataPath, valueAt } from '../../../runtime/core/model/pointers';
import { fixtureDefinition } from '../validate/fixture';
import { seededParams } from '../../support/property';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The walk as it was before the control list was cached: the reference the cached one must equal. */
function referenceHidden(definition: { schema: Record<string, unknown>; uischema: Record<string, unknown> }, given: unknown): Set<string> {
  // Rules read a computed value as the answers give it, stored or not (the AUDIT's follow-ups on its total).
  const answers = withComputedValues(definition, given);
  const shown = new Set<string>();
  const seen = new Set<string>();
  const stack: Array<{ element: unknown; visible: boolean; itemPath: Array<string | number>; depth: number }> = [{ element: definition.uischema, visible: true, itemPath: [], depth: 0 }];
  while (stack.length) {
    const { element, visible: parentVisible, itemPath, depth } = stack.pop()!;
    if (!isObject(element) || depth > 64) continue;
    const visible = isVisible(element, answers, parentVisible, { rootSchema: definition.schema, itemPath });
    if (element.type === 'Control' && typeof element.scope === 'string') {
      const dataPath = [...itemPath, ...scopeToDataPath(element.scope)];
      const pointer = pointerFromTokens(dataPath);
      seen.add(pointer);
      if (visible) shown.add(pointer);
      const detail = isObject(element.options) ? element.options.detail : undefined;
      const items = valueAt(answers, dataPath);
      if (isObject(detail) && Array.isArray(items)) items.forEach((_, i) => stack.push({ element: detail, visible, itemPath: [...dataPath, i], depth: depth + 1 }));
    }
    if (Array.isArray(element.elements)) for (const child of element.elements) stack.push({ element: child, visible, itemPath, depth: depth + 1 });
  }
  return new Set([...seen].filter((p) => !shown.has(p)));
}

const sorted = (s: Set<string>) => [...s].sort();
const when = (scope: string, value: unknown, effect = 'SHOW') => ({ effect, condition: { scope, schema: { const: value } } });

/** Nested groups, rules on layouts, on group controls and inside item layouts, and the same question twice. */
function nestedDefinition() {
  const itemLayout = {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/kind' },
      { type: 'Control', scope: '#/properties/detail', rule: when('#/properties/kind', 'other') },
      { type: 'Control', scope: '#/properties/sub', options: { detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/x', rule: when('#/properties/y', true, 'HIDE') }] } } },
    ],
  };
  return {
    schema: { type: 'object', properties: { gate: { type: 'boolean' }, a: { type: 'string' }, b: { type: 'string' }, list: { type: 'array' } } },
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/gate' },
        { type: 'Group', rule: when('#/properties/gate', true), elements: [{ type: 'Control', scope: '#/properties/a' }, { type: 'Control', scope: '#/properties/b', rule: when('#/properties/a', 'x', 'HIDE') }] },
        // b is also shown here: hidden only when both controls showing it are hidden.
        { type: 'Control', scope: '#/properties/b', rule: when('#/properties/a', 'both') },
        { type: 'Control', scope: '#/properties/list', rule: when('#/properties/gate', false, 'HIDE'), options: { detail: itemLayout } },
      ],
    },
  };
}

const shipped: Definition[] = [];
const ROOT = join(import.meta.dirname, '../../../form-definitions');
for (const id of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
  for (const file of readdirSync(join(ROOT, id)).filter((f) => f.endsWith('.json'))) {
    const loaded = loadDefinitionText(readFileSync(join(ROOT, id, file), 'utf8'));
    if (loaded.ok) shipped.push(loaded.value);
  }
}

describe('hiddenAnswerPointers with the cached control list', () => {
  const nested = nestedDefinition();
  const item = fc.record({ kind: fc.constantFrom('other', 'none', 1), sub: fc.array(fc.record({ y: fc.boolean() }, { requiredKeys: [] }), { maxLength: 3 }) }, { requiredKeys: [] });
  const answers = fc.record({ gate: fc.boolean(), a: fc.constantFrom('x', 'both', ''), list: fc.oneof(fc.array(item, { maxLength: 3 }), fc.constant('not a list')) }, { requiredKeys: [] });

  it('equals the uncached walk on nested groups and item layouts, call after call on the same object', () => {
    fc.assert(fc.property(answers, (a) => {
        expect(sorted(hiddenAnswerPointers(nested, a))).toEqual(sorted(referenceHidden(nested, a)));
      }), seededParams(300));
  });

  it('gives different answers different results from one cached plan (nothing of one call leaks into the next)', () => {
    const open = { gate: true, a: 'x', list: [{ kind: 'other', sub: [{ y: true }, {}] }] };
    expect(sorted(hiddenAnswerPointers(nested, open))).toEqual(['/b', '/list/0/sub/0/x']);
    expect(sorted(hiddenAnswerPointers(nested, { gate: false }))).toEqual(['/a', '/b', '/list']);
    expect(sorted(hiddenAnswerPointers(nested, { ...open, a: 'both', list: [{ kind: 'none' }] }))).toEqual(['/list/0/detail']);
  });

  it('keeps the 64-level bound of the walk, through item layouts too', () => {
    let element: Record<string, unknown> = { type: 'Control', scope: '#/properties/deep' };
    for (let i = 0; i < 70; i++) element = { type: 'VerticalLayout', elements: [element], ...(i === 10 ? { rule: when('#/properties/gate', true) } : {}) };
    const items = { type: 'Control', scope: '#/properties/list', options: { detail: element } };
    const definition = { schema: { type: 'object', properties: {} }, uischema: { type: 'VerticalLayout', elements: [element, items] } };
    for (const a of [{}, { gate: false, list: [{}, {}] }, { gate: true }]) expect(sorted(hiddenAnswerPointers(definition, a))).toEqual(sorted(referenceHidden(definition, a)));
  });

  it('equals the uncached walk on the fixture and every shipped form, for random answers to their rule questions', () => {
    for (const definition of [fixtureDefinition() as unknown as Definition, ...shipped]) {
      const keys = Object.keys(definition.schema.properties as Record<string, unknown>);
      const value = fc.oneof(fc.boolean(), fc.constantFrom('yes', 'no', 'other', 0, 1, 3), fc.array(fc.dictionary(fc.constantFrom(...keys), fc.boolean()), { maxLength: 2 }));
      fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), value), (a) => {
            expect(sorted(hiddenAnswerPointers(definition, a))).toEqual(sorted(referenceHidden(definition, a)));
          }),
        seededParams(40),
      );
    }
  });

  it('validateResponse still excuses a hidden required question when it is the only problem', () => {
    const definition = fixtureDefinition();
    const problems = validateResponse(definition, { childAge: 3, referralDate: '2024-01-01', substance: 'alcohol', safeToTalk: false, usesDrugs: false });
    expect(problems.map((p) => p.path)).not.toContain('/drugDetail');
    expect(validateResponse(definition, { childAge: 3, referralDate: '2024-01-01', substance: 'alcohol', safeToTalk: false, usesDrugs: true }).map((p) => p.path)).toContain('/drugDetail');
  });
});
