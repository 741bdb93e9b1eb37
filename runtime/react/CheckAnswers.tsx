import { useController, useViewVersion } from './hooks';
import { bandTitle, escapePointerToken, valueAt, type Question, type Translate } from '../core/index';
import type { FormModel } from './model/formModel';
import { isKeyVisible, withComputed } from './model/validation';
import { splitDateTime } from './model/dateTime';
import { questionOptions, questionTitle } from './model/wording';
import { groupItemLabel } from './model/groupNoun';

/** GOV.UK check-your-answers: every question shown now, its answer as text, and a Change link. */
export function CheckAnswers({ onChange, onSubmit, submitting }: { onChange: (pointer: string) => void; onSubmit: () => void; submitting: boolean }) {
  return (
    <div className="as-check">
      <h2 className="as-heading-l" id="check-answers" tabIndex={-1}>
        Check your answers before submitting
      </h2>
      <PrintButton />
      <AnswerList onChange={onChange} />
      <h2 className="as-heading-m">Now submit the assessment</h2>
      <p className="as-body">By submitting you confirm the answers are accurate to the best of your knowledge.</p>
      <SubmitButton onSubmit={onSubmit} submitting={submitting} />
    </div>
  );
}

/**
 * Submit, and while the submission is on its way, a line that says so: the response store's first
 * submission can take seconds, and a greyed button alone looked broken (a practitioner may reload).
 * The status region is always there, so its words are announced when they change.
 */
export function SubmitButton({ onSubmit, submitting }: { onSubmit: () => void; submitting: boolean }) {
  return (
    <>
      <button type="button" className="as-button" onClick={onSubmit} disabled={submitting} aria-describedby="as-submit-status">
        Submit assessment
      </button>
      <p id="as-submit-status" className="as-body as-submit-status" role="status">
        {submitting ? 'Sending the assessment. Keep this page open until it says the assessment is submitted.' : ''}
      </p>
    </>
  );
}

/** Prints the page; the print stylesheet leaves out navigation, Quick exit and every button. */
export function PrintButton() {
  return (
    <button type="button" className="as-button as-button--secondary as-print-button" onClick={() => window.print()}>
      Print your answers
    </button>
  );
}

/**
 * Every question shown now with its answer, by section. With `onChange`, each row has a Change
 * link (check your answers); without, it is the record of a submitted assessment.
 */
export function AnswerList({ onChange }: { onChange?: (pointer: string) => void }) {
  const c = useController();
  useViewVersion();
  const { model } = c;
  // Exactly what the response will hold: answers to hidden questions are not shown here either.
  const answers = withComputed(model, c.shownAnswers());
  const groups = model.sections
    ? model.sections.map((s) => ({ label: s.label, keys: s.keys, id: s.id }))
    : [{ label: '', keys: model.order, id: 'all' }];
  return (
    <>
      {groups.map((g) => {
        const keys = g.keys.filter((k) => isKeyVisible(model, k, answers));
        if (keys.length === 0) return null;
        return (
          <section key={g.id} aria-labelledby={g.label ? `check-${g.id}` : undefined}>
            {g.label ? (
              <h3 className="as-heading-m" id={`check-${g.id}`}>
                {g.label}
              </h3>
            ) : null}
            <dl className="as-summary-list">
              {keys.map((k) => (
                <div className="as-summary-list__row" key={k}>
                  <dt className="as-summary-list__key">{model.title(k)}</dt>
                  <dd className="as-summary-list__value">
                    <AnswerText model={model} answerKey={k} value={answers[k]} />
                  </dd>
                  {onChange ? (
                    <dd className="as-summary-list__actions">
                      {model.computedKeys.includes(k) ? null : (
                        <a
                          href={`#${k}`}
                          onClick={(e) => {
                            e.preventDefault();
                            onChange(changeTarget(model, k));
                          }}
                        >
                          Change<span className="as-visually-hidden"> {model.title(k)}</span>
                        </a>
                      )}
                    </dd>
                  ) : null}
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}

/** Where "Change" leads: the question's field, or for answers grouped in an object its first question's. */
function changeTarget(model: FormModel, key: string): string {
  const question = model.question(key);
  const first = question?.kind === 'object' ? model.questions.fields.find((q) => q.path[0] === key && q.control) : undefined;
  return first ? first.answerPath : `/${escapePointerToken(key)}`;
}

function AnswerText({ model, answerKey, value }: { model: FormModel; answerKey: string; value: unknown }) {
  const question = model.question(answerKey)!;
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return <span className="as-secondary-text">Not answered</span>;
  if (question.kind === 'object') {
    // Each answer given inside the object, by its question (a group inside it counted, not listed).
    const inner = model.questions.fields.filter((q) => q.path[0] === answerKey && valueAt(value, q.path.slice(1)) !== undefined);
    return (
      <>
        {inner.map((q) => {
          const v = valueAt(value, q.path.slice(1));
          return (
            <span key={q.answerPath} className="as-summary-entries__field">
              {questionTitle(model.t, q, q.key)}: {q.kind === 'group' && Array.isArray(v) ? String(v.length) : formatValue(q, v, model.t)}
            </span>
          );
        })}
      </>
    );
  }
  if (question.kind === 'group' && Array.isArray(value)) {
    return (
      <ol className="as-summary-entries">
        {value.map((item, i) => (
          <li key={i}>
            <span className="as-summary-entries__title">
              {groupItemLabel(question, i)}
            </span>
            {(question.items ?? []).map((q) =>
              valueAt(item, q.path) !== undefined ? (
                <span key={q.answerPath} className="as-summary-entries__field">
                  {questionTitle(model.t, q, q.key)}: {formatValue(q, valueAt(item, q.path), model.t)}
                </span>
              ) : null,
            )}
          </li>
        ))}
      </ol>
    );
  }
  return <>{formatValue(question, value, model.t)}</>;
}

const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** An answer as text: option labels in the locale, dates written out, anything else as it is. */
export function formatValue(question: Question, value: unknown, t: Translate): string {
  // A band's code ("lower_risk") was shown as it is stored.
  const band = bandTitle(question.computed, value);
  if (band !== undefined) return band;
  const options = questionOptions(t, question);
  const label = (v: unknown) => options.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (options.length) return label(value);
  if (question.kind === 'date' && typeof value === 'string') {
    const d = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) return d.toLocaleDateString('en-GB', { ...LONG_DATE, timeZone: 'UTC' });
  }
  if (question.kind === 'date-time' && typeof value === 'string') {
    // On the practitioner's clock, as the boxes show it.
    const d = new Date(value);
    const { time } = splitDateTime(value);
    if (!Number.isNaN(d.getTime()) && /^\d{2}:\d{2}$/.test(time)) return `${d.toLocaleDateString('en-GB', LONG_DATE)} at ${time}`;
  }
  return String(value);
}
