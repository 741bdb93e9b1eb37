import { describe, expect, it } from 'vitest';
import { answersForDraft, formModel, isNeverDrafted, loadDefinitionText } from '../../../runtime/core/index';

/** Issue 18, point 4: a safe address is never kept in a draft. */
const raw = {
  id: 'drafts', version: '1.0.0', status: 'draft', title: 'Drafts', source: { document: 'test' },
  safety: { gate: 'safe' },
  sensitivityLevels: { 'police-marker': { profiles: {}, drafts: 'keep' }, 'new-home': { profiles: {} } },
  schema: {
    type: 'object',
    properties: {
      safe: { type: 'boolean', 'x-code': 'safe' },
      name: { type: 'string', 'x-code': 'name', 'x-sensitivity': 'personal' },
      address: { type: 'string', 'x-code': 'address', 'x-sensitivity': 'safe-address' },
      marker: { type: 'string', 'x-code': 'marker', 'x-sensitivity': 'police-marker' },
      home: { type: 'string', 'x-code': 'home', 'x-sensitivity': 'new-home' },
      moves: { type: 'array', 'x-code': 'moves', items: { type: 'object', properties: { town: { type: 'string', 'x-code': 'town' }, refuge: { type: 'string', 'x-code': 'refuge', 'x-sensitivity': 'safe-address' } } } },
      refuges: { type: 'array', 'x-code': 'refuges', 'x-sensitivity': 'safe-address', items: { type: 'object', properties: { town: { type: 'string', 'x-code': 'refuge_town' } } } },
    },
  },
  uischema: { type: 'VerticalLayout', elements: [] },
};

function model() {
  const loaded = loadDefinitionText(JSON.stringify(raw));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return formModel(loaded.value);
}

describe('answersForDraft', () => {
  it('leaves out safe-address answers, at the top level, in group items and as a whole group; keeps the rest', () => {
    const answers = {
      safe: true, name: 'Jo', address: '1 Refuge Road', marker: 'm', home: 'h',
      moves: [{ town: 'Leeds', refuge: '2 Hidden Way' }, { town: 'York' }],
      refuges: [{ town: 'Hull' }],
    };
    const out = answersForDraft(model(), answers);
    expect(out).toEqual({ safe: true, name: 'Jo', marker: 'm', moves: [{ town: 'Leeds' }, { town: 'York' }] });
    expect(JSON.stringify(out)).not.toMatch(/Refuge Road|Hidden Way|Hull/);
    // The store's answers are not changed: the form still shows (and submits) what was typed.
    expect(answers.address).toBe('1 Refuge Road');
    expect(answers.moves[0]!.refuge).toBe('2 Hidden Way');
  });

  it('returns the answers as they are when nothing is left out', () => {
    const answers = { safe: true, name: 'Jo' };
    expect(answersForDraft(model(), answers)).toBe(answers);
  });

  it('says which questions a draft leaves out (declared levels: drafts unless "keep", as a fail-safe)', () => {
    const m = model();
    const never = m.all.filter(isNeverDrafted).map((q) => q.exportCode);
    expect(never).toEqual(['address', 'home', 'refuge', 'refuges', 'refuge_town']);
  });
});
