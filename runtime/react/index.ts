/**
 * The runtime's public entry point for hosts: the React component, `mount`, the storage
 * adapters, and the types they take. The custom element and the iframe protocol have their own
 * entry points (`assessment-studio/element`, `assessment-studio/embed-protocol`).
 */
export { AssessmentForm, type AssessmentFormProps } from './AssessmentForm';
export { DefinitionRefused } from './DefinitionRefused';
export { createFormController, FormController } from './model/controller';
export type {
  BaseFormOptions,
  BriefProblem,
  ChangeOptions,
  FormError,
  FormOptions,
  JsonFormsChange,
  Notice,
  ValidationState,
  View,
} from './model/formOptions';
export type { FormI18n } from './model/i18n';
export type { FieldError, ValidateFunction } from './model/validation';
export { mount, type MountedForm, type MountOptions } from './embed/mount';
export { memoryStorage } from './storage/memory';
export { indexedDbStorage } from './storage/indexedDb';
export type { Draft, DraftStorage, StoredDraft } from './storage/types';
export { draftKeyPrefix, isDraftKeyOf } from './storage/types';
export { DraftChooser, type DraftChooserProps } from './drafts/DraftChooser';
export { listFormDrafts } from './drafts/list';
export { migrateDraft } from './drafts/migrateDraft';
export { subjectDraftKey } from './drafts/keys';
export { defaultRenderers, pickRenderer, type ChoiceOption, type ControlProps, type RendererEntry } from './renderers/index';
export { defaultLayouts, type LayoutEntry, type LayoutProps } from './layout/layouts';
export {
  and,
  isBooleanControl,
  isControl,
  isDateControl,
  isEnumControl,
  isIntegerControl,
  isMultiLineControl,
  isNumberControl,
  isObjectArrayControl,
  isOneOfEnumControl,
  isStringControl,
  isTimeControl,
  not,
  optionIs,
  or,
  rankWith,
  schemaMatches,
  scopeEndsWith,
  uiTypeIs,
  type RankedTester,
  type Tester,
} from './renderers/testers';
export type { Answers, Definition, ResponseEnvelope } from '../core/index';
