import type { Problem } from '../../core/index';

/**
 * The rest of the definition check, after the embed's first paint. Before rendering, mount(), the
 * custom element and AssessmentForm run the checks rendering depends on (limits, envelope, the UI
 * schema, rules and the safety check); all of lint at a form's first render cost about 300 ms and
 * 64 KB gzip at 1000 questions. So lint is a separate chunk, run a rule per task (no long task),
 * and the form holds its submit until the verdict: a definition lint refuses is replaced by the
 * refusal before anyone could send an answer from it. A chunk that cannot load leaves the form
 * unchecked, so it is refused too (as a validator that cannot load refuses to submit).
 */
export function checkAfterPaint(definition: unknown): Promise<Problem[]> {
  // Fetched and evaluated only once the first frame is painted: loaded at once, the chunk (lint,
  // zod) was evaluated while the form was still rendering, and a 200-question form's first render
  // was 110 ms slower for it (test/bench/RESULTS.md).
  return afterFirstPaint().then(() => import('./checkStepwise')).then(
    ({ checkStepwise }) => checkStepwise(definition),
    (): Problem[] => [
      {
        code: 'definition-unchecked',
        severity: 'error',
        message: "The form's checks could not be loaded, so it cannot be used. Reload the page; if this goes on, tell the person who manages this form.",
        path: '',
        source: 'safety',
      },
    ],
  );
}

/**
 * Resolves once the page is idle after a frame: the frame requested while the form is mounted can
 * come before the form's own (long) render task, so a task after that frame ran lint's import
 * before the form was painted. Idle time only comes once the form's frame is painted; the timeout
 * keeps a page that is never idle from holding submit for long.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0);
    requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
      else setTimeout(resolve, 0);
    });
  });
}
