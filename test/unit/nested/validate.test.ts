import { describe, expect, it } from 'vitest';
import { validateResponse } from '../../../runtime/core/index';
import { fullAnswers, nested } from './fixture';

const verdict = (answers: Record<string, unknown>) =>
  validateResponse(nested().definition, answers).map((p) => [p.code, p.path]).sort();

describe('validating answers grouped in objects (issue 18 point 2)', () => {
  it('accepts a response answering every nested question shown', () => {
    expect(verdict(fullAnswers)).toEqual([]);
  });

  it('requires the follow-up object when the risk is above 0, and its own required answer', () => {
    const { riskFollowUp: _drop, urgentCall: _u, ...rest } = fullAnswers;
    expect(verdict(rest)).toEqual([['answer-required', '/riskFollowUp']]);
    expect(verdict({ ...fullAnswers, urgentCall: undefined, riskFollowUp: { level: 'standard' } })).toEqual([['answer-required', '/riskFollowUp/plan']]);
  });

  it('applies an if/then inside the object: a referral made needs its date', () => {
    expect(verdict({ ...fullAnswers, riskFollowUp: { level: 'high', plan: 'p', referred: true } })).toEqual([['answer-required', '/riskFollowUp/referralDate']]);
  });

  it('refuses nested answers a rule hid: the whole object, or one question in it', () => {
    const { urgentCall: _u, ...rest } = fullAnswers;
    expect(verdict({ ...rest, riskLevel: 0 })).toEqual([['answer-hidden', '/riskFollowUp']]);
    expect(verdict({ ...fullAnswers, riskFollowUp: { level: 'high', plan: 'p', referred: false, referralDate: '2026-12-01' } }))
      .toEqual([['answer-hidden', '/riskFollowUp/referralDate']]);
    // A top-level question shown by a nested answer (the follow-up's level is high).
    expect(verdict({ ...fullAnswers, riskFollowUp: { level: 'medium', plan: 'p' } })).toEqual([['answer-hidden', '/urgentCall']]);
  });

  it('refuses the safe address when the safety check is not yes', () => {
    expect(verdict({ ...fullAnswers, safeToTalk: false })).toEqual([['answer-hidden', '/address']]);
    const { address: _a, ...rest } = fullAnswers;
    expect(verdict({ ...rest, safeToTalk: false })).toEqual([]);
  });

  it('checks answers of an object inside a group item, and of a group inside an object', () => {
    expect(verdict({ ...fullAnswers, address: { postcode: 'ab1' } })).toEqual([['answer-pattern', '/address/postcode']]);
    expect(verdict({ ...fullAnswers, children: [{ name: 'Sam', address: {} }] })).toEqual([['answer-required', '/children/0/address/postcode']]);
    expect(verdict({ ...fullAnswers, household: { members: [{ name: 'Pat' }, {}] } })).toEqual([['answer-required', '/household/members/1/name']]);
    expect(verdict({ ...fullAnswers, riskFollowUp: { ...fullAnswers.riskFollowUp, plan: 7 } })).toEqual([['answer-type', '/riskFollowUp/plan']]);
  });
});
