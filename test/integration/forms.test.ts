import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  lint,
  loadDefinitionText,
  parsePublishedRecord,
  responseEnvelopeSchema,
  validateResponse,
  type Definition,
  type PublishedRecord,
} from '../../runtime/core/index';
import { codesOf, uiScopes, type CodeInfo } from './forms-support';

/**
 * The shipped forms (issue 5): every version lints clean with the context the CLI gives it, every
 * example response validates as expected, every question is reachable, and no export code of a
 * version is lost in the next one without being retired.
 */
const ROOT = join(__dirname, '../..');
const FORMS = join(ROOT, 'form-definitions');
const FIXTURES = join(ROOT, 'test/fixtures/responses');

const SHIPPED = [
  'alcohol-audit/1.0.0',
  'child-perspective/1.0.0',
  'death-review-vaw/1.0.0',
  'disclosure-record/1.0.0',
  'disclosure-record/1.1.0',
  'parenting-capacity/1.0.0',
  'parenting-capacity/1.1.0',
  'protective-factors/1.0.0',
  'routine-enquiry/1.0.0',
  'routine-enquiry/2.0.0',
];

/** Forms taken from a published instrument rather than the seeds (docs/form-sources.md): who publishes it. */
const EXTERNAL_SOURCES: Record<string, RegExp> = { 'alcohol-audit': /^World Health Organization: AUDIT/ };

interface Shipped {
  ref: string;
  id: string;
  version: string;
  raw: Record<string, unknown>;
  definition: Definition;
}

function loadAll(): Shipped[] {
  const out: Shipped[] = [];
  for (const id of readdirSync(FORMS).sort()) {
    if (id.endsWith('.json')) continue;
    for (const file of readdirSync(join(FORMS, id)).filter((f) => f.endsWith('.json'))) {
      const loaded = loadDefinitionText(readFileSync(join(FORMS, id, file), 'utf8'));
      if (!loaded.ok) throw new Error(`${id}/${file} does not load: ${JSON.stringify(loaded.problems)}`);
      const version = file.slice(0, -'.json'.length);
      out.push({ ref: `${id}/${version}`, id, version, raw: loaded.raw as Record<string, unknown>, definition: loaded.value });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id) || semver.compare(a.version, b.version));
}

const forms = loadAll();
const published: PublishedRecord = (() => {
  const r = parsePublishedRecord(readFileSync(join(FORMS, 'published.json'), 'utf8'));
  if (!r.ok) throw new Error(`published.json: ${JSON.stringify(r.problems)}`);
  return r.value;
})();
const previousOf = (f: Shipped) => forms.filter((g) => g.id === f.id && semver.lt(g.version, f.version)).at(-1);

describe('shipped forms', () => {
  it('are the ten published versions (FORMS.md\'s seven, the AUDIT of issue 18, and the 1.1.0s whose follow-ups wait for their question), each with its hash recorded', () => {
    expect(forms.map((f) => f.ref)).toEqual(SHIPPED);
    for (const f of forms) {
      expect(f.definition.status, f.ref).toBe('published');
      expect(published[f.ref], f.ref).toBe(contentHash(f.raw));
    }
  });

  it.each(forms.map((f) => [f.ref, f] as const))('%s lints clean', (_ref, f) => {
    const previous = previousOf(f);
    const problems = lint(f.definition, {
      file: `form-definitions/${f.ref}.json`,
      folderId: f.id,
      fileVersion: f.version,
      published,
      raw: f.raw,
      ...(previous ? { previous: previous.definition } : {}),
    });
    expect(problems).toEqual([]);
  });

  it.each(forms.map((f) => [f.ref, f] as const))('%s: every question and group item is shown by a UI element', (_ref, f) => {
    const shown = uiScopes(f.definition.uischema);
    const missing = codesOf(f.definition)
      .filter((q) => !shown.has(q.group ? `${q.group}/${q.key}` : q.key))
      .map((q) => q.pointer);
    expect(missing).toEqual([]);
  });

  it.each(forms.map((f) => [f.ref, f] as const))('%s: every question carries its own x-code and a title, options are labelled codes', (_ref, f) => {
    const codes = codesOf(f.definition);
    expect(codes.length).toBeGreaterThanOrEqual(20);
    expect(codes.every((q) => /^[a-z][a-z0-9_]{1,63}$/.test(q.code))).toBe(true);
    expect(new Set(codes.map((q) => q.code)).size).toBe(codes.length);
    for (const q of codes) {
      expect(typeof q.schema.title, q.pointer).toBe('string');
      for (const o of q.options ?? []) expect(o, q.pointer).toMatchObject({ const: expect.stringMatching(/^[a-z][a-z0-9_]*$/), title: expect.any(String) });
    }
  });

  it.each(forms.map((f) => [f.ref, f] as const))('%s names a seed document and section, and a changelog entry for its version', (_ref, f) => {
    const external = EXTERNAL_SOURCES[f.id];
    if (external) {
      // An instrument published outside the seeds: its publisher and the terms that allow reuse.
      expect(f.definition.source.document).toMatch(external);
      expect(f.definition.source.note).toMatch(/^Terms: /);
    } else expect(f.definition.source.document).toMatch(/^seeds\/\d{3}_[0-9a-f]{16}\.txt$/);
    expect(f.definition.source.section).toBeTruthy();
    const entry = f.definition.changelog.find((c) => c.version === f.version);
    expect(entry?.summary).toMatch(/seed \d{3}/);
  });
});

