import { describe, expect, it } from 'vitest';
import { lintChanged, pathsOf } from './helpers';

/** Issue 14: `x-exclusive` on a checkbox option ("None of these" clears the other ticks). */
const checkboxes = {
  type: 'array',
  title: 'Which services?',
  uniqueItems: true,
  'x-code': 'services',
  items: { type: 'string', oneOf: [{ const: 'gp', title: 'GP' }, { const: 'nothing', title: 'Nothing yet', 'x-exclusive': true }] },
};

function withServices(change: (q: typeof checkboxes) => void = () => {}) {
  return lintChanged((d) => {
    const q = structuredClone(checkboxes);
    change(q);
    d.schema.properties.services = q;
    d.uischema.elements[0].elements.push({ type: 'Control', scope: '#/properties/services' });
  });
}

describe('x-exclusive', () => {
  it('is known and valid on an option of a multiple-choice question', () => {
    const problems = withServices();
    expect(pathsOf(problems, 'extension-unknown')).toEqual([]);
    expect(pathsOf(problems, 'extension-invalid')).toEqual([]);
  });

  it('must be true or false', () => {
    const problems = withServices((q) => ((q.items.oneOf[1] as Record<string, unknown>)['x-exclusive'] = 'yes'));
    expect(pathsOf(problems, 'extension-invalid')).toEqual(['/schema/properties/services/items/oneOf/1/x-exclusive']);
  });

  it('belongs on a checkbox option, not on the question', () => {
    const problems = withServices((q) => ((q as Record<string, unknown>)['x-exclusive'] = true));
    expect(pathsOf(problems, 'extension-invalid')).toEqual(['/schema/properties/services/x-exclusive']);
  });
});
