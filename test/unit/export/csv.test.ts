import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows, csvText, encodeRows, neutraliseCsvCell, unneutraliseCsvCell, FIXED_WIDE_COLUMNS, FIXED_LONG_COLUMNS, MASK, type Definition } from '../../../runtime/core/index';
import { loadFixture, responseOf, richAnswers } from './helpers';
import { seededParams } from '../../support/property';

const { definition } = loadFixture('export-rich');

function table(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}
function read(cell: string): string {
  return unneutraliseCsvCell(cell);
}

describe('CSV layout', () => {
  it('puts the fixed columns first, then questions by x-code in definition order', () => {
    const header = csvText(definition, []).wide.split('\r\n')[0]!.split(',');
    expect(header.slice(0, FIXED_WIDE_COLUMNS.length)).toEqual([...FIXED_WIDE_COLUMNS]);
    expect(header.slice(FIXED_WIDE_COLUMNS.length)).toEqual([
      'safe_to_talk', 'visit_date', 'visit_time', 'age', 'units_change', 'notes', 'preferred_name', 'contact_method',
      'substances__alcohol', 'substances__opioids', 'substances__cannabis', 'children__count',
      'fearful', 'harmed', 'safe_address', 'concern_count', 'score',
    ]);
  });

  it('writes a long file of group items keyed by response id, group code and item number from 1 ("Entry 1")', () => {
    const r = responseOf(definition, richAnswers);
    const { long, hasGroups } = csvText(definition, [r]);
    expect(hasGroups).toBe(true);
    const rows = table(long);
    expect(Object.keys(rows[0]!).slice(0, FIXED_LONG_COLUMNS.length)).toEqual([...FIXED_LONG_COLUMNS]);
    expect(rows.map((row) => [row._response_id, row._group, row._index, read(row.child_name!), row.child_age, row.child_needs__school, row.child_witnessed])).toEqual([
      [r.responseId, 'children', '1', 'Sam', '7', '1', 'true'],
      [r.responseId, 'children', '2', '-Ali', '3', 'ASKU', 'false'],
    ]);
  });

  it('numbers an item by its place in the answer array when an entry before it is not an item', () => {
    const r = responseOf(definition, { children: ['junk', { childName: 'Jo' }] });
    expect(table(csvText(definition, [r]).long).map((row) => [row._index, row.child_name])).toEqual([['2', 'Jo']]);
  });

  it('uses CRLF line ends and RFC 4180 quoting for commas, quotes and line breaks', () => {
    const r = responseOf(definition, { notes: 'a, "b"\r\nc' });
    const { wide } = csvText(definition, [r]);
    expect(wide.endsWith('\r\n')).toBe(true);
    expect(wide).toContain('"a, ""b""\r\nc"');
    expect(table(wide)[0]!.notes).toBe('a, "b"\r\nc');
  });
});

describe('RFC 4180 encoding', () => {
  it('quotes a lone LF or CR too (csv-stringify with CRLF records would not, by default)', () => {
    const { wide } = csvText(definition, [responseOf(definition, { notes: 'one\ntwo', name: 'a\rb' })]);
    expect(wide).toContain('"one\ntwo"');
    const row = table(wide)[0]!;
    expect(row.notes).toBe('one\ntwo');
    expect(read(row.preferred_name!)).toBe('a\rb');
  });

  it('matches csv-stringify (quoting CR and LF) and reads back with csv-parse, on random rows', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '-', "'", '@', '\t', 'é', '\uFF1D') }), fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const ours = encodeRows(rows);
        const neutralised = rows.map((r) => r.map((c) => neutraliseCsvCell(c)));
        expect(ours).toBe(stringify(neutralised, { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { number: (n) => String(n) } }));
        const back = parse(ours, { relax_column_count: true }) as string[][];
        expect(back.map((r) => r.map(read))).toEqual(rows.map((r) => r.map((c) => String(c))));
      }),
      seededParams(300),
    );
  });
});

describe('CSV round trip', () => {
  it('reads back the same answers', () => {
    const r = responseOf(definition, richAnswers);
    const row = table(csvText(definition, [r]).wide)[0]!;
    expect(row.safe_to_talk).toBe('true');
    expect(row.visit_date).toBe(richAnswers.visitDate);
    expect(row.visit_time).toBe(richAnswers.visitTime);
    expect(Number(row.age)).toBe(richAnswers.age);
    expect(Number(row.units_change)).toBe(richAnswers.unitsPerWeek);
    expect(read(row.notes!)).toBe(richAnswers.notes);
    expect(read(row.preferred_name!)).toBe(richAnswers.name);
    expect(row.contact_method).toBe(richAnswers.contact);
    const chosen = ['alcohol', 'opioids', 'cannabis'].filter((o) => row[`substances__${o}`] === '1');
    expect(chosen).toEqual(richAnswers.substances);
    expect(row.substances__opioids).toBe('0');
    expect(Number(row.children__count)).toBe(richAnswers.children.length);
    expect(row.fearful).toBe('yes');
    expect(read(row.safe_address!)).toBe(richAnswers.safeAddress);
    expect(row._export_profile).toBe('full');
    expect(row._response_id).toBe(r.responseId);
  });

  it('says why an unanswered question is missing, in every column it has (missing-reasons.test.ts has each reason)', () => {
    const row = table(csvText(definition, [responseOf(definition, { age: 20 })]).wide)[0]!;
    expect(row.visit_date).toBe('UNK');
    expect(row.substances__alcohol).toBe('ASKU');
    expect(row.children__count).toBe('ASKU');
    expect(row.concern_count).toBe('0');
    expect(row.score).toBe('20');
  });

  it('writes computed values from the answers, not the stored ones', () => {
    const row = table(csvText(definition, [responseOf(definition, { ...richAnswers, concernCount: 99, score: -1 })]).wide)[0]!;
    expect(row.concern_count).toBe('2');
    expect(row.score).toBe('21.5');
  });
});

