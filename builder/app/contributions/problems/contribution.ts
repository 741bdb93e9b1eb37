import { ProblemsView } from './View';

export const problemsContribution = { id: 'problems', title: 'Problems', view: ProblemsView } as const;
