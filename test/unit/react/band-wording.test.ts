import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formModel, labelledAnswers, loadDefinitionText, type Definition, type ResponseEnvelope } from '../../../runtime/core/index';
import { formatValue } from '../../../runtime/react/CheckAnswers';
import { createFormController } from '../../../runtime/react/model/controller';

/**
 * Found completing the AUDIT as a practitioner: check your answers said "Risk zone: lower_risk",
 * the band's code as stored, where the form shows "Zone I: lower risk". The Responses page words
 * answers through another reader (labelledAnswers) and said the same. Both now read the band's title.
 */
const loaded = loadDefinitionText(readFileSync('form-definitions/alcohol-audit/1.0.0.json', 'utf8'));
if (!loaded.ok) throw new Error('alcohol-audit 1.0.0 does not load');
const definition: Definition = loaded.value;

describe('a band as people read it', () => {
  it('check your answers words the risk zone by its title', () => {
    const c = createFormController({ definition });
    expect(formatValue(c.model.question('riskZone')!, 'lower_risk', c.model.t)).toBe('Zone I: lower risk');
    expect(formatValue(c.model.question('riskZone')!, 'possible_dependence', c.model.t)).toBe('Zone IV: possible dependence');
    // A total stays a number.
    expect(formatValue(c.model.question('auditTotal')!, 3, c.model.t)).toBe('3');
    c.destroy();
  });

  it('the Responses page words it the same way', () => {
    const response = JSON.parse(readFileSync('test/fixtures/responses/alcohol-audit/1.0.0/valid-complete-lower-risk.json', 'utf8')) as ResponseEnvelope;
    const zone = labelledAnswers(definition, response, 'full').find((a) => a.pointer === '/riskZone');
    expect(zone).toMatchObject({ label: 'Risk zone', text: 'Zone I: lower risk' });
    expect(formModel(definition).byKey.get('riskZone')!.computed).toMatchObject({ op: 'band' });
  });
});
