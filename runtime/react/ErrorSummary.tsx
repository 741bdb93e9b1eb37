import { useEffect, useRef } from 'react';
import { useController, useSummaryVersion } from './hooks';
import { fieldId } from './model/formModel';
import { fieldOf } from './model/uiState';

/**
 * GOV.UK error summary: after a submit attempt, a linked list of every problem, focused once;
 * after a "Save and continue" that found problems (`only`: that section's keys), those problems.
 */
export function ErrorSummary({ onFollow, focusKey, only = null }: { onFollow: (pointer: string) => void; focusKey: number; only?: readonly string[] | null }) {
  const c = useController();
  useSummaryVersion();
  const ref = useRef<HTMLDivElement>(null);
  const errors = c.ui.hasSubmitted() ? c.ui.shownErrors() : only ? c.ui.shownErrors().filter((e) => only.includes(e.key)) : [];
  const has = errors.length > 0;
  useEffect(() => {
    if (has && focusKey > 0) ref.current?.focus();
  }, [focusKey, has]);
  if (!has) return null;
  const rank = new Map(c.model.order.map((k, i) => [k, i]));
  errors.sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0) || a.pointer.localeCompare(b.pointer));
  return (
    <div className="as-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="as-error-summary-title">
      <h2 className="as-error-summary__title" id="as-error-summary-title">
        There is a problem
      </h2>
      <ul className="as-error-summary__list">
        {/* Each problem its own line, linked to the field that shows it (an item's, its question's). */}
        {errors.map((e, i) => (
          <li key={`${e.pointer}\u0000${i}`}>
            <a
              href={`#${fieldId(fieldOf(e))}`}
              onClick={(ev) => {
                ev.preventDefault();
                onFollow(fieldOf(e));
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

