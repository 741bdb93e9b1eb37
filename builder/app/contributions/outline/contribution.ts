import { OutlineView } from './View';

export const outlineContribution = { id: 'outline', title: 'Outline', icon: '☰', view: OutlineView } as const;
