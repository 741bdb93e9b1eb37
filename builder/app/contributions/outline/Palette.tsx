import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { addFromPalette } from '../../commands/edit';
import { kindLabels, paletteKinds } from '../../services/edits/index';
import type { Workspace } from '../../services/workspace';

/** After an add, the new element's first field, so the author types its label straight away. */
export function focusNewElement(): void {
  requestAnimationFrame(() => {
    const label = document.getElementById('prop-label') as HTMLInputElement | null;
    if (label) {
      label.focus();
      label.select();
    } else document.querySelector<HTMLElement>('.outline-tree [aria-current="true"]')?.focus();
  });
}

/**
 * The things to add, as a WAI-ARIA menu button: ArrowDown/ArrowUp move (wrapping), Home/End jump,
 * Escape closes back to the button, Tab closes; ArrowDown/ArrowUp on the button open at the first
 * or last item.
 */
export function Palette({ ws, disabled }: { ws: Workspace; disabled: boolean }) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const list = useRef<HTMLUListElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const items = () => [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (open) (open === 'last' ? items().at(-1) : items()[0])?.focus();
  }, [open]);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowDown') next = all[(i + 1) % all.length];
    else if (e.key === 'ArrowUp') next = all[(i - 1 + all.length) % all.length];
    else if (e.key === 'Home') next = all[0];
    else if (e.key === 'End') next = all.at(-1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') return close(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
    next?.focus();
  };
  return (
    <div className="palette">
      <button
        type="button"
        ref={toggle}
        className="primary-button"
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={open ? 'palette-list' : undefined}
        disabled={disabled}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
        }}
        data-testid="palette-toggle"
      >
        + Add
      </button>
      {open && (
        <ul
          id="palette-list"
          ref={list}
          role="menu"
          className="palette-list"
          aria-label="Add to the form"
          onKeyDown={onMenuKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget !== toggle.current) setOpen(false);
          }}
        >
          {paletteKinds.map((kind) => (
            <li key={kind} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                data-testid={`palette-${kind}`}
                onClick={() => {
                  setOpen(false);
                  addFromPalette(ws, kind);
                  focusNewElement();
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
