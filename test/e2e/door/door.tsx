import type { ControlProps as JsonFormsControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { InputControl, vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { createRoot, type Root } from 'react-dom/client';
import type { Definition } from '../../../runtime/core/index';
import {
  and,
  AssessmentForm,
  createFormController,
  defaultLayouts,
  defaultRenderers,
  isDateControl,
  isMultiLineControl,
  isStringControl,
  isTimeControl,
  mount,
  not,
  or,
  rankWith,
  schemaMatches,
  scopeEndsWith,
  type AssessmentFormProps,
  type MountedForm,
  type MountOptions,
} from '../../../runtime/react/index';
import { fromJsonForms, jsonFormsRenderer } from '../../../runtime/react/jsonforms/index';
import '../../../runtime/react/styles.css';
import { hostile } from './hostile';
import { workloadDefinition } from '../../bench/workload';

/**
 * The page test/e2e/runtime-jsonforms-door.test.ts drives: a host with the JSON Forms adapter in
 * its bundle (runtime-option-identity.test.ts renders its own definitions with it too). The test
 * builds each form's options in the page (`window.__door`), so renderers, translators and callbacks
 * are real functions of the page.
 */
const shipped = import.meta.glob<Definition>('../../../form-definitions/*/*.json', { eager: true, import: 'default' });

declare global {
  interface Window {
    __door: typeof door;
    /** Hostile definitions for each surface (hostile.tsx). */
    __hostile: typeof hostile;
    __asRenderCount?: number;
    /** Renders of the host's own JSON Forms renderer below (its body, after JSON Forms' memo). */
    __jsonFormsRenders?: number;
  }
}

/** A host's own renderer for `@jsonforms/react`: a text box that counts its renders. */
function CountingText({ data, path, handleChange, label, errors, enabled, id, visible }: JsonFormsControlProps) {
  window.__jsonFormsRenders = (window.__jsonFormsRenders ?? 0) + 1;
  if (!visible) return null;
  return (
    <div className="counting-text">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={typeof data === 'string' ? data : ''} disabled={!enabled} onChange={(e) => handleChange(path, e.target.value === '' ? undefined : e.target.value)} />
      {errors ? <p className="counting-text__errors">{errors}</p> : null}
    </div>
  );
}
const isPlainText = and(isStringControl, not(or(isMultiLineControl, isDateControl, isTimeControl, schemaMatches((s) => Array.isArray(s.oneOf) || Array.isArray(s.enum)))));

let root: Root | null = null;
const door = {
  events: [] as string[],
  form: null as MountedForm | null,
  definition(name: string): Definition {
    if (name.startsWith('workload:')) return workloadDefinition(Number(name.slice('workload:'.length)));
    const hit = Object.entries(shipped).find(([path]) => path.endsWith(`/form-definitions/${name}.json`));
    if (!hit) throw new Error(`no shipped form ${name}`);
    return hit[1];
  },
  defaultRenderers,
  defaultLayouts,
  rankWith,
  scopeEndsWith,
  vanilla: fromJsonForms(vanillaRenderers, { cells: vanillaCells }),
  /** One stock vanilla control for the questions `scopeEnd` names, ranked above ours. */
  vanillaInput: (scopeEnd: string) => fromJsonForms([{ tester: rankWith(50, scopeEndsWith(scopeEnd)), renderer: InputControl }], { cells: vanillaCells }).renderers,
  countingText: jsonFormsRenderer(rankWith(60, isPlainText), withJsonFormsControlProps(CountingText)),
  mount(options: MountOptions): void {
    door.form = mount(document.getElementById('root')!, options);
  },
  /** A React host: the same root re-rendered with new props (readonly, additionalErrors… changing). */
  render(props: AssessmentFormProps): void {
    root ??= createRoot(document.getElementById('root')!);
    root.render(<AssessmentForm {...props} />);
  },
  /** As the builder's preview renders a draft: with a controller of its own, so lint refuses nothing. */
  renderAsPreview(props: AssessmentFormProps): void {
    root ??= createRoot(document.getElementById('root')!);
    root.render(<AssessmentForm {...props} controller={createFormController(props)} />);
  },
};
window.__door = door;
window.__hostile = hostile;
