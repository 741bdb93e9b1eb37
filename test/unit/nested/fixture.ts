import { loadFixture } from '../export/helpers';

/** test/fixtures/definitions/nested-objects.json, loaded, and answers to every question it shows. */
export const nested = () => loadFixture('nested-objects');

export const fullAnswers = {
  safeToTalk: true,
  riskLevel: 2,
  riskFollowUp: { level: 'high', plan: 'Stays with her sister', referred: true, referralDate: '2026-12-01' },
  urgentCall: true,
  address: { line: '1 Quiet Lane', postcode: 'AB1 2CD' },
  children: [{ name: 'Sam', address: { postcode: 'ZZ9 9ZZ' } }, { name: 'Ali' }],
  household: { members: [{ name: 'Pat' }] },
};
