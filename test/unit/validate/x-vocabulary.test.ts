import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createAjv, definitionFromValue, lint, tryCompileValidator } from '../../../runtime/core/index';
import { keywordProblems } from '../../../runtime/core/validate/keyword-problems';
import { seededParams } from '../../support/property';
import { tryStandaloneValidatorModule } from '../../../runtime/node/standalone';
import { validateCommand } from '../../../runtime/node/commands/validate';
import { fixtureDefinition, validAnswers } from './fixture';

/**
 * Issue 15.5: the `x-` keywords are a vocabulary AJV knows (each with a meta-schema) and strict mode
 * is on, so an unknown `x-` keyword or a wrongly shaped value fails to compile, with a problem at
 * its pointer, wherever a validator is compiled: in memory, ahead of time, and from the command line.
 */
function changed(edit: (schema: ReturnType<typeof fixtureDefinition>['schema'] & Record<string, any>) => void) {
  const definition = fixtureDefinition();
  edit(definition.schema as never);
  return definition;
}

const unknownX = () => changed((s) => ((s.properties.childAge as Record<string, unknown>)['x-colour'] = 'red'));
const badSensitivity = () => changed((s) => ((s.properties.disclosure as Record<string, unknown>)['x-sensitivity'] = 'Secret!'));

function problemsOf(result: { ok: boolean; problems: Array<{ code: string; path: string; message: string }> }) {
  expect(result.ok).toBe(false);
  return result.problems.map(({ code, path, message }) => ({ code, path, message }));
}

describe('the x- vocabulary under strict mode', () => {
  it('refuses an unknown x- keyword, naming its pointer', () => {
    expect(problemsOf(tryCompileValidator(unknownX()))).toEqual([
      {
        code: 'extension-unknown',
        path: '/schema/properties/childAge/x-colour',
        message: 'Unknown setting "x-colour", which nothing reads: correct its name or remove it.',
      },
    ]);
  });

  it('refuses a wrongly shaped x-sensitivity through its meta-schema, naming its pointer and the shape of a level name', () => {
    const [problem, ...rest] = problemsOf(tryCompileValidator(badSensitivity()));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'extension-invalid', path: '/schema/properties/disclosure/x-sensitivity' });
    expect(problem!.message).toContain('/schema/properties/disclosure');
    // Which names exist depends on the envelope's sensitivityLevels, which the schema cannot see: lint's sensitivity-unknown.
    expect(problem!.message).toContain('pattern');
  });

  it('checks every x- keyword of the vocabulary by its meta-schema', () => {
    const cases: Array<[string, unknown]> = [
      ['x-code', 'Child Age'],
      ['x-help', '   '],
      ['x-exclusive', 'yes'],
      ['x-computed', { op: 'average', of: ['childAge'] }],
      ['x-computed', { op: 'count', of: ['childAge'] }],
    ];
    for (const [keyword, value] of cases) {
      const result = tryCompileValidator(changed((s) => ((s.properties.notes as Record<string, unknown>)[keyword] = value)));
      expect(problemsOf(result).map((p) => `${p.code} ${p.path}`), `${keyword}: ${JSON.stringify(value)}`).toEqual([`extension-invalid /schema/properties/notes/${keyword}`]);
    }
  });

  it('refuses a keyword that is not JSON Schema (a typo) at its pointer', () => {
    const typo = changed((s) => ((s.properties.notes as Record<string, unknown>).maxlength = 10));
    expect(problemsOf(tryCompileValidator(typo)).map((p) => `${p.code} ${p.path}`)).toEqual(['schema-invalid /schema/properties/notes/maxlength']);
  });

  it('refuses them in the ahead-of-time module too', () => {
    expect(problemsOf(tryStandaloneValidatorModule(unknownX())).map((p) => `${p.code} ${p.path}`)).toEqual(['extension-unknown /schema/properties/childAge/x-colour']);
    expect(problemsOf(tryStandaloneValidatorModule(badSensitivity())).map((p) => `${p.code} ${p.path}`)).toEqual(['extension-invalid /schema/properties/disclosure/x-sensitivity']);
  });

  it('still compiles the known keywords with well-shaped values', () => {
    expect(tryCompileValidator(fixtureDefinition()).ok).toBe(true);
  });
});

