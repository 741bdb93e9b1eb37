import { describe, expect, it } from 'vitest';
import { migrateResponse, type ResponseEnvelope } from '../../../runtime/core/index';
import { baseDefinition, changed, responseFor } from './base-definition';

/**
 * Issue 19, point 5: migrated responses stayed `completed` while missing answers the new version
 * requires, and `export --validate` then refused them. Now such a response is in progress again,
 * and the report says which answers it lacks.
 */
const v1 = baseDefinition();
const answers = { name: 'Sam', age: 34, relationship: 'carer', concerns: ['alcohol'], seenOn: '2026-11-01', safeToTalk: true, afraidPartner: false, children: [] };
const completed = (a: Record<string, unknown>): ResponseEnvelope => ({ ...responseFor(v1, a), status: 'completed', completedAt: '2026-11-25T10:06:00Z' });
const requiringMoney = { ...changed(v1, (p, d) => {
  p.controlsMoney = { type: 'boolean', title: 'Does anyone control your money?', 'x-code': 'controls_money', 'x-sensitivity': 'special-category' };
  (d.schema as unknown as { allOf: Array<{ then: { required: string[] } }> }).allOf[0]!.then.required.push('controlsMoney');
}), version: '2.0.0' };

describe('a completed response migrated to a version that requires more', () => {
  it('goes back to in progress, without a completion time, and the report names what it lacks', () => {
    const { response, report } = migrateResponse(completed(answers), v1, requiringMoney);
    expect(response.status).toBe('in-progress');
    expect(response).not.toHaveProperty('completedAt');
    expect(report.reopened).toBe(true);
    expect(report.problems.find((p) => p.code === 'migration-reopened')).toMatchObject({ path: '/status', params: { codes: ['controls_money'] } });
  });

  it('stays completed when what is newly required is not asked (behind the safety answer)', () => {
    const { response, report } = migrateResponse(completed({ ...answers, safeToTalk: false, afraidPartner: undefined }), v1, requiringMoney);
    expect(response.status).toBe('completed');
    expect(report.reopened).toBe(false);
  });

  it('stays completed when nothing new is required, and an in-progress response stays in progress', () => {
    const same = { ...changed(v1, () => {}), version: '1.1.0' };
    expect(migrateResponse(completed(answers), v1, same).response.status).toBe('completed');
    const open = migrateResponse(responseFor(v1, answers), v1, requiringMoney);
    expect([open.response.status, open.report.reopened]).toEqual(['in-progress', false]);
  });
});
