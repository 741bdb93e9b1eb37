import { deleteSelection } from '../../commands/edit';
import { countProblems, isReadOnly, problemCountText, type Doc } from '../../services/document';
import {
  addGroupQuestion,
  kindLabels,
  moveItem,
  moveSection,
  questionKinds,
  questionOf,
  questionRef,
  readOutline,
  relabelQuestion,
  renameSection,
  setGate,
  setGuidanceText,
  setItemShowRule,
  setSectionShowRule,
  duplicateItem,
  withChangeNote,
  own,
  ownArray,
  ownObject,
  ownString,
  updateForm,
  updateQuestion,
  type OutlineQuestion,
  type QuestionKind,
  type QuestionPatch,
  type RawDefinition,
} from '../../services/edits/index';
import type { Selection, Workspace } from '../../services/workspace';
import { today } from '../../services/workspaceBase';
import { AnswerLimits } from './AnswerLimits';
import { ComputedEditor } from './ComputedEditor';
import { CheckField, Fieldset, SelectField, TextField } from './fields';
import { ShowRuleField } from './ShowRuleField';
import { TypeChanger } from './TypeChanger';
import { conditionChoices } from './model';
import { OptionsEditor } from './OptionsEditor';
import { FieldProblems, FieldProblemsContext, ProblemSummary } from './FieldProblems';
import { MemberButtons, ObjectGroupFields } from './ObjectGroupFields';
import { problemsByField } from './problemFields';

/** The design view: a form for whatever the outline has selected, with its problems beside their fields. */
export function PropertiesView({ ws, doc, selection }: { ws: Workspace; doc: Doc; selection: Selection | undefined }) {
  const def = doc.parsed ?? doc.lastGood;
  if (!def) return <p className="view-error">This text is not JSON yet. Fix it in the JSON view.</p>;
  const outline = readOutline(def);
  const byField = problemsByField(outline, doc.problems, selection ?? { kind: 'form' });
  const count = [...byField.values()].flat();
  return (
    <FieldProblemsContext.Provider value={{ ws, docKey: doc.key, def: doc.parsed, byField, readOnly: isReadOnly(doc) || !doc.parsed }}>
      {/* Said once when the selection or its problems change; each list is also linked to its field. */}
      <p className="visually-hidden" role="status" data-testid="properties-problem-count">
        {count.length ? `Problems here: ${problemCountText(countProblems(count))}.` : ''}
      </p>
      <Properties ws={ws} doc={doc} def={def} outline={outline} selection={selection} />
    </FieldProblemsContext.Provider>
  );
}

