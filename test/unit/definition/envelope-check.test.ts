import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionSchema } from '../../../runtime/core/definition/envelope';
import { definitionFromValue } from '../../../runtime/core/definition/from-value';
import { pointerFromTokens } from '../../../runtime/core/model/pointers';
import { minimalDefinition } from '../../support/minimal-definition';
import { seededParams } from '../../support/property';

/**
 * The envelope check is the zod envelope's JSON Schema compiled ahead of time (issue 15: zod at run
 * time cost the embeds' first render). zod stays the one model; here the compiled check is held to
 * zod's verdict, and to the places zod names, on every definition we have and on generated ones.
 */

/** zod's verdict as pointers: an unknown key at the key itself, as the compiled check names it. */
function zodPaths(value: unknown): string[] | null {
  const parsed = definitionSchema.safeParse(value);
  if (parsed.success) return null;
  const paths = parsed.error.issues.flatMap((issue) => {
    const tokens = issue.path.map((t) => (typeof t === 'symbol' ? String(t) : t));
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => pointerFromTokens([...tokens, k]));
    return [pointerFromTokens(tokens)];
  });
  return [...new Set(paths)].sort();
}

function compiledPaths(value: unknown): string[] | null {
  const checked = definitionFromValue(value);
  return checked.ok ? null : [...new Set(checked.problems.map((p) => p.path))].sort();
}

/**
 * The same verdict; every place zod names is named; anything else named lies under a place zod names
 * (zod stops at a record's bad key, the compiled check also reads the value under it).
 */
function expectSameVerdict(value: unknown, label = JSON.stringify(value)): void {
  const zod = zodPaths(value);
  const compiled = compiledPaths(value);
  expect(compiled === null, label).toBe(zod === null);
  if (!zod || !compiled) return;
  for (const path of zod) expect(compiled, label).toContain(path);
  for (const path of compiled) expect(zod.some((z) => path === z || path.startsWith(`${z}/`)), `${label}: ${path}`).toBe(true);
}

const rich = {
  ...minimalDefinition,
  description: 'A form',
  changelog: [{ version: '1.0.0', date: '2026-01-01', summary: 'First', changes: ['Added'] }],
  safety: { gate: 'safe' },
  sensitivityLevels: { 'home-address': { description: 'x', profiles: { research: 'drop' }, gated: true, drafts: 'keep' } },
  retired: [{ code: 'old_q', reason: 'Dropped' }],
  translations: { cy: { '/title': 'Enghraifft' } },
};

/** Every place in the envelope a mutation may touch, as tokens from the root. */
const places: Array<Array<string | number>> = [
  ['$schema'], ['id'], ['version'], ['status'], ['title'], ['description'], ['source'], ['source', 'document'], ['source', 'section'],
  ['changelog'], ['changelog', 0], ['changelog', 0, 'version'], ['changelog', 0, 'date'], ['changelog', 0, 'summary'], ['changelog', 0, 'changes'],
  ['safety'], ['safety', 'gate'], ['safety', 'drafts'], ['sensitivityLevels'], ['sensitivityLevels', 'home-address'],
  ['sensitivityLevels', 'home-address', 'profiles'], ['sensitivityLevels', 'home-address', 'gated'], ['retired'], ['retired', 0, 'code'],
  ['retired', 0, 'reason'], ['translations'], ['translations', 'cy'], ['translations', 'cy', '/title'], ['translations', 'Not A Locale'],
  ['schema'], ['uischema'], ['unknown'], ['source', 'unknown'], ['safety', 'unknown'],
];

const awkwardStrings = fc.oneof(
  fc.constantFrom('', 'a', 'draft', 'published', 'host-only', 'local', '1.0.0', '01.0.0', '2026-13-45', 'my-form', 'My Form', 'en', 'cy-GB', 'old_q', 'Bad-Code'),
  fc.string({ maxLength: 12 }),
  // Around the title's 200 and the description's 5000, in characters outside the BMP (two UTF-16 units each).
  fc.integer({ min: 99, max: 101 }).map((n) => '😀'.repeat(n)),
  fc.integer({ min: 199, max: 201 }).map((n) => 'a'.repeat(n)),
);
const anyValue = fc.oneof(awkwardStrings, fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));

function setAt(root: Record<string, unknown>, tokens: Array<string | number>, value: unknown): void {
  let node: unknown = root;
  for (const t of tokens.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string | number, unknown>)[t];
  }
  if (node === null || typeof node !== 'object') return;
  const last = tokens[tokens.length - 1]!;
  if (value === undefined) delete (node as Record<string | number, unknown>)[last];
  else (node as Record<string | number, unknown>)[last] = value;
}

describe('the envelope check compiled ahead of time', () => {
  it('is generated from the committed JSON Schema (not stale, never hand-edited) and holds no eval', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-envelope-validator.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
    expect(readFileSync('runtime/core/definition/envelope-validator.js', 'utf8')).not.toMatch(/\bnew Function\b|\bFunction\(|\beval\(/);
  });

  it("gives zod's verdict, at zod's places, on every definition fixture and shipped form", () => {
    const files = [
      ...readdirSync('test/fixtures/definitions').filter((f) => f.endsWith('.json')).map((f) => join('test/fixtures/definitions', f)),
      ...readdirSync('form-definitions', { recursive: true, encoding: 'utf8' }).filter((f) => /\d+\.\d+\.\d+\.json$/.test(f)).map((f) => join('form-definitions', f)),
    ];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const value = JSON.parse(readFileSync(file, 'utf8'));
      expectSameVerdict(value, file);
    }
  });

  it("gives zod's verdict, at zod's places, on generated envelopes", () => {
    const mutation = fc.tuple(fc.constantFrom(...places), anyValue);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const value = structuredClone(rich) as Record<string, unknown>;
        for (const [tokens, v] of mutations) setAt(value, tokens, v);
        expectSameVerdict(value);
      }),
      seededParams(400),
    );
  });

  it("fills in what zod's parse fills in, and leaves the value given as it was", () => {
    const given = { ...minimalDefinition, safety: { gate: 'safe' } };
    const checked = definitionFromValue(given);
    expect(checked.ok && checked.value.changelog).toEqual([]);
    expect(checked.ok && checked.value.safety).toEqual({ gate: 'safe', drafts: 'local' });
    expect(given).toEqual({ ...minimalDefinition, safety: { gate: 'safe' } });
    expect(checked.ok && checked.value).toEqual(definitionSchema.parse(given));
  });

  it('names a missing key and an unknown key where they are', () => {
    const { id: _id, ...noId } = minimalDefinition;
    const checked = definitionFromValue({ ...noId, colour: 'red' });
    expect(checked.ok ? [] : checked.problems.map((p) => [p.code, p.path]).sort()).toEqual([['envelope-invalid', '/colour'], ['envelope-invalid', '/id']]);
  });
});
