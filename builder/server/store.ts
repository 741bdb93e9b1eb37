import { createHash } from 'node:crypto';
import semver from 'semver';
import {
  ID_PATTERN,
  decodeUtf8,
  PUBLISHED_FILE,
  VERSION_PATTERN,
  parsePublishedRecord,
  publishedKey,
  publishDefinition,
  publishedContentHash,
  recordPublished,
  recordedHash,
  serializeDefinition,
  serializePublishedRecord,
  type Definition,
  type DefinitionStatus,
  type Problem,
  type PublishedRecord,
} from '../../runtime/core/index';
import { checkDefinitionText, lintDefinitionText, publishBlockers, saveBlockers } from './checks';
import { listEntries, readRegular, removeRegular, writeAtomic } from './disk';
import { readRetired, writeRetired } from './retired';
import { withPublishLock } from '../../runtime/node/index';

/**
 * The definitions in FORMS_DIR: list, read, save and publish, with the guards of DESIGN.md
 * (atomic writes, published versions immutable, no write over a copy changed since it was read).
 * Expected refusals are values (`Refusal`), turned into HTTP statuses by api.ts.
 */

export interface VersionSummary {
  version: string;
  status: DefinitionStatus | 'invalid';
  sha256?: string;
}

export interface FormSummary {
  id: string;
  title: string;
  versions: VersionSummary[];
  /** Set when the form is retired: not offered to practitioners, its versions still readable. */
  retired?: { retiredAt: string };
}

export type RefusalReason = 'not-found' | 'conflict' | 'exists' | 'published' | 'precondition-required' | 'invalid' | 'lint' | 'hash-mismatch';

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  error: string;
  problems?: Problem[];
  /** The file as it is on disk now, so the builder can show the difference. */
  current?: string;
  etag?: string;
}

export type Outcome<T> = ({ ok: true } & T) | Refusal;

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/** Strong ETag: sha256 of the bytes on disk (not the canonical hash, which ignores formatting). */
export function etagOf(bytes: Uint8Array | string): string {
  return `"${createHash('sha256').update(bytes).digest('hex')}"`;
}

/** RFC 9110 §13.1.1: If-Match uses strong comparison, so weak tags never match. */
function matchesAny(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t === etag);
}

export function validId(id: string): boolean {
  return id.length <= 100 && ID_PATTERN.test(id);
}

export function validVersion(version: string): boolean {
  return version.length <= 100 && VERSION_PATTERN.test(version);
}

export class FormStore {
  /** Writes are rare and must check-then-write without another write in between. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly formsDir: string) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async publishedRecord(): Promise<PublishedRecord> {
    const bytes = await readRegular(this.formsDir, PUBLISHED_FILE);
    if (!bytes) return Object.create(null) as PublishedRecord;
    const text = decodeUtf8(bytes);
    const parsed = text.ok ? parsePublishedRecord(text.value) : text;
    // A damaged record protects nothing; refuse to publish over it rather than silently reset it.
    if (!parsed.ok) throw new RecordDamagedError(parsed.problems);
    return parsed.value;
  }

  async list(): Promise<FormSummary[]> {
    const record = await this.publishedRecord().catch(() => Object.create(null) as PublishedRecord);
    const retired = await readRetired(this.formsDir);
    const forms: FormSummary[] = [];
    for (const folder of await listEntries(this.formsDir)) {
      if (folder.kind !== 'dir' || !validId(folder.name)) continue;
      const versions: Array<VersionSummary & { title?: string }> = [];
      for (const file of await listEntries(this.formsDir, folder.name)) {
        const version = file.name.endsWith('.json') ? file.name.slice(0, -5) : '';
        if (file.kind !== 'file' || !validVersion(version)) continue;
        const bytes = await readRegular(this.formsDir, folder.name, file.name);
        if (!bytes) continue;
        const checked = checkDefinitionText(bytes, { id: folder.name, version });
        const status = checked.definition && saveBlockers(checked).length === 0 ? checked.definition.status : 'invalid';
        const sha256 = recordedHash(record, folder.name, version);
        versions.push({ version, status, ...(sha256 ? { sha256 } : {}), ...(checked.definition ? { title: checked.definition.title } : {}) });
      }
      if (versions.length === 0) continue;
      versions.sort((a, b) => semver.compare(a.version, b.version));
      const titled = [...versions].reverse().find((v) => v.title);
      const off = retired[folder.name];
      forms.push({ id: folder.name, title: titled?.title ?? folder.name, versions: versions.map(({ title: _t, ...v }) => v), ...(off ? { retired: off } : {}) });
    }
    return forms.sort((a, b) => a.id.localeCompare(b.id));
  }

  async read(id: string, version: string): Promise<{ text: string; bytes: Uint8Array; etag: string } | undefined> {
    const bytes = await readRegular(this.formsDir, id, `${version}.json`);
    return bytes ? { text: bytes.toString('utf8'), bytes, etag: etagOf(bytes) } : undefined;
  }

  /**
   * Lint problems of the file on disk, or of `text` (unsaved edits) as if it were that file: with
   * the published record and the previous version as context, which the builder alone lacks.
   */
  async problems(id: string, version: string, text?: Uint8Array | string): Promise<Outcome<{ problems: Problem[] }>> {
    const source = text ?? (await this.read(id, version))?.bytes;
    if (source === undefined) return notFound(id, version);
    const record = await this.publishedRecord().catch(() => undefined);
    const previous = await this.previousDefinition(id, version);
    return {
      ok: true,
      problems: lintDefinitionText(source, { id, version, ...(record ? { published: record } : {}), ...(previous ? { previous } : {}) }).problems,
    };
  }

