/**
 * The one model of problems. Envelope checks, lint rules, AJV errors, load failures and the
 * runtime's per-field errors all become `Problem`s at the edge; every view (CLI, Problems panel,
 * Monaco markers, error summary) reads only this shape.
 * @public
 */
export type Severity = 'error' | 'warning' | 'info';

/** Where a problem was found, so a store can replace one producer's problems at a time. */
export type ProblemSource = 'load' | 'envelope' | 'lint' | 'validate' | 'safety' | 'versions' | 'response' | 'export';

/** @public */
export interface Problem {
  /** Stable code from `codes.ts`: tests, CI and docs name problems by it. */
  code: string;
  severity: Severity;
  /** Readable sentence. Tests assert `code`, not this text. */
  message: string;
  /** JSON pointer (RFC 6901) into the file or the answers; `''` is the whole document. */
  path: string;
  source?: ProblemSource;
  /** Data behind the message (keyword, limit, the offending value…), for other wordings. */
  params?: Record<string, unknown>;
  /** Set only when the problem was found while reading text and the pointer has no node (e.g. a JSON syntax error). */
  line?: number;
  column?: number;
}

/** Expected failures are values, not exceptions. @public */
export type Result<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

export function ok<T>(value: T, problems: Problem[] = []): Result<T> {
  return { ok: true, value, problems };
}

export function fail<T = never>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Thrown only for states that cannot happen if the code is right (vscode's BugIndicatingError). */
export class BugIndicatingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BugIndicatingError';
  }
}
