import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../runtime/node/commands/export';
import { computeValues, contentHash, loadDefinitionText, loadResponseFor, unneutraliseCsvCell, MASK, type Definition, type ResponseEnvelope } from '../../runtime/core/index';
import { fhirErrors } from '../unit/export/fhir-schema';

const root = join(__dirname, '../..');
const FORMS = join(root, 'form-definitions');
const RESPONSES = join(root, 'test/fixtures/responses');
const FIXTURES = join(root, 'test/fixtures/definitions');
const tmp = mkdtempSync(join(tmpdir(), 'export-cli-'));
afterAll(() => {
  // Temp files are left for the OS: nothing else shares the folder.
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  // Run in the temp folder: `--out` writes there, and outside the working folder needs --force.
  const code = await exportCommand.run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: tmp });
  return { code, out: out.length ? out.join('\n') + '\n' : '', err: err.join('\n') };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const table = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

/** A temp folder with export-rich responses: two good envelopes, bare answers, and broken files. */
function richResponses(): { dir: string; good: ResponseEnvelope[] } {
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'export-rich.json'), 'utf8')) as unknown;
  const form = { id: 'export-rich', version: '1.1.0', sha256: contentHash(raw) };
  const dir = join(tmp, 'rich');
  mkdirSync(dir, { recursive: true });
  const base = { form, status: 'completed' as const, startedAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:30:00Z', completedAt: '2026-11-25T10:30:00Z', meta: {} };
  const good: ResponseEnvelope[] = [
    { ...base, responseId: 'a-1', answers: { safeToTalk: true, age: 30, unitsPerWeek: -4, name: '@evil', substances: ['opioids'], children: [{ childName: 'Kim', childSeen: true }], harmed: true, fearful: 'yes', safeAddress: '1 Secret Row' } },
    { ...base, responseId: 'a-2', answers: { safeToTalk: false, visitDate: '2026-11-20' } },
  ];
  good.forEach((r) => writeFileSync(join(dir, `${r.responseId}.json`), JSON.stringify(r, null, 2)));
  writeFileSync(join(dir, 'b-bare.json'), JSON.stringify({ safeToTalk: false, age: 61 }));
  writeFileSync(join(dir, 'c-wrong-hash.json'), JSON.stringify({ ...good[0], responseId: 'c', form: { ...form, sha256: 'f'.repeat(64) } }, null, 2));
  writeFileSync(join(dir, 'd-bad-status.json'), JSON.stringify({ ...good[0], responseId: 'd', status: 'done' }, null, 2));
  writeFileSync(join(dir, 'e-syntax.json'), '{ "responseId": "e", ');
  return { dir, good };
}

describe('export command: arguments', () => {
  it.each([
    [[] as string[]],
    [['--format', 'csv', 'x.json']],
    [['--form', 'f.json', '--format', 'xml', 'x.json']],
    [['--form', 'f.json', '--format', 'csv', '--profile', 'everything', 'x.json']],
    [['--form', 'f.json', '--format', 'csv']],
    [['--form', 'f.json', '--format', 'csv', '--codebook-format', 'md', 'x.json']],
    [['--form', 'f.json', '--format', 'json', '--bogus', 'x.json']],
  ])('exits 2 with a usage line for %j', async (args) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: assessment-studio export');
  });

  it('exits 1 when the definition cannot be read', async () => {
    const r = await run('--form', join(tmp, 'missing.json'), '--format', 'codebook');
    expect(r.code).toBe(1);
    expect(r.err).toContain('file-unreadable');
  });
});

