import type { Definition } from '../definition/envelope';
import type { PublishedRecord } from '../definition/published';
import { problemSeverities, type ProblemCode } from '../problems/codes';
import type { Problem } from '../problems/problem';
import type { FormModel } from '../model/types';

/** What a lint run knows besides the definition itself. All optional: lint works on a bare definition. */
export interface LintContext {
  /** The file's path, for messages only. */
  file?: string;
  /** Name of the folder under `form-definitions/`: the `id` must equal it. */
  folderId?: string;
  /** File name without `.json`: the `version` must equal it. */
  fileVersion?: string;
  /** The published-hash record; given only for files inside `form-definitions/`. */
  published?: PublishedRecord;
  /** The file's JSON as written (before zod defaults), which the content hash is taken of. */
  raw?: unknown;
  /** The previous version of the same form, for rules that compare versions. */
  previous?: Definition;
}

export interface LintInput {
  definition: Definition;
  context: LintContext;
  /** The form model (runtime/core/model): questions, UI elements and what their scopes name. */
  model: FormModel;
}

/**
 * One lint rule: data plus a pure function, one per file under `rules/`, named after the
 * problem code it reports (some rules report a family of codes, listed in `codes`).
 */
export interface LintRule {
  codes: readonly [ProblemCode, ...ProblemCode[]];
  docs: string;
  check(input: LintInput): Problem[];
}

/** A lint problem with the code's default severity. */
export function lintProblem(code: ProblemCode, path: string, message: string, params?: Record<string, unknown>): Problem {
  return { code, severity: problemSeverities[code], message, path, source: 'lint', ...(params ? { params } : {}) };
}
