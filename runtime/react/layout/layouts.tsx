import type { ComponentType, ReactNode } from 'react';
import type { UiElement } from '../model/formModel';
import { isControl, not, or, rankWith, uiTypeIs, type RankedTester } from '../renderers/testers';

/**
 * What a layout renderer receives: the element, its wording in the form's language, and its
 * children already bound to their own answers (a layout only places them; it never reads answers,
 * so a keystroke in one question never renders the layout around it).
 * @public
 */
export interface LayoutProps {
  uischema: UiElement;
  /** JSON pointer of the element in the definition: translations are keyed by it. */
  pointer: string;
  /** The element's label (Group, Category) or a Label element's text, translated; '' when it has none. */
  label: string;
  /** False under a rule that disables this element. */
  enabled: boolean;
  children?: ReactNode;
}

/** A layout renderer and its JSON Forms tester, ranked like control renderers. @public */
export interface LayoutEntry {
  name: string;
  tester: RankedTester;
  renderer: ComponentType<LayoutProps>;
}

function StackLayout({ uischema, children }: LayoutProps) {
  return <div className={uischema.type === 'HorizontalLayout' ? 'as-layout as-layout--row' : 'as-layout'}>{children}</div>;
}

function GroupLayout({ uischema, label, children }: LayoutProps) {
  return (
    <section className={uischema.rule ? 'as-group-layout as-reveal' : 'as-group-layout'} aria-label={label || undefined}>
      {label ? <h2 className="as-heading-m">{label}</h2> : null}
      {children}
    </section>
  );
}

function GuidanceLabel({ label }: LayoutProps) {
  return <p className="as-body as-guidance">{label}</p>;
}

function UnknownLayout({ uischema }: LayoutProps) {
  return <p className="as-fallback">This part of the form ({String(uischema.type)}) cannot be shown here.</p>;
}

/** An element no layout takes is shown as such, never silently dropped. */
export const unknownLayoutEntry: LayoutEntry = { name: 'UnknownLayout', tester: rankWith(0, not(isControl)), renderer: UnknownLayout };

/**
 * Our layouts, ranked as JSON Forms ranks its own (`rankWith(1, uiTypeIs(…))`). Frozen: a host
 * passes its own list to the form (`layouts`).
 * @public
 */
export const defaultLayouts: readonly LayoutEntry[] = Object.freeze([
  { name: 'StackLayout', tester: rankWith(1, or(uiTypeIs('VerticalLayout'), uiTypeIs('HorizontalLayout'), uiTypeIs('Category'))), renderer: StackLayout },
  { name: 'GroupLayout', tester: rankWith(1, uiTypeIs('Group')), renderer: GroupLayout },
  { name: 'Label', tester: rankWith(1, uiTypeIs('Label')), renderer: GuidanceLabel },
  unknownLayoutEntry,
]);
