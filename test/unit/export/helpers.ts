import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, loadDefinitionText, newResponse, type Definition, type ResponseEnvelope } from '../../../runtime/core/index';

export const definitionsDir = join(__dirname, '../../fixtures/definitions');

export function loadFixture(name: string): { definition: Definition; raw: unknown; sha256: string; text: string } {
  const text = readFileSync(join(definitionsDir, `${name}.json`), 'utf8');
  const loaded = loadDefinitionText(text);
  if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.problems)}`);
  return { definition: loaded.value, raw: loaded.raw, sha256: contentHash(loaded.raw), text };
}

let counter = 0;

/** A completed response with the given answers, fixed time stamps and a predictable id. */
export function responseOf(definition: Definition, answers: Record<string, unknown>, overrides: Partial<ResponseEnvelope> = {}): ResponseEnvelope {
  const r = newResponse(definition, { responseId: `r-${++counter}`, now: new Date('2026-11-25T10:00:00Z'), answers });
  return { ...r, status: 'completed', completedAt: '2026-11-25T10:30:00Z', updatedAt: '2026-11-25T10:30:00Z', ...overrides };
}

/** Answers to every question of export-rich. */
export const richAnswers = {
  safeToTalk: true,
  visitDate: '2026-11-24',
  visitTime: '14:05',
  age: 34,
  unitsPerWeek: -12.5,
  notes: 'Line one\r\nLine "two", with comma',
  name: '=HYPERLINK("http://evil.example","click")',
  contact: 'in_person',
  substances: ['alcohol', 'cannabis'],
  children: [
    { childName: 'Sam', childAge: 7, childNeeds: ['school'], childSeen: true },
    { childName: '-Ali', childAge: 3, childSeen: false },
  ],
  fearful: 'yes',
  harmed: true,
  safeAddress: '12 Hidden Lane',
  concernCount: 2,
  score: 21.5,
};
