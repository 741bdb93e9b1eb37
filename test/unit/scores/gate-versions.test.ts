import { describe, expect, it } from 'vitest';
import { diffDefinitions, type Definition } from '../../../runtime/core/index';
import { scoredDefinition } from '../../fixtures/scored/load';

describe('versions: a yes/no choice gate is worded as the safety check', () => {
  it('a question required once the choice gate is answered yes', () => {
    const from = scoredDefinition();
    const to = structuredClone(from) as Definition & { schema: { allOf: Array<{ then: { required: string[] } }> } };
    to.version = '1.1.0';
    to.schema.allOf[1]!.then.required.push('harmDetail');
    const change = diffDefinitions(from, to).find((c) => c.code === 'harm_detail');
    expect(change).toMatchObject({ kind: 'question-required', severity: 'major' });
    expect(change!.summary).toMatch(/now required once the safety check is answered yes$/);
  });
});
