import { createContext, useContext, useId, type ReactNode } from 'react';
import type { Problem } from '../../../../runtime/core/index';
import { quickFixesFor, type RawDefinition } from '../../services/edits/index';
import { applyQuickFix } from '../../services/quickFix';
import type { Workspace } from '../../services/workspace';
import { Icon } from '../../shell/Icon';
import type { FieldId } from './problemFields';

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

/** A field's problems on their own, for editors made of several controls (options, limits, show-when). */
export function FieldProblems({ field }: { field: FieldId }) {
  return <>{useFieldProblems(field).list}</>;
}

function ProblemList({ id, problems, source, field }: { id: string; problems: Problem[]; source: FieldProblemsSource; field: FieldId }) {
  return (
    <ul className="field-problems" id={id} data-testid={`field-problems-${field}`}>
      {problems.map((p, i) => (
        <li key={`${p.code}-${p.path}-${i}`} className={`field-problem field-problem-${p.severity}`} data-code={p.code}>
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