function Properties({ ws, doc, def, outline, selection }: { ws: Workspace; doc: Doc; def: RawDefinition; outline: ReturnType<typeof readOutline>; selection: Selection | undefined }) {
  const disabled = isReadOnly(doc) || !doc.parsed;
  const edit = (fn: (d: RawDefinition) => RawDefinition, mergeKey?: string) => ws.edit(doc.key, fn, mergeKey);
  const sel = selection ?? { kind: 'form' };

  if (sel.kind === 'section' && outline.sections[sel.section]) {
    const section = outline.sections[sel.section]!;
    return (
      <form className="properties" aria-labelledby="props-title" onSubmit={(e) => e.preventDefault()}>
        <h2 id="props-title" tabIndex={-1}>Section: {section.label}</h2>
        <TextField id="prop-label" label="Section heading" value={section.label} disabled={disabled || !section.categorized} onChange={(v) => edit((d) => renameSection(d, sel.section, v), `section-label:${sel.section}`)} testId="prop-section-label" />
        <FieldProblems field="show-when" />
        <ShowRuleField choices={conditionChoices(outline)} value={section.showRule} hasRule={section.hasRule} disabled={disabled || !section.categorized} onChange={(r) => edit((d) => setSectionShowRule(d, sel.section, r))} />
        {outline.gate && <p className="field-hint">Sensitive questions must sit in a section shown only when the safety check “{outline.gate}” is Yes.</p>}
        <div className="button-row">
          <button type="button" className="secondary-button" disabled={disabled || sel.section === 0} onClick={() => edit((d) => moveSection(d, sel.section, sel.section - 1)) && ws.select(doc.key, { kind: 'section', section: sel.section - 1 })}>
            Move section up
          </button>
          <button type="button" className="secondary-button" disabled={disabled || sel.section >= outline.sections.length - 1} onClick={() => edit((d) => moveSection(d, sel.section, sel.section + 1)) && ws.select(doc.key, { kind: 'section', section: sel.section + 1 })}>
            Move section down
          </button>
          <button type="button" className="danger-button" disabled={disabled} onClick={() => deleteSelection(ws)} data-testid="delete-selected">
            Delete section
          </button>
        </div>
      </form>
    );
  }

  if (sel.kind === 'item') {
    const item = outline.sections[sel.section]?.items[sel.index];
    if (item) {
      const ref = { section: sel.section, index: sel.index };
      const moveTo = (section: number) => {
        const index = outline.sections[section]?.items.length ?? 0;
        if (edit((d) => moveItem(d, ref, { section, index: section === sel.section ? index - 1 : index }))) ws.select(doc.key, { kind: 'item', section, index: section === sel.section ? index - 1 : index });
      };
      const duplicate = () => {
        let at = ref;
        if (edit((d) => ((r) => ((at = r.at), r.definition))(duplicateItem(d, ref)))) ws.select(doc.key, { kind: 'item', ...at });
      };
      const common = (
        <>
          <FieldProblems field="show-when" />
          <ShowRuleField key={item.uiPath} choices={conditionChoices(outline, item.question?.key)} value={item.showRule} hasRule={item.hasRule} disabled={disabled} onChange={(r) => edit((d) => setItemShowRule(d, ref, r))} />
          <SelectField
            label="Section"
            value={String(sel.section)}
            disabled={disabled}
            options={outline.sections.map((s) => ({ value: String(s.index), label: s.label }))}
            onChange={(v) => moveTo(Number(v))}
            testId="prop-section"
          />
          <div className="button-row">
            {/* A copy of an object group would show the same object twice: add another group instead. */}
            {item.question?.kind !== 'object' && (
              <button type="button" className="secondary-button" disabled={disabled} data-testid="duplicate-selected" onClick={duplicate}>
                Duplicate
              </button>
            )}
            <button type="button" className="danger-button" disabled={disabled} onClick={() => deleteSelection(ws)} data-testid="delete-selected">
              Delete
            </button>
          </div>
        </>
      );
      if (item.type === 'guidance') {
        return (
          <form className="properties" aria-labelledby="props-title" onSubmit={(e) => e.preventDefault()}>
            <h2 id="props-title" tabIndex={-1}>Guidance text</h2>
            <TextField id="prop-label" label="Text shown to the practitioner" multiline value={item.label} disabled={disabled} onChange={(v) => edit((d) => setGuidanceText(d, ref, v), `guidance:${item.uiPath}`)} />
            {common}
          </form>
        );
      }
      if (item.question?.kind === 'object') {
        return (
          <form className="properties" aria-labelledby="props-title" onSubmit={(e) => e.preventDefault()}>
            <h2 id="props-title" tabIndex={-1}>Object group</h2>
            <ProblemSummary />
            <ObjectGroupFields ws={ws} doc={doc} item={item} disabled={disabled} />
            {common}
          </form>
        );
      }
      if (item.question) {
        return (
          <form className="properties" aria-labelledby="props-title" onSubmit={(e) => e.preventDefault()}>
            <h2 id="props-title" tabIndex={-1}>{item.question.computed ? (item.question.computed.op === 'band' ? 'Band worked out from a total' : 'Value worked out from answers') : `${kindLabels[item.question.kind]} question`}</h2>
            <QuestionFields ws={ws} doc={doc} def={def} q={item.question} disabled={disabled} gate={outline.gate} />
            {item.question.kind === 'group' && <GroupAdder ws={ws} doc={doc} group={item.question.key} disabled={disabled} />}
            {common}
          </form>
        );
      }
      return <p className="view-note">This element ({item.label}) can be edited in the JSON view.</p>;
    }
  }

  if (sel.kind === 'child') {
    const child = outline.sections.flatMap((s) => s.items).flatMap((i) => i.children ?? []).find((c) => c.group === sel.group && c.key === sel.key);
    if (child) {
      return (
        <form className="properties" aria-labelledby="props-title" onSubmit={(e) => e.preventDefault()}>
          <h2 id="props-title" tabIndex={-1}>{kindLabels[child.kind]} question in a repeatable group</h2>
          <QuestionFields ws={ws} doc={doc} def={def} q={child} disabled={disabled} gate={undefined} />
          <button type="button" className="danger-button" disabled={disabled} onClick={() => deleteSelection(ws)} data-testid="delete-selected">
            Delete
          </button>
        </form>
      );
    }
  }

  if (sel.kind === 'member') {
    const group = outline.sections.flatMap((s) => s.items).find((i) => i.question?.kind === 'object' && i.question.key === sel.object);
    const member = group?.children?.find((c) => c.key === sel.key);
    if (group && member) {
      return (
        <form className="properties" aria-labelledby="props-title" onSubmit={(e) => e.preventDefault()}>
          <h2 id="props-title" tabIndex={-1}>{kindLabels[member.kind]} question in “{group.label}”</h2>
          <QuestionFields ws={ws} doc={doc} def={def} q={member} disabled={disabled} gate={undefined} />
          <MemberButtons ws={ws} doc={doc} outline={outline} object={sel.object} memberKey={sel.key} disabled={disabled} />
        </form>
      );
    }
  }

  const yesNo = outline.sections.flatMap((s) => s.items).filter((i) => i.question?.kind === 'yes-no');
  const source = (def.source ?? {}) as { document?: string; section?: string };
  return (
    <form className="properties" aria-labelledby="props-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="props-title" tabIndex={-1}>Form settings</h2>
      <ProblemSummary />
      <TextField id="prop-label" label="Title" field="title" value={String(def.title ?? '')} disabled={disabled} onChange={(v) => edit((d) => updateForm(d, { title: v }), 'form-title')} testId="prop-form-title" />
      <TextField label="Description" multiline value={String(def.description ?? '')} disabled={disabled} onChange={(v) => edit((d) => updateForm(d, { description: v }), 'form-description')} />
      <TextField label="Source document" hint="Where the questions come from, e.g. a policy or seed document." value={source.document ?? ''} disabled={disabled} onChange={(v) => edit((d) => updateForm(d, { sourceDocument: v }), 'form-source')} />
      <VersionArea doc={doc} def={def} />
      <TextField
        label={`What changed in version ${String(def.version ?? '')}`}
        hint="The change note kept in the form’s history; publishing asks for it too."
        multiline
        value={changeNoteOf(def)}
        disabled={disabled}
        onChange={(v) => edit((d) => withChangeNote(d, v, today()), 'change-note')}
        testId="prop-change-note"
      />
      <SelectField
        label="Safety check"
        hint="A yes/no question (“Is it safe to talk?”) that must be answered Yes before sensitive sections show."
        value={outline.gate ?? ''}
        disabled={disabled}
        options={[{ value: '', label: 'None' }, ...yesNo.map((i) => ({ value: i.question!.key, label: i.label }))]}
        onChange={(v) => edit((d) => setGate(d, v || null))}
        testId="prop-gate"
        field="gate"
      />
    </form>
  );
}

