import type { Problem } from '../problems/problem';
import { contentHash } from '../definition/hash';
import type { ResponseEnvelope } from './envelope';

/** What a response must have been made against: a form's id, version and content hash. */
export interface FormIdentity {
  id: string;
  version: string;
}

/**
 * Problems when a response was made against another form, version or content (`response-form-mismatch`),
 * one problem per differing field, pointing at `/form/<field>`.
 *
 * `sha256` is the content hash of the definition *file* as loaded (canonical JSON, the hash
 * `published.json` records). By default it is computed from `definition`; pass the file's hash
 * when `definition` is the parsed envelope (zod fills defaults, which changes the hash). More than
 * one accepted hash may be given (the file's, and the parsed envelope's, for runtimes that hash it).
 */
export function checkResponseAgainst(
  definition: FormIdentity,
  response: Pick<ResponseEnvelope, 'form'>,
  options: { sha256?: string | readonly string[] } = {},
): Problem[] {
  const problems: Problem[] = [];
  const form = response.form;
  const mismatch = (field: 'id' | 'version' | 'sha256', expected: string, actual: string): Problem => ({
    code: 'response-form-mismatch',
    severity: 'error',
    message:
      field === 'sha256'
        ? `The response was made against other content of ${definition.id} ${definition.version} (hash ${short(actual)}, the definition's is ${short(expected)}).`
        : `The response was made against form ${field} "${actual}", not "${expected}".`,
    path: `/form/${field}`,
    source: 'response',
    params: { field, expected, actual },
  });
  if (form.id !== definition.id) problems.push(mismatch('id', definition.id, form.id));
  if (form.version !== definition.version) problems.push(mismatch('version', definition.version, form.version));
  if (problems.length) return problems;
  const accepted = options.sha256 === undefined ? [contentHash(definition)] : typeof options.sha256 === 'string' ? [options.sha256] : [...options.sha256];
  if (!accepted.includes(form.sha256)) problems.push(mismatch('sha256', accepted[0] ?? '', form.sha256));
  return problems;
}

function short(hash: string): string {
  return hash.slice(0, 12) + '…';
}
