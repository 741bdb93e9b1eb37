import { useEffect } from 'react';
import type { Problem } from '../core/index';
import type { FormError } from './model/formOptions';
import { definitionRefused, SHOWN_PROBLEMS } from './model/refusal';

/**
 * Shown instead of a form whose definition failed the checks: a GOV.UK-style error summary naming
 * the first problems with their pointers, never a blank or frozen page. The host hears it once
 * through `onError` (`definition-refused`).
 */
export function DefinitionRefused({ problems, onError }: { problems: Problem[]; onError?: (error: FormError) => void }) {
  useEffect(() => onError?.(definitionRefused(problems)), [problems]);
  const more = problems.length - SHOWN_PROBLEMS;
  return (
    <div className="as-form">
      <div className="as-error-summary as-refusal" role="alert" aria-labelledby="as-refusal-title">
        <h2 className="as-error-summary__title" id="as-refusal-title">
          This form cannot be shown
        </h2>
        <p className="as-body">Its definition failed the checks. Ask the person who manages this form to fix:</p>
        <ul className="as-error-summary__list">
          {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            <li key={i} data-code={p.code} data-path={p.path}>
              <code>{p.path || '/'}</code> {p.message} ({p.code})
            </li>
          ))}
          {more > 0 ? <li>… and {more} more.</li> : null}
        </ul>
      </div>
    </div>
  );
}
