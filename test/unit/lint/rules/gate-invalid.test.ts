import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { gateRule, lintChanged, pathsOf } from '../helpers';

describe('gate-invalid', () => {
  it('passes a boolean gate shown outside the gated section', () => {
    expect(pathsOf(lintFixture('valid'), 'gate-invalid')).toEqual([]);
  });

  it('reports a gate that is not yes/no', () => {
    expect(pathsOf(lintFixture('gate-invalid'), 'gate-invalid')).toEqual(['/schema/properties/safeToTalk/type']);
  });

  it('reports sensitive questions with no gate, and a gate naming no question', () => {
    expect(pathsOf(lintChanged((d) => delete d.safety.gate), 'gate-invalid')).toEqual(['/safety/gate']);
    expect(pathsOf(lintChanged((d) => (d.safety.gate = 'isSafe')), 'gate-invalid')).toEqual(['/safety/gate']);
  });

  it('needs no gate when nothing is sensitive', () => {
    const problems = lintChanged((d) => {
      delete d.safety;
      delete d.schema.properties.fearful['x-sensitivity'];
      delete d.schema.properties.harmed['x-sensitivity'];
    });
    expect(pathsOf(problems, 'gate-invalid')).toEqual([]);
  });

  it('reports a sensitive gate, and a gate hidden behind itself', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.safeToTalk['x-sensitivity'] = 'sensitive')), 'gate-invalid')).toEqual(['/schema/properties/safeToTalk/x-sensitivity']);
    const hidden = lintChanged((d) => (d.uischema.elements[0].rule = gateRule));
    expect(pathsOf(hidden, 'gate-invalid')).toEqual(['/uischema/elements/0/elements/0']);
  });
});
