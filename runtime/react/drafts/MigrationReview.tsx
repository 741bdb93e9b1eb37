import type { RefObject } from 'react';
import { questionAtAnswer, tokensFromPointer, type Definition, type MigrationReport, type NotCarriedReason } from '../../core/index';
import { buildFormModel, type FormModel } from '../model/formModel';
import { questionTitle } from '../model/wording';
import type { Draft, StoredDraft } from '../storage/types';

/** A draft of another version, moved in memory and waiting for the practitioner's yes. */
export interface PendingMigration {
  stored: StoredDraft;
  from: Definition;
  draft: Draft;
  report: MigrationReport;
}

const reasons: Record<NotCarriedReason, string> = {
  'question-removed': 'this question is no longer asked',
  'type-changed': 'the question now takes a different kind of answer',
  'option-removed': 'the answer chosen is no longer an option',
  'option-recoded': 'the answer chosen is now a different option',
  'moved-out-of-group': 'the question has moved to another part of the form',
  'unknown-question': 'the old version did not ask this question',
};

/**
 * Core's migration report in practitioners' words, before anything is saved: how many answers
 * are carried, which are not and why, and what the new version asks that has no answer yet. The
 * report names questions, never answers.
 */
export function MigrationReview({ pending, to, locale, error, onContinue, onBack, headingRef }: {
  pending: PendingMigration;
  to: Definition;
  locale?: string;
  error: string | null;
  onContinue(): void;
  onBack(): void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { report } = pending;
  const oldModel = buildFormModel(pending.from, locale);
  const newModel = buildFormModel(to, locale);
  return (
    <div className="as-form">
      <h1 className="as-heading-xl" tabIndex={-1} ref={headingRef}>
        Move the answers to version {report.to.version}
      </h1>
      <p className="as-body">
        This assessment was started on version {report.from.version} of the form. Here is what moving it to version {report.to.version} does. Nothing is changed until you continue.
      </p>
      <h2 className="as-heading-m">Answers carried</h2>
      <p className="as-body" data-testid="migration-carried">
        {report.carried.length === 1 ? '1 question keeps its answer.' : `${report.carried.length} questions keep their answers.`}
      </p>
      <h2 className="as-heading-m">Answers that cannot be moved</h2>
      {report.notCarried.length === 0 ? (
        <p className="as-body">None: every answer is carried.</p>
      ) : (
        <>
          <p className="as-body">These answers stay behind. Ask these questions again if they still matter.</p>
          <ul className="as-drafts__report">
            {report.notCarried.map((n) => (
              <li key={n.path}>
                <strong>{questionName(oldModel, n.path)}</strong>: {reasons[n.reason]}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.nowRequired.length > 0 ? (
        <>
          <h2 className="as-heading-m">Questions to answer in version {report.to.version}</h2>
          <ul className="as-drafts__report">
            {report.nowRequired.map((r) => (
              <li key={r.path}>{questionName(newModel, r.path)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="as-body">When you continue, the draft on version {report.from.version} is removed from this device.</p>
      {error ? (
        <p className="as-error-message" role="alert">
          {error}
        </p>
      ) : null}
      <div className="as-button-group">
        <button type="button" className="as-button" onClick={onContinue}>
          Continue with version {report.to.version}
        </button>
        <button type="button" className="as-button as-button--secondary" onClick={onBack}>
          Back to assessments in progress
        </button>
      </div>
    </div>
  );
}

/** A question's wording from its answer's pointer (`/key`, or `/group/0/key` inside a repeatable group). */
function questionName(model: FormModel, path: string): string {
  const tokens = tokensFromPointer(path);
  const [top = '', index, inner] = tokens;
  const title = model.title(top);
  if (inner === undefined) return title;
  const q = questionAtAnswer(model.questions, tokens);
  const innerTitle = q?.group ? questionTitle(model.t, q, inner) : inner;
  return `${title} ${Number(index) + 1}: ${innerTitle}`;
}
