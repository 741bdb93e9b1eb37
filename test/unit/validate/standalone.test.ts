import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileValidator, validateResponse, type CompiledValidator } from '../../../runtime/core/index';
import { standaloneValidatorModule, tryStandaloneValidatorModule } from '../../../runtime/node/standalone';
import { fixtureDefinition, validAnswers } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'as-standalone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importModule(source: string, name: string): Promise<{ validate: CompiledValidator }> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, source);
  return import(pathToFileURL(file).href);
}

const cases: Array<[string, Record<string, unknown>]> = [
  ['valid', validAnswers],
  ['missing', { childAge: 3 }],
  ['wrong', { ...validAnswers, childAge: 7.5, referralDate: '2026-13-45', visitTime: '9', substance: 'tea', postcode: 'nope', concerns: ['x', 'x'] }],
  ['group', { ...validAnswers, children: [{ atSchool: true }, { age: -2, atSchool: false }] }],
  ['catastrophic', { ...validAnswers, postcode: 'A'.repeat(10_000) + '!' }],
];

describe('standaloneValidatorModule (ahead-of-time, no eval)', () => {
  const definition = fixtureDefinition();
  const source = standaloneValidatorModule(definition);

  it('is one self-contained ES module that does not compile code at run time', () => {
    // Importing it from a temporary folder (no node_modules) in the other tests shows it needs nothing else.
    expect(/export\s*\{[^}]*\bvalidate\b/.test(source)).toBe(true);
    expect(/(^|[;\n])\s*import\s*[\w{*]/.test(source)).toBe(false);
    expect(/new Function|(^|[=(;,:!&|?\s])eval\(/.test(source)).toBe(false); // a method named eval is harmless
    expect(source.includes('$data')).toBe(false);
  });

  it('validates exactly as the runtime-compiled validator does, patterns included', async () => {
    const { validate } = await importModule(source, 'fixture');
    const runtime = compileValidator(definition);
    for (const [name, answers] of cases) {
      expect(validate(answers), name).toBe(runtime(answers));
      expect(validate.errors ?? null, name).toEqual(runtime.errors ?? null);
      expect(validateResponse(definition, answers, { validator: validate }), name).toEqual(validateResponse(definition, answers));
    }
  });

  it('accepts HH:MM times as the runtime does', async () => {
    const { validate } = await importModule(source, 'times');
    const answers = { ...validAnswers, drugDetail: 'none' };
    expect(validate({ ...answers, visitTime: '14:30' })).toBe(true);
    expect(validate({ ...answers, visitTime: '24:30' })).toBe(false);
  });

  it('runs patterns and patternProperties keys on the linear-time engine in the generated module too', async () => {
    const schema = { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' }, bag: { type: 'object', patternProperties: { '^(a|a)*$': { type: 'integer' } } } } };
    const { validate } = await importModule(standaloneValidatorModule({ schema }), 'patterns');
    const runtime = compileValidator({ schema });
    const long = 'a'.repeat(10_000);
    for (const data of [{ code: long + '!' }, { code: long }, { bag: { [long]: 'x' } }, { bag: { [long + 'b']: 'x' } }]) {
      expect(validate(data)).toBe(runtime(data));
      expect(validate.errors ?? null).toEqual(runtime.errors ?? null);
    }
    expect(validate({ bag: { [long]: 'x' } })).toBe(false);
  });

  it('refuses hostile schemas instead of generating code for them', () => {
    const refused = tryStandaloneValidatorModule({ schema: { properties: { a: { $ref: 'https://evil.example/s.json' }, b: { pattern: '(a)\\1' } } } });
    expect(refused.ok ? [] : refused.problems.map((p) => p.code).sort()).toEqual(['pattern-unsafe', 'ref-remote']);
    expect(() => standaloneValidatorModule({ schema: { $ref: '#' } })).toThrow(/ref-cycle/);
  });
});
