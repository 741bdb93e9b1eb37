import { describe, expect, it } from 'vitest';
import { formModel, lint, loadDefinitionText } from '../../../../runtime/core/index';
import { lintFixture, fixtureJson } from '../fixtures';
import { gateRule, lintChanged, pathsOf, type Json } from '../helpers';

/** Issue 18, point 4: sensitivity levels as data (the table, a form's own levels, the gate by level). */
describe('sensitivity levels in lint', () => {
  it('passes every built-in level, and a level the form declares', () => {
    for (const level of ['personal', 'sensitive', 'special-category', 'safe-address']) {
      const problems = lintChanged((d) => (d.schema.properties.harmed['x-sensitivity'] = level));
      expect(problems.map((p) => p.code), level).toEqual([]);
    }
    const declared = lintChanged((d) => {
      d.sensitivityLevels = { 'police-marker': { profiles: { 'external-agency': 'keep', masked: 'drop' }, drafts: 'keep' } };
      d.schema.properties.harmed['x-sensitivity'] = 'police-marker';
    });
    expect(declared).toEqual([]);
  });

  it('sensitivity-unknown: a level neither built in nor declared, at its pointer (the fixture, and a group item)', () => {
    expect(pathsOf(lintFixture('sensitivity-unknown'), 'sensitivity-unknown')).toEqual(['/schema/properties/harmed/x-sensitivity']);
    const item = lintChanged((d) => {
      d.schema.properties.children.items.properties.name['x-sensitivity'] = 'refuge';
      d.uischema.elements[0].elements[4].rule = gateRule;
    });
    expect(pathsOf(item, 'sensitivity-unknown')).toEqual(['/schema/properties/children/items/properties/name/x-sensitivity']);
  });

  it('a malformed name is extension-invalid only, not also unknown', () => {
    const problems = lintChanged((d) => (d.schema.properties.harmed['x-sensitivity'] = 'Safe Address'));
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual(['extension-invalid /schema/properties/harmed/x-sensitivity']);
  });

  it('sensitivity-level-invalid: an unknown action, an unknown profile, a bad drafts value, a bad name, a redefined built-in', () => {
    expect(pathsOf(lintFixture('sensitivity-level-invalid'), 'sensitivity-level-invalid')).toEqual(['/sensitivityLevels/police-marker/profiles/masked']);
    const problems = lintChanged((d) => {
      d.sensitivityLevels = {
        'police-marker': { profiles: { 'external-agency': 'drop', press: 'keep' }, drafts: 'sometimes' },
        'Police Marker': { profiles: {} },
        'safe-address': { profiles: { 'external-agency': 'keep', masked: 'keep' }, gated: false, drafts: 'keep' },
      };
    });
    expect(pathsOf(problems, 'sensitivity-level-invalid')).toEqual([
      '/sensitivityLevels/police-marker/profiles/press',
      '/sensitivityLevels/police-marker/drafts',
      '/sensitivityLevels/Police Marker',
      '/sensitivityLevels/safe-address',
    ]);
  });

  it('a redefined built-in keeps its built-in meaning (extend only): safe-address is still dropped and gated', () => {
    const d = fixtureJson('valid') as Json;
    d.sensitivityLevels = { 'safe-address': { profiles: { 'external-agency': 'keep', masked: 'keep' }, gated: false, drafts: 'keep' } };
    d.schema.properties.harmed['x-sensitivity'] = 'safe-address';
    const loaded = loadDefinitionText(JSON.stringify(d));
    if (!loaded.ok) throw new Error('does not load');
    const level = formModel(loaded.value).byKey.get('harmed')!.level!;
    expect(level).toMatchObject({ name: 'safe-address', builtIn: true, gated: true, drafts: 'never', profiles: { full: 'keep', 'external-agency': 'drop', masked: 'drop' } });
  });

  it('the safety check guards sensitive, special-category and safe-address, not personal', () => {
    // visitDate is shown before the gate and always required: both are errors for a gated level, neither for personal.
    const outside = (level: string) => lintChanged((d) => {
      d.schema.properties.visitDate['x-sensitivity'] = level;
    });
    expect(pathsOf(outside('personal'), 'sensitive-ungated')).toEqual([]);
    for (const level of ['sensitive', 'special-category', 'safe-address']) {
      expect(pathsOf(outside(level), 'sensitive-ungated'), level).toEqual(['/uischema/elements/0/elements/1', '/schema/required/1']);
    }
    // A declared level is gated unless it says otherwise.
    const declared = (gated: boolean | undefined) => lintChanged((d) => {
      d.sensitivityLevels = { 'police-marker': { profiles: {}, ...(gated === undefined ? {} : { gated }) } };
      d.schema.properties.visitDate['x-sensitivity'] = 'police-marker';
    });
    expect(pathsOf(declared(undefined), 'sensitive-ungated')).toEqual(['/uischema/elements/0/elements/1', '/schema/required/1']);
    expect(pathsOf(declared(false), 'sensitive-ungated')).toEqual([]);
  });

  it('a form whose only marked questions are personal needs no safety check', () => {
    const d = fixtureJson('valid') as Json;
    delete d.safety;
    delete d.schema.properties.fearful['x-sensitivity'];
    delete d.schema.properties.harmed['x-sensitivity'];
    d.schema.properties.visitDate['x-sensitivity'] = 'personal';
    const loaded = loadDefinitionText(JSON.stringify(d));
    if (!loaded.ok) throw new Error('does not load');
    expect(lint(loaded.value).filter((p) => p.code === 'gate-invalid')).toEqual([]);
  });
});