function QuestionFields({ ws, doc, def, q, disabled, gate }: { ws: Workspace; doc: Doc; def: RawDefinition; q: OutlineQuestion; disabled: boolean; gate: string | undefined }) {
  const ref = questionRef(q);
  const update = (patch: QuestionPatch, mergeKey?: string) => ws.edit(doc.key, (d) => updateQuestion(d, ref, patch), mergeKey && `${mergeKey}:${q.schemaPath}`);
  const isChoice = q.kind === 'single-choice' || q.kind === 'multiple-choice';
  // Keys and codes that an earlier version already used are locked: changing them is a major change.
  const locked = !!doc.previous && questionOf(doc.previous as RawDefinition, ref) !== undefined;
  const relabel = (v: string) => {
    let key = q.key;
    const ok = ws.edit(
      doc.key,
      (d) => {
        const r = relabelQuestion(d, ref, v, locked);
        key = r.key;
        return r.definition;
      },
      `label:${q.group ?? ''}/${q.schemaPath}`,
    );
    if (ok && key !== q.key) ws.noteRename(doc.key, { from: q.key, to: key, ...(q.group ? { group: q.group } : {}), ...(q.object !== undefined ? { object: q.object } : {}) });
    if (ok && q.group && key !== q.key) ws.select(doc.key, { kind: 'child', group: q.group, key });
    if (ok && q.object !== undefined && key !== q.key) ws.select(doc.key, { kind: 'member', object: q.object, key });
  };
  return (
    <>
      <ProblemSummary />
      <FieldProblems field="question" />
      <TextField id="prop-label" field="label" label={q.computed ? 'Name' : 'Question'} hint={q.computed ? 'What the value is called where it is shown, e.g. “Total score”.' : 'The question as the practitioner asks it.'} value={q.label} disabled={disabled} onChange={relabel} testId="prop-question-label" />
      <TypeChanger key={q.schemaPath} q={q} def={def} disabled={disabled} onChange={(fn) => ws.edit(doc.key, fn)} />
      {q.computed && <FieldProblems field="computed" />}
      {q.computed && <ComputedEditor q={q} def={def} disabled={disabled} onChange={(fn, mergeKey) => ws.edit(doc.key, fn, mergeKey)} />}
      <TextField label="Hint" hint="A short line under the question." value={q.hint ?? ''} disabled={disabled} onChange={(v) => update({ hint: v }, 'hint')} testId="prop-hint" field="hint" />
      <FieldProblems field="options" />
      {isChoice && <OptionsEditor options={q.options} multiple={q.kind === 'multiple-choice'} disabled={disabled || !q.optionsEditable} onChange={(options, typing) => update({ options }, typing ? 'options' : undefined)} />}
      {isChoice && !q.optionsEditable && <p className="field-hint">These options come from a shared definition ($ref): change them in the JSON view.</p>}
      <FieldProblems field="limits" />
      <AnswerLimits q={q} disabled={disabled} update={update} />
      {!q.computed && <CheckField label="Required" checked={q.required} disabled={disabled} onChange={(v) => update({ required: v })} testId="prop-required" field="required" hint={requiredHint(q, gate)} />}
      {/* A group item's level applies to it in every item; the group then sits behind the safety check. */}
      <SelectField
        label="Sensitivity"
        hint="Decides which exports carry the answer and whether it waits behind the safety check (every level but Personal). A safe address is kept only in the full export and never in a draft."
        value={q.sensitivity ?? ''}
        disabled={disabled}
        options={sensitivityChoices(q.sensitivity, Object.keys(ownObject(def, 'sensitivityLevels') ?? {}))}
        onChange={(v) => update({ sensitivity: v === '' ? null : v })}
        testId="prop-sensitivity"
        field="sensitivity"
      />
      <TextField label="Export code" hint="Lower case letters, digits and _; stable across versions (CSV columns use it)." value={q.code ?? ''} disabled={disabled} onChange={(v) => update({ code: v }, 'code')} testId="prop-code" field="code" />
      <p className="field-hint">
        Answer key: <code>{q.group ? `${q.group}[].${q.key}` : q.object !== undefined ? `${q.object}.${q.key}` : q.key}</code>
      </p>
    </>
  );
}

