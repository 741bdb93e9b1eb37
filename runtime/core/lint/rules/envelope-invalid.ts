import { definitionSchema } from '../../definition/envelope';
import { problemsFromZod } from '../../problems/from-zod';
import type { LintRule } from '../rule';

/**
 * The envelope as written must match the zod model. `lintText` only lints what loaded, so this
 * matters for callers that build a definition in memory (the builder, tests) and pass `raw`.
 */
export const envelopeInvalid: LintRule = {
  codes: ['envelope-invalid'],
  docs: 'The definition envelope does not match the envelope schema.',
  check({ definition, context }) {
    const checked = definitionSchema.safeParse(context.raw ?? definition);
    return checked.success ? [] : problemsFromZod(checked.error, 'envelope-invalid', 'lint');
  },
};
