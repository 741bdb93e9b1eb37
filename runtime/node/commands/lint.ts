import { lintText, printable, type Definition, type LintContext, type Problem, type PublishedRecord, type Result } from '../../core/index';
import {
  definitionLocation,
  displayPath,
  findDefinitionFiles,
  isPublishedRecordFile,
  publishedRecordPath,
  readDefinitionFile,
  readPublishedRecord,
  siblingVersionFiles,
  FORM_DEFINITIONS,
} from '../disk';
import { dirname } from 'node:path';
import { parseFormatArgs, type CliIo, type Command } from './command';

/** One problem of one file, as both output formats carry it. */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  severity: Problem['severity'];
  code: string;
  message: string;
  path: string;
}

export function fileProblem(file: string, p: Problem): FileProblem {
  return { file, line: p.line ?? 1, column: p.column ?? 1, severity: p.severity, code: p.code, message: p.message, path: p.path };
}

/** `file:line:column severity code message`, one line, whatever the file name or message holds. */
export function problemLine(p: FileProblem): string {
  return `${printable(p.file)}:${p.line}:${p.column} ${p.severity} ${p.code} ${printable(p.message.replace(/\s+/g, ' '))}`;
}

/**
 * Lint definition files on disk. Files inside `form-definitions/<id>/` also get their folder,
 * file name, published record and previous version as context. Pure of output: returns problems.
 */
export async function lintFiles(operands: string[], cwd: string): Promise<{ problems: FileProblem[]; files: number }> {
  const found = await findDefinitionFiles(operands, cwd);
  const problems: FileProblem[] = found.missing.map(({ file, problem }) => fileProblem(displayPath(file, cwd), problem));
  const records = new Map<string, Result<PublishedRecord>>();
  for (const file of found.files) {
    const shown = displayPath(file, cwd);
    if (isPublishedRecordFile(file)) {
      // Named on the command line: it is not a definition, but it can still be checked.
      const record = await readPublishedRecord(dirname(file));
      problems.push(...record.problems.map((p) => fileProblem(shown, p)));
      continue;
    }
    const loaded = await readDefinitionFile(file);
    if (loaded.text === undefined) {
      problems.push(...loaded.problems.map((p) => fileProblem(shown, p)));
      continue;
    }
    const context = await contextFor(file, records, (root, record) => {
      problems.push(...record.problems.map((p) => fileProblem(displayPath(publishedRecordPath(root), cwd), p)));
    });
    problems.push(...firstSyntaxError(lintText(loaded.text, context)).map((p) => fileProblem(shown, p)));
  }
  return { problems, files: found.files.length };
}

/** A malformed file gets one clear line: after the first syntax error the parser's guesses add only noise. */
function firstSyntaxError(problems: Problem[]): Problem[] {
  const first = problems.findIndex((p) => p.code === 'json-syntax');
  return first === -1 ? problems : problems.filter((p, i) => p.code !== 'json-syntax' || i === first);
}

/** The lint context of a file: folder, version and record when it sits in `form-definitions/<id>/`. */
export async function contextFor(
  file: string,
  records: Map<string, Result<PublishedRecord>>,
  onBadRecord: (root: string, record: Result<PublishedRecord>) => void = () => {},
): Promise<Omit<LintContext, 'raw'>> {
  const location = definitionLocation(file);
  if (!location) return { file };
  let record = records.get(location.root);
  if (!record) {
    record = await readPublishedRecord(location.root);
    records.set(location.root, record);
    if (!record.ok) onBadRecord(location.root, record);
  }
  const context: Omit<LintContext, 'raw'> = { file, folderId: location.folderId, fileVersion: location.fileVersion };
  if (record.ok) context.published = record.value;
  const previous = await previousVersion(location, location.fileVersion);
  if (previous) context.previous = previous;
  return context;
}

/** The nearest lower version of the same form, if it loads; rules comparing versions use it. */
async function previousVersion(location: NonNullable<ReturnType<typeof definitionLocation>>, version: string): Promise<Definition | undefined> {
  const siblings = await siblingVersionFiles(location);
  const index = siblings.findIndex((s) => s.version === version);
  const before = index > 0 ? siblings[index - 1] : undefined;
  if (!before) return undefined;
  const loaded = await readDefinitionFile(before.file);
  return loaded.ok ? loaded.value : undefined;
}

export const lintCommand: Command = {
  name: 'lint',
  usage: 'assessment-studio lint [--format text|json] [files or folders...]   (default: form-definitions/)',
  flags: { format: 'string' },
  async run(args: string[], io: CliIo) {
    const parsed = parseFormatArgs(this, args, io, (given) => (given.length ? given : [FORM_DEFINITIONS]));
    if (!parsed) return 2;
    const { format, operands } = parsed;
    const { problems, files } = await lintFiles(operands, io.cwd);
    if (format === 'json') io.out(JSON.stringify(problems));
    else {
      for (const p of problems) io.out(problemLine(p));
      const errors = problems.filter((p) => p.severity === 'error').length;
      io.err(`${files} definition file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} other problem${problems.length - errors === 1 ? '' : 's'}.`);
    }
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};
