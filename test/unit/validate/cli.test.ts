import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../../runtime/core/index';
import { validateCommand } from '../../../runtime/node/commands/validate';
import { compileCommand } from '../../../runtime/node/commands/compile';
import { fixtureDefinition, validAnswers } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'as-validate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

async function run(command: typeof validateCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out, err };
}

const definition = fixtureDefinition();
const definitionFile = file('anywhere/fixture.json', definition);
const valid = { ...validAnswers };

describe('assessment-studio validate', () => {
  it('accepts a valid response (bare answers) against a definition anywhere', async () => {
    const result = await run(validateCommand, [definitionFile, file('ok.json', valid)]);
    expect(result).toEqual({ code: 0, out: [], err: [] });
  });

  it('prints one line per problem, file: path message, and exits 1', async () => {
    const { childAge: _, ...answers } = valid;
    const result = await run(validateCommand, [definitionFile, file('missing.json', answers), file('ok2.json', valid)]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual(["missing.json: /childAge Enter child's age"]);
  });

  it('reads a response envelope, locating answers in the file, with --format json', async () => {
    const envelope = {
      responseId: 'r1',
      form: { id: definition.id, version: definition.version, sha256: contentHash(definition) },
      status: 'completed',
      startedAt: '2026-11-25T10:00:00Z',
      updatedAt: '2026-11-25T10:10:00Z',
      answers: { ...valid, childAge: 40 },
    };
    const path = file('envelope.json', envelope);
    const result = await run(validateCommand, ['--format', 'json', definitionFile, path]);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.out.join('\n'));
    expect(problems).toEqual([
      { file: 'envelope.json', line: 12, column: 5, severity: 'error', code: 'answer-range', message: "Child's age must be 17 or less", path: '/childAge' },
    ]);
  });

  it('reports a response made with another version of the form', async () => {
    const envelope = { responseId: 'r2', form: { id: definition.id, version: '9.0.0', sha256: '0'.repeat(64) }, status: 'in-progress', startedAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:00:00Z', answers: valid };
    const result = await run(validateCommand, ['--format=json', definitionFile, file('other.json', envelope)]);
    expect(JSON.parse(result.out[0]!).map((p: { code: string }) => p.code)).toEqual(['response-form-mismatch']);
  });

  it('names unreadable, empty and malformed files in one clear line each', async () => {
    const result = await run(validateCommand, [definitionFile, join(dir, 'nope.json'), file('empty.json', ''), file('bad.json', '{\n  "childAge": 3,,\n}')]);
    expect(result.code).toBe(1);
    expect(result.out).toHaveLength(3);
    expect(result.out[0]).toMatch(/^nope\.json: The file could not be read/);
    expect(result.out[1]).toMatch(/^empty\.json: The file is empty/);
    expect(result.out[2]).toMatch(/^bad\.json: Not valid JSON.*\(line 2, column \d+\)$/);
    const badDefinition = await run(validateCommand, [file('bad-def.json', '{"id": 1}'), file('ok3.json', valid)]);
    expect(badDefinition.code).toBe(1);
    expect(badDefinition.out.every((l) => l.startsWith('bad-def.json: '))).toBe(true);
  });

  it('refuses hostile responses quickly and cleanly', async () => {
    const result = await run(validateCommand, [definitionFile, file('proto.json', '{"__proto__": {"x": 1}}'), file('deep.json', '['.repeat(5000) + ']'.repeat(5000))]);
    expect(result.code).toBe(1);
    expect(result.out.map((l) => l.split(':')[0])).toEqual(['proto.json', 'deep.json']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses an oversized response file before reading it', async () => {
    const big = file('big.json', '{"notes": "' + 'x'.repeat(5 * 1024 * 1024) + '"}');
    const result = await run(validateCommand, ['--format', 'json', definitionFile, big]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out[0]!).map((p: { code: string; file: string }) => `${p.code} ${p.file}`)).toEqual(['too-large big.json']);
  });

  it('checks the published-hash record for definitions inside form-definitions/', async () => {
    const published = { ...definition, status: 'published' };
    const inside = file('repo/form-definitions/fixture-form/1.0.0.json', published);
    file('repo/form-definitions/published.json', { 'fixture-form/1.0.0': contentHash(published) });
    expect((await run(validateCommand, [inside, file('ok4.json', valid)])).code).toBe(0);
    file('repo/form-definitions/fixture-form/1.0.0.json', { ...published, title: 'Edited after publishing' });
    const edited = await run(validateCommand, ['--format', 'json', inside, file('ok5.json', valid)]);
    expect(edited.code).toBe(1);
    expect(JSON.parse(edited.out[0]!).map((p: { code: string }) => p.code)).toEqual(['hash-mismatch']);
  });

  it('exits 2 with a usage line on bad arguments', async () => {
    for (const args of [[], [definitionFile], ['--nope', definitionFile, 'x.json'], ['--format', 'xml', definitionFile, 'x.json']]) {
      const result = await run(validateCommand, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.join('\n')).toMatch(/usage: assessment-studio validate/);
    }
  });
});

describe('assessment-studio compile', () => {
  it('writes an ES module exporting validate', async () => {
    const out = join(dir, 'validator.mjs');
    expect((await run(compileCommand, [definitionFile, '--out', out])).code).toBe(0);
    const { validate } = (await import(pathToFileURL(out).href)) as { validate: (d: unknown) => boolean };
    expect(validate({ ...valid, drugDetail: 'x' })).toBe(true);
    expect(validate({})).toBe(false);
  });

  it('prints to stdout, and refuses a hostile definition with problems', async () => {
    const printed = await run(compileCommand, [definitionFile]);
    expect(printed.code).toBe(0);
    expect(printed.out.join('\n')).toMatch(/export\s*\{/);
    const hostile = file('hostile.json', { ...definition, schema: { type: 'object', properties: { a: { $ref: 'https://evil.example/x' } } } });
    const refused = await run(compileCommand, [hostile]);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(/never fetched/);
    const located = await run(validateCommand, ['--format', 'json', hostile, file('ok6.json', valid)]);
    expect(JSON.parse(located.out[0]!).map((p: { code: string; path: string; line: number }) => [p.code, p.path, p.line > 1])).toEqual([['ref-remote', '/schema/properties/a/$ref', true]]);
    expect((await run(compileCommand, [])).code).toBe(2);
  });
});
