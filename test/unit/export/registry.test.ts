import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exporters, type ExportFormat } from '../../../runtime/core/index';
import { loadFixture, responseOf, richAnswers } from './helpers';

const { definition } = loadFixture('export-rich');
const responses = [responseOf(definition, richAnswers), responseOf(definition, { age: 40 })];

describe('exporters registry', () => {
  const readBack: Record<ExportFormat, (text: string) => number> = {
    json: (t) => (JSON.parse(t) as unknown[]).length,
    ndjson: (t) => t.trim().split('\n').map((l) => JSON.parse(l) as unknown).length,
    csv: (t) => (parse(t, { columns: true }) as unknown[]).length,
    'csv-groups': (t) => (parse(t, { columns: true }) as unknown[]).length,
    fhir: (t) => (JSON.parse(t) as { entry: unknown[] }).entry.length - 1,
    codebook: (t) => (parse(t, { columns: true }) as unknown[]).length,
    'codebook-md': (t) => t.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Code')).length,
  };
  const expected: Record<ExportFormat, number> = { json: 2, ndjson: 2, csv: 2, 'csv-groups': 2, fhir: 2, codebook: 19, 'codebook-md': 19 };

  it.each(Object.keys(exporters) as ExportFormat[])('%s streams text that reads back', (format) => {
    const exporter = exporters[format];
    const text = [...exporter.chunks(definition, responses, { profile: 'masked' })].join('');
    expect(readBack[format](text)).toBe(expected[format]);
    expect(exporter.mediaType).toMatch(/^(application|text)\//);
    if (format !== 'codebook' && format !== 'codebook-md') expect(text).toContain('masked');
  });
});
