import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { deleteSelection } from '../../commands/edit';
import { isReadOnly } from '../../services/document';
import { moveItem, moveSection, questionKindLabel, readOutline, type Outline, type OutlineItem } from '../../services/edits/index';
import { useStore } from '../../services/store';
import type { Selection, Workspace } from '../../services/workspace';
import { childSelection, moveAnnouncement } from './model';
import { Palette } from './Palette';
import { RowBadge } from './RowBadge';
import { problemCountsByRow } from './problemFields';

type Drag = { type: 'item'; section: number; index: number } | { type: 'section'; section: number };

function same(a: Selection | undefined, b: Selection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The structured outline: sections and questions; select, drag, and move by keyboard. */
export function OutlineView({ ws }: { ws: Workspace }) {
  const active = useStore(ws.store, (s) => s.active);
  const doc = useStore(ws.store, (s) => (s.active ? s.docs[s.active] : undefined));
  const selection = useStore(ws.store, (s) => (s.active ? s.selection[s.active] : undefined));
  const [drag, setDrag] = useState<Drag | null>(null);
  // Where a drop would land, drawn as a line (issue 17.8): before item `index`, or at the end of a section.
  const [dropAt, setDropAt] = useState<{ section: number; index?: number } | null>(null);
  const tree = useRef<HTMLDivElement>(null);

  // Keep keyboard focus on the selected row after it moves or is re-created.
  useEffect(() => {
    if (!tree.current?.contains(document.activeElement)) return;
    tree.current.querySelector<HTMLElement>('[aria-current="true"]')?.focus();
  }, [selection, doc?.history.present]);

  if (!doc || !active) {
    return (
      <section className="view" aria-labelledby="outline-title">
        <header className="view-header">
          <h2 id="outline-title">Outline</h2>
        </header>
        <p className="view-empty">Open a form from the Explorer to see its sections and questions.</p>
      </section>
    );
  }
  const definition = doc.parsed ?? doc.lastGood;
  const outline: Outline = definition ? readOutline(definition) : { sections: [] };
  const readOnly = isReadOnly(doc) || !doc.parsed;
  const select = (s: Selection) => ws.select(active, s);
  const badges = problemCountsByRow(outline, doc.problems);
  const badge = (s: Selection) => <RowBadge counts={badges.get(JSON.stringify(s))} />;

  const onDrop = (e: DragEvent, target: { section: number; index?: number }) => {
    e.preventDefault();
    e.stopPropagation();
    setDropAt(null);
    if (!drag || readOnly) return;
    let moved: Selection | undefined;
    if (drag.type === 'section') {
      if (ws.edit(active, (d) => moveSection(d, drag.section, target.section))) moved = { kind: 'section', section: target.section };
    } else {
      const length = outline.sections[target.section]?.items.length ?? 0;
      let index = target.index ?? length;
      if (drag.section === target.section && drag.index < index) index -= 1;
      if (ws.edit(active, (d) => moveItem(d, { section: drag.section, index: drag.index }, { section: target.section, index }))) moved = { kind: 'item', section: target.section, index };
    }
    if (moved) {
      select(moved);
      const after = ws.activeDoc()?.parsed;
      const words = after && moveAnnouncement(readOutline(after), moved);
      if (words) ws.announce(words);
    }
    setDrag(null);
  };
  const dragOver = (e: DragEvent, target: { section: number; index?: number }) => {
    if (!drag || readOnly) return;
    e.preventDefault();
    e.stopPropagation();
    // A section goes before the section it is dropped on, wherever in it the pointer is.
    if (drag.type === 'section') target = { section: target.section };
    if (dropAt?.section !== target.section || dropAt.index !== target.index) setDropAt(target);
  };
  const indicator = (at: { section: number; index?: number }) =>
    drag && dropAt && dropAt.section === at.section && dropAt.index === at.index ? <span className="drop-indicator" data-testid="drop-indicator" aria-hidden="true" /> : null;

  const endDrag = () => {
    setDrag(null);
    setDropAt(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const rows = [...(tree.current?.querySelectorAll<HTMLElement>('[data-outline-row]') ?? [])];
    const i = rows.indexOf(document.activeElement as HTMLElement);
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey && i >= 0) {
      e.preventDefault();
      const next = rows[Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
      next?.focus();
      next?.click();
    } else if (e.key === 'Delete' && !readOnly && i >= 0) {
      e.preventDefault();
      deleteSelection(ws);
    } else if (e.key === 'F2' && i >= 0) {
      e.preventDefault();
      ws.store.set({ view: 'design' });
      requestAnimationFrame(() => document.getElementById('prop-label')?.focus());
    }
  };

  const row = (item: OutlineItem) => {
    const s: Selection = { kind: 'item', section: item.section, index: item.index };
    const q = item.question;
    const kind = q ? questionKindLabel(q) : item.type === 'guidance' ? 'Guidance' : 'Other';
    return (
      <li key={`${item.section}-${item.index}`} className="outline-slot">
        {indicator({ section: item.section, index: item.index })}
        <button
          type="button"
          data-outline-row=""
          data-testid={`outline-item-${item.section}-${item.index}`}
          className={`outline-row outline-item${same(selection, s) ? ' is-selected' : ''}`}
          aria-current={same(selection, s) ? 'true' : undefined}
          draggable={!readOnly}
          onDragStart={(e) => {
            e.dataTransfer.setData('text/plain', `${item.section}:${item.index}`);
            e.dataTransfer.effectAllowed = 'move';
            setDrag({ type: 'item', section: item.section, index: item.index });
          }}
          onDragEnd={endDrag}
          onDragOver={(e) => dragOver(e, { section: item.section, index: item.index })}
          onDrop={(e) => onDrop(e, { section: item.section, index: item.index })}
          onClick={() => select(s)}
        >
          <span className="row-kind">{kind}</span>
          <span className="row-label" title={item.label || undefined}>{item.label || '(no label)'}</span>
          {q?.required && <span className="row-flag" title="Required">required</span>}
          {q?.sensitivity && <span className="row-flag row-flag-sensitive" title={`Sensitivity: ${q.sensitivity}`}>{q.sensitivity === 'sensitive' ? 'sensitive' : q.sensitivity.replace(/-/g, ' ')}</span>}
          {outline.gate && q?.key === outline.gate && <span className="row-flag" title="The safety check">safety check</span>}
          {item.hasRule && <span className="row-flag" title="Shown only when a condition holds">conditional</span>}
          {badge(s)}
        </button>
        {item.children && item.children.length > 0 && (
          <ul className="outline-children" aria-label={`Questions in ${item.label}`}>
            {item.children.map((child) => {
              const cs = childSelection(child)!;
              return (
                <li key={child.key}>
                  <button
                    type="button"
                    data-outline-row=""
                    data-testid={child.object !== undefined ? `outline-member-${child.object}-${child.key}` : undefined}
                    className={`outline-row outline-child${same(selection, cs) ? ' is-selected' : ''}`}
                    aria-current={same(selection, cs) ? 'true' : undefined}
                    onClick={() => select(cs)}
                  >
                    <span className="row-kind">{questionKindLabel(child)}</span>
                    <span className="row-label" title={child.label}>{child.label}</span>
                    {child.required && <span className="row-flag">required</span>}
                    {badge(cs)}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </li>
    );
  };

  return (
    <section className="view" aria-labelledby="outline-title">
      <header className="view-header">
        <h2 id="outline-title">Outline</h2>
        <Palette ws={ws} disabled={readOnly} />
      </header>
      {!doc.parsed && <p className="view-error" role="alert">The JSON has a syntax error: fix it in the JSON view to edit the outline again.</p>}
      {isReadOnly(doc) && <p className="view-note">{doc.version} is {doc.status}: read-only. Use “New version” to change it.</p>}
      <div className="outline-tree" ref={tree} onKeyDown={onKeyDown} data-testid="outline">
        <button type="button" data-outline-row="" className={`outline-row outline-form${same(selection, { kind: 'form' }) ? ' is-selected' : ''}`} aria-current={same(selection, { kind: 'form' }) ? 'true' : undefined} onClick={() => select({ kind: 'form' })}>
          <span className="row-kind">Form</span>
          <span className="row-label" title={String(definition?.title ?? doc.id)}>{String(definition?.title ?? doc.id)}</span>
          {badge({ kind: 'form' })}
        </button>
        <ol className="outline-sections" aria-label="Sections">
          {outline.sections.map((section) => {
            const s: Selection = { kind: 'section', section: section.index };
            return (
              <li key={section.index} className="outline-slot" onDragOver={(e) => dragOver(e, { section: section.index })} onDrop={(e) => onDrop(e, { section: section.index })}>
                {drag?.type === 'section' && indicator({ section: section.index })}
                <button
                  type="button"
                  data-outline-row=""
                  data-testid={`outline-section-${section.index}`}
                  className={`outline-row outline-section${same(selection, s) ? ' is-selected' : ''}`}
                  aria-current={same(selection, s) ? 'true' : undefined}
                  draggable={!readOnly && section.categorized}
                  onDragStart={(e) => {
                    e.dataTransfer.setData('text/plain', `section:${section.index}`);
                    setDrag({ type: 'section', section: section.index });
                  }}
                  onDragEnd={endDrag}
                  onClick={() => select(s)}
                >
                  <span className="row-kind">Section</span>
                  <span className="row-label" title={section.label}>{section.label}</span>
                  {section.hasRule && <span className="row-flag">conditional</span>}
                  {badge(s)}
                </button>
                <ul className="outline-items" aria-label={`Questions in ${section.label}`}>
                  {section.items.map(row)}
                  {section.items.length === 0 && <li className="view-empty">Empty: add a question with “+ Add”.</li>}
                </ul>
                {drag?.type === 'item' && indicator({ section: section.index })}
              </li>
            );
          })}
        </ol>
      </div>
      <p className="view-hint">Drag to reorder, or select and press Alt+↑ / Alt+↓. Delete removes (Ctrl+Z brings it back).</p>
    </section>
  );
}
