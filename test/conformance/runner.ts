import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileSchema, createAjv, runValidator, type CompiledValidator } from '../../runtime/core/index';

/**
 * Runs the official JSON-Schema-Test-Suite (draft 2020-12) through the product's own AJV settings
 * (`createAjv`: linear-time patterns, formats asserted, `time` accepting HH:MM). Remote references are
 * served from the suite's `remotes/` by registering each file under its URL; nothing is fetched.
 */
// A copy of the suite is kept in the repository (test/conformance/suite, see its SOURCE.txt) so CI on a
// bare machine runs it too.
export const SUITE = process.env.JSON_SCHEMA_TEST_SUITE ?? join(import.meta.dirname, 'suite');
const TESTS = join(SUITE, 'tests/draft2020-12');
const REMOTES = join(SUITE, 'remotes');
const REMOTE_BASE = 'http://localhost:1234/';

/** Optional format files we assert (a documented departure from 2020-12's annotation-only default). */
export const ASSERTED_FORMAT_FILES = ['optional/format/date.json', 'optional/format/time.json', 'optional/format/date-time.json', 'optional/format/email.json'];

export type Outcome = 'pass' | 'fail' | 'unsupported' | 'crash';
export interface CaseResult {
  id: string;
  file: string;
  group: string;
  outcome: Outcome;
  detail?: string;
}

interface SuiteTest {
  description: string;
  data: unknown;
  valid: boolean;
}
interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: SuiteTest[];
}

let remotes: Array<{ url: string; schema: unknown }> | undefined;
function loadRemotes(): Array<{ url: string; schema: unknown }> {
  if (remotes) return remotes;
  const out: Array<{ url: string; schema: unknown }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) out.push({ url: REMOTE_BASE + relative(REMOTES, path).split('\\').join('/'), schema: JSON.parse(readFileSync(path, 'utf8')) });
    }
  };
  walk(REMOTES);
  return (remotes = out);
}

export function requiredFiles(): string[] {
  return readdirSync(TESTS).filter((n) => n.endsWith('.json')).sort();
}

let shared: ReturnType<typeof createAjv> | undefined;
/**
 * One AJV, emptied before each group (groups reuse each other's `$id`s); building a fresh one per
 * group costs most of the run.
 */
function ajvFor(schema: unknown) {
  const ajv = (shared ??= createAjv());
  ajv.removeSchema();
  if (JSON.stringify(schema).includes('localhost:1234')) {
    for (const remote of loadRemotes()) {
      try {
        ajv.addSchema(remote.schema as object, remote.url);
      } catch {
        // Remotes written for older drafts (draft 4–7 meta-schemas) are not 2020-12 schemas; the 2020-12 tests never need them.
      }
    }
  }
  return ajv;
}

export function runFile(file: string): CaseResult[] {
  const groups = JSON.parse(readFileSync(join(TESTS, file), 'utf8')) as SuiteGroup[];
  const results: CaseResult[] = [];
  for (const group of groups) {
    let validate: CompiledValidator | undefined;
    let compileError: string | undefined;
    // As validation compiles a definition's schema: strict mode and the `x-` vocabulary included.
    const compiled = compileSchema(ajvFor(group.schema), group.schema as Record<string, unknown>);
    if (compiled.ok) validate = compiled.value;
    // AJV's own words where it refused, so the listing says what AJV said.
    else compileError = `schema does not compile: ${compiled.problems.map((p) => p.message.replace(/^The schema cannot be compiled for validation: /, '')).join(' ')}`;
    for (const test of group.tests) {
      const id = `${file} › ${group.description} › ${test.description}`;
      const base = { id, file, group: group.description };
      if (!validate) {
        results.push({ ...base, outcome: 'unsupported', detail: compileError });
        continue;
      }
      // The same guard validateResponse runs behind: a validator that throws becomes a problem.
      let run: ReturnType<typeof runValidator>;
      try {
        run = runValidator(validate, test.data);
      } catch (e) {
        results.push({ ...base, outcome: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
        continue;
      }
      if (!run.ok) results.push({ ...base, outcome: 'unsupported', detail: `${run.problem.code}: ${run.problem.message}` });
      else if (run.valid === test.valid) results.push({ ...base, outcome: 'pass' });
      else results.push({ ...base, outcome: 'fail', detail: `expected ${test.valid ? 'valid' : 'invalid'}, got ${run.valid ? 'valid' : 'invalid'}` });
    }
  }
  return results;
}

export function runRequired(): CaseResult[] {
  return requiredFiles().flatMap(runFile);
}

export function runAssertedFormats(): CaseResult[] {
  return ASSERTED_FORMAT_FILES.flatMap(runFile);
}
