import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, validateResponse } from '../../../runtime/core/index';
import { buildFormModel } from '../../../runtime/react/model/formModel';
import { withComputed } from '../../../runtime/react/model/validation';
import { responseOf } from '../export/helpers';
import { scoredDefinition } from '../../fixtures/scored/load';
import { seededParams } from '../../support/property';

/**
 * The one function behind every total: for any answers, the total, band and count the runtime puts
 * in the response are what `validate` recomputes (no `answer-computed`) and what the CSV export writes.
 */
const definition = scoredDefinition();
const runtimeModel = buildFormModel(definition);
const frequency = fc.constantFrom('never', 'less_monthly', 'monthly', 'weekly', 'daily');
const answers = fc.record(
  {
    safeToTalk: fc.constant('no'),
    q1: frequency,
    q2: frequency,
    q3: fc.subarray(['injury', 'concern']),
    followUp: fc.constant('Leaflet'),
    children: fc.array(fc.record({ name: fc.constant('A'), age: fc.integer({ min: 0, max: 25 }) }, { requiredKeys: ['name'] }), { maxLength: 4 }),
  },
  { requiredKeys: ['safeToTalk'] },
);

describe('totals: runtime = validate = export', () => {
  it('for generated answers', () => {
    fc.assert(
      fc.property(answers, (given) => {
        const submitted = withComputed(runtimeModel, given as Record<string, unknown>);
        const { total, risk, under5 } = submitted as Record<string, unknown>;
        // What the follow-up rule hides must not be submitted: drop it below the threshold, as the runtime does.
        if ((total as number) < 8) delete (submitted as Record<string, unknown>).followUp;
        expect(validateResponse(definition, submitted).filter((p) => p.code === 'answer-computed')).toEqual([]);
        expect(validateResponse(definition, { ...submitted, total: (total as number) + 1 }).map((p) => `${p.code} ${p.path}`)).toContain('answer-computed /total');
        const [header, row] = csvText(definition, [responseOf(definition, given as Record<string, unknown>)]).wide.split('\r\n');
        const cells = Object.fromEntries(header!.split(',').map((name, i) => [name, row!.split(',')[i]]));
        expect([cells.total, cells.risk, cells.under_5]).toEqual([String(total), String(risk), String(under5)]);
      }),
      seededParams(60),
    );
  });
});
