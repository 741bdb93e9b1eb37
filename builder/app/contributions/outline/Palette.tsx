import { useEffect, useRef, useState } from 'react';
import { addFromPalette } from '../../commands/edit';
import { kindLabels, paletteKinds } from '../../services/edits/index';
import type { Workspace } from '../../services/workspace';

/** The palette of things to add, as a disclosure of buttons (keyboard: Tab through, Escape closes). */
export function Palette({ ws, disabled }: { ws: Workspace; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  return (
    <div className="palette">
      <button
        type="button"
        ref={toggle}
        className="primary-button"
        aria-expanded={open}
        aria-controls="palette-list"
        disabled={disabled}
        onClick={() => setOpen(!open)}
        data-testid="palette-toggle"
      >
        + Add
      </button>
      {open && (
        <ul
          id="palette-list"
          className="palette-list"
          aria-label="Add to the form"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          {paletteKinds.map((kind, i) => (
            <li key={kind}>
              <button
                type="button"
                ref={i === 0 ? first : undefined}
                data-testid={`palette-${kind}`}
                onClick={() => {
                  setOpen(false);
                  addFromPalette(ws, kind);
                }}
              >
                {kindLabels[kind]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