describe('assessment-studio validate with such a definition', () => {
  const dir = mkdtempSync(join(tmpdir(), 'as-x-vocabulary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the problem with its pointer and exits 1, instead of checking answers against it', async () => {
    const definitionFile = join(dir, 'definition.json');
    const answersFile = join(dir, 'answers.json');
    writeFileSync(definitionFile, JSON.stringify(unknownX(), null, 2));
    writeFileSync(answersFile, JSON.stringify(validAnswers));
    const out: string[] = [];
    const code = await validateCommand.run(['--format', 'json', definitionFile, answersFile], { out: (l) => out.push(l), err: () => {}, cwd: dir });
    expect(code).toBe(1);
    const [problem, ...rest] = JSON.parse(out.join('\n')) as Array<{ file: string; code: string; path: string; line: number }>;
    expect(rest).toEqual([]);
    // The line is where the keyword is written in the file: the loader locates the pointer.
    expect(problem).toMatchObject({ file: 'definition.json', code: 'extension-unknown', path: '/schema/properties/childAge/x-colour' });
    expect(problem!.line).toBeGreaterThan(1);
  });
});

/**
 * Lint cannot build an AJV under the builder's CSP, so it checks the `x-` values in code
 * (extension-invalid, code-malformed). The vocabulary's meta-schemas and those checks must agree on
 * every value, or a form could pass lint and fail to compile, or the reverse.
 */
describe('the vocabulary meta-schemas and lint agree on x- values', () => {
  const ajv = createAjv();
  const whitespace = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\ufeff', '\u2028', '\u3000');
  const anyJson = fc.jsonValue({ maxDepth: 2 });
  const values: Record<string, { at: (d: Record<string, any>) => Record<string, unknown>; pointer: string; value: fc.Arbitrary<unknown> }> = {
    'x-code': {
      at: (s) => s.properties.notes,
      pointer: '/schema/properties/notes',
      value: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,66}$/), fc.string({ maxLength: 8 }), anyJson),
    },
    'x-sensitivity': {
      at: (s) => s.properties.disclosure,
      pointer: '/schema/properties/disclosure',
      value: fc.oneof(fc.constantFrom('sensitive', 'special-category', 'safe-address', 'personal', 'Sensitive', 'secret', 'safe--address', 'x'.repeat(65), ''), anyJson),
    },
    'x-help': {
      at: (s) => s.properties.notes,
      pointer: '/schema/properties/notes',
      value: fc.oneof(fc.array(fc.oneof(whitespace, fc.constantFrom('a', 'é', '1')), { maxLength: 4 }).map((a) => a.join('')), anyJson),
    },
    'x-computed': {
      at: (s) => s.properties.riskCount,
      pointer: '/schema/properties/riskCount',
      value: fc.oneof(
        fc.record(
          { op: fc.constantFrom('count', 'sum', 'average'), of: fc.oneof(fc.array(fc.constantFrom('safeToTalk', 'usesDrugs'), { maxLength: 2 }), anyJson), equals: anyJson, extra: anyJson },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
    },
    'x-exclusive': {
      at: (s) => s.properties.concerns.items.oneOf[0],
      pointer: '/schema/properties/concerns/items/oneOf/0',
      value: anyJson,
    },
  };

  for (const [keyword, { at, pointer, value }] of Object.entries(values)) {
    it(keyword, () => {
      fc.assert(
        fc.property(value, (v) => {
          const definition = fixtureDefinition() as Record<string, any>;
          at(definition.schema)[keyword] = v;
          const loaded = definitionFromValue(definition);
          expect(loaded.ok).toBe(true);
          if (!loaded.ok) return;
          const path = `${pointer}/${keyword}`;
          const byLint = lint(loaded.value).some((p) => p.path === path && (p.code === 'extension-invalid' || p.code === 'code-malformed'));
          const byMetaSchema = keywordProblems(ajv, definition.schema, '/schema').some((p) => p.path === path && p.code === 'extension-invalid');
          expect(byMetaSchema).toBe(byLint);
        }),
        seededParams(150),
      );
    });
  }
});
