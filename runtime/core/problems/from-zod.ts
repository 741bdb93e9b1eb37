import type { z } from 'zod';
import type { Problem, ProblemSource } from './problem';
import { pointerFromTokens } from '../model/pointers';

/** zod issues → problems, one per issue, with the issue's path as a JSON pointer. */
export function problemsFromZod(error: z.ZodError, code: string, source: ProblemSource): Problem[] {
  return error.issues.map((issue) => {
    const path = pointerFromTokens(issue.path.map((t) => (typeof t === 'symbol' ? String(t) : t)));
    const where = path === '' ? 'the envelope' : `\`${path}\``;
    return {
      code,
      severity: 'error',
      message: `${capitalise(issue.message)} at ${where}.`,
      path,
      source,
      params: { zodCode: issue.code },
    };
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
