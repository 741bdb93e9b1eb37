import { lintText, type LintContext, type Problem } from '../../../runtime/core/index';
import { fixtureJson } from './fixtures';

/** A definition as plain JSON that tests may change freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The valid fixture with a change applied, linted as text (so problems carry line and column). */
export function lintChanged(change: (d: Json) => void, context: Omit<LintContext, 'raw'> = {}): Problem[] {
  const d = fixtureJson('valid') as Json;
  change(d);
  return lintText(JSON.stringify(d, null, 2), context);
}

export function withCode(problems: Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}

export function pathsOf(problems: Problem[], code: string): string[] {
  return withCode(problems, code).map((p) => p.path);
}

/** The gate rule of docs/definition-format.md. */
export const gateRule = { effect: 'SHOW', condition: { scope: '#/properties/safeToTalk', schema: { const: true } } };
