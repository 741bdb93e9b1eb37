import { describe, expect, it } from 'vitest';
import { lintText, loadDefinitionText } from '../../../runtime/core/index';
import { problemsByField, placeOfProblem, problemCountsByRow } from '../../../builder/app/contributions/outline/problemFields';
import { readOutline } from '../../../builder/app/services/edits/index';
import { fixtureJson, fixtureText } from '../lint/fixtures';

/** Issue 17.6: each problem is shown in Design beside the field it is about, and badges its outline row. */
const previous = (() => {
  const loaded = loadDefinitionText(fixtureText('valid'));
  if (!loaded.ok) throw new Error('valid.json does not load');
  return loaded.value;
})();

function placed(name: string, code: string, context = {}) {
  const def = fixtureJson(name);
  const problem = lintText(fixtureText(name), context).find((p) => p.code === code)!;
  return { outline: readOutline(def), problem, place: placeOfProblem(readOutline(def), problem) };
}

describe('problems beside their field', () => {
  it.each([
    ['option-code-duplicate', 'option-code-duplicate', { kind: 'item', section: 0, index: 2 }, 'options'],
    ['option-label-duplicate', 'option-label-duplicate', { kind: 'item', section: 0, index: 2 }, 'options'],
    ['label-empty', 'label-empty', { kind: 'item', section: 0, index: 1 }, 'label'],
    ['code-malformed', 'code-malformed', { kind: 'item', section: 0, index: 1 }, 'code'],
    ['code-duplicate', 'code-duplicate', { kind: 'item', section: 1, index: 2 }, 'code'],
    ['sensitive-ungated', 'sensitive-ungated', { kind: 'item', section: 0, index: 5 }, 'show-when'],
    ['scope-unresolved', 'scope-unresolved', { kind: 'item', section: 0, index: 3 }, 'show-when'],
    ['bounds-crossed', 'bounds-crossed', { kind: 'child', group: 'children', key: 'age' }, 'limits'],
    ['computed-invalid', 'computed-invalid', { kind: 'item', section: 1, index: 3 }, 'computed'],
  ] as const)('%s is shown at its question, beside %s', (name, code, selection, field) => {
    const { place } = placed(name, code);
    expect(place).toEqual({ selection, field });
  });

  it('a removed question (pointer "" or /retired) and a version too small are shown in the form’s version area', () => {
    const dropped = placed('code-dropped', 'code-dropped', { previous });
    expect(dropped.place).toEqual({ selection: { kind: 'form' }, field: 'versions' });
    const def = fixtureJson('code-dropped');
    delete def.retired;
    const problem = lintText(JSON.stringify({ ...def, version: '1.1.0' }), { previous }).find((p) => p.code === 'version-bump-too-small')!;
    expect(placeOfProblem(readOutline(def), problem)).toEqual({ selection: { kind: 'form' }, field: 'versions' });
  });

  it('a sensitive question required whatever the safety check says is shown beside Required', () => {
    const def = fixtureJson('valid') as { schema: { required: string[] } };
    def.schema.required.push('harmed');
    const problem = lintText(JSON.stringify(def)).find((p) => p.code === 'sensitive-ungated')!;
    expect(placeOfProblem(readOutline(def as never), problem)).toEqual({ selection: { kind: 'item', section: 1, index: 2 }, field: 'required' });
  });

  it('the selection gets its problems by field, and its outline row a count', () => {
    const { outline, problem } = placed('option-code-duplicate', 'option-code-duplicate');
    const byField = problemsByField(outline, [problem], { kind: 'item', section: 0, index: 2 });
    expect([...byField.keys()]).toEqual(['options']);
    expect(problemsByField(outline, [problem], { kind: 'item', section: 0, index: 1 }).size).toBe(0);
    expect(problemCountsByRow(outline, [problem]).get(JSON.stringify({ kind: 'item', section: 0, index: 2 }))).toEqual({ errors: 1, warnings: 0 });
  });
});
