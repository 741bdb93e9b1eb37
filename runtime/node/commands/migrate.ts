import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  createMigrator, limits, parseResponseText, printable, publishedContentHash,
  type MigrationReport, type MigrationResult, type Problem, type ResponseEnvelope,
} from '../../core/index';
import { displayPath, readTextFile, writeFileAtomic } from '../disk';
import { parseArgs, usageError, UsageError, type CliIo, type Command } from './command';
import { outTarget } from './out-path';
import { loadDefinitionFile } from './validate';

/**
 * `assessment-studio migrate --from <def> --to <def> [--out <folder>] <response…>`: each response
 * moved to the new version with its report (docs/versions.md). Output goes to stdout as one JSON
 * array, or to `<out>/<name>.json` plus `<out>/<name>.report.json`; an input file is never written.
 * Exit 0 when every response was migrated (answers not carried are in the reports), 1 when a
 * file could not be read or a response was made against another form, 2 for bad arguments.
 */
export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'assessment-studio migrate --from <old-definition.json> --to <new-definition.json> [--out <folder> [--force]] <response.json...>',
  flags: { from: 'string', to: 'string', out: 'string', force: 'boolean' },
  async run(args: string[], io: CliIo) {
    let fromFile: string;
    let toFile: string;
    let out: string | undefined;
    let inputs: string[];
    try {
      const parsed = parseArgs(this, args);
      if (typeof parsed.flags.from !== 'string' || typeof parsed.flags.to !== 'string') throw new UsageError('--from and --to are both needed');
      if (parsed.operands.length === 0) throw new UsageError('expected at least one response file');
      fromFile = resolve(io.cwd, parsed.flags.from);
      toFile = resolve(io.cwd, parsed.flags.to);
      out = typeof parsed.flags.out === 'string' ? await outTarget(parsed.flags.out, io.cwd, parsed.flags.force === true) : undefined;
      inputs = parsed.operands.map((f) => resolve(io.cwd, f));
      if (out) checkTargets(out, inputs, [fromFile, toFile]);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      usageError(io, this, e);
      return 2;
    }
    const shown = (file: string) => displayPath(file, io.cwd);
    const from = await loadDefinitionFile(fromFile);
    const to = await loadDefinitionFile(toFile);
    for (const [file, l] of [[fromFile, from], [toFile, to]] as const) for (const p of l.problems) io.err(problemLine(shown(file), p));
    if (!from.definition || !to.definition) return 1;
    const hashes = { fromHash: publishedContentHash(from.raw), toHash: publishedContentHash(to.raw) };
    const migrate = createMigrator(from.definition, to.definition, hashes);

    let failed = false;
    const results: Array<{ file: string; response: unknown; report: MigrationReport }> = [];
    for (const file of inputs) {
      const migrated = await migrateFile(file, migrate);
      if (!migrated.ok) {
        failed = true;
        for (const p of migrated.problems) io.err(problemLine(shown(file), p));
        continue;
      }
      const { response, report } = migrated;
      for (const p of report.problems) io.err(problemLine(shown(file), p));
      if (report.problems.some((p) => p.severity === 'error')) failed = true;
      results.push({ file: shown(file), response, report });
      if (out) {
        await mkdir(out, { recursive: true });
        const [target, reportTarget] = targetsFor(out, file);
        await writeFileAtomic(target, JSON.stringify(response, null, 2) + '\n');
        await writeFileAtomic(reportTarget, JSON.stringify(report, null, 2) + '\n');
        io.out(printable(`${shown(file)} → ${shown(target)}: ${report.carried.length} carried, ${report.notCarried.length} not carried, ${report.nowRequired.length} now required${report.reopened ? ', in progress again' : ''} (report: ${shown(reportTarget)})`));
      }
    }
    if (!out) io.out(JSON.stringify(results, null, 2));
    return failed ? 1 : 0;
  },
};

type Migrated = { ok: true; response: unknown; report: MigrationReport } | { ok: false; problems: Problem[] };

/** One response file: an envelope of the `--from` version, migrated whole; anything else is refused. */
async function migrateFile(file: string, migrate: (r: ResponseEnvelope) => MigrationResult): Promise<Migrated> {
  const text = await readTextFile(file, limits.responseBytes);
  if (!text.ok) return { ok: false, problems: text.problems };
  // Core's one reader of response files: bare answers or any other JSON is `response-not-envelope`
  // (migrating them once meant inventing an identity and times for them).
  const parsed = parseResponseText(text.value);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.slice(0, 3) };
  return { ok: true, ...migrate(parsed.value) };
}

function targetsFor(out: string, file: string): [string, string] {
  const name = basename(file).replace(/\.json$/i, '');
  return [join(out, `${name}.json`), join(out, `${name}.report.json`)];
}

/** Refuse before writing anything: an output that would overwrite an input, or two inputs sharing a name. */
function checkTargets(out: string, inputs: string[], definitions: string[]): void {
  const protectedFiles = new Set([...inputs, ...definitions]);
  const seen = new Set<string>();
  for (const file of inputs) {
    for (const target of targetsFor(out, file)) {
      if (protectedFiles.has(target)) throw new UsageError(`--out ${out} would overwrite the input ${target}; choose another folder`);
      if (seen.has(target)) throw new UsageError(`two responses would both be written to ${target}; migrate them separately`);
      seen.add(target);
    }
  }
}

/** Definition problems name a line; response problems name the answer's pointer, as `validate` does. */
function problemLine(file: string, p: Problem): string {
  const where = p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : `${file}: ${p.path || '(whole file)'}`;
  return printable(`${where} ${p.severity} ${p.code} ${p.message.replace(/\s+/g, ' ')}`);
}
