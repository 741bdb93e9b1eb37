import { describe, expect, it } from 'vitest';
import { changeText, openDoc } from '../../../builder/app/services/document';
import { addQuestion, definitionText, newDefinition, updateQuestion } from '../../../builder/app/services/edits/index';

/**
 * Issue 17, point 1, in the builder: what Design makes is listed in Problems with the codes and
 * pointers the CLI and the server give (the document lints with core's lint).
 */
const found = (problems: Array<{ code: string; path: string; severity: string }>) => problems.map((p) => [p.code, p.path, p.severity]);

describe("the builder's Problems for options, labels and empty forms", () => {
  it('a new form has no questions; options sharing a code and a blank label are errors, alike wording a warning', () => {
    const fresh = newDefinition('substance-use', 'Substance use screen', '2026-12-05');
    let doc = openDoc('substance-use', '1.0.0', definitionText(fresh), null, 'draft');
    expect(found(doc.problems)).toEqual([['form-empty', '/schema/properties', 'error']]);

    const added = addQuestion(fresh, 'single-choice', { section: 0, label: 'Substance used most' });
    const pointer = `/schema/properties/${added.key}`;
    const shared = updateQuestion(added.definition, { key: added.key }, { options: [{ code: 'opioids', label: 'Alcohol' }, { code: 'opioids', label: 'Opioids' }] });
    doc = changeText(doc, definitionText(shared));
    expect(found(doc.problems)).toEqual([['option-code-duplicate', `${pointer}/oneOf/1`, 'error']]);

    const alike = updateQuestion(added.definition, { key: added.key }, { label: ' ', options: [{ code: 'alcohol', label: 'Alcohol' }, { code: 'opioids', label: 'alcohol' }] });
    doc = changeText(doc, definitionText(alike));
    expect(found(doc.problems).sort()).toEqual([
      ['label-empty', `${pointer}/title`, 'error'],
      ['option-label-duplicate', `${pointer}/oneOf/1/title`, 'warning'],
    ]);
  });
});
