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
    expect(rows.find((r) => r.code === 'contact_method')).toMatchObject({ options: 'phone=Phone; in_person=In person; referral=Referral', required: 'false' });
    expect(rows.find((r) => r.code === 'substances')!.csv_columns).toBe('substances__alcohol substances__opioids substances__cannabis');
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
