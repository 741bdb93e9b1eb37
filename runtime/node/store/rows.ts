import { tokensFromPointer, type ResponseEnvelope } from '../../core/index';
import { diffPatch, type PatchOp } from './json-patch';
import type { Sealer } from './seal';

/**
 * How a response envelope becomes a row and back: the answers under sealed keys leave the
 * envelope's `answers` for the `sealed` column; in the audit, a patch operation touching such an
 * answer keeps its path in clear and its value sealed (`sealed` instead of `value`).
 */
export interface VersionRow {
  envelope: ResponseEnvelope;
  sealed: string | null;
}

const context = (id: string, version: number, part: string) => `${id}#${version}#${part}`;

export function toRow(response: ResponseEnvelope, version: number, keys: ReadonlySet<string>, sealer: Sealer): VersionRow {
  const clear: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(response.answers)) (keys.has(k) ? secret : clear)[k] = v;
  const sealed = Object.keys(secret).length ? sealer.seal(secret, context(response.responseId, version, 'answers')) : null;
  return { envelope: { ...response, answers: clear }, sealed };
}

export function fromRow(row: VersionRow, version: number, sealer: Sealer): ResponseEnvelope {
  if (row.sealed === null) return row.envelope;
  const secret = sealer.open(row.sealed, context(row.envelope.responseId, version, 'answers')) as Record<string, unknown>;
  // The envelope keeps its own key order for the clear answers; sealed ones follow them.
  return { ...row.envelope, answers: { ...row.envelope.answers, ...secret } };
}

export type StoredPatchOp = PatchOp | { op: 'add' | 'replace'; path: string; sealed: string };

function touchesSealed(path: string, keys: ReadonlySet<string>): boolean {
  const [first, key] = tokensFromPointer(path);
  // A patch of the whole document or of the whole answers object holds every answer.
  if (first === undefined || (first === 'answers' && key === undefined)) return true;
  return first === 'answers' && keys.has(key!);
}

export function sealedPatch(before: ResponseEnvelope, after: ResponseEnvelope, version: number, keys: ReadonlySet<string>, sealer: Sealer): StoredPatchOp[] {
  return diffPatch(before, after).map((op, i) =>
    op.op !== 'remove' && touchesSealed(op.path, keys) ? { op: op.op, path: op.path, sealed: sealer.seal(op.value, context(after.responseId, version, `patch/${i}`)) } : op,
  );
}

export function openPatch(patch: StoredPatchOp[], id: string, version: number, sealer: Sealer): PatchOp[] {
  return patch.map((op, i) => ('sealed' in op ? { op: op.op, path: op.path, value: sealer.open(op.sealed, context(id, version, `patch/${i}`)) } : op));
}
