import { describe, expect, it } from 'vitest';
import { lintText } from '../../../runtime/core/index';
import { updateQuestion } from '../../../builder/app/services/edits/index';
import { scoredText } from '../../fixtures/scored/load';

describe('builder: a sensitive question required behind a yes/no choice gate', () => {
  it('is required through an if on the gate\'s yes code, which lint accepts', () => {
    const d = JSON.parse(scoredText) as { schema: { allOf: unknown[] } };
    d.schema.allOf = d.schema.allOf.slice(0, 1); // no gate clause yet: the edit writes one
    const edited = updateQuestion(d, { key: 'harmDetail' }, { required: true }) as { schema: { allOf: unknown[] } };
    expect(edited.schema.allOf[1]).toEqual({ if: { properties: { safeToTalk: { const: 'yes' } }, required: ['safeToTalk'] }, then: { required: ['harmDetail'] } });
    expect(lintText(JSON.stringify(edited), {}).map((p) => `${p.code} ${p.path}`)).toEqual([]);
  });
});