  /** The nearest lower version of the form on disk, if it loads: what the CLI's lint compares with. */
  private async previousDefinition(id: string, version: string): Promise<Definition | undefined> {
    const lower = (await listEntries(this.formsDir, id))
      .map((e) => (e.kind === 'file' && e.name.endsWith('.json') ? e.name.slice(0, -5) : ''))
      .filter((v) => validVersion(v) && semver.lt(v, version))
      .sort(semver.rcompare)[0];
    if (!lower) return undefined;
    const bytes = await readRegular(this.formsDir, id, `${lower}.json`);
    return bytes ? checkDefinitionText(bytes, { id, version: lower }).definition : undefined;
  }

  save(id: string, version: string, text: Uint8Array | string, pre: Preconditions): Promise<Outcome<{ etag: string; created: boolean }>> {
    return this.exclusive(async () => {
      const checked = checkDefinitionText(text, { id, version });
      const blockers = saveBlockers(checked);
      if (!checked.definition || blockers.length) {
        return refuse('invalid', 'The definition cannot be saved: it does not load, or its id or version differs from its path.', { problems: blockers });
      }
      if (checked.definition.status !== 'draft') {
        return refuse('invalid', `Only drafts are saved here; a version becomes "${checked.definition.status}" through publish.`, {
          problems: [{ code: 'publish-refused', severity: 'error', message: 'Use publish to publish a version.', path: '/status', source: 'envelope' }],
        });
      }
      const current = await this.read(id, version);
      if (current) {
        const guard = await this.guardExisting(id, version, current, pre);
        if (guard) return guard;
      } else if (pre.ifNoneMatch?.trim() !== '*') {
        if (pre.ifMatch) return refuse('conflict', `${id} ${version} no longer exists on disk.`, {});
        return refuse('precondition-required', 'Creating a definition needs `If-None-Match: *`.', {});
      }
      await writeAtomic(this.formsDir, [id, `${version}.json`], text);
      return { ok: true, etag: etagOf(text), created: !current };
    });
  }

  /** Refusal for a write over an existing file, or undefined when the write may go ahead. */
  private async guardExisting(id: string, version: string, current: { text: string; bytes: Uint8Array; etag: string }, pre: Preconditions): Promise<Refusal | undefined> {
    const onDisk = checkDefinitionText(current.bytes, { id, version }).definition;
    const record = await this.publishedRecord();
    if (onDisk && onDisk.status !== 'draft') {
      return refuse('published', `${id} ${version} is published and never changes; create a new version instead.`, current);
    }
    if (recordedHash(record, id, version)) {
      return refuse('published', `Publishing ${id} ${version} was interrupted after its hash was recorded; publish it again to finish.`, current);
    }
    if (pre.ifNoneMatch?.trim() === '*') return refuse('exists', `${id} ${version} already exists.`, current);
    if (!pre.ifMatch) return refuse('precondition-required', 'Saving over a definition needs `If-Match` with the ETag it was read with.', current);
    if (!matchesAny(pre.ifMatch, current.etag)) {
      return refuse('conflict', `${id} ${version} was changed on disk after it was opened.`, current);
    }
    return undefined;
  }

  /**
   * Discards a draft (issue 17): its file is removed in one unlink, under the same guards as a save
   * over it (a draft only, never a published or recorded version, the copy the builder last read).
   */
  discardDraft(id: string, version: string, pre: Preconditions): Promise<Outcome<{ removed: true }>> {
    return this.exclusive(async () => {
      const current = await this.read(id, version);
      if (!current) return notFound(id, version);
      const guard = await this.guardExisting(id, version, current, { ifMatch: pre.ifMatch });
      if (guard) return guard;
      await removeRegular(this.formsDir, [id, `${version}.json`]);
      return { ok: true as const, removed: true as const };
    });
  }

  /**
   * Gives a draft another number (issue 17: the number follows the changes): `text`, the draft as
   * it is now with its new `version`, is written under the new name, then the old file removed.
   * Both steps are atomic; between them both files exist, never neither.
   */
  renumber(id: string, version: string, to: string, text: Uint8Array | string, pre: Preconditions): Promise<Outcome<{ etag: string }>> {
    return this.exclusive(async () => {
      const checked = checkDefinitionText(text, { id, version: to });
      const blockers = saveBlockers(checked);
      if (!checked.definition || blockers.length) return refuse('invalid', `The draft cannot be saved as ${to}.`, { problems: blockers });
      if (checked.definition.status !== 'draft') return refuse('invalid', 'Only a draft is renumbered.', {});
      const current = await this.read(id, version);
      if (!current) return notFound(id, version);
      const guard = await this.guardExisting(id, version, current, { ifMatch: pre.ifMatch });
      if (guard) return guard;
      if ((await this.read(id, to)) || recordedHash(await this.publishedRecord(), id, to)) return refuse('exists', `${id} ${to} already exists.`, {});
      await writeAtomic(this.formsDir, [id, `${to}.json`], text);
      await removeRegular(this.formsDir, [id, `${version}.json`]);
      return { ok: true as const, etag: etagOf(text) };
    });
  }

