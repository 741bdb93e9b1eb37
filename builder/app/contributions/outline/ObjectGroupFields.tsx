import { deleteSelection } from '../../commands/edit';
import type { Doc } from '../../services/document';
import { addObjectQuestion, kindLabels, moveObjectQuestion, questionKinds, questionOf, relabelObjectGroup, updateQuestion, type MemberKind, type OutlineItem, type Outline, type RawDefinition } from '../../services/edits/index';
import type { Workspace } from '../../services/workspace';
import { Fieldset, TextField } from './fields';
import { focusNewElement } from './Palette';

const memberKinds = questionKinds.filter((k): k is MemberKind => k !== 'group');

/**
 * An object group's own fields (issue 18.6): its title (the heading and the object's title; its
 * answer key follows while new), its export code, and what to add inside it. The show-when, the
 * section and Delete are the ones every element has.
 */
export function ObjectGroupFields({ ws, doc, item, disabled }: { ws: Workspace; doc: Doc; item: OutlineItem; disabled: boolean }) {
  const q = item.question!;
  const ref = { section: item.section, index: item.index };
  // A key an earlier version used is locked: changing it is a major change.
  const locked = !!doc.previous && questionOf(doc.previous as RawDefinition, { key: q.key }) !== undefined;
  const add = (kind: MemberKind) => {
    let key = '';
    const ok = ws.edit(doc.key, (d) => {
      const r = addObjectQuestion(d, q.key, kind, `New ${kindLabels[kind].toLowerCase()} question`);
      key = r.key;
      return r.definition;
    });
    if (ok) {
      ws.select(doc.key, { kind: 'member', object: q.key, key });
      focusNewElement();
    }
  };
  return (
    <>
      <TextField
        id="prop-label"
        field="label"
        label="Group title"
        hint="The heading over its questions, e.g. “Risk follow-up” or “Address”; their answers are kept together under it."
        value={item.label}
        disabled={disabled}
        onChange={(v) => {
          let key = q.key;
          const ok = ws.edit(doc.key, (d) => ((r) => ((key = r.key), r.definition))(relabelObjectGroup(d, ref, q.key, v, locked)), `object-label:${item.uiPath}`);
          // The preview's answers follow the object to its new key.
          if (ok && key !== q.key) ws.noteRename(doc.key, { from: q.key, to: key });
        }}
        testId="prop-group-title"
      />
      <TextField label="Export code" hint="Lower case letters, digits and _; stable across versions." value={q.code ?? ''} disabled={disabled} onChange={(v) => ws.edit(doc.key, (d) => updateQuestion(d, { key: q.key }, { code: v }), `code:${q.key}`)} testId="prop-code" field="code" />
      <p className="field-hint">
        Answer key: <code>{q.key}</code> (its questions’ answers: <code>{q.key}.…</code>)
      </p>
      <Fieldset legend="Add a question to this group">
        <div className="button-row wrap">
          {memberKinds.map((k) => (
            <button key={k} type="button" className="secondary-button" disabled={disabled} data-testid={`object-add-${k}`} onClick={() => add(k)}>
              + {kindLabels[k]}
            </button>
          ))}
        </div>
      </Fieldset>
    </>
  );
}

/** Up, down and Delete for a question of an object group: it moves within its group only. */
export function MemberButtons({ ws, doc, outline, object, memberKey, disabled }: { ws: Workspace; doc: Doc; outline: Outline; object: string; memberKey: string; disabled: boolean }) {
  const siblings = outline.sections.flatMap((s) => s.items).find((i) => i.question?.kind === 'object' && i.question.key === object)?.children ?? [];
  const at = siblings.findIndex((c) => c.key === memberKey);
  const move = (direction: -1 | 1) => ws.edit(doc.key, (d) => moveObjectQuestion(d, object, memberKey, direction));
  return (
    <div className="button-row">
      <button type="button" className="secondary-button" disabled={disabled || at <= 0} onClick={() => move(-1)} data-testid="member-move-up">
        Move up in the group
      </button>
      <button type="button" className="secondary-button" disabled={disabled || at < 0 || at >= siblings.length - 1} onClick={() => move(1)} data-testid="member-move-down">
        Move down in the group
      </button>
      <button type="button" className="danger-button" disabled={disabled} onClick={() => deleteSelection(ws)} data-testid="delete-selected">
        Delete
      </button>
    </div>
  );
}
