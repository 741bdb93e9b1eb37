import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefinitionText, migrateResponse, type Definition } from '../../runtime/core/index';

const load = (file: string): Definition => {
  const r = loadDefinitionText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.value;
};

describe('regression: a repeatable-group answer array with its own `constructor`', () => {
  it('migrates without throwing and keeps the items', () => {
    const from = load('form-definitions/routine-enquiry/1.0.0.json');
    const to = load('form-definitions/routine-enquiry/2.0.0.json');
    const group = Object.entries(from.schema.properties as Record<string, { type?: string }>).find(([, s]) => s.type === 'array' && JSON.stringify(s).includes('"items":{"type":"object"'))?.[0];
    expect(group).toBeDefined();
    const items: unknown[] = [{}];
    Object.defineProperty(items, 'constructor', { value: 'hostile', enumerable: false });
    const response = {
      responseId: 'r1',
      form: { id: from.id, version: from.version, sha256: '0'.repeat(64) },
      status: 'in-progress' as const,
      startedAt: '2026-11-25T10:00:00Z',
      updatedAt: '2026-11-25T10:00:00Z',
      answers: { [group!]: items },
    };
    const result = migrateResponse(response, from, to);
    expect(Array.isArray(result.response.answers[group!])).toBe(true);
    expect((result.response.answers[group!] as unknown[]).length).toBe(1);
  });
});
