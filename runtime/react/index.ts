/**
 * The runtime's public entry point for hosts: the React component, `mount`, the storage
 * adapters, and the types they take. The custom element and the iframe protocol have their own
 * entry points (`assessment-studio/element`, `assessment-studio/embed-protocol`).
 */
export { AssessmentForm, type AssessmentFormProps } from './AssessmentForm';
export { createFormController, FormController, type FormError, type FormOptions, type Notice, type ValidationState, type View } from './model/controller';
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
export { controlRenderers, pickRenderer, type ControlProps, type RendererEntry } from './renderers/index';
export type { Answers, Definition, ResponseEnvelope } from '../core/index';
