import { and, rankWith, schemaMatches, uiTypeIs } from './testers';
import type { ControlProps, RendererEntry } from './types';

/** A value derived from other answers: shown read-only, announced politely when it changes. */
export function ComputedControl(p: ControlProps) {
  return (
    <div className="as-form-group">
      <span className="as-label" id={`${p.id}-label`}>
        {p.label}
      </span>
      {p.hint ? (
        <div id={`${p.id}-hint`} className="as-hint">
          {p.hint}
        </div>
      ) : null}
      <output id={p.id} className="as-computed" aria-labelledby={`${p.id}-label`} aria-live="polite">
        {p.value === undefined ? '—' : String(p.value)}
      </output>
      <span className="as-computed__note">Worked out from your answers</span>
    </div>
  );
}

export const computedControlEntry: RendererEntry = {
  name: 'ComputedControl',
  tester: rankWith(20, and(uiTypeIs('Control'), schemaMatches((s) => { const r = s as Record<string, unknown>; return !!r['x-computed'] || r.readOnly === true; }))),
  renderer: ComputedControl,
};
