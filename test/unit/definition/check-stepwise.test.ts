import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDefinition, checkDefinitionStepwise } from '../../../runtime/core/index';
import { duplicateOptionCodes, smallDefinition } from '../../fixtures/hostile/definitions';

/**
 * Issue 16: the embeds check a definition with all of lint, the part rendering does not depend on
 * after their first paint. Stepwise, it must reach the verdict `checkDefinition` reaches in one go,
 * on every lint fixture and every shipped form, pausing between rules.
 */
const verdict = (r: ReturnType<typeof checkDefinition>) => (r.ok ? 'ok' : r.problems.map((p) => `${p.code} ${p.path}`).sort().join('\n'));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

const fixtures = resolve('test/fixtures/definitions');
const forms = resolve('form-definitions');
const files = [
  ...readdirSync(fixtures).filter((n) => n.endsWith('.json')).map((n) => join(fixtures, n)),
  ...readdirSync(forms, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(forms, d.name)).filter((n) => n.endsWith('.json')).map((n) => join(forms, d.name, n))),
];

describe('checkDefinitionStepwise', () => {
  it.each(files.map((f) => [f.slice(resolve('.').length + 1), f]))('%s: the same verdict as checkDefinition', async (_, file) => {
    let pauses = 0;
    const stepwise = await checkDefinitionStepwise(read(file), async () => void pauses++);
    expect(verdict(stepwise)).toBe(verdict(checkDefinition(read(file))));
    // Refused before lint (limits, envelope, render rules) takes no pause; otherwise a pause per rule.
    if (stepwise.ok) expect(pauses).toBeGreaterThan(10);
  });

  it('refuses what only lint finds (two options with one code), which rendering lets through', async () => {
    const r = await checkDefinitionStepwise(duplicateOptionCodes(), async () => undefined);
    expect(verdict(r)).toMatch(/^option-code-duplicate \/schema\/properties\/substance\//m);
  });

  it('answers from the shared cache: a definition checked in full costs no rule', async () => {
    const d = smallDefinition();
    const full = checkDefinition(d);
    let pauses = 0;
    expect(await checkDefinitionStepwise(d, async () => void pauses++)).toBe(full);
    expect(pauses).toBe(0);
  });
});
