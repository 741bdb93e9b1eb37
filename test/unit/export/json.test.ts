import { describe, expect, it } from 'vitest';
import { exportResponse, jsonArrayChunks, ndjsonLines, parseNdjson, responseEnvelopeSchema, responseToJson, MASK } from '../../../runtime/core/index';
import { loadFixture, responseOf, richAnswers } from './helpers';

const { definition } = loadFixture('export-rich');

describe('JSON export', () => {
  it('round-trips: the answers read back equal the answers given, computed values included', () => {
    const r = responseOf(definition, richAnswers, { meta: { host: 'case-system' } });
    const back = JSON.parse(responseToJson(definition, r)) as typeof r;
    expect(back.answers).toEqual(richAnswers);
    expect(back.responseId).toBe(r.responseId);
    expect(back.form).toEqual(r.form);
    expect(back.meta).toEqual({ host: 'case-system', exportProfile: 'full', exportLevels: { personal: 'keep', sensitive: 'keep', 'special-category': 'keep', 'safe-address': 'keep' } });
    expect(responseEnvelopeSchema.safeParse(back).success).toBe(true);
  });

  it('keeps answers in definition order and leaves out answers to questions the form does not have', () => {
    const out = exportResponse(definition, responseOf(definition, { score: 0, unknownThing: 'x', age: 30 }));
    expect(Object.keys(out.answers)).toEqual(['age', 'concernCount', 'score']);
  });

  it('external-agency leaves out every sensitive answer, derived value and host metadata', () => {
    const out = exportResponse(definition, responseOf(definition, richAnswers, { meta: { note: 'lives at 12 Hidden Lane' } }), { profile: 'external-agency' });
    expect(out.answers).not.toHaveProperty('fearful');
    expect(out.answers).not.toHaveProperty('harmed');
    expect(out.answers).not.toHaveProperty('safeAddress');
    expect(out.answers).not.toHaveProperty('concernCount');
    expect((out.answers.children as Array<Record<string, unknown>>)[0]).toEqual({ childName: 'Sam', childAge: 7, childNeeds: ['school'] });
    expect(out.meta).toEqual({ exportProfile: 'external-agency', exportLevels: { personal: 'keep', sensitive: 'drop', 'special-category': 'drop', 'safe-address': 'drop' } });
    expect(JSON.stringify(out)).not.toContain('Hidden Lane');
  });

  it('masked replaces sensitive values with the mask', () => {
    const out = exportResponse(definition, responseOf(definition, richAnswers), { profile: 'masked' });
    expect(out.answers).toMatchObject({ fearful: MASK, harmed: MASK, safeAddress: MASK, concernCount: MASK, age: 34 });
    expect((out.answers.children as Array<Record<string, unknown>>)[1]).toMatchObject({ childSeen: MASK });
    expect(out.meta?.exportProfile).toBe('masked');
  });

  it('streams many responses as one JSON array', () => {
    const rs = [responseOf(definition, { age: 20 }), responseOf(definition, { age: 30 })];
    const parsed = JSON.parse([...jsonArrayChunks(definition, rs)].join('')) as Array<{ answers: { age: number } }>;
    expect(parsed.map((p) => p.answers.age)).toEqual([20, 30]);
    expect(JSON.parse([...jsonArrayChunks(definition, [])].join(''))).toEqual([]);
  });
});

describe('NDJSON export', () => {
  it('writes one envelope per line and reads back the same answers', () => {
    const rs = [responseOf(definition, richAnswers), responseOf(definition, { age: 44, notes: 'two\nlines' })];
    const lines = [...ndjsonLines(definition, rs)];
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const back = parseNdjson(lines.join('')) as Array<{ answers: Record<string, unknown>; meta: Record<string, unknown> }>;
    expect(back[0]!.answers).toEqual(richAnswers);
    expect(back[1]!.answers).toEqual({ age: 44, notes: 'two\nlines', concernCount: 0, score: 44 });
    expect(back[1]!.meta.exportProfile).toBe('full');
  });
});
