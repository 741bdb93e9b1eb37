import { fail, ok, type Problem, type Result } from '../problems/problem';
import { pointerFromTokens } from '../model/pointers';
import { contentHash } from './hash';
import { parseJsonText, withPositions } from './load';
import { ID_PATTERN, VERSION_PATTERN } from './envelope';

/**
 * `form-definitions/published.json`: `{ "<id>/<version>": "<sha256 hex>" }`, the hash of each
 * published version's file (RFC 8785 canonical JSON of the whole file), recorded when it was
 * published. A published file whose hash differs has been edited, which is an error.
 */
export type PublishedRecord = Readonly<Record<string, string>>;

export const PUBLISHED_FILE = 'published.json';
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export function publishedKey(id: string, version: string): string {
  return `${id}/${version}`;
}

/** Parse and check the text of `published.json`; problems point at line and column. */
export function parsePublishedRecord(text: string): Result<PublishedRecord> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const problems = checkPublishedRecord(parsed.value.value);
  if (problems.length) return fail(withPositions(problems, parsed.value.doc));
  // A fresh null-prototype copy: keys come from a file, and must never meet Object.prototype.
  const record: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(parsed.value.value as Record<string, string>)) record[k] = v;
  return ok(record);
}

export function checkPublishedRecord(value: unknown): Problem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [recordProblem('', 'The published record must be a JSON object of "<id>/<version>": "<sha256>".')];
  }
  const problems: Problem[] = [];
  for (const [key, hash] of Object.entries(value)) {
    const [id, version, ...rest] = key.split('/');
    if (rest.length || !id || !version || !ID_PATTERN.test(id) || !VERSION_PATTERN.test(version)) {
      problems.push(recordProblem(pointerFromTokens([key]), `"${key}" is not "<id>/<version>".`));
    } else if (typeof hash !== 'string' || !HASH_PATTERN.test(hash)) {
      problems.push(recordProblem(pointerFromTokens([key]), `The hash of "${key}" is not 64 lower-case hex digits.`));
    }
  }
  return problems;
}

/** Stable text for the record: sorted keys, one per line, so diffs of it stay readable. */
export function serializePublishedRecord(record: PublishedRecord): string {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return JSON.stringify(sorted, null, 2) + '\n';
}

/**
 * The record with one more version. Recording the same hash again is a no-op; recording a
 * different hash for a version already recorded is refused, since published versions never change.
 */
export function recordPublished(record: PublishedRecord, id: string, version: string, hash: string): Result<PublishedRecord> {
  const key = publishedKey(id, version);
  const existing = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
  if (existing !== undefined && existing !== hash) {
    return fail([
      {
        code: 'hash-mismatch',
        severity: 'error',
        message: `${key} is already published with another content; publish a new version instead.`,
        path: pointerFromTokens([key]),
        source: 'lint',
        params: { recorded: existing, actual: hash },
      },
    ]);
  }
  if (!HASH_PATTERN.test(hash)) throw new TypeError(`Not a sha256 hex digest: ${hash}`);
  return ok({ ...record, [key]: hash });
}

/** The hash recorded for a version, if any (own keys only). */
export function recordedHash(record: PublishedRecord, id: string, version: string): string | undefined {
  const key = publishedKey(id, version);
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * The hash a file is checked against. A retired version was published first, and retiring
 * it only changes its status, so its hash is taken as if it still said `published`.
 */
export function publishedContentHash(raw: unknown): string {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && (raw as { status?: unknown }).status === 'retired') {
    return contentHash({ ...(raw as object), status: 'published' });
  }
  return contentHash(raw);
}

/**
 * Publishing, without the disk: the same file with `status: "published"` (key order kept) and
 * the content hash to record. Pure, so the command line and the builder's server share it.
 */
export function publishDefinition<T extends object>(definition: T): { definition: T & { status: 'published' }; hash: string } {
  const published = { ...definition, status: 'published' as const };
  return { definition: published, hash: contentHash(published) };
}

/** How a definition file is written: two-space JSON with a final newline. */
export function serializeDefinition(definition: unknown): string {
  return JSON.stringify(definition, null, 2) + '\n';
}

function recordProblem(path: string, message: string): Problem {
  return { code: 'published-record-invalid', severity: 'error', message, path, source: 'load' };
}
