import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash, lintText, loadDefinitionText } from '../../../../runtime/core/index';
import { fixtureJson, fixtureText, lintFixture } from '../fixtures';
import { pathsOf, withCode, type Json } from '../helpers';

/**
 * Found trying the child's-perspective form as a practitioner: "Who else was there?" let "No one
 * else" be ticked with "A parent the child feels safe with", an answer that contradicts itself.
 * Three shipped forms word an option so without making it exclusive (child-perspective,
 * death-review-vaw, disclosure-record); their published versions cannot change, new versions are warned.
 */
describe('option-reads-exclusive', () => {
  const changed = (change: (d: Json) => void) => {
    const d = fixtureJson('option-reads-exclusive') as Json;
    change(d);
    return lintText(JSON.stringify(d, null, 2));
  };
  const noOne = (d: Json) => d.schema.properties.present.items.oneOf[2];

  it('reports “No one else” of a multiple choice at the option, naming it and its question', () => {
    const [p, ...rest] = withCode(lintFixture('option-reads-exclusive'), 'option-reads-exclusive');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'warning', path: '/schema/properties/present/items/oneOf/2', params: { key: 'present', code: 'no_one' } });
    expect(p!.message).toContain('“No one else” of “Who else was there?”');
  });

  it('is satisfied by x-exclusive either way, and by the code none', () => {
    expect(pathsOf(changed((d) => (noOne(d)['x-exclusive'] = true)), 'option-reads-exclusive')).toEqual([]);
    expect(pathsOf(changed((d) => (noOne(d)['x-exclusive'] = false)), 'option-reads-exclusive')).toEqual([]);
    expect(pathsOf(changed((d) => (noOne(d).const = 'none')), 'option-reads-exclusive')).toEqual([]);
  });

  it('reads the wordings that rule out the others, and not an option that only starts with “No”', () => {
    const at = (title: string) => pathsOf(changed((d) => (noOne(d).title = title)), 'option-reads-exclusive').length;
    for (const title of ['None', 'None known', 'Nothing at this time', 'Nobody', 'Not known', 'Not discussed yet', 'Not applicable', 'N/A', 'Prefer not to say']) expect(at(title), title).toBe(1);
    for (const title of ['No exposure to drug taking', 'Nonetheless present', 'Notes were taken', 'A neighbour']) expect(at(title), title).toBe(0);
  });

  it('leaves a single choice alone: choosing one option there already rules out the rest', () => {
    expect(pathsOf(changed((d) => (d.schema.properties.contact.oneOf[2].title = 'None of these')), 'option-reads-exclusive')).toEqual(['/schema/properties/present/items/oneOf/2']);
  });

  it('is not reported on a published version with its hash recorded, which cannot change', () => {
    const d = fixtureJson('option-reads-exclusive') as Json;
    d.status = 'published';
    const text = JSON.stringify(d, null, 2);
    const loaded = loadDefinitionText(text);
    if (!loaded.ok) throw new Error('fixture does not load');
    const published = { [`${d.id}/${d.version}`]: contentHash(JSON.parse(text)) };
    expect(pathsOf(lintText(text, { published }), 'option-reads-exclusive')).toEqual([]);
    expect(pathsOf(lintText(text), 'option-reads-exclusive')).toHaveLength(1);
  });

  it('finds the shipped forms’ own cases when they are read as drafts', () => {
    const asDraft = (file: string) => {
      const d = JSON.parse(readFileSync(file, 'utf8')) as Json;
      d.status = 'draft';
      return withCode(lintText(JSON.stringify(d)), 'option-reads-exclusive').map((p) => (p.params as { code: string }).code);
    };
    expect(asDraft('form-definitions/child-perspective/1.0.0.json')).toEqual(['no_one']);
    expect(asDraft('form-definitions/death-review-vaw/1.0.0.json')).toEqual(['none_known']);
    expect(asDraft('form-definitions/disclosure-record/1.1.0.json')).toEqual(['not_yet']);
    expect(asDraft('form-definitions/protective-factors/1.0.0.json')).toEqual([]);
    expect(fixtureText('valid')).not.toContain('No one else');
  });
});
