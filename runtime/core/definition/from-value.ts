import type { ErrorObject } from 'ajv';
import { fail, ok, type Problem, type Result } from '../problems/problem';
import { escapePointerToken } from '../model/pointers';
import { placeName } from '../problems/place';
import validateEnvelope from './envelope-validator';
import type { Definition } from './envelope';

/*
 * The envelope check every surface runs (the CLI, the server, the builder, the embeds). The zod
 * envelope (envelope.ts) is the one model: types, editors' JSON Schema and this check all come from
 * it. The check itself is that JSON Schema compiled ahead of time (scripts/gen-envelope-validator.mjs):
 * building zod's schemas and parsing with them was about a fifth of an embed's first render at 1000
 * questions, and zod a sixth of what it loads. test/unit/definition/envelope-check.test.ts holds it to
 * zod's verdict. Apart from load.ts (text, positions, jsonc-parser), so the embeds load no text parsing.
 */

/** The envelope check alone, for a definition that arrives as a value (a host's postMessage): problems carry pointers, no lines. */
export function definitionFromValue(value: unknown): Result<Definition> {
  if (validateEnvelope(value)) return ok(withDefaults(value as Definition));
  return fail(envelopeProblems(validateEnvelope.errors ?? []));
}

/** What zod's parse would fill in: a changelog and the drafts setting. The value given is never changed. */
function withDefaults(d: Definition): Definition {
  const noChangelog = d.changelog === undefined;
  const noDrafts = d.safety !== undefined && d.safety.drafts === undefined;
  if (!noChangelog && !noDrafts) return d;
  return { ...d, ...(noChangelog ? { changelog: [] } : {}), ...(noDrafts ? { safety: { ...d.safety!, drafts: 'local' } } : {}) };
}

/** One problem per place, at the pointer zod would name: a missing or unknown key at the key itself. */
function envelopeProblems(errors: ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'propertyNames' || e.keyword === 'if') continue;
    const key = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : e.propertyName;
    const path = key === undefined ? e.instancePath : `${e.instancePath}/${escapePointerToken(key)}`;
    if (seen.has(`${path} ${e.keyword}`)) continue;
    seen.add(`${path} ${e.keyword}`);
    problems.push({ code: 'envelope-invalid', severity: 'error', message: `${placeName(path)}: ${wording(e)}.`, path, source: 'envelope', params: { keyword: e.keyword } });
  }
  return problems;
}

function wording(e: ErrorObject): string {
  if (e.keyword === 'required') return 'required, but missing';
  if (e.keyword === 'additionalProperties') return 'not a setting a form has';
  if (e.keyword === 'enum') return `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.propertyName !== undefined) return `the name ${JSON.stringify(e.propertyName)} ${e.message ?? 'is not allowed'}`;
  return e.message ?? 'is not valid';
}