  /** Retires a whole form, or brings it back (`on` false); its files are not touched. */
  setRetired(id: string, on: boolean, today: string): Promise<Outcome<{ retired: boolean }>> {
    return this.exclusive(async () => {
      const files = (await listEntries(this.formsDir, id)).filter((e) => e.kind === 'file' && e.name.endsWith('.json'));
      if (files.length === 0) return refuse('not-found', `No form ${id}.`, {});
      const record = await readRetired(this.formsDir);
      if (on) record[id] = record[id] ?? { retiredAt: today };
      else delete record[id];
      await writeRetired(this.formsDir, record);
      return { ok: true as const, retired: on };
    });
  }

  publish(id: string, version: string, pre: Preconditions): Promise<Outcome<{ etag: string; sha256: string; text: string }>> {
    // The file lock keeps a command-line `publish` from writing the record at the same moment.
    return this.exclusive(() => withPublishLock(this.formsDir, async () => {
      const current = await this.read(id, version);
      if (!current) return notFound(id, version);
      if (pre.ifMatch && !matchesAny(pre.ifMatch, current.etag)) {
        return refuse('conflict', `${id} ${version} was changed on disk after it was opened.`, current);
      }
      const record = await this.publishedRecord();
      const previous = await this.previousDefinition(id, version);
      // The draft is checked against the other versions' hashes; its own entry (left by a publish a
      // crash interrupted) is settled by recordPublished below: the same hash completes the publish.
      const others: Record<string, string> = { ...record };
      delete others[publishedKey(id, version)];
      const checked = lintDefinitionText(current.bytes, { id, version, published: others, ...(previous ? { previous } : {}) });
      if (!checked.definition || checked.raw === null || typeof checked.raw !== 'object') {
        return refuse('lint', `${id} ${version} cannot be published while it has errors.`, { problems: checked.problems });
      }
      if (checked.definition.status !== 'draft') return refuse('published', `${id} ${version} is already ${checked.definition.status}.`, current);
      const blockers = publishBlockers(checked);
      if (blockers.length) return refuse('lint', `${id} ${version} cannot be published while it has errors.`, { problems: blockers });
      const { definition, hash } = publishDefinition(checked.raw as Record<string, unknown>);
      const next = recordPublished(record, id, version, hash);
      if (!next.ok) return refuse('hash-mismatch', next.problems[0]?.message ?? 'Recorded with another hash.', { problems: next.problems });
      // Record first, then the file: a crash in between leaves a draft whose hash is recorded, and
      // publishing again completes it; the other order could leave a published file nobody vouched for.
      await writeAtomic(this.formsDir, [PUBLISHED_FILE], serializePublishedRecord(next.value));
      const text = serializeDefinition(definition);
      await writeAtomic(this.formsDir, [id, `${version}.json`], text);
      return { ok: true as const, etag: etagOf(text), sha256: hash, text };
    }));
  }

  /** A published version whose file still matches its recorded hash: the only input to ahead-of-time validators. */
  async trustedPublished(id: string, version: string): Promise<Outcome<{ definition: Definition; sha256: string }>> {
    const current = await this.read(id, version);
    if (!current) return notFound(id, version);
    const checked = checkDefinitionText(current.bytes, { id, version });
    if (!checked.definition || checked.definition.status === 'draft') return refuse('not-found', `${id} ${version} is not published.`, {});
    const recorded = recordedHash(await this.publishedRecord(), id, version);
    const actual = publishedContentHash(checked.raw);
    if (recorded !== actual) {
      return refuse('hash-mismatch', `${id} ${version} does not match the hash recorded when it was published.`, {
        problems: [{ code: recorded ? 'hash-mismatch' : 'hash-unrecorded', severity: 'error', message: 'Published file changed or unrecorded.', path: '', source: 'lint', params: { recorded, actual } }],
      });
    }
    return { ok: true, definition: checked.definition, sha256: actual };
  }
}

export class RecordDamagedError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${PUBLISHED_FILE} is damaged: ${problems.map((p) => p.message).join('; ')}`);
  }
}

function refuse(reason: RefusalReason, error: string, extra: { problems?: Problem[]; text?: string; etag?: string }): Refusal {
  return {
    ok: false,
    reason,
    error,
    ...(extra.problems ? { problems: extra.problems } : {}),
    ...(extra.text !== undefined ? { current: extra.text, etag: extra.etag } : {}),
  };
}

function notFound(id: string, version: string): Refusal {
  return refuse('not-found', `No definition ${id} ${version}.`, {});
}
