import { createContext, useContext, useId, type ReactNode } from 'react';
import type { Problem } from '../../../../runtime/core/index';
import { quickFixesFor, type RawDefinition } from '../../services/edits/index';
import { applyQuickFix } from '../../services/quickFix';
import type { Workspace } from '../../services/workspace';
import { Icon } from '../../shell/Icon';
import type { FieldId } from './problemFields';
import { counted } from '../../services/document';

/**
 * Problems beside the field they are about (issue 17.6). The properties form provides the
 * selection's problems by field; each field reads its own through `useFieldProblems` and links
 * the list with aria-describedby. Quick fixes are offered with each problem.
 */
export interface FieldProblemsSource {
  ws: Workspace;
  docKey: string;
  def: RawDefinition | undefined;
  byField: Map<FieldId, Problem[]>;
  readOnly: boolean;
}

export const FieldProblemsContext = createContext<FieldProblemsSource | undefined>(undefined);

/** The problems of a field: the list to render beside it, and what its control's aria-describedby and aria-invalid need. */
export function useFieldProblems(field: FieldId | undefined): { id: string | undefined; invalid: boolean; list: ReactNode } {
  const source = useContext(FieldProblemsContext);
  const id = useId();
  const problems = (field && source?.byField.get(field)) || [];
  if (!source || problems.length === 0) return { id: undefined, invalid: false, list: null };
  return { id, invalid: problems.some((p) => p.severity === 'error'), list: <ProblemList id={id} problems={problems} source={source} field={field!} /> };
}

const fieldNames: Record<FieldId, string> = {
  question: 'the question', label: 'Question', hint: 'Hint', options: 'Options', limits: 'Answer limits', required: 'Required', sensitivity: 'Sensitivity',
  code: 'Export code', 'show-when': 'Show when', computed: 'How it is worked out', versions: 'Version', gate: 'Safety check', title: 'Title',
};

/**
 * At the top of the properties form: how many problems the selection has and beside which fields,
 * each a button that brings that field into view and focuses it (the form is longer than the screen).
 */
export function ProblemSummary() {
  const source = useContext(FieldProblemsContext);
  const fields = [...(source?.byField.entries() ?? [])].filter(([field]) => field !== 'question');
  if (fields.length === 0) return null;
  return (
    <nav className="problem-summary" aria-label="Problems on this page" data-testid="problem-summary">
      {fields.map(([field, problems]) => (
        <button key={field} type="button" className="link-button" onClick={() => revealField(field)}>
          {[['error', problems.filter((p) => p.severity === 'error').length], ['warning', problems.filter((p) => p.severity !== 'error').length]]
            .filter(([, n]) => n)
            .map(([noun, n]) => counted(n as number, noun as string))
            .join(' and ')}{' '}
          at {fieldNames[field]}
        </button>
      ))}
    </nav>
  );
}

/** Focus the field a problem is about: its first quick fix, else its control, else the first control after its list. */
export function revealField(field: FieldId): void {
  const area = document.querySelector(`.properties [data-field="${field}"]`) ?? document.querySelector(`.properties [data-testid="field-problems-${field}"]`);
  const focusable = 'button.quick-fix, input, select, textarea, button';
  const target = area?.querySelector<HTMLElement>(focusable) ?? area?.nextElementSibling?.querySelector<HTMLElement>(focusable);
  area?.scrollIntoView({ block: 'center' });
  (target ?? document.getElementById('props-title'))?.focus();
}

/** A field's problems on their own, for editors made of several controls (options, limits, show-when). */
export function FieldProblems({ field }: { field: FieldId }) {
  return <>{useFieldProblems(field).list}</>;
}

function ProblemList({ id, problems, source, field }: { id: string; problems: Problem[]; source: FieldProblemsSource; field: FieldId }) {
  return (
    <ul className="field-problems" id={id} data-testid={`field-problems-${field}`}>
      {problems.map((p, i) => (
        <li key={`${p.code}-${p.path}-${i}`} className={`field-problem field-problem-${p.severity}`} data-problem-code={p.code}>
          <span className="field-problem-message">
            <Icon name={p.severity} label={p.severity === 'error' ? 'Error:' : p.severity === 'warning' ? 'Warning:' : 'Note:'} /> {p.message}
          </span>
          {!source.readOnly &&
            quickFixesFor(source.def, p).map((fix) => (
              <button key={fix.id} type="button" className="secondary-button quick-fix" data-fix={fix.id} onClick={() => applyQuickFix(source.ws, source.docKey, p, fix, 'field')}>
                {fix.label}
              </button>
            ))}
        </li>
      ))}
    </ul>
  );
}
