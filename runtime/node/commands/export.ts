import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  codebook, codebookCsv, codebookMarkdown, contentHash, csvWriter, exporters, exportResponse, isExportProfile,
  exportProfiles, limits, loadResponseFor, questionnaireFromDefinition, streamChunks,
  positioned, printable, validateResponse, withPositions, type Definition, type ExportProfileName, type Problem, type ResponseEnvelope,
} from '../../core/index';
import { readDefinitionFile, readTextFile } from '../disk';
import { parseArgs, usageError, UsageError, type CliIo, type Command } from './command';
import { outTarget } from './out-path';
import { Outputs } from './export-output';
import { openExportStore, storedResponses } from './export-store';

const formats = ['json', 'ndjson', 'csv', 'fhir', 'codebook'] as const;
type Format = (typeof formats)[number];

const usage =
  'assessment-studio export --form <definition.json> --format json|ndjson|csv|fhir|codebook ' +
  '[--profile full|external-agency|masked] [--validate] [--codebook-format csv|md] [--fhir-base URL] [--out <folder or file> [--force]] <responses or folders…> | --from-store';

/**
 * `export`: responses of one form version to JSON, NDJSON, CSV, FHIR R4 or its codebook
 * (docs/exports.md). Responses are read one file at a time and written as they come, so memory
 * stays flat; a malformed or mismatched response is reported on stderr by file, line and pointer
 * and left out, the others are still exported. Exit code 0 when every response was exported,
 * 1 when any was refused (or the definition is unreadable), 2 for bad arguments.
 */
const flags = {
  form: 'string', format: 'string', profile: 'string', 'codebook-format': 'string', 'fhir-base': 'string', out: 'string',
  validate: 'boolean', force: 'boolean', 'from-store': 'boolean',
} as const;

export const exportCommand: Command = {
  name: 'export',
  usage,
  flags,
  async run(args, io) {
    let opts: Options;
    try {
      opts = readOptions(args);
      if (opts.out !== undefined) opts.out = await outTarget(opts.out, io.cwd, opts.force);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      usageError(io, this, e);
      return 2;
    }
    const form = await loadForm(opts.form, io);
    if (!form) return 1;
    if (opts.fromStore) return exportFromStore(opts, form, io);
    const files = await expandOperands(opts.operands, io);
    if (files === undefined) return 1;
    const state = { refused: 0, exported: 0 };
    const responses = readResponses(files.list, form, io, state, opts.validate);
    const outputs = new Outputs(io, opts.out, `${form.definition.id}-${form.definition.version}`);
    const failed = () => state.refused > 0 || files.failed;
    // Responses were given and none could be read: a file of headers only would stand in for the export.
    const nothingRead = () => state.exported === 0 && failed();
    let keep = false;
    try {
      await write(opts, form, files.list.length, responses, outputs, io);
      keep = !nothingRead();
    } finally {
      const unwritten = await outputs.close(keep);
      if (unwritten && nothingRead()) io.err('nothing was exported, so no file was written (a file already there is unchanged).');
    }
    if (state.refused && state.exported) io.err(`${state.refused} of ${files.list.length} response file(s) refused; the others were exported.`);
    return failed() ? 1 : 0;
  },
};

async function exportFromStore(opts: Options, form: Form, io: CliIo): Promise<number> {
  const store = await openExportStore(io);
  if (!store) return 1;
  try {
    const state = { refused: 0, exported: 0 };
    const outputs = new Outputs(io, opts.out, `${form.definition.id}-${form.definition.version}`);
    let keep = false;
    try {
      // Always an array for JSON: how many the store holds is known only once they are read.
      await write(opts, form, Number.POSITIVE_INFINITY, storedResponses(store, form, io, state), outputs, io);
      keep = true;
    } finally {
      await outputs.close(keep);
    }
    await store.recordExport({ actor: 'local' }, {
      form: { id: form.definition.id, version: form.definition.version },
      format: opts.format,
      profile: opts.profile,
      count: state.exported,
      ...(opts.out !== undefined ? { destination: opts.out } : {}),
    });
    io.err(`exported ${state.exported} stored response(s) of ${form.definition.id} ${form.definition.version}; recorded in the store's audit`);
    if (state.refused) io.err(`${state.refused} stored response(s) made with other content of the version were left out.`);
    return state.refused ? 1 : 0;
  } finally {
    await store.close();
  }
}

