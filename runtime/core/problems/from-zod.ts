import type { z } from 'zod';
import type { Problem, ProblemSource } from './problem';
import { pointerFromTokens } from '../model/pointers';
import { placeName } from './place';

/** zod issues → problems, one per issue, with the issue's path as a JSON pointer. */
export function problemsFromZod(error: z.ZodError, code: string, source: ProblemSource): Problem[] {
  return error.issues.map((issue) => {
    const path = pointerFromTokens(issue.path.map((t) => (typeof t === 'symbol' ? String(t) : t)));
    return {
      code,
      severity: 'error',
      message: `${placeName(path)}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`,
      path,
      source,
      params: { zodCode: issue.code },
    };
  });
}
