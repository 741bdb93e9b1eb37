import { PropertiesView } from './PropertiesView';
import { OutlineView } from './View';

/** The outline registers a side-bar view and the design view of the editor. */
export const outlineContribution = { id: 'outline', title: 'Outline', view: OutlineView } as const;
export const propertiesContribution = { id: 'properties', title: 'Design', view: PropertiesView } as const;
