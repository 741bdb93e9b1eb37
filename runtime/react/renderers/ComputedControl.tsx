import { bandTitle, parseComputed } from '../../core/index';
import { and, rankWith, schemaMatches, uiTypeIs } from './testers';
import type { ControlProps, RendererEntry } from './types';

/** A band is stored as its code; the practitioner reads its title ("Increasing risk"). */
function shown(schema: unknown, value: unknown): string {
  if (value === undefined) return '—';
  return bandTitle(parseComputed((schema as Record<string, unknown>)['x-computed']), value) ?? String(value);
}

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
        {shown(p.schema, p.value)}
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
