import { ExplorerView } from './View';

/** The Explorer registers itself as a side-bar view (vscode *.contribution.ts). */
export const explorerContribution = { id: 'explorer', title: 'Explorer', view: ExplorerView } as const;
