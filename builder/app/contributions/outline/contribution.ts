import { OutlineView } from './View';

export const outlineContribution = { id: 'outline', title: 'Outline', view: OutlineView } as const;
