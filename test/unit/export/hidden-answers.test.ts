import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededParams } from '../../support/property';
import {
  csvText,
  exporters,
  hiddenAnswersPresent,
  loadDefinitionText,
  validateResponse,
  withoutHiddenAnswers,
  type Definition,
  type ResponseEnvelope,
} from '../../../runtime/core/index';

/**
 * Issue 14.1: a response holds only answers to questions that were shown. Answers kept behind the
 * safety check ("alone and able to talk safely" turned No) must be refused by validation and left
 * out of every export, the full profile's CSV included.
 */
const root = join(__dirname, '../../..');
const load = (rel: string) => {
  const r = loadDefinitionText(readFileSync(join(root, rel), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value as Definition;
};
const definition = load('form-definitions/routine-enquiry/2.0.0.json');
const complete = JSON.parse(readFileSync(join(root, 'test/fixtures/responses/routine-enquiry/2.0.0/valid-complete.json'), 'utf8')) as ResponseEnvelope;
const WORDS = complete.answers.disclosureWords as string;

function unsafe(): ResponseEnvelope {
  return { ...complete, answers: { ...complete.answers, safeToTalk: false, notSafeReason: 'partner_present' } };
}

describe('answers to hidden questions', () => {
  it('validation refuses each hidden answer at its own pointer', () => {
    const problems = validateResponse(definition, unsafe().answers);
    const hidden = problems.filter((p) => p.code === 'answer-hidden').map((p) => p.path);
    expect(hidden).toContain('/disclosureWords');
    expect(hidden).toContain('/afraidOfPartner');
    expect(hidden).not.toContain('/safeToTalk');
    expect(problems.every((p) => p.code === 'answer-hidden')).toBe(true);
  });

  it('a response with the hidden answers removed validates clean', () => {
    const shown = withoutHiddenAnswers(definition, unsafe().answers);
    expect(shown).not.toHaveProperty('disclosureWords');
    expect(shown.safeToTalk).toBe(false);
    expect(shown.notSafeReason).toBe('partner_present');
    expect(validateResponse(definition, shown)).toEqual([]);
  });

  it('answers that are shown are returned as the same object', () => {
    expect(withoutHiddenAnswers(definition, complete.answers)).toBe(complete.answers);
  });

  for (const format of Object.keys(exporters) as Array<keyof typeof exporters>) {
    it(`the ${format} export never writes a hidden answer (full profile)`, () => {
      const text = [...exporters[format].chunks(definition, [unsafe()], { profile: 'full' })].join('');
      expect(text).not.toContain('He used to push me');
      expect(text).not.toContain('threshold not met today');
    });
  }

  it('the wide CSV leaves the hidden columns empty and keeps the shown ones', () => {
    const { wide } = csvText(definition, [unsafe()], { profile: 'full' });
    expect(wide).not.toContain(WORDS.slice(1, 20));
    expect(wide).toContain('partner_present');
  });

  it('after removal, nothing hidden is left, whatever is answered (generated answers)', () => {
    const keys = Object.keys(definition.schema.properties as Record<string, unknown>);
    const answer = fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.boolean(), fc.constantFrom('yes', 'no', 'declined', 'partner_present', 'text')), { maxKeys: 20 });
    fc.assert(
      fc.property(answer, fc.boolean(), (answers, safe) => {
        const all = { ...answers, safeToTalk: safe };
        const shown = withoutHiddenAnswers(definition, all);
        expect(hiddenAnswersPresent(definition, shown)).toEqual([]);
        // Only removals: every answer left is one that was given.
        for (const [k, v] of Object.entries(shown)) expect(all[k as keyof typeof all]).toBe(v);
        // And removing again changes nothing.
        expect(withoutHiddenAnswers(definition, shown)).toBe(shown);
      }),
      seededParams(200),
    );
  });
});
