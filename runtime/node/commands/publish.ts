import { resolve } from 'node:path';
import {
  changeNoteProblems,
  contentHash,
  lintText,
  printable,
  publishDefinition,
  publishedKey,
  recordedHash,
  recordPublished,
  serializeDefinition,
  serializePublishedRecord,
  type Problem,
  type PublishedRecord,
  type Result,
  withPositions,
} from '../../core/index';
import { definitionLocation, displayPath, publishedRecordPath, readDefinitionFile, writeFileAtomic } from '../disk';
import { PublishLockTimeoutError, withPublishLock } from '../publishLock';
import { contextFor, fileProblem, problemLine } from './lint';
import { parseArgs, usageError, UsageError, type CliIo, type Command } from './command';

function refused(message: string): Problem {
  return { code: 'publish-refused', severity: 'error', message, path: '', line: 1, column: 1 };
}

export type PublishOutcome =
  | { kind: 'published'; key: string; hash: string; /** The files written: the definition (when its status changed) and the record. */ written: string[] }
  | { kind: 'already-published'; key: string; hash: string }
  | { kind: 'refused'; problems: Problem[]; recordFile?: string };

/**
 * Publish `form-definitions/<id>/<version>.json`: refuse on lint errors, set `status` to
 * `published`, write the file atomically, then record its hash atomically. The file is written
 * first: if recording fails, the file says published with no record, which lint reports and a
 * second `publish` completes; the other order would leave a record no file matches.
 */
export async function publishFile(file: string): Promise<PublishOutcome> {
  const location = definitionLocation(file);
  if (!location) return { kind: 'refused', problems: [refused('Only a file at form-definitions/<id>/<version>.json can be published.')] };
  // Held from reading the record to writing it, so a publish from the builder at the same moment is not lost.
  return withPublishLock(location.root, () => publishLocked(file, location.root));
}

async function publishLocked(file: string, root: string): Promise<PublishOutcome> {
  const location = { root };
  const loaded = await readDefinitionFile(file);
  if (loaded.text === undefined) return { kind: 'refused', problems: loaded.problems };
  const records = new Map<string, Result<PublishedRecord>>();
  const context = await contextFor(file, records);
  const record = records.get(location.root);
  if (!record?.ok) return { kind: 'refused', problems: record?.problems ?? [], recordFile: publishedRecordPath(location.root) };
  // A file that already says "published" but has no record yet is what publishing completes.
  const problems = lintText(loaded.text, context).filter((p) => p.code !== 'hash-unrecorded');
  if (problems.some((p) => p.severity === 'error')) return { kind: 'refused', problems };
  if (!loaded.ok || loaded.raw === null || typeof loaded.raw !== 'object') return { kind: 'refused', problems: loaded.problems };
  const { id, version, status } = loaded.value;
  const key = publishedKey(id, version);
  if (status === 'retired') return { kind: 'refused', problems: [refused(`${key} is retired; publish a new version instead.`)] };
  const recorded = recordedHash(record.value, id, version);
  if (status === 'published' && recorded === contentHash(loaded.raw)) return { kind: 'already-published', key, hash: recorded };
  // Issue 17: a draft is published with a change note of its author's, never the placeholder. A file
  // that already says "published" (its record unwritten) is completed as it is: it cannot change now.
  const notes = status === 'draft' ? changeNoteProblems(loaded.value) : [];
  if (notes.length) return { kind: 'refused', problems: loaded.doc ? withPositions(notes, loaded.doc) : notes };

  const { definition, hash } = publishDefinition(loaded.raw as Record<string, unknown>);
  const next = recordPublished(record.value, id, version, hash);
  if (!next.ok) return { kind: 'refused', problems: next.problems };
  // Rewrite the file only when its status changes, so an author's layout of a file that already says "published" is kept.
  const written = [...(status !== 'published' ? [file] : []), publishedRecordPath(location.root)];
  if (status !== 'published') await writeFileAtomic(file, serializeDefinition(definition));
  await writeFileAtomic(publishedRecordPath(location.root), serializePublishedRecord(next.value));
  return { kind: 'published', key, hash, written };
}

export const publishCommand: Command = {
  name: 'publish',
  usage: 'assessment-studio publish <form-definitions/<id>/<version>.json>',
  flags: {},
  async run(args: string[], io: CliIo) {
    let operands: string[];
    try {
      ({ operands } = parseArgs(this, args));
      if (operands.length !== 1) throw new UsageError(operands.length ? 'expected one definition file' : 'missing the definition file to publish');
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      usageError(io, this, e);
      return 2;
    }
    const file = resolve(io.cwd, operands[0]!);
    const shown = displayPath(file, io.cwd);
    let outcome: PublishOutcome;
    try {
      outcome = await publishFile(file);
    } catch (e) {
      if (e instanceof PublishLockTimeoutError) {
        io.out(problemLine(fileProblem(shown, refused(`Not published: ${e.message}.`))));
        return 1;
      }
      // Writing failed (permissions, a full disk): the atomic writes leave the old files whole.
      io.out(problemLine(fileProblem(shown, refused(`Could not write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`))));
      return 1;
    }
    if (outcome.kind === 'refused') {
      const where = outcome.recordFile ? displayPath(outcome.recordFile, io.cwd) : shown;
      for (const p of outcome.problems) io.out(problemLine(fileProblem(where, p)));
      io.err(`${printable(shown)}: not published.`);
      return 1;
    }
    io.out(printable(`${outcome.kind === 'published' ? 'published' : 'already published'} ${outcome.key} ${outcome.hash}`));
    if (outcome.kind === 'published') io.err(`wrote ${outcome.written.map((f) => printable(displayPath(f, io.cwd))).join(' and ')}`);
    return 0;
  },
};
