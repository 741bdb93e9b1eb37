import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('schema-invalid (and the reference, pattern and $id checks that run before AJV)', () => {
  it('passes the valid fixture', () => {
    expect(lintFixture('valid')).toEqual([]);
  });

  it('reports a keyword value the meta-schema refuses, at that keyword', () => {
    expect(pathsOf(lintFixture('schema-invalid'), 'schema-invalid')).toEqual(['/schema/properties/children/items/properties/age/minimum']);
  });

  it('reports a schema that does not describe an object, and another $schema', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.type = 'array')), 'schema-invalid')).toEqual(['/schema/type']);
    expect(pathsOf(lintChanged((d) => (d.schema.$schema = 'http://json-schema.org/draft-07/schema#')), 'schema-invalid')).toEqual(['/schema/$schema']);
  });

  it('reports an unknown format instead of letting AJV warn on the console', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.visitDate.format = 'british-date')), 'schema-invalid')).toEqual(['/schema/properties/visitDate/format']);
  });

  // Issue 15.5: what the validator's strict mode refuses to compile, lint reports first, at the place.
  it('reports a keyword that is not JSON Schema, and one that can have no effect, at their pointers', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.fearful.colour = 10;
      d.schema.allOf.push({ if: { required: ['harmed'] } });
    });
    expect(pathsOf(problems, 'schema-invalid').sort()).toEqual(['/schema/allOf/1/if', '/schema/properties/fearful/colour']);
  });

  it('never fetches a remote reference, and does not compile while one is there', () => {
    const problems = lintFixture('ref-remote');
    expect(pathsOf(problems, 'ref-remote')).toEqual(['/schema/properties/visitDate/$ref']);
    expect(withCode(problems, 'schema-invalid')).toEqual([]);
  });

  it('reports a relative reference as remote: a definition is one document', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.visitDate.$ref = 'date.json#/x')), 'ref-remote')).toEqual(['/schema/properties/visitDate/$ref']);
  });

  it('reports unresolved references and reference cycles', () => {
    expect(pathsOf(lintFixture('ref-unresolved'), 'ref-unresolved')).toEqual(['/schema/properties/visitDate/$ref']);
    expect(withCode(lintFixture('ref-cycle'), 'ref-cycle')).toHaveLength(1);
  });

  it('accepts a reference to $defs that resolves', () => {
    const problems = lintChanged((d) => {
      d.schema.$defs = { shortText: { type: 'string', maxLength: 200 } };
      d.schema.properties.contactNote = { $ref: '#/$defs/shortText', title: 'Where?', 'x-code': 'contact_note' };
    });
    expect(problems).toEqual([]);
  });

  it('reports patterns that are not regular expressions or need backtracking', () => {
    expect(pathsOf(lintFixture('pattern-invalid'), 'pattern-invalid')).toEqual(['/schema/properties/contactNote/pattern']);
    expect(pathsOf(lintFixture('pattern-unsafe'), 'pattern-unsafe')).toEqual(['/schema/properties/contactNote/pattern']);
  });

  it('reports an $id below the root', () => {
    expect(pathsOf(lintFixture('id-invalid'), 'id-invalid')).toEqual(['/schema/properties/visitDate/$id']);
  });
});
