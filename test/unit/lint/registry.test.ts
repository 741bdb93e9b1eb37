import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, problemCodes, type LintRule } from '../../../runtime/core/index';
import { brokenCases, fixturesDir } from './fixtures';

const ruleModules = import.meta.glob<Record<string, unknown>>('../../../runtime/core/lint/rules/*.ts', { eager: true });
const testRoot = join(__dirname, '../..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? testFiles(full) : /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('the lint rule registry', () => {
  const codes = allRules.flatMap((r) => [...r.codes]);

  it('registers every rule file in runtime/core/lint/rules/', () => {
    const exported = Object.values(ruleModules).flatMap((m) => Object.values(m)).filter((v): v is LintRule => typeof v === 'object' && v !== null && 'check' in v && 'codes' in v);
    expect(exported.length).toBeGreaterThan(0);
    for (const rule of exported) expect(allRules).toContain(rule);
  });

  it('gives every code a doc line, and one rule only', () => {
    for (const code of codes) expect(problemCodes[code]?.doc, code).toBeTruthy();
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of allRules) expect(rule.docs.length).toBeGreaterThan(10);
  });

  it('has a test naming every code', () => {
    const text = testFiles(testRoot).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const code of codes) expect(text.includes(`'${code}'`), `no test names '${code}'`).toBe(true);
  });

  it('names every code in docs/definition-format.md', () => {
    const docs = readFileSync(join(__dirname, '../../../docs/definition-format.md'), 'utf8');
    expect(codes.filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
  });

  it('has a broken fixture for each case, and a case for each code of this folder\'s rules', () => {
    for (const { code } of brokenCases) expect(statSync(join(fixturesDir, `${code}.json`)).isFile()).toBe(true);
    const covered = new Set(brokenCases.map((c) => c.code));
    // too-many-questions needs 5,000 questions: its test builds them instead of keeping a fixture.
    const uncovered = codes.filter((c) => !covered.has(c) && c !== 'too-many-questions' && c !== 'version-bump-too-small');
    expect(uncovered).toEqual([]);
  });
});
