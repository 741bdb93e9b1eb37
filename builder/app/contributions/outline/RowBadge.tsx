import { counted } from '../../services/document';
import { Icon } from '../../shell/Icon';

/** An outline row's problems at a glance: errors (else warnings), named for screen readers ("2 errors"). */
export function RowBadge({ counts }: { counts: { errors: number; warnings: number } | undefined }) {
  if (!counts || (counts.errors === 0 && counts.warnings === 0)) return null;
  const error = counts.errors > 0;
  const n = error ? counts.errors : counts.warnings;
  const name = counted(n, error ? 'error' : 'warning');
  return (
    <span className={`row-badge row-badge-${error ? 'error' : 'warning'}`} role="img" aria-label={name} title={name} data-testid="row-badge">
      <Icon name={error ? 'error' : 'warning'} />
      <span aria-hidden="true">{n}</span>
    </span>
  );
}
