import type { Problem } from '../../../../runtime/core/index';
import type { Doc } from '../../services/document';

/** Problems panel rows: every open form's problems, errors first, then by place in the file. Pure. */
export interface ProblemRow {
  doc: string;
  title: string;
  problem: Problem;
}

const rank = { error: 0, warning: 1, info: 2 } as const;

export function problemRows(docs: readonly Doc[]): ProblemRow[] {
  return docs.flatMap((doc) =>
    [...doc.problems]
      .sort((a, b) => rank[a.severity] - rank[b.severity] || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((problem) => ({ doc: doc.key, title: `${doc.id} ${doc.version}`, problem })),
  );
}
