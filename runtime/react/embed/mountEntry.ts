/**
 * Entry point `assessment-studio/mount`: `mount()` for hosts that do not write React. The same
 * function as `assessment-studio`'s, typed without React (no `@types/react` needed): it takes every
 * option but `renderers` and `layouts`, which are React components (use the main entry for those).
 */
import type { ChangeOptions, HostFormOptions } from '../model/hostOptions';
import { mount as mountForm } from './mount';
import type { MountedForm } from './mountedForm';

/** @public */
export type MountOptions = HostFormOptions & ChangeOptions;

/**
 * Renders a form into any element. The definition is checked first (size, depth, envelope, the
 * lint rules rendering depends on): one that fails is shown as a refusal, never rendered.
 * @public
 */
export function mount(element: Element, options: MountOptions): MountedForm {
  return mountForm(element, options);
}

export type { MountedForm } from './mountedForm';
export type { BriefProblem, ChangeOptions, FormError, HostFormOptions, JsonFormsChange, ValidationState } from '../model/hostOptions';
export type { FormI18n, JsonSchema, RankedTester, Tester, TesterContext, UISchemaElement, ValidationMode } from '../jsonFormsShapes';
export type { FieldError, ValidateFunction } from '../model/validation';
export type { Draft, DraftStorage, StoredDraft } from '../storage/types';
export type { Answers, Definition, ResponseEnvelope } from '../../core/index';
export { memoryStorage } from '../storage/memory';
export { indexedDbStorage } from '../storage/indexedDb';