/** When "Required" applies, where it is not simply always. */
function requiredHint(q: OutlineQuestion, gate: string | undefined): string | undefined {
  if (q.gated && gate) return 'Required only once the safety check is answered Yes.';
  // In the object's own `required`, and the object is required with it: asked for whenever the group shows.
  if (q.object !== undefined) return 'Required whenever this group is shown.';
  return undefined;
}

function GroupAdder({ ws, doc, group, disabled }: { ws: Workspace; doc: Doc; group: string; disabled: boolean }) {
  const kinds = questionKinds.filter((k): k is Exclude<QuestionKind, 'group'> => k !== 'group');
  return (
    <Fieldset legend="Questions asked for each item">
      <div className="button-row wrap">
        {kinds.map((k) => (
          <button key={k} type="button" className="secondary-button" disabled={disabled} data-testid={`group-add-${k}`} onClick={() => ws.edit(doc.key, (d) => addGroupQuestion(d, group, k, `New ${kindLabels[k].toLowerCase()} question`).definition)}>
            + {kindLabels[k]}
          </button>
        ))}
      </div>
    </Fieldset>
  );
}

/**
 * The version area of the form settings: what changed since the previous version and the problems
 * about the version as a whole (a removed question, a number too small), with their quick fixes.
 */
function VersionArea({ doc, def }: { doc: Doc; def: RawDefinition }) {
  const retired = (ownArray(def, 'retired') ?? []).filter((r) => typeof own(r, 'code') === 'string');
  return (
    <section className="version-area" aria-labelledby="version-area-title" data-field="versions" data-testid="version-area">
      <h3 id="version-area-title">Version {String(def.version ?? doc.version)}</h3>
      <p className="field-hint">{doc.previousVersion ? `Changes are compared with ${doc.previousVersion}, the version before this one.` : 'The first version of this form.'}</p>
      <FieldProblems field="versions" />
      {retired.length > 0 && (
        <ul className="retired-codes" aria-label="Retired export codes">
          {retired.map((r) => (
            <li key={String(own(r, 'code'))}>
              Retired <code>{String(own(r, 'code'))}</code>: {String(own(r, 'reason') ?? '')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The form's current change note: the summary of this version's changelog entry. */
function changeNoteOf(def: RawDefinition): string {
  const entry = (ownArray(def, 'changelog') ?? []).find((e) => own(e, 'version') === def.version);
  return ownString(entry, 'summary') ?? '';
}

/** The built-in levels, the form's own (declared in `sensitivityLevels`), and the question's when it names another. */
function sensitivityChoices(current: string | undefined, declared: string[]): Array<{ value: string; label: string }> {
  const choices = [
    { value: '', label: 'Not sensitive' },
    { value: 'personal', label: 'Personal (identifies the person)' },
    { value: 'sensitive', label: 'Sensitive' },
    { value: 'special-category', label: 'Special category (UK GDPR art. 9)' },
    { value: 'safe-address', label: 'Safe address (refuge or confidential address)' },
  ];
  for (const name of [...declared, ...(current ? [current] : [])]) if (!choices.some((c) => c.value === name)) choices.push({ value: name, label: `${name} (this form’s own level)` });
  return choices;
}
