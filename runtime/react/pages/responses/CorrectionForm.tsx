import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Problem } from '../../../core/index';
import { loadDefinition } from '../../embed/loadPublished';
import { correctResponse, RequestRefused, storedResponse } from './client';
import { correctableQuestions, correctedAnswers, fieldOf, type Correctable } from './correction';

/** Where each problem's link goes: the answer's field, the reason, or the question chooser. */
function fieldFor(path: string, key: string): string {
  if (path === '/reason') return 'correct-reason';
  return path === `/answers/${key}` || path.startsWith(`/answers/${key}/`) || path === `/${key}` ? 'correct-answer' : 'correct-question';
}

/**
 * "Correct an answer" on an opened response (issue 20 point 5): pick a question, give its new
 * answer in a field made from the form model, and the reason; saved as a new version through the
 * correction route, which checks it as a submission is checked. Refusals are shown in an error
 * summary linking to the field, as the practitioner page shows its own.
 */
export function CorrectionForm({ id, onSaved, onCancel }: { id: string; onSaved(version: number): void; onCancel(): void }) {
  const [loaded, setLoaded] = useState<{ answers: Record<string, unknown>; questions: Correctable[] } | null>(null);
  const [key, setKey] = useState('');
  const [field, setField] = useState<string | string[]>('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Array<{ field: string; message: string }>>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    storedResponse(id)
      .then(async ({ response }) => {
        const questions = correctableQuestions(await loadDefinition(response.form.id, response.form.version));
        if (!live) return;
        setLoaded({ answers: response.answers, questions });
        const first = questions[0];
        if (first) {
          setKey(first.key);
          setField(fieldOf(first, response.answers[first.key]));
        }
      })
      .catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : 'The response could not be loaded for correction.'));
    return () => {
      live = false;
    };
  }, [id]);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (problems.length) summary.current?.focus();
  }, [problems]);

  const chosen = loaded?.questions.find((q) => q.key === key);
  const choose = (next: string) => {
    setKey(next);
    const q = loaded?.questions.find((c) => c.key === next);
    if (q) setField(fieldOf(q, loaded!.answers[next]));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!loaded || !chosen || saving) return;
    if (reason.trim() === '') {
      setProblems([{ field: 'correct-reason', message: 'Enter the reason for the correction' }]);
      return;
    }
    setSaving(true);
    try {
      const saved = await correctResponse(id, correctedAnswers(loaded.answers, chosen, field), reason);
      onSaved(saved.version);
    } catch (err: unknown) {
      const list: Problem[] = err instanceof RequestRefused && err.problems.length ? err.problems : [];
      setProblems(list.length ? list.map((p) => ({ field: fieldFor(p.path, chosen.key), message: p.message })) : [{ field: 'correct-answer', message: err instanceof Error ? err.message : 'The correction was not saved.' }]);
    } finally {
      setSaving(false);
    }
  };
  const error = (name: string) => problems.find((p) => p.field === name);

  return (
    <form className="as-responses__correction" onSubmit={submit} noValidate aria-labelledby="correct-heading">
      <h3 className="as-heading-m" id="correct-heading" tabIndex={-1} ref={heading}>Correct an answer</h3>
      {problems.length ? (
        <div className="as-error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="correct-problems">
          <h4 className="as-error-summary__title" id="correct-problems">There is a problem</h4>
          <ul className="as-error-summary__list">
            {problems.map((p, i) => (
              <li key={i}>
                {/* Following the link alone scrolls but leaves focus where it was: move it to the field. */}
                <a href={`#${p.field}`} onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(p.field)?.focus();
                }}>{p.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure ? <p className="as-error-message" role="alert">{failure}</p> : null}
      {!loaded ? (!failure ? <p className="as-body" role="status">Loading the form…</p> : null) : loaded.questions.length === 0 ? (
        <p className="as-body">This form has no answer that can be corrected here.</p>
      ) : (
        <>
          <div className="as-form-group">
            <label className="as-label" htmlFor="correct-question">Question</label>
            <select className="as-select" id="correct-question" value={key} onChange={(e) => choose(e.target.value)}>
              {loaded.questions.map((q) => <option key={q.key} value={q.key}>{q.label}</option>)}
            </select>
          </div>
          {chosen ? <AnswerField c={chosen} value={field} onChange={setField} error={error('correct-answer')?.message} /> : null}
          <div className={`as-form-group${error('correct-reason') ? ' as-form-group--error' : ''}`}>
            <label className="as-label" htmlFor="correct-reason">Reason for the correction</label>
            <div className="as-hint" id="correct-reason-hint">Recorded in the response's history with your name.</div>
            {error('correct-reason') ? <p className="as-error-message" id="correct-reason-error"><span className="as-visually-hidden">Error:</span> {error('correct-reason')!.message}</p> : null}
            <textarea className="as-textarea" id="correct-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)}
              aria-describedby={`correct-reason-hint${error('correct-reason') ? ' correct-reason-error' : ''}`} />
          </div>
          <div className="as-button-group">
            <button type="submit" className="as-button" disabled={saving}>Save correction</button>
            <button type="button" className="as-button as-button--secondary" onClick={onCancel}>Cancel</button>
          </div>
        </>
      )}
    </form>
  );
}

const INPUT_TYPES: Partial<Record<Correctable['kind'], string>> = { email: 'email', date: 'date', time: 'time', 'date-time': 'datetime-local', integer: 'text', decimal: 'text' };

/** The new answer's field, by the question's kind; an empty field leaves the question unanswered. */
function AnswerField({ c, value, onChange, error }: { c: Correctable; value: string | string[]; onChange(v: string | string[]): void; error: string | undefined }) {
  const describedBy = `correct-answer-hint${error ? ' correct-answer-error' : ''}`;
  const hint = <div className="as-hint" id="correct-answer-hint">Leave it empty for no answer.</div>;
  const message = error ? <p className="as-error-message" id="correct-answer-error"><span className="as-visually-hidden">Error:</span> {error}</p> : null;
  const group = `as-form-group${error ? ' as-form-group--error' : ''}`;
  if (c.kind === 'multiple-choice') {
    const ticked = Array.isArray(value) ? value : [];
    return (
      <div className={group}>
        <fieldset className="as-fieldset" aria-describedby={describedBy}>
          <legend className="as-fieldset__legend">New answer: {c.label}</legend>
          {hint}
          {message}
          {c.choices.map((o, i) => (
            <div className="as-checkboxes__item" key={o.code}>
              <input className="as-checkboxes__input" type="checkbox" id={i === 0 ? 'correct-answer' : `correct-answer-${i}`} checked={ticked.includes(o.code)}
                onChange={(e) => onChange(e.target.checked ? [...ticked, o.code] : ticked.filter((t) => t !== o.code))} />
              <label htmlFor={i === 0 ? 'correct-answer' : `correct-answer-${i}`}>{o.label}</label>
            </div>
          ))}
        </fieldset>
      </div>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const label = <label className="as-label" htmlFor="correct-answer">New answer: {c.label}</label>;
  return (
    <div className={group}>
      {label}
      {hint}
      {message}
      {c.choices.length ? (
        <select className="as-select" id="correct-answer" value={text} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
          <option value="">No answer</option>
          {c.choices.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </select>
      ) : c.kind === 'long-text' ? (
        <textarea className="as-textarea" id="correct-answer" rows={4} value={text} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} />
      ) : (
        <input className="as-input" id="correct-answer" type={INPUT_TYPES[c.kind] ?? 'text'} value={text} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}
          {...(c.kind === 'integer' || c.kind === 'decimal' ? { inputMode: c.kind === 'integer' ? 'numeric' as const : 'decimal' as const } : {})} />
      )}
    </div>
  );
}
