import { suggestVersion, type Change, type Definition } from '../../../../runtime/core/index';

/** The readable list of changes between two texts of a form, and the version they call for. Pure. */
export interface DiffSummary {
  changes: Change[];
  /** e.g. `major` and `2.0.0` from a left side at 1.0.0. */
  bump: string;
  suggested: string;
  error?: string;
}

function parse(text: string): Definition | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Definition) : undefined;
  } catch {
    return undefined;
  }
}

export function summarizeDiff(leftText: string, rightText: string): DiffSummary {
  const left = parse(leftText);
  const right = parse(rightText);
  if (!left || !right) return { changes: [], bump: 'none', suggested: '', error: 'One side is not valid JSON, so only the text difference is shown.' };
  const from = { ...left, version: typeof left.version === 'string' ? left.version : '0.0.0' };
  const s = suggestVersion(from, right);
  return { changes: s.changes, bump: s.bump, suggested: s.version };
}

/** Changes grouped by how big a step they need, biggest first. */
export function groupBySeverity(changes: readonly Change[]): Array<{ severity: Change['severity']; changes: Change[] }> {
  return (['major', 'minor', 'patch'] as const).map((severity) => ({ severity, changes: changes.filter((c) => c.severity === severity) })).filter((g) => g.changes.length > 0);
}

/**
 * The number a draft's changes call for, when it is not the draft's own and is free (issue 17: a
 * new version starts at the next patch number and follows its changes, one step to renumber).
 */
export function renumberTarget(draft: { status: string; version: string; previousText?: string | undefined; text: string }, taken: readonly string[]): string | undefined {
  if (draft.status !== 'draft' || !draft.previousText) return undefined;
  const step = summarizeDiff(draft.previousText, draft.text);
  if (step.error || step.bump === 'none' || !step.suggested || step.suggested === draft.version) return undefined;
  return taken.includes(step.suggested) ? undefined : step.suggested;
}

/** Each side's accessible name in the Compare view, e.g. “Version 1.0.0 (before)”, “Draft 1.1.0 (after)”. */
export function sideName(version: string, status: string | undefined, side: 'before' | 'after'): string {
  const kind = status === 'draft' ? 'Draft' : status === 'retired' ? 'Retired version' : 'Version';
  return `${kind} ${version} (${side})`;
}
