import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { codebook, codebookCsv, codebookMarkdown, CODEBOOK_COLUMNS, type Definition } from '../../../runtime/core/index';
import { loadFixture } from './helpers';

const { definition } = loadFixture('export-rich');

/** 1.0.0 of the same form: without visit time and score. */
function olderVersion(): Definition {
  const props = { ...(definition.schema.properties as Record<string, unknown>) };
  delete props.visitTime;
  delete props.score;
  return { ...definition, version: '1.0.0', schema: { ...definition.schema, properties: props } };
}

describe('codebook', () => {
  const entries = codebook(definition, [olderVersion()]);
  const byCode = new Map(entries.map((e) => [e.code, e]));

  it('has one entry per question, group and group item, in CSV column order', () => {
    expect(entries.map((e) => e.code)).toEqual([
      'safe_to_talk', 'visit_date', 'visit_time', 'age', 'units_change', 'notes', 'preferred_name', 'contact_method', 'substances',
      'children', 'child_name', 'child_age', 'child_needs', 'child_witnessed', 'fearful', 'harmed', 'safe_address', 'concern_count', 'score',
    ]);
  });

  it('gives text, type, options, required, sensitivity, section, group and columns', () => {
    expect(byCode.get('contact_method')).toMatchObject({
      question: 'How did they get in touch?', type: 'choice', required: false, section: 'About the visit',
      options: [{ code: 'phone', label: 'Phone' }, { code: 'in_person', label: 'In person' }, { code: 'referral', label: 'Referral' }],
    });
    expect(byCode.get('safe_to_talk')).toMatchObject({ required: true, type: 'boolean' });
    expect(byCode.get('fearful')).toMatchObject({ sensitivity: 'special-category', section: 'Safety questions', type: 'choice' });
    expect(byCode.get('child_witnessed')).toMatchObject({ group: 'children', sensitivity: 'special-category', section: 'About the visit' });
    expect(byCode.get('substances')!.columns).toEqual(['substances__alcohol', 'substances__opioids', 'substances__cannabis']);
    expect(byCode.get('children')!.columns).toEqual(['children__count']);
    expect(byCode.get('concern_count')!.computed).toBe(true);
  });

  it('names the version that introduced each code', () => {
    expect(byCode.get('age')!.introducedIn).toBe('1.0.0');
    expect(byCode.get('visit_time')!.introducedIn).toBe('1.1.0');
    expect(byCode.get('score')!.introducedIn).toBe('1.1.0');
    expect(codebook(definition)[0]!.introducedIn).toBe('1.1.0');
  });

  it('as CSV reads back with the documented columns', () => {
    const rows = parse(codebookCsv(entries), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CODEBOOK_COLUMNS]);
    expect(rows.find((r) => r.code === 'contact_method')).toMatchObject({ options: 'phone=Phone; in_person=In person; referral=Referral', required: 'no' });
    expect(rows.find((r) => r.code === 'substances')!.csv_columns).toBe('substances__alcohol substances__opioids substances__cannabis');
  });

  // Issue 19, point 6: the codebook said required=false for a question required once shown, and had
  // no show-when, range or length.
  it('says when a question is required and when it is shown, in words, and its range and length', () => {
    expect(byCode.get('fearful')).toMatchObject({ required: true, requiredWhen: 'when safe_to_talk is yes', showWhen: 'safe_to_talk is yes' });
    expect(byCode.get('harmed')!.showWhen).toBe('safe_to_talk is yes; and fearful is yes or fearful is unsure');
    expect(byCode.get('safe_to_talk')).toMatchObject({ requiredWhen: 'yes', showWhen: '' });
    expect(byCode.get('contact_method')).toMatchObject({ required: false, requiredWhen: 'no' });
    const rows = parse(codebookCsv(entries), { columns: true }) as Record<string, string>[];
    const row = (code: string) => rows.find((r) => r.code === code)!;
    expect([row('fearful').required, row('fearful').show_when]).toEqual(['when safe_to_talk is yes', 'safe_to_talk is yes']);
  });

  it('words ranges and lengths as a data team reads them', () => {
    const bounded: Definition = {
      ...definition,
      schema: {
        type: 'object',
        properties: {
          age: { type: 'integer', title: 'Age', minimum: 0, maximum: 120 },
          units: { type: 'number', title: 'Units', exclusiveMinimum: 0 },
          name: { type: 'string', title: 'Name', maxLength: 50 },
          code: { type: 'string', title: 'Code', minLength: 2, maxLength: 8 },
        },
      },
      uischema: { type: 'VerticalLayout', elements: [] },
    };
    const e = new Map(codebook(bounded).map((x) => [x.code, x]));
    expect([e.get('age')!.range, e.get('units')!.range, e.get('name')!.length, e.get('code')!.length]).toEqual(['0 to 120', 'more than 0', 'up to 50 characters', '2 to 8 characters']);
    expect([e.get('age')!.length, e.get('name')!.range]).toEqual(['', '']);
  });

  it('as Markdown is one table, with pipes and markup in texts escaped', () => {
    const hostile: Definition = {
      ...definition,
      schema: { type: 'object', properties: { a: { type: 'string', title: 'Pipe | and <script>x</script>\nnew line', 'x-code': 'aa' } } },
      uischema: { type: 'VerticalLayout', elements: [] },
    };
    const md = codebookMarkdown(hostile, codebook(hostile));
    const rows = md.split('\n').filter((l) => l.startsWith('| aa'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Pipe \\| and \\<script\\>');
    expect(md).not.toContain('<script>');
    expect(codebookMarkdown(definition, entries).split('\n').filter((l) => l.startsWith('| ')).length).toBe(entries.length + 1);
  });
});
