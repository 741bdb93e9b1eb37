import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText, formModel, lintText, questionnaireFromDefinition, type Definition } from '../../runtime/core/index';
import { questionPlan } from '../../runtime/react/layout/plan';
import { createFormController } from '../../runtime/react/model/controller';
import type { UiElement } from '../../runtime/react/model/formModel';

/**
 * Issue 15: a control scope `#/properties/rate%20pct` for the property `rate pct` linted clean and
 * exported to FHIR, but the runtime could not find the question; a `%` in a scope stopped the FHIR
 * export with "URI malformed". Every part now reads scopes as JSON Forms does (never
 * percent-decoded), so they agree: no part treats these controls as showing a question.
 */
const base = JSON.parse(readFileSync(join(__dirname, '../fixtures/definitions/valid.json'), 'utf8')) as Definition;

function withOddScopes(): Definition {
  const d = structuredClone(base) as Definition & { uischema: { elements: Array<{ elements?: unknown[] }> } };
  (d.schema.properties as Record<string, unknown>)['rate pct'] = { type: 'number', title: 'Rate (%)', 'x-code': 'rate_pct' };
  const layout = d.uischema.elements[0]!.elements ? d.uischema.elements[0]! : (d.uischema as unknown as { elements: unknown[] });
  (layout.elements as unknown[]).push({ type: 'Control', scope: '#/properties/rate%20pct' }, { type: 'Control', scope: '#/properties/100%' });
  return d;
}

describe('a percent-escape in a scope means the same to every part of the product', () => {
  const definition = withOddScopes();
  const text = JSON.stringify(definition, null, 2);

  it('lint reports both scopes as naming nothing, and suggests the plain spelling that does', () => {
    const unresolved = lintText(text).filter((p) => p.code === 'scope-unresolved');
    expect(unresolved.map((p) => p.message)).toEqual([
      expect.stringMatching(/rate%20pct.*%-codes.*“rate pct”/s),
      expect.stringMatching(/100%/),
    ]);
    expect(unresolved[0]!.params).toMatchObject({ suggestion: '#/properties/rate pct' });
  });

  it('the model and the runtime find no question behind either control', () => {
    expect(formModel(definition).byKey.get('rate pct')!.control).toBeUndefined();
    const c = createFormController({ definition });
    const find = (el: UiElement, scope: string): UiElement | undefined =>
      el.scope === scope ? el : (el.elements ?? []).map((e) => find(e, scope)).find(Boolean);
    for (const scope of ['#/properties/rate%20pct', '#/properties/100%']) {
      const element = find(c.model.uischema as UiElement, scope);
      expect(element, scope).toBeDefined();
      expect(questionPlan(c, element!, '/uischema/x')).toBeNull();
    }
    c.destroy();
  });

  it('FHIR and CSV exports run, and place the question once, as shown by no control', () => {
    const questionnaire = questionnaireFromDefinition(definition);
    const linkIds = JSON.stringify(questionnaire).match(/"linkId":"rate_pct"/g) ?? [];
    expect(linkIds.length).toBeLessThanOrEqual(1);
    expect(csvText(definition, []).wide.split('\n')[0]).toContain('rate_pct');
  });
});
