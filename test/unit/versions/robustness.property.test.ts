import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDefinitions, migrateResponse, suggestVersion, type Definition } from '../../../runtime/core/index';
import { baseDefinition, responseFor } from './base-definition';
import { seededParams } from '../../support/property';

/**
 * The builder diffs drafts as they are typed, before the envelope is valid, so the versions code
 * must never throw on any JSON. Random JSON is put in place of whole fields and of single questions.
 */
const anyJson = fc.jsonValue({ maxDepth: 4 });
const fieldNames = ['schema', 'uischema', 'retired', 'safety', 'translations', 'title', 'source', 'version'] as const;

const mangled: fc.Arbitrary<Definition> = fc.tuple(
  fc.dictionary(fc.constantFrom(...fieldNames), anyJson),
  fc.dictionary(fc.constantFrom('name', 'age', 'relationship', 'concerns', 'children', 'safeToTalk', 'extra'), anyJson),
  fc.dictionary(fc.constantFrom('required', 'allOf', '$defs'), anyJson),
).map(([fields, props, schemaKeys]) => {
  const d = baseDefinition() as unknown as Record<string, unknown> & { schema: Record<string, unknown> & { properties: Record<string, unknown> } };
  Object.assign(d.schema.properties, props);
  Object.assign(d.schema, schemaKeys);
  Object.assign(d, fields);
  return d as unknown as Definition;
});

describe('the versions code on any JSON', () => {
  it('diffs and suggests without throwing', () => {
    fc.assert(fc.property(mangled, mangled, (a, b) => {
      expect(Array.isArray(diffDefinitions(a, b))).toBe(true);
      expect(typeof suggestVersion({ ...a, version: '1.0.0' }, b).version).toBe('string');
    }), seededParams(300));
  }, 120_000);

  it('migrates without throwing, and every answer is carried, kept or reported', () => {
    fc.assert(fc.property(mangled, mangled, fc.dictionary(fc.string(), anyJson), (a, b, answers) => {
      const { response, report } = migrateResponse(responseFor(baseDefinition(), answers), a, b);
      // Each answer becomes exactly one answer of the result (carried or kept), or one report entry
      // for the whole answer; reports on parts of an answer (an item, a choice) sit below it.
      const wholeReported = report.notCarried.filter((n) => n.path.split('/').length === 2).length;
      expect(Object.keys(response.answers).length + wholeReported).toBe(Object.keys(answers).length);
    }), seededParams(300));
  }, 120_000);
});