describe('export command: malformed responses', () => {
  const { dir } = richResponses();
  const form = join(FIXTURES, 'export-rich.json');

  it('reports each refused file by file, line and pointer, exports the others, and exits 1', async () => {
    const r = await run('--form', form, '--format', 'ndjson', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/b-bare\.json:1:1 error response-not-envelope /);
    expect(r.err).toMatch(/c-wrong-hash\.json:\d+:\d+ error response-form-mismatch .*\(at \/form\/sha256\)/);
    expect(r.err).toMatch(/d-bad-status\.json:\d+:\d+ error response-invalid .*\(at \/status\)/);
    expect(r.err).toMatch(/e-syntax\.json:1:\d+ error json-syntax/);
    expect(r.err).toContain('4 of 6 response file(s) refused');
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as ResponseEnvelope);
    expect(lines.map((l) => l.responseId)).toEqual(['a-1', 'a-2']);
  });

  it('refuses a hostile file (duplicate keys hiding a __proto__) and still exports the rest', async () => {
    const hostile = join(tmp, 'hostile.json');
    writeFileSync(hostile, '{"responseId":"x","answers":{"age":[],"age":{"type":{"__proto__":{"polluted":1}}}}}');
    const r = await run('--form', form, '--format', 'ndjson', hostile, join(dir, 'a-1.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('hostile.json');
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('exits 0 when every response exports', async () => {
    const r = await run('--form', form, '--format', 'json', join(dir, 'a-1.json'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect((JSON.parse(r.out) as ResponseEnvelope).answers.age).toBe(30);
  });
});

describe('export command: outputs', () => {
  const { dir, good } = richResponses();
  const form = join(FIXTURES, 'export-rich.json');
  const files = good.map((g) => join(dir, `${g.responseId}.json`));

  it('csv --out <folder> writes the wide file and the groups file there', async () => {
    const out = join(tmp, 'csv-out') + '/';
    const r = await run('--form', form, '--format', 'csv', '--out', out, ...files);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['export-rich-1.1.0-groups.csv', 'export-rich-1.1.0.csv']);
    const wide = table(readFileSync(join(out, 'export-rich-1.1.0.csv'), 'utf8'));
    expect(wide.map((w) => w._response_id)).toEqual(['a-1', 'a-2']);
    expect(wide[0]).toMatchObject({ units_change: '-4', preferred_name: "'@evil", substances__opioids: '1', children__count: '1', safe_address: '1 Secret Row' });
    const long = table(readFileSync(join(out, 'export-rich-1.1.0-groups.csv'), 'utf8'));
    expect(long).toEqual([expect.objectContaining({ _response_id: 'a-1', _group: 'children', _index: '1', child_name: 'Kim', child_witnessed: 'true' })]);
  });

  it('csv --out <file> writes the groups file beside it; stdout gets the wide file and a note', async () => {
    const file = join(tmp, 'single.csv');
    expect((await run('--form', form, '--format', 'csv', '--out', file, ...files)).code).toBe(0);
    expect(existsSync(join(tmp, 'single-groups.csv'))).toBe(true);
    const r = await run('--form', form, '--format', 'csv', ...files);
    expect(r.code).toBe(0);
    expect(table(r.out)).toHaveLength(2);
    expect(r.out).toContain('\r\n');
    expect(r.err).toContain('--out');
  });

  it('an export that exports nothing because its input failed leaves the last good export as it was, and writes no file', async () => {
    const out = join(tmp, 'kept') + '/';
    expect((await run('--form', form, '--format', 'csv', '--out', out, ...files)).code).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((n) => [n, readFileSync(join(out, n), 'utf8')]));
    expect(Object.keys(before)).toHaveLength(2);
    // A shell glob that matched nothing arrives as its own text; a folder of refused files is the same case.
    const noMatch = await run('--form', form, '--format', 'csv', '--out', out, join(dir, 'none-*.json'));
    const allRefused = await run('--form', form, '--format', 'csv', '--out', out, join(dir, 'b-bare.json'), join(dir, 'e-syntax.json'));
    for (const r of [noMatch, allRefused]) {
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/nothing was exported, so no file was written/);
      expect(r.err).not.toMatch(/^wrote /m);
    }
    expect(noMatch.err).toContain('none-*.json');
    // Neither overwritten with headers only, nor a temporary file left beside them.
    expect(Object.fromEntries(readdirSync(out).map((n) => [n, readFileSync(join(out, n), 'utf8')]))).toEqual(before);
    const fresh = join(tmp, 'never-written.csv');
    expect((await run('--form', form, '--format', 'csv', '--out', fresh, join(dir, 'e-syntax.json'))).code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(join(tmp, 'never-written-groups.csv'))).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('an export with some responses refused still writes the others (the refusals are named)', async () => {
    const file = join(tmp, 'partial.csv');
    const r = await run('--form', form, '--format', 'csv', '--out', file, ...files, join(dir, 'e-syntax.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/e-syntax\.json/);
    expect(table(readFileSync(file, 'utf8')).map((w) => w._response_id)).toEqual(['a-1', 'a-2']);
  });

  it('external-agency leaves every sensitive answer out of every format', async () => {
    for (const format of ['json', 'ndjson', 'csv', 'fhir']) {
      const out = join(tmp, `ext-${format}`) + '/';
      const r = await run('--form', form, '--format', format, '--profile', 'external-agency', '--out', out, ...files);
      expect(r.code).toBe(0);
      let text = readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
      // The Questionnaire in a Bundle describes the form (sensitive questions included), not the person.
      if (format === 'fhir') text = JSON.stringify((JSON.parse(text) as { entry: Array<{ resource: { resourceType: string } }> }).entry.filter((e) => e.resource.resourceType !== 'Questionnaire')) + 'external-agency';
      expect(text).not.toContain('Secret Row');
      expect(text).toContain('external-agency');
      expect(text).not.toMatch(/safe_address|safeAddress|child_witnessed|childSeen|"harmed"|,harmed,/);
    }
  });

  it('masked writes the mask in CSV', async () => {
    const r = await run('--form', form, '--format', 'csv', '--profile', 'masked', files[0]!);
    expect(table(r.out)[0]).toMatchObject({ safe_address: MASK, harmed: MASK, _export_profile: 'masked' });
  });

  it('fhir without responses gives the Questionnaire; with responses a Bundle', async () => {
    const q = await run('--form', form, '--format', 'fhir');
    expect(q.code).toBe(0);
    expect(JSON.parse(q.out)).toMatchObject({ resourceType: 'Questionnaire', url: 'https://assessment-studio.example/fhir/Questionnaire/export-rich' });
    const b = await run('--form', form, '--format', 'fhir', '--fhir-base', 'urn:example:forms', ...files);
    const bundle = JSON.parse(b.out) as { entry: Array<{ resource: { resourceType: string; questionnaire?: string } }> };
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Questionnaire', 'QuestionnaireResponse', 'QuestionnaireResponse']);
    expect(bundle.entry[1]!.resource.questionnaire).toBe('urn:example:forms/Questionnaire/export-rich|1.1.0');
    expect(fhirErrors('Bundle', bundle)).toEqual([]);
  }, 60_000);

  it('codebook as CSV and Markdown', async () => {
    const csv = await run('--form', form, '--format', 'codebook');
    expect(table(csv.out).map((r) => r.code)).toContain('child_witnessed');
    const md = await run('--form', form, '--format', 'codebook', '--codebook-format', 'md');
    expect(md.out).toMatch(/^# Codebook: /);
    expect(md.out).toContain('| safe\\_address |');
  });
});

/** Every shipped form version, with its example responses (when the forms engineer has written them). */
function shippedForms(): Array<{ ref: string; file: string; responses: string[] }> {
  if (!existsSync(FORMS)) return [];
  const out: Array<{ ref: string; file: string; responses: string[] }> = [];
  for (const id of readdirSync(FORMS).filter((n) => !n.endsWith('.json')).sort()) {
    for (const name of readdirSync(join(FORMS, id)).filter((n) => n.endsWith('.json')).sort()) {
      const version = name.replace(/\.json$/, '');
      const dir = join(RESPONSES, id, version);
      const responses = existsSync(dir) ? readdirSync(dir).filter((n) => /^(valid|invalid)-.*\.json$/.test(n)).sort().map((n) => join(dir, n)) : [];
      out.push({ ref: `${id}/${version}`, file: join(FORMS, id, name), responses });
    }
  }
  return out;
}

describe('every shipped form, every format', () => {
  const forms = shippedForms();

  it('finds the shipped forms', () => {
    expect(forms.length).toBeGreaterThan(0);
  });

  it.each(forms.map((f) => [f.ref, f] as const))('%s', async (_ref, f) => {
    const dir = join(tmp, 'shipped', f.ref.replace('/', '-')) + '/';
    const loadedResult = loadDefinitionText(readFileSync(f.file, 'utf8'));
    if (!loadedResult.ok) throw new Error(`${f.ref} does not load`);
    const loaded: Definition = loadedResult.value;
    // A fixture the response reader refuses (a hostile key, another form) must be reported and left out.
    const hashes = [contentHash(loadedResult.raw)];
    const refused = f.responses.filter((file) => !loadResponseFor(readFileSync(file, 'utf8'), loaded, { file, acceptedHashes: hashes }).ok);
    const accepted = f.responses.filter((file) => !refused.includes(file));
    for (const file of refused) expect(file).not.toMatch(/\/valid-[^/]+$/);

    for (const format of ['json', 'ndjson', 'csv', 'fhir']) {
      for (const profile of ['full', 'external-agency', 'masked']) {
        if (f.responses.length === 0 && format !== 'fhir') continue;
        const out = join(dir, `${format}-${profile}`) + '/';
        const r = await run('--form', f.file, '--format', format, '--profile', profile, '--out', out, ...f.responses);
        for (const file of refused) expect(r.err).toContain(file);
        // Only where it wrote (issue 16: every command that writes says where).
        if (!refused.length) expect(lines(r.err).every((l) => l.startsWith('wrote '))).toBe(true);
        expect(r.code).toBe(refused.length ? 1 : 0);
      }
    }
    for (const cb of ['csv', 'md']) expect((await run('--form', f.file, '--format', 'codebook', '--codebook-format', cb, '--out', join(dir, 'codebook') + '/')).code).toBe(0);
    const stem = f.ref.replace('/', '-');
    if (accepted.length === 0) return;

    // JSON: the answers of each envelope read back unchanged.
    const exported = readFileSync(join(dir, 'json-full', `${stem}.json`), 'utf8');
    const parsed = (f.responses.length === 1 ? [JSON.parse(exported)] : JSON.parse(exported)) as ResponseEnvelope[];
    expect(parsed).toHaveLength(accepted.length);
    accepted.forEach((file, i) => {
      const source = JSON.parse(readFileSync(file, 'utf8')) as Partial<ResponseEnvelope> & Record<string, unknown>;
      if (!source.answers || !/\/valid-[^/]+$/.test(file)) return;
      // Computed values are always exported, computed from the answers.
      expect(parsed[i]!.answers).toEqual({ ...source.answers, ...computeValues(loaded, source.answers) });
    });

    // CSV: one row per response, and each valid response's simple answers read back.
    const definition = JSON.parse(readFileSync(f.file, 'utf8')) as { schema: { properties: Record<string, Record<string, unknown>> } };
    const rows = table(readFileSync(join(dir, 'csv-full', `${stem}.csv`), 'utf8'));
    expect(rows).toHaveLength(accepted.length);
    parsed.forEach((envelope, i) => {
      if (!/\/valid-[^/]+$/.test(accepted[i]!)) return;
      for (const [key, value] of Object.entries(envelope.answers)) {
        const prop = definition.schema.properties[key]!;
        const code = prop['x-code'] as string;
        const cell = rows[i]![code];
        if (typeof value === 'string') expect(unneutraliseCsvCell(cell!)).toBe(value);
        else if (typeof value === 'number') expect(Number(cell)).toBe(value);
        else if (typeof value === 'boolean') expect(cell).toBe(String(value));
        else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          for (const v of value) expect(rows[i]![`${code}__${v}`]).toBe('1');
        } else if (Array.isArray(value)) expect(Number(rows[i]![`${code}__count`])).toBe(value.length);
      }
    });

    // FHIR: the Bundle is valid R4.
    const bundle = JSON.parse(readFileSync(join(dir, 'fhir-masked', `${stem}.fhir.json`), 'utf8')) as { entry: unknown[] };
    expect(fhirErrors('Bundle', bundle)).toEqual([]);
    expect(bundle.entry).toHaveLength(accepted.length + 1);

    // external-agency: no sensitive answer's text leaves in any format.
    const sensitiveTexts = parsed.flatMap((envelope) =>
      Object.entries(envelope.answers)
        .filter(([key, v]) => {
          // Free text only: an option code, or a band's code (the AUDIT's zones), is also in the
          // Questionnaire, which describes the form, not the person.
          const prop = definition.schema.properties[key];
          return prop?.['x-sensitivity'] && !prop.oneOf && !prop.enum && !prop['x-computed'] && typeof v === 'string' && v.length > 12;
        })
        .map(([, v]) => v as string),
    );
    for (const format of ['json', 'ndjson', 'csv', 'fhir']) {
      const folder = join(dir, `${format}-external-agency`);
      const text = readdirSync(folder).map((n) => readFileSync(join(folder, n), 'utf8')).join('\n');
      for (const s of sensitiveTexts) expect(text).not.toContain(JSON.stringify(s).slice(1, -1));
    }
  }, 120_000);
});

describe('codebook across versions', () => {
  it('routine-enquiry 2.0.0: codes kept from 1.0.0 say 1.0.0, new ones 2.0.0', async () => {
    const file = join(FORMS, 'routine-enquiry/2.0.0.json');
    if (!existsSync(join(FORMS, 'routine-enquiry/1.0.0.json'))) throw new Error('routine-enquiry 1.0.0 is a shipped form');
    const rows = table((await run('--form', file, '--format', 'codebook')).out);
    const introduced = new Set(rows.map((r) => r.introduced_in));
    expect(introduced).toEqual(new Set(['1.0.0', '2.0.0']));
    expect(rows.find((r) => r.code === 'safe_to_talk')?.introduced_in).toBe('1.0.0');
  });
});

/** The fixtures as envelopes of the form: bare answers wrapped (fixed times), envelopes as they are. */
function asEnvelopes(f: { ref: string; file: string; responses: string[] }): string[] {
  const raw = JSON.parse(readFileSync(f.file, 'utf8')) as { id: string; version: string };
  const dir = join(tmp, 'wrapped', f.ref.replace('/', '-'));
  mkdirSync(dir, { recursive: true });
  const at = '2026-11-25T10:00:00Z';
  return f.responses.map((file) => {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (['responseId', 'form', 'answers'].some((k) => Object.hasOwn(value, k))) return file;
    const name = file.split('/').pop()!;
    const envelope = { responseId: name.replace(/\.json$/, ''), form: { id: raw.id, version: raw.version, sha256: contentHash(raw) }, status: 'completed', startedAt: at, updatedAt: at, completedAt: at, answers: value };
    writeFileSync(join(dir, name), JSON.stringify(envelope, null, 2));
    return join(dir, name);
  });
}

describe('export --validate', () => {
  it.each(shippedForms().filter((f) => f.responses.length).map((f) => [f.ref, f] as const))('%s: refuses each invalid fixture with its expected problems, exports the valid ones', async (_ref, f) => {
    const expectedFile = join(RESPONSES, f.ref, 'expected.json');
    const expected = (existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {}) as Record<string, Array<{ code: string; path: string }>>;
    // Export takes envelopes only (issue 19): the bare-answer fixtures are wrapped first, as a host would send them.
    const r = await run('--form', f.file, '--format', 'ndjson', '--validate', ...asEnvelopes(f));
    const exported = r.out.trim() ? r.out.trim().split('\n').map((l) => (JSON.parse(l) as ResponseEnvelope).responseId) : [];
    for (const file of f.responses) {
      const name = file.split('/').pop()!;
      if (/^valid-/.test(name)) {
        expect(r.err).not.toContain(name);
        continue;
      }
      expect(exported).not.toContain(name.replace(/\.json$/, ''));
      for (const p of expected[name] ?? []) expect(r.err).toContain(`${p.code} `);
      // The answer's pointer, or (when --validate locates it in the file) its pointer in the envelope.
      for (const p of expected[name] ?? []) if (p.path) expect(r.err.includes(`(at ${p.path})`) || r.err.includes(`(at /answers${p.path})`)).toBe(true);
    }
    expect(r.code).toBe(f.responses.some((file) => !/\/valid-[^/]+$/.test(file)) ? 1 : 0);
    expect(exported.length).toBe(f.responses.filter((file) => /\/valid-[^/]+$/.test(file)).length);
  });
});

describe('the built command line (dist/node/cli.js)', () => {
  const cli = join(root, 'dist/node/cli.js');
  const forms = shippedForms();

  it.each(forms.map((f) => [f.ref, f] as const))('%s: every format to stdout', (_ref, f) => {
    // `npm test` builds first; a bare `vitest run` builds here if the file is missing.
    if (!existsSync(cli)) spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
    const valid = f.responses.filter((file) => /\/valid-[^/]+$/.test(file));
    const exec = (...args: string[]) => spawnSync(process.execPath, [cli, 'export', '--form', f.file, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
    for (const format of ['json', 'ndjson', 'csv', 'fhir']) {
      if (!valid.length && format !== 'fhir') continue;
      const r = exec('--format', format, ...valid);
      expect(r.status).toBe(0);
      if (format === 'csv') expect(table(r.stdout)).toHaveLength(valid.length);
      else if (format === 'ndjson') expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toHaveLength(valid.length);
      else expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    }
    const md = exec('--format', 'codebook', '--codebook-format', 'md');
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Codebook: /);
    const bad = exec('--format', 'csv', '--profile', 'nobody', ...valid);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage:');
  }, 120_000);
});

describe('the export benchmark script', () => {
  it('runs on a small count and prints its figures (no timing is asserted)', () => {
    const r = spawnSync(process.execPath, ['--expose-gc', 'test/bench/export-csv.bench.mjs', '--count', '1000'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/baseline JSON\.stringify per line +[\d,]+ responses\/s/);
    expect(r.stdout).toMatch(/csvRows \(wide file\) +[\d,]+ responses\/s .* live heap at 10%…100%: /);
    expect(r.stdout).toMatch(/quoting only, 60-column rows: encodeRows [\d,]+ rows\/s, csv-stringify [\d,]+ rows\/s/);
  }, 120_000);
});
