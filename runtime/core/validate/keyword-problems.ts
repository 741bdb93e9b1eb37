import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv/dist/2020';
import { pointerFromTokens } from '../model/pointers';
import type { Problem } from '../problems/problem';
import { walkSchema } from '../safety/walk';
import { strictFindings, strictProblem } from './keywords';
import { EXTENSION_KEYWORDS } from './vocabulary/index';

/**
 * What an instance from `createAjv` would refuse to compile, as problems at their pointers: strict
 * mode's findings (keywords.ts, judged by the instance's own keyword table) and `x-` values its
 * vocabulary's meta-schemas refuse (`extension-invalid`). AJV would throw at the first, placeless.
 */
export function keywordProblems(ajv: Ajv2020, schema: unknown, at: string): Problem[] {
  const problems: Problem[] = strictFindings(schema, at, (k) => Object.hasOwn(ajv.RULES.keywords, k)).map((f) => ({ ...strictProblem(f), severity: 'error', source: 'validate' }));
  walkSchema(schema, (node, path) => {
    for (const keyword of EXTENSION_KEYWORDS) {
      const definition = Object.hasOwn(node, keyword) ? ajv.getKeyword(keyword) : false;
      const validate = typeof definition === 'object' ? definition.validateSchema : undefined;
      if (!validate || validate(node[keyword])) continue;
      const where = at + pointerFromTokens(path);
      const why = (validate.errors ?? []).slice(0, 3).map((e) => `${keyword}${e.instancePath} ${e.message ?? 'is invalid'}${allowed(e)}`).join('; ');
      problems.push({ code: 'extension-invalid', severity: 'error', message: `"${keyword}" at ${where} has the wrong shape: ${why}.`, path: `${where}/${keyword}`, source: 'validate', params: { keyword } });
    }
  });
  return problems;
}

function allowed(error: ErrorObject): string {
  const values = (error.params as { allowedValues?: unknown[] }).allowedValues;
  return Array.isArray(values) ? ` (${values.map((v) => JSON.stringify(v)).join(', ')})` : '';
}
