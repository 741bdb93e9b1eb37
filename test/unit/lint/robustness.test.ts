import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, lintText, problemCodes, type Definition } from '../../../runtime/core/index';
import { fixtureJson } from './fixtures';
import type { Json } from './helpers';
import { seededParams } from '../../support/property';

/** Places in the valid fixture where hostile or malformed values are put. */
const targets: Array<(d: Json) => [Json, string]> = [
  (d) => [d, 'schema'],
  (d) => [d, 'uischema'],
  (d) => [d, 'safety'],
  (d) => [d.schema, 'properties'],
  (d) => [d.schema, 'required'],
  (d) => [d.schema, 'allOf'],
  (d) => [d.schema, '$defs'],
  (d) => [d.schema.properties, 'children'],
  (d) => [d.schema.properties.children, 'items'],
  (d) => [d.schema.properties.children.items, 'properties'],
  (d) => [d.schema.properties.concernCount, 'x-computed'],
  (d) => [d.schema.properties.visitDate, '$ref'],
  (d) => [d.schema.properties.harmed, 'x-sensitivity'],
  (d) => [d.uischema, 'elements'],
  (d) => [d.uischema.elements[0], 'elements'],
  (d) => [d.uischema.elements[0].elements[4], 'options'],
  (d) => [d.uischema.elements[0].elements[3], 'rule'],
  (d) => [d.uischema.elements[1].rule, 'condition'],
  (d) => [d.uischema.elements[0].elements[0], 'scope'],
];

function assertWellFormed(problems: ReturnType<typeof lint>): void {
  for (const p of problems) {
    expect(p.code).not.toBe('lint-rule-crashed');
    expect(Object.hasOwn(problemCodes, p.code)).toBe(true);
    expect(typeof p.path).toBe('string');
    expect(p.path === '' || p.path.startsWith('/')).toBe(true);
  }
}

describe('lint on malformed definitions', () => {
  it('never crashes a rule, whatever value sits where a schema, UI element or rule is expected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: targets.length - 1 }), fc.jsonValue({ maxDepth: 4 }), (which, value) => {
        const d = fixtureJson('valid') as Json;
        const [holder, key] = targets[which]!(d);
        holder[key] = value;
        // Called directly (not through load), as the builder may with a half-edited definition.
        assertWellFormed(lint(d as Definition, { raw: d, published: {}, folderId: 'lint-example', fileVersion: '1.0.0' }));
      }),
      seededParams(150),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ ...fixtureJson('valid'), schema: v }))), (text) => {
        assertWellFormed(lintText(text));
      }),
      seededParams(150),
    );
  });

  it('does not pollute prototypes through scopes, codes or computed keys', () => {
    const problems = lint(
      Object.assign(fixtureJson('valid') as Json, {
        uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/constructor' }, { type: 'Control', scope: '#/properties/__proto__/polluted' }] },
      }) as Definition,
    );
    expect(problems.filter((p) => p.code === 'scope-unresolved').map((p) => p.path)).toEqual(['/uischema/elements/0/scope', '/uischema/elements/1/scope']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