interface Options {
  fromStore: boolean;
  form: string;
  validate: boolean;
  /** Write with `--out` outside the working folder. */
  force: boolean;
  format: Format;
  profile: ExportProfileName;
  codebookFormat: 'csv' | 'md';
  fhirBase?: string;
  out?: string;
  operands: string[];
}

interface Form {
  definition: Definition;
  file: string;
  hashes: string[];
}

function readOptions(args: string[]): Options {
  const { flags: given, operands } = parseArgs({ flags }, args);
  const fromStore = given['from-store'] === true;
  const form = given.form;
  if (typeof form !== 'string') throw new UsageError('--form <definition.json> is required');
  const format = given.format;
  if (typeof format !== 'string' || !(formats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  const profile = given.profile ?? 'full';
  if (typeof profile !== 'string' || !isExportProfile(profile)) throw new UsageError(`--profile must be one of ${exportProfiles.join(', ')}`);
  const codebookFormat = given['codebook-format'] ?? 'csv';
  if (codebookFormat !== 'csv' && codebookFormat !== 'md') throw new UsageError('--codebook-format must be csv or md');
  if (given['codebook-format'] !== undefined && format !== 'codebook') throw new UsageError('--codebook-format goes with --format codebook');
  if (fromStore && operands.length) throw new UsageError('--from-store takes no response files: it exports what the store holds');
  if (fromStore && (format === 'codebook' || given.validate !== undefined)) throw new UsageError('--from-store goes with json, ndjson, csv or fhir (stored responses were validated when submitted)');
  if (!fromStore && (format === 'json' || format === 'ndjson' || format === 'csv') && operands.length === 0) throw new UsageError('no response files given');
  if (format === 'codebook' && operands.length) throw new UsageError('a codebook takes no response files');
  const fhirBase = given['fhir-base'];
  if (fhirBase !== undefined && (typeof fhirBase !== 'string' || !/^(https?:\/\/|urn:)\S+$/.test(fhirBase))) throw new UsageError('--fhir-base must be an http(s) URL or a urn');
  return {
    fromStore, form, format: format as Format, profile, codebookFormat, operands, validate: given.validate === true, force: given.force === true,
    ...(typeof fhirBase === 'string' ? { fhirBase } : {}),
    ...(typeof given.out === 'string' ? { out: given.out } : {}),
  };
}

async function loadForm(file: string, io: CliIo): Promise<Form | undefined> {
  const loaded = await readDefinitionFile(resolve(io.cwd, file));
  if (!loaded.ok) {
    report(io, file, loaded.problems);
    return undefined;
  }
  // The file's hash is what published.json records and hosts stamp on responses; the parsed
  // envelope's (defaults filled in) is accepted too, for runtimes that hash what they loaded.
  return { definition: loaded.value, file, hashes: [...new Set([contentHash(loaded.raw), contentHash(loaded.value)])] };
}

/** Files given, folders expanded to their `*.json` files (sorted, not recursive). */
async function expandOperands(operands: string[], io: CliIo): Promise<{ list: string[]; failed: boolean } | undefined> {
  const list: string[] = [];
  let failed = false;
  for (const operand of operands) {
    try {
      if ((await stat(resolve(io.cwd, operand))).isDirectory()) {
        const names = (await readdir(resolve(io.cwd, operand))).filter((n) => n.endsWith('.json')).sort();
        list.push(...names.map((n) => join(operand, n)));
      } else list.push(operand);
    } catch (e) {
      io.err(printable(`${operand}: error file-unreadable The file could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`));
      failed = true;
    }
  }
  return { list, failed };
}

async function* readResponses(files: string[], form: Form, io: CliIo, state: { refused: number; exported: number }, validate: boolean): AsyncGenerator<ResponseEnvelope> {
  for (const file of files) {
    // Core's one decoder: a response in UTF-16, with a BOM or bad bytes is refused as a definition would be.
    const read = await readTextFile(resolve(io.cwd, file), limits.responseBytes);
    if (!read.ok) {
      report(io, file, read.problems);
      state.refused++;
      continue;
    }
    const text = read.value;
    let loaded: ReturnType<typeof loadResponseFor>;
    try {
      loaded = loadResponseFor(text, form.definition, { file, acceptedHashes: form.hashes });
    } catch (e) {
      // A bug on some hostile input must cost one file, not the whole export.
      loaded = { ok: false, problems: [{ code: 'response-invalid', severity: 'error', message: `The file could not be read as a response (${(e as Error).message}).`, path: '' }] };
    }
    if (loaded.ok && validate) {
      // An in-progress response may lack required answers; anything else wrong with it is refused.
      const response = loaded.value;
      const problems = validateResponse(form.definition, response.answers)
        .filter((p) => p.severity === 'error' && !(response.status === 'in-progress' && p.code === 'answer-required'))
        .map((p) => ({ ...p, path: `/answers${p.path}` }));
      if (problems.length) loaded = { ok: false, problems: withPositions(problems, positioned(text)) };
    }
    if (!loaded.ok) {
      report(io, file, loaded.problems);
      state.refused++;
      continue;
    }
    state.exported++;
    yield loaded.value;
  }
}

async function write(opts: Options, form: Form, fileCount: number, responses: AsyncGenerator<ResponseEnvelope>, outputs: Outputs, io: CliIo): Promise<void> {
  const { definition } = form;
  const exportOptions = { profile: opts.profile, ...(opts.fhirBase ? { fhirBase: opts.fhirBase } : {}) };
  switch (opts.format) {
    case 'json': {
      const out = await outputs.main('.json');
      // One file given: the envelope itself. Several: a JSON array of envelopes.
      if (fileCount === 1) {
        for await (const r of responses) await out.write(JSON.stringify(exportResponse(definition, r, exportOptions), null, 2) + '\n');
        return;
      }
      for await (const chunk of streamChunks(exporters.json.writer(definition, exportOptions), responses)) await out.write(chunk);
      return;
    }
    case 'ndjson': {
      const out = await outputs.main('.ndjson');
      for await (const chunk of streamChunks(exporters.ndjson.writer(definition, exportOptions), responses)) await out.write(chunk);
      return;
    }
    case 'csv': {
      const writer = csvWriter(definition, exportOptions);
      const out = await outputs.main('.csv');
      const long = writer.layout.groups.length ? await outputs.sibling('-groups.csv') : undefined;
      if (writer.layout.groups.length && !long) io.err('note: repeatable groups go to a second file; give --out <folder or file.csv> to write it.');
      await out.write(writer.headers.wide);
      await long?.write(writer.headers.long);
      for await (const r of responses) {
        const chunk = writer.add(r);
        if (chunk.wide) await out.write(chunk.wide);
        if (chunk.long) await long?.write(chunk.long);
      }
      const rest = writer.flush();
      if (rest.wide) await out.write(rest.wide);
      if (rest.long) await long?.write(rest.long);
      return;
    }
    case 'fhir': {
      const out = await outputs.main('.fhir.json');
      if (opts.operands.length === 0 && !opts.fromStore) {
        await out.write(JSON.stringify(questionnaireFromDefinition(definition, exportOptions), null, 2) + '\n');
        return;
      }
      for await (const chunk of streamChunks(exporters.fhir.writer(definition, exportOptions), responses)) await out.write(chunk);
      return;
    }
    case 'codebook': {
      const out = await outputs.main(opts.codebookFormat === 'md' ? '-codebook.md' : '-codebook.csv');
      const entries = codebook(definition, await history(form));
      await out.write(opts.codebookFormat === 'md' ? codebookMarkdown(definition, entries) : codebookCsv(entries));
      return;
    }
  }
}

/** Earlier versions of the form beside the definition file, for the codebook's "introduced in". */
async function history(form: Form): Promise<Definition[]> {
  const folder = dirname(form.file);
  const out: Definition[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.json') && join(folder, n) !== form.file);
  } catch {
    return out;
  }
  for (const name of names) {
    // An unreadable sibling only means an older "introduced in" may be missed.
    const loaded = await readDefinitionFile(join(folder, name));
    if (loaded.ok && loaded.value.id === form.definition.id) out.push(loaded.value);
  }
  return out;
}

function report(io: CliIo, file: string, problems: Problem[]): void {
  for (const p of problems) {
    io.err(printable(`${file}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${p.code} ${p.message.replace(/\s+/g, ' ')}${p.path ? ` (at ${p.path})` : ''}`));
  }
}
