import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeKinds, classificationRules, classifySensitivity, constraintNarrows, largestBump } from '../../../runtime/core/index';

describe('the classification rules', () => {
  it('are documented in docs/versions.md, one table row per kind with the same severity', () => {
    const doc = readFileSync(resolve(__dirname, '../../../docs/versions.md'), 'utf8');
    const rows = new Map([...doc.matchAll(/^\| `([a-z-]+)` \| ([a-z /]+) \|/gm)].map((m) => [m[1], m[2]!.trim()]));
    for (const kind of changeKinds) {
      const rule = classificationRules[kind];
      expect(rows.get(kind), kind).toBe(rule.severity === 'depends' ? 'minor / major' : rule.severity);
      expect(rule.why.length).toBeGreaterThan(10);
    }
    expect([...rows.keys()].sort()).toEqual([...changeKinds].sort());
  });

  it('take the largest bump', () => {
    expect(largestBump([])).toBe('none');
    expect(largestBump(['patch', 'minor', 'patch'])).toBe('minor');
    expect(largestBump(['patch', 'major', 'minor'])).toBe('major');
  });

  it('treat raising sensitivity as minor and lowering it as major', () => {
    expect(classifySensitivity(undefined, 'sensitive')).toBe('minor');
    expect(classifySensitivity('sensitive', 'special-category')).toBe('minor');
    expect(classifySensitivity('special-category', 'sensitive')).toBe('major');
    expect(classifySensitivity('sensitive', undefined)).toBe('major');
  });

  it('read sensitivity levels by their table: looser handling in any profile, the safety check or drafts is major (issue 18)', () => {
    expect(classifySensitivity('sensitive', 'safe-address')).toBe('minor');
    expect(classifySensitivity('safe-address', 'special-category')).toBe('major'); // masked: drop → mask; drafts: never → keep
    expect(classifySensitivity(undefined, 'personal')).toBe('minor');
    expect(classifySensitivity('sensitive', 'personal')).toBe('major'); // external-agency: drop → keep; no safety check
    expect(classifySensitivity('personal', 'sensitive')).toBe('minor');
    const marker = { name: 'police-marker', profiles: { full: 'keep', 'external-agency': 'keep', masked: 'drop' }, gated: true, drafts: 'keep', builtIn: false } as const;
    expect(classifySensitivity('sensitive', marker)).toBe('major'); // external-agency: drop → keep
    expect(classifySensitivity(marker, { ...marker, profiles: { ...marker.profiles, 'external-agency': 'drop' } })).toBe('minor');
  });

  it('tell a narrowing constraint from a widening one', () => {
    expect(constraintNarrows('maximum', 120, 99)).toBe(true);
    expect(constraintNarrows('maximum', 120, 130)).toBe(false);
    expect(constraintNarrows('maximum', undefined, 130)).toBe(true);
    expect(constraintNarrows('maximum', 120, undefined)).toBe(false);
    expect(constraintNarrows('minLength', 1, 2)).toBe(true);
    expect(constraintNarrows('minLength', 2, 1)).toBe(false);
    expect(constraintNarrows('pattern', '^a', '^b')).toBe(true);
    expect(constraintNarrows('uniqueItems', true, false)).toBe(false);
    expect(constraintNarrows('uniqueItems', false, true)).toBe(true);
  });
});
