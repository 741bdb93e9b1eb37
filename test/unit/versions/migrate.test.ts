import { describe, expect, it } from 'vitest';
import { contentHash, createMigrator, diffDefinitions, migrateResponse } from '../../../runtime/core/index';
import { baseDefinition, changed, responseFor } from './base-definition';

const v1 = baseDefinition();
const answers = {
  name: 'Sam', age: 34, relationship: 'carer', concerns: ['alcohol', 'drugs'], seenOn: '2026-11-01', safeToTalk: true, afraidPartner: false,
  children: [{ childName: 'Ash', childAge: 7 }, { childName: 'Bo' }],
};
const v2 = (edit: Parameters<typeof changed>[1]) => ({ ...changed(v1, edit), version: '2.0.0' });

describe('migrateResponse', () => {
  it('carries every answer to a version that only rewords, and records where it came from', () => {
    const to = v2((p) => { p.age!.title = 'How old are you?'; });
    const { response, report } = migrateResponse(responseFor(v1, answers), v1, to);
    expect(response.answers).toEqual(answers);
    expect(response.form).toEqual({ id: to.id, version: '2.0.0', sha256: contentHash(to) });
    expect(response.meta?.migratedFrom).toEqual({ id: v1.id, version: '1.0.0', sha256: contentHash(v1) });
    expect(report.notCarried).toEqual([]);
    expect(report.carried).toEqual(expect.arrayContaining(['person_name', 'children', 'child_name', 'child_age']));
    expect(report.problems).toEqual([]);
  });

  it('follows the code when the answer key changes, in groups too', () => {
    const to = v2((p, d) => {
      p.fullName = p.name!; delete p.name; d.schema.required[0] = 'fullName';
      const item = (p.children!.items as { properties: Record<string, unknown> }).properties;
      item.firstName = item.childName; delete item.childName;
    });
    const { response } = migrateResponse(responseFor(v1, answers), v1, to);
    expect(response.answers.fullName).toBe('Sam');
    expect(response.answers).not.toHaveProperty('name');
    expect(response.answers.children).toEqual([{ firstName: 'Ash', childAge: 7 }, { firstName: 'Bo' }]);
  });

  it('reports, and keeps in meta, an answer to a removed question', () => {
    const to = v2((p) => { delete p.seenOn; });
    const { response, report } = migrateResponse(responseFor(v1, answers), v1, to);
    expect(response.answers).not.toHaveProperty('seenOn');
    const entry = { code: 'seen_on', key: 'seenOn', path: '/seenOn', value: '2026-11-01', reason: 'question-removed' };
    expect(report.notCarried).toEqual([entry]);
    expect(response.meta?.notCarried).toEqual([entry]);
    expect(report.problems.map((p) => [p.code, p.path])).toEqual([['migration-not-carried', '/seenOn']]);
  });

  it('carries a number to a wider type but not a text that no longer fits', () => {
    const widened = migrateResponse(responseFor(v1, answers), v1, v2((p) => { p.age = { type: 'number', title: 'Age', 'x-code': 'person_age' }; }));
    expect(widened.response.answers.age).toBe(34);
    const retyped = migrateResponse(responseFor(v1, answers), v1, v2((p) => { p.seenOn = { type: 'integer', title: 'Days ago', 'x-code': 'seen_on' }; }));
    expect(retyped.report.notCarried).toEqual([expect.objectContaining({ code: 'seen_on', reason: 'type-changed', value: '2026-11-01' })]);
  });

  it('holds back a removed option and suggests the new code of a recoded one', () => {
    const options = (p: Record<string, Record<string, unknown>>) => p.relationship!.oneOf as Array<{ const: string; title: string }>;
    const removed = migrateResponse(responseFor(v1, answers), v1, v2((p) => { options(p).splice(1, 1); }));
    expect(removed.report.notCarried).toEqual([expect.objectContaining({ code: 'relationship', reason: 'option-removed', value: 'carer' })]);
    const recoded = migrateResponse(responseFor(v1, answers), v1, v2((p) => { options(p)[1]!.const = 'kinship_carer'; }));
    expect(recoded.report.notCarried).toEqual([expect.objectContaining({ reason: 'option-recoded', value: 'carer', suggestion: 'kinship_carer' })]);
    expect(recoded.response.answers).not.toHaveProperty('relationship');
  });

  it('keeps the remaining choices of a multiple choice and reports each dropped one', () => {
    const to = v2((p) => { ((p.concerns!.items as { oneOf: unknown[] }).oneOf).splice(1, 1); });
    const { response, report } = migrateResponse(responseFor(v1, answers), v1, to);
    expect(response.answers.concerns).toEqual(['alcohol']);
    expect(report.notCarried).toEqual([expect.objectContaining({ path: '/concerns/1', value: 'drugs', reason: 'option-removed' })]);
  });

  it('reports group items whose question was removed, with the item path', () => {
    const to = v2((p) => { delete (p.children!.items as { properties: Record<string, unknown> }).properties.childAge; });
    const { response, report } = migrateResponse(responseFor(v1, answers), v1, to);
    expect(response.answers.children).toEqual([{ childName: 'Ash' }, { childName: 'Bo' }]);
    expect(report.notCarried).toEqual([expect.objectContaining({ code: 'child_age', path: '/children/0/childAge', value: 7 })]);
  });

  it('lists what the new version requires and the response lacks, honouring the safety gate', () => {
    const to = v2((p, d) => {
      p.controlsMoney = { type: 'boolean', title: 'Does anyone control your money?', 'x-code': 'controls_money', 'x-sensitivity': 'special-category' };
      (d.schema as unknown as { allOf: Array<{ then: { required: string[] } }> }).allOf[0]!.then.required.push('controlsMoney');
      (p.children!.items as { required: string[] }).required.push('childAge');
    });
    const safe = migrateResponse(responseFor(v1, answers), v1, to).report;
    // In the new version's order: the group comes before the question added at the end.
    expect(safe.nowRequired).toEqual([
      { code: 'child_age', key: 'childAge', path: '/children/1/childAge' },
      { code: 'controls_money', key: 'controlsMoney', path: '/controlsMoney' },
    ]);
    expect(safe.problems.filter((p) => p.code === 'migration-now-required').map((p) => p.path)).toEqual(['/children/1/childAge', '/controlsMoney']);
    const notSafe = migrateResponse(responseFor(v1, { ...answers, safeToTalk: false, afraidPartner: undefined }), v1, to).report;
    expect(notSafe.nowRequired.map((r) => r.code)).toEqual(['child_age']);
  });

  it('keeps answers the old version had no question for, and reports them when the new version uses their key', () => {
    const kept = migrateResponse(responseFor(v1, { ...answers, stray: 'x', children: [{ childName: 'Ash', note: 1 }] }), v1, v2(() => {}));
    expect(kept.response.answers.stray).toBe('x');
    expect(kept.response.answers.children).toEqual([{ childName: 'Ash', note: 1 }]);
    expect(kept.report.kept).toEqual(['/children/0/note', '/stray']);
    expect(kept.report.notCarried).toEqual([]);
    const to = v2((p) => { p.stray = { type: 'integer', title: 'Stray', 'x-code': 'stray' }; });
    const taken = migrateResponse(responseFor(v1, { ...answers, stray: 'x' }), v1, to);
    expect(taken.report.notCarried).toEqual([{ code: '', key: 'stray', path: '/stray', value: 'x', reason: 'unknown-question' }]);
    expect(taken.response.answers).not.toHaveProperty('stray');
  });

  it('flags a response made against another version of the form', () => {
    const other = { ...responseFor(v1, answers), form: { id: v1.id, version: '0.9.0', sha256: contentHash(v1) } };
    const { report } = migrateResponse(other, v1, v2(() => {}));
    expect(report.problems).toEqual([expect.objectContaining({ code: 'response-form-mismatch', severity: 'error', path: '/form' })]);
  });

  it('keeps earlier sources when a response is migrated twice', () => {
    const to2 = v2((p) => { p.age!.title = 'Age now'; });
    const to3 = { ...changed(to2, (p) => { p.age!.title = 'Age today'; }), version: '3.0.0' };
    const once = migrateResponse(responseFor(v1, answers), v1, to2).response;
    const twice = migrateResponse(once, to2, to3).response;
    expect(twice.meta?.migratedFrom).toMatchObject({ version: '2.0.0' });
    expect(twice.meta?.migrationHistory).toEqual([expect.objectContaining({ version: '1.0.0' })]);
  });

  it('uses the hashes of the files as written when given', () => {
    const { response, report } = migrateResponse(responseFor(v1, answers), v1, v2(() => {}), { fromHash: contentHash(v1), toHash: 'a'.repeat(64) });
    expect(response.form.sha256).toBe('a'.repeat(64));
    expect(report.to.sha256).toBe('a'.repeat(64));
  });

  it('cannot be made to pollute Object.prototype by an answer key', () => {
    const hostile = JSON.parse('{"name":"Sam","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const { response, report } = migrateResponse(responseFor(v1, hostile), v1, v2(() => {}));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(response.answers)).toBe(Object.prototype);
    expect(Object.hasOwn(response.answers, '__proto__')).toBe(true);
    expect(report.kept).toEqual(['/__proto__']);
  });

  it('survives objects whose toString is not a function, in answers and in option values', () => {
    const hostile = JSON.parse('{"toString": 1, "valueOf": 2}') as unknown;
    const to = v2((p) => {
      (p.relationship!.oneOf as unknown[]).push({ const: hostile, title: 'Odd' });
      p.age = { type: 'string', title: 'Age', 'x-code': 'person_age', enum: ['a', hostile] };
    });
    const input = responseFor(v1, { ...answers, relationship: hostile, concerns: [hostile, 'drugs'], age: hostile });
    expect(() => migrateResponse(input, v1, to)).not.toThrow();
    expect(() => diffDefinitions(v1, to)).not.toThrow();
    const { report } = migrateResponse(input, v1, to);
    expect(report.notCarried).toEqual([expect.objectContaining({ code: 'person_age', reason: 'type-changed' })]);
  });

  it('gives the same result through a migrator made once for many responses', () => {
    const to = v2((p) => { delete p.seenOn; });
    const migrate = createMigrator(v1, to);
    for (const a of [answers, { name: 'Jo', seenOn: '2026-01-01' }, {}]) {
      expect(migrate(responseFor(v1, a))).toEqual(migrateResponse(responseFor(v1, a), v1, to));
    }
  });

  it('does not change its input', () => {
    const input = responseFor(v1, structuredClone(answers));
    const before = structuredClone(input);
    migrateResponse(input, v1, v2((p) => { delete p.seenOn; }));
    expect(input).toEqual(before);
  });
});
