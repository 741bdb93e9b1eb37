import { useMemo, useState, type KeyboardEvent } from 'react';
import { allCommands, keyLabel, runCommand } from '../commands/index';
import { explorerForms, statusLabel } from '../contributions/explorer/model';
import { questionPlaces } from '../contributions/outline/model';
import { showInOutline } from '../contributions/outline/reveal';
import { readOutline } from '../services/edits/index';
import type { Workspace } from '../services/workspace';
import { Modal } from './Modal';

interface Item {
  id: string;
  label: string;
  detail?: string;
  disabled?: boolean;
  run: () => void;
}

/** Fuzzy-ish match: every word of the query appears in the label, in any order. */
export function matches(label: string, query: string): boolean {
  const hay = label.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** The command palette (Ctrl+Shift+P) and quick open (Ctrl+P): one combobox over a list. */
export function QuickInput({ ws, mode }: { ws: Workspace; mode: 'commands' | 'forms' }) {
  const [query, setQuery] = useState(mode === 'commands' ? '' : '');
  const [index, setIndex] = useState(0);
  const close = () => ws.store.set({ dialog: undefined });
  const items: Item[] = useMemo(() => {
    if (mode === 'forms') {
      const forms = explorerForms(ws.state.forms).flatMap((f) =>
        f.versions.map((v) => ({ id: `${f.id}@${v.version}`, label: `${f.title} ${v.version}`, detail: `${f.id} · ${statusLabel[v.status]}`, run: () => void ws.openForm(f.id, v.version) })),
      );
      // The questions of the open forms too (issue 17.8), “Label — form title”, opened in Design.
      const questions = ws.state.tabs.flatMap((key) => {
        const doc = ws.state.docs[key];
        const def = doc && (doc.parsed ?? doc.lastGood);
        if (!doc || !def) return [];
        const title = typeof def.title === 'string' ? def.title : doc.id;
        return questionPlaces(readOutline(def)).map((q) => ({
          id: `${key}#${q.key}`,
          label: `${q.label} — ${title}`,
          detail: `question · ${doc.version}`,
          run: () => {
            ws.store.set({ view: 'design' });
            showInOutline(ws, key, q.selection);
          },
        }));
      });
      return [...forms, ...questions];
    }
    return allCommands()
      .filter((c) => c.id !== 'studio.palette.showF1' && c.id !== 'studio.edit.redoY')
      .map((c) => ({
        id: c.id,
        label: `${c.category}: ${c.title}`,
        ...(c.keybinding ? { detail: keyLabel(c.keybinding) } : {}),
        disabled: c.enabled ? !c.enabled(ws) : false,
        run: () => void runCommand(ws, c.id),
      }));
  }, [mode, ws]);
  const shown = items.filter((i) => matches(i.label, query));
  const current = Math.min(index, Math.max(0, shown.length - 1));
  const choose = (item: Item | undefined) => {
    if (!item || item.disabled) return;
    close();
    item.run();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setIndex((current + 1) % Math.max(1, shown.length));
    else if (e.key === 'ArrowUp') setIndex((current - 1 + shown.length) % Math.max(1, shown.length));
    else if (e.key === 'Enter') choose(shown[current]);
    else return;
    e.preventDefault();
  };
  const label = mode === 'commands' ? 'Command palette' : 'Go to form or question';
  return (
    <Modal label={label} onClose={close} className="quick-input">
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-list"
        aria-activedescendant={shown[current] ? `quick-${current}` : undefined}
        aria-label={mode === 'commands' ? 'Type a command' : 'Type the name of a form or question'}
        placeholder={mode === 'commands' ? 'Type a command (e.g. “publish”)' : 'Type a form or question'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="quick-input"
      />
      <ul id="quick-list" role="listbox" aria-label={label} className="quick-list">
        {shown.map((item, i) => (
          <li
            key={item.id}
            id={`quick-${i}`}
            role="option"
            aria-selected={i === current}
            aria-disabled={item.disabled || undefined}
            className={`quick-item${i === current ? ' is-current' : ''}${item.disabled ? ' is-disabled' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(item)}
            data-command={item.id}
          >
            <span>{item.label}</span>
            {item.detail && <span className="quick-detail">{item.detail}</span>}
          </li>
        ))}
        {shown.length === 0 && <li className="quick-item is-disabled" role="option" aria-selected="false" aria-disabled="true">No match</li>}
      </ul>
    </Modal>
  );
}
