import { isControl, rankWith } from './testers';
import type { ControlProps, RendererEntry } from './types';

/** A question no renderer handles is shown as such, never silently dropped. */
export function FallbackControl(p: ControlProps) {
  return (
    <div className="as-form-group as-fallback" id={p.id}>
      <p className="as-label">{p.label}</p>
      <p className="as-hint">This question cannot be shown here. Record the answer elsewhere and tell the form's author.</p>
    </div>
  );
}

export const fallbackControlEntry: RendererEntry = {
  name: 'FallbackControl',
  tester: rankWith(0, isControl),
  renderer: FallbackControl,
};
