import { resolve } from 'node:path';
import {
  contentHash,
  limits,
  parseJsonText,
  printable,
  problemsFromZod,
  publishedContentHash,
  rangeOfPointer,
  recordedHash,
  responseEnvelopeSchema,
  tryCompileValidator,
  validateResponse,
  withPositions,
  type CompiledValidator,
  type Definition,
  type Problem,
} from '../../core/index';
import { definitionLocation, displayPath, readDefinitionFile, readPublishedRecord, readTextFile } from '../disk';
import { parseFormatArgs, UsageError, type CliIo, type Command } from './command';
import type { FileProblem } from './lint';


function located(file: string, p: Problem, position?: { line: number; column: number }): FileProblem {
  return { file, line: p.line ?? position?.line ?? 1, column: p.column ?? position?.column ?? 1, severity: p.severity, code: p.code, message: p.message, path: p.path };
}

/**
 * Read and load a definition file anywhere; inside `form-definitions/<id>/`, a published or retired
 * version must also match the hash recorded in `form-definitions/published.json`.
 */
export async function loadDefinitionFile(file: string): Promise<{ definition?: Definition; raw?: unknown; problems: Problem[]; locate: (problems: Problem[]) => Problem[] }> {
  const loaded = await readDefinitionFile(file);
  // Problems found later (schema safety, compiling) carry pointers; this gives them a line and column.
  const locate = (problems: Problem[]) => (loaded.doc ? withPositions(problems, loaded.doc) : problems);
  if (!loaded.ok) return { problems: firstSyntaxError(loaded.problems), locate };
  const problems = await publishedHashProblems(file, loaded.value, loaded.raw);
  return { definition: loaded.value, raw: loaded.raw, problems: locate(problems), locate };
}

async function publishedHashProblems(file: string, definition: Definition, raw: unknown): Promise<Problem[]> {
  const location = definitionLocation(file);
  if (!location || definition.status === 'draft') return [];
  const record = await readPublishedRecord(location.root);
  if (!record.ok) return record.problems;
  const recorded = recordedHash(record.value, definition.id, definition.version);
  const key = `${definition.id}/${definition.version}`;
  if (recorded === undefined) {
    return [{ code: 'hash-unrecorded', severity: 'error', message: `${key} says it is ${definition.status} but form-definitions/published.json records no hash for it.`, path: '/status', source: 'load' }];
  }
  if (publishedContentHash(raw) !== recorded) {
    return [{ code: 'hash-mismatch', severity: 'error', message: `${key} has been changed since it was published; published versions never change: make a new version.`, path: '', source: 'load' }];
  }
  return [];
}

/** Validate one response file (an envelope or bare answers) against a loaded definition. */
export async function validateResponseFile(file: string, definition: Definition, raw: unknown, validator: CompiledValidator): Promise<Array<{ problem: Problem; line?: number; column?: number }>> {
  const text = await readTextFile(file, limits.responseBytes);
  if (!text.ok) return text.problems.map((problem) => ({ problem }));
  const parsed = parseJsonText(text.value, limits.responseBytes);
  if (!parsed.ok) return firstSyntaxError(parsed.problems).map((problem) => ({ problem }));
  const { value, doc } = parsed.value;
  const at = (pointer: string) => rangeOfPointer(doc, pointer);

  let answers: unknown = value;
  let base = '';
  const problems: Problem[] = [];
  if (isEnvelope(value)) {
    const checked = responseEnvelopeSchema.safeParse(value);
    if (!checked.success) return problemsFromZod(checked.error, 'response-invalid', 'response').map((problem) => ({ problem, ...at(problem.path) }));
    const form = checked.data.form;
    if (form.id !== definition.id || form.version !== definition.version) {
      problems.push({ code: 'response-form-mismatch', severity: 'error', message: `The response was made with ${form.id} ${form.version}, not ${definition.id} ${definition.version}.`, path: '/form', source: 'response' });
    } else if (form.sha256 !== contentHash(raw)) {
      problems.push({ code: 'response-form-mismatch', severity: 'error', message: `The response was made with other content of ${form.id} ${form.version} (its sha256 differs).`, path: '/form/sha256', source: 'response' });
    }
    answers = checked.data.answers;
    base = '/answers';
  }
  const out = problems.map((problem) => ({ problem, ...at(problem.path) }));
  for (const problem of validateResponse(definition, answers, { validator })) out.push({ problem, ...at(base + problem.path) });
  return out;
}

/** A malformed file is one line: the first syntax error; later ones are usually its echoes. */
function firstSyntaxError(problems: Problem[]): Problem[] {
  return problems.length > 1 && problems.every((p) => p.code === 'json-syntax') ? problems.slice(0, 1) : problems;
}

/** A response envelope, as opposed to bare answers (which could hold a question named `answers`). */
function isEnvelope(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return ['answers', 'form', 'responseId'].every((k) => Object.prototype.hasOwnProperty.call(value, k));
}

/**
 * `file: path message`, one line whatever the file name, pointer or message holds; a problem of
 * the whole file has no path, a syntax error says where.
 */
export function validateLine(p: FileProblem): string {
  const where = p.path === '' && p.code === 'json-syntax' ? ` (line ${p.line}, column ${p.column})` : '';
  return printable(`${p.file}: ${p.path ? p.path + ' ' : ''}${p.message.replace(/\s+/g, ' ')}${where}`);
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'assessment-studio validate [--format text|json] <definition.json> <response.json...>',
  flags: { format: 'string' },
  async run(args: string[], io: CliIo) {
    const parsed = parseFormatArgs(this, args, io, (given) => {
      if (given.length < 2) throw new UsageError(given.length === 0 ? 'expected a definition and at least one response file' : 'expected at least one response file');
      return given;
    });
    if (!parsed) return 2;
    const { format, operands } = parsed;
    const [definitionFile, ...responseFiles] = (operands as string[]).map((f) => resolve(io.cwd, f)) as [string, ...string[]];
    const shown = (file: string) => displayPath(file, io.cwd);
    const results: FileProblem[] = [];
    const loaded = await loadDefinitionFile(definitionFile);
    results.push(...loaded.problems.map((p) => located(shown(definitionFile), p)));
    if (loaded.definition) {
      const compiled = tryCompileValidator(loaded.definition);
      if (!compiled.ok) results.push(...loaded.locate(compiled.problems).map((p) => located(shown(definitionFile), p)));
      else {
        for (const file of responseFiles) {
          const found = await validateResponseFile(file, loaded.definition, loaded.raw, compiled.value);
          results.push(...found.map(({ problem, line, column }) => located(shown(file), problem, line === undefined ? undefined : { line, column: column ?? 1 })));
        }
      }
    }
    if (format === 'json') io.out(JSON.stringify(results));
    else for (const p of results) io.out(validateLine(p));
    return results.some((p) => p.severity === 'error') ? 1 : 0;
  },
};
