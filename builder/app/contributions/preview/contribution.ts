import { PreviewView } from './View';

export const previewContribution = { id: 'preview', title: 'Preview', view: PreviewView } as const;
