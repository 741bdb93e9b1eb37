import { DiffView } from './View';

export const diffContribution = { id: 'diff', title: 'Compare versions', view: DiffView } as const;