describe('formula injection', () => {
  const dangerous = ['=1+1', '+1', '-1+2', '@SUM(A1)', '\tcmd', '\rcmd', '\uFF1D1', '\uFF0B1', '\uFF0D1', '\uFF20x', "'quoted"];

  it.each(dangerous)('neutralises a text cell starting with %j and reads it back exactly', (text) => {
    expect(neutraliseCsvCell(text)).toBe(`'${text}`);
    const row = table(csvText(definition, [responseOf(definition, { name: text })]).wide)[0]!;
    expect(row.preferred_name).toBe(`'${text}`);
    expect(read(row.preferred_name!)).toBe(text);
  });

  it('leaves harmless text alone', () => {
    for (const text of ['plain', 'a=b', '1-2', ' =x', '']) expect(neutraliseCsvCell(text)).toBe(text);
  });

  it('writes negative numbers unprefixed (a number is not a formula) but prefixes text that looks like one', () => {
    const row = table(csvText(definition, [responseOf(definition, { unitsPerWeek: -5, name: '-5' })]).wide)[0]!;
    expect(row.units_change).toBe('-5');
    expect(row.preferred_name).toBe("'-5");
    expect(neutraliseCsvCell(-5)).toBe(-5);
  });

  it('neutralises header cells too', () => {
    const hostile: Definition = {
      ...definition,
      schema: { type: 'object', properties: { '=cmd|calc': { type: 'string', title: 'No x-code, so the key names the column' } } },
      uischema: { type: 'VerticalLayout', elements: [] },
    };
    const header = csvText(hostile, []).wide.split('\r\n')[0]!;
    expect(header.endsWith(",'=cmd|calc")).toBe(true);
  });

  it('neutralises the fixed columns (a hostile response id)', () => {
    const row = table(csvText(definition, [responseOf(definition, {}, { responseId: '=HYPERLINK("x")' })]).wide)[0]!;
    expect(row._response_id).toBe('\'=HYPERLINK("x")');
  });
});

describe('profiles in CSV', () => {
  const r = responseOf(definition, richAnswers);
  const sensitiveColumns = ['fearful', 'harmed', 'safe_address', 'concern_count'];

  it('external-agency drops every sensitive column, group item and derived value, and says so', () => {
    const { wide, long } = csvText(definition, [r], { profile: 'external-agency' });
    const row = table(wide)[0]!;
    for (const c of sensitiveColumns) expect(row).not.toHaveProperty(c);
    expect(row._export_profile).toBe('external-agency');
    expect(row.age).toBe('34');
    const items = table(long);
    expect(items[0]).not.toHaveProperty('child_witnessed');
    expect(items[0]!.child_name).toBe('Sam');
    expect(wide + long).not.toContain('Hidden Lane');
  });

  it('masked keeps the columns and writes the mask instead of the value', () => {
    const { wide, long } = csvText(definition, [r], { profile: 'masked' });
    const row = table(wide)[0]!;
    for (const c of sensitiveColumns) expect(row[c]).toBe(MASK);
    expect(table(long)[0]!.child_witnessed).toBe(MASK);
    expect(row._export_profile).toBe('masked');
    expect(wide).not.toContain('Hidden Lane');
  });
});

describe('streaming', () => {
  it('yields the header and then batches, equal to the whole text', () => {
    const responses = Array.from({ length: 1234 }, (_, i) => responseOf(definition, { age: 16 + (i % 50), name: `n${i}` }));
    const chunks = [...csvRows(definition, responses)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(csvText(definition, responses).wide);
    expect(table(chunks.join(''))).toHaveLength(1234);
  });

  it('consumes its input lazily', () => {
    let pulled = 0;
    function* source() {
      for (let i = 0; i < 5000; i++) {
        pulled++;
        yield responseOf(definition, { age: 20 });
      }
    }
    const it = csvRows(definition, source());
    it.next(); // header
    it.next(); // first batch
    expect(pulled).toBeLessThan(1000);
  });
});
