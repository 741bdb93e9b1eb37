import type { Problem } from '../../problems/problem';
import { formats } from '../../validate/engine';
import { strictProblem } from '../../validate/keywords';
import validateMetaSchema from '../meta-schema-validator';
import { checkSchemaSafety } from '../../safety/schema';
import { lintProblem, type LintRule } from '../rule';
import { schemaMisspellings, schemaStrictFindings } from '../schema-nodes';
import { own, walkSchema } from '../../model/schema-walk';

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
/**
 * The schema must be valid draft 2020-12. The safety checks that validation also runs (`$id`
 * shapes, remote / unresolved / cyclic references, patterns the linear-time engine cannot run) come first, then
 * formats, then the meta-schema. Lint does not compile the schema: what compiling would add is
 * checked above, and compiling a form at the question limit takes seconds (validation compiles
 * once per content hash and caches). The meta-schema check is compiled ahead of time
 * (scripts/gen-meta-validator.mjs), so lint needs no `new Function` and runs under the builder's CSP.
 */
export const schemaInvalid: LintRule = {
  codes: ['schema-invalid', 'ref-remote', 'ref-unresolved', 'ref-cycle', 'pattern-invalid', 'pattern-unsafe', 'id-invalid'],
  docs: 'The `schema` must be a valid JSON Schema draft 2020-12 describing an object, with local references only, patterns the linear-time engine can run, and no keyword the validator\'s strict mode refuses (unknown, or one that can have no effect).',
  check({ model }) {
    const { schema } = model;
    const safety = checkSchemaSafety(schema, '/schema').map((p) => ({ ...p, source: 'lint' as const }));
    if (safety.length) return safety;
    const problems: Problem[] = [];
    const declared = own(schema, '$schema');
    if (declared !== undefined && declared !== DRAFT_2020_12) {
      problems.push(lintProblem('schema-invalid', '/schema/$schema', `"$schema" must be "${DRAFT_2020_12}" or left out.`, { $schema: declared }));
    }
    if (own(schema, 'type') !== 'object') {
      problems.push(lintProblem('schema-invalid', '/schema/type', 'The schema must have "type": "object": one response is an object of answers.'));
    }
    // What the validator's strict mode would refuse to compile (unknown `x-` keywords are
    // extension-unknown's, typos of a known keyword keyword-misspelt's).
    const misspelt = schemaMisspellings(model);
    for (const finding of schemaStrictFindings(model)) {
      if (misspelt.has(finding)) continue;
      const { code, path, message, params } = strictProblem(finding);
      if (code === 'schema-invalid') problems.push(lintProblem(code, path, message, params));
    }
    walkSchema(schema, '/schema', (node, pointer) => {
      const format = own(node, 'format');
      if (typeof format === 'string' && !Object.hasOwn(formats, format)) {
        problems.push(lintProblem('schema-invalid', `${pointer}/format`, `Unknown format "${format}".`, { format }));
      }
    });
    if (problems.length) return problems;
    if (!validateMetaSchema(schema)) {
      for (const error of validateMetaSchema.errors ?? []) {
        // An empty `oneOf`/`anyOf` is options-empty's, worded as the question that cannot be answered.
        if (error.keyword === 'minItems' && /\/(oneOf|anyOf)$/.test(error.instancePath)) continue;
        problems.push(
          lintProblem('schema-invalid', `/schema${error.instancePath}`, `A setting here is not valid: ${settingName(error.instancePath)} ${error.message ?? 'is invalid'}.`, {
            keyword: error.keyword,
            params: error.params,
          }),
        );
      }
    }
    return problems;
  },
};

/** The setting a meta-schema error is about, by its own name (`…/age/minimum` → "minimum"), not its path. */
function settingName(instancePath: string): string {
  const last = instancePath.slice(instancePath.lastIndexOf('/') + 1);
  return last === '' ? 'the question rules' : /^\d+$/.test(last) ? `entry ${Number(last) + 1}` : `“${last.replace(/~1/g, '/').replace(/~0/g, '~')}”`;
}