describe('export codes across versions', () => {
  const pairs = forms.flatMap((f) => {
    const previous = previousOf(f);
    return previous ? [[`${previous.ref} → ${f.version}`, previous, f] as const] : [];
  });

  it('there is at least one version step to check (routine-enquiry 1.0.0 → 2.0.0)', () => {
    expect(pairs.map((p) => p[0])).toContain('routine-enquiry/1.0.0 → 2.0.0');
  });

  it.each(pairs)('%s keeps every code with the same meaning, or retires it', (_name, from, to) => {
    const next = new Map(codesOf(to.definition).map((q) => [q.code, q]));
    const retired = new Set((to.definition.retired ?? []).map((r) => r.code));
    const broken: string[] = [];
    for (const q of codesOf(from.definition)) {
      if (retired.has(q.code)) continue;
      const kept = next.get(q.code);
      if (!kept) broken.push(`${q.code}: dropped without being retired`);
      else if (meaning(kept) !== meaning(q)) broken.push(`${q.code}: ${meaning(q)} became ${meaning(kept)}`);
    }
    expect(broken).toEqual([]);
  });

  it('routine-enquiry 2.0.0 is a major step: it newly requires the coercive-control questions and the female-worker offer', () => {
    const [v1, v2] = ['routine-enquiry/1.0.0', 'routine-enquiry/2.0.0'].map((r) => forms.find((f) => f.ref === r)!);
    expect(semver.major(v2!.version)).toBeGreaterThan(semver.major(v1!.version));
    const newlyRequired = [...requiredSomewhere(v2!.definition)].filter((k) => !requiredSomewhere(v1!.definition).has(k));
    expect(newlyRequired).toEqual(
      expect.arrayContaining(['moneyControlled', 'monitored', 'isolated', 'treatmentInterfered', 'putDown', 'walkingOnEggshells', 'courseOfBehaviour', 'femaleWorkerOffered']),
    );
  });
});

function meaning(q: CodeInfo): string {
  return JSON.stringify([q.type, q.group ?? null, (q.options ?? []).map((o) => o.const).sort()]);
}

/** Keys required unconditionally or by any `if/then` of the schema. */
function requiredSomewhere(d: Definition): Set<string> {
  const schema = d.schema as { required?: string[]; allOf?: Array<{ then?: { required?: string[] } }> };
  return new Set([...(schema.required ?? []), ...(schema.allOf ?? []).flatMap((e) => e.then?.required ?? [])]);
}

describe('example responses', () => {
  for (const f of forms) {
    const dir = join(FIXTURES, f.id, f.version);
    describe(f.ref, () => {
      const files = existsSync(dir) ? readdirSync(dir).filter((n) => n !== 'expected.json').sort() : [];
      const expected = existsSync(join(dir, 'expected.json'))
        ? (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Array<{ code: string; path: string }>>)
        : {};

      it('has a complete, a partial and at least two invalid responses, each invalid one with its expected problems', () => {
        expect(files).toContain('valid-complete.json');
        expect(files).toContain('valid-partial.json');
        const invalid = files.filter((n) => n.startsWith('invalid-'));
        expect(invalid.length).toBeGreaterThanOrEqual(2);
        expect(Object.keys(expected).sort()).toEqual(invalid);
        for (const name of invalid) expect(expected[name]!.length, name).toBeGreaterThan(0);
      });

      it.each(files)('%s validates as expected', (name) => {
        const value = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
        let answers = value;
        if ('answers' in value) {
          const envelope = responseEnvelopeSchema.parse(value);
          expect(envelope.form).toEqual({ id: f.id, version: f.version, sha256: published[f.ref] });
          if (name === 'valid-complete.json') expect(envelope.status).toBe('completed');
          if (name === 'valid-partial.json') expect(envelope.status).toBe('in-progress');
          answers = envelope.answers;
        }
        const problems = validateResponse(f.definition, answers).map((p) => ({ code: p.code, path: p.path }));
        const want = name.startsWith('valid-') ? [] : expected[name]!;
        expect(sortProblems(problems)).toEqual(sortProblems(want));
        // A hostile `__proto__` answer (routine-enquiry 2.0.0) must never reach Object.prototype.
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      });
    });
  }
});

function sortProblems(list: Array<{ code: string; path: string }>): Array<{ code: string; path: string }> {
  return [...list].sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code));
}
