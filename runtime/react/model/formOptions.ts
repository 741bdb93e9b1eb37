import type { LayoutEntry } from '../layout/layouts';
import type { RendererEntry } from '../renderers/types';
import type { ChangeOptions, HostFormOptions } from './hostOptions';

/**
 * What a host gives a form, and what the form tells it: the options of `createFormController`,
 * `mount` and `<AssessmentForm>`. The React renderers are the only options whose types need React;
 * the rest are in hostOptions.ts, which the React-free entry points' types reach.
 */
export type {
  BriefProblem,
  ChangeOptions,
  FormError,
  HostFormOptions,
  JsonFormsChange,
  Notice,
  ValidationState,
  View,
} from './hostOptions';

/** Options every embed accepts (React props, `mount`, the custom element, the iframe page). @public */
export type FormOptions = BaseFormOptions & ChangeOptions;

/** @public */
export interface BaseFormOptions extends HostFormOptions {
  /**
   * The control renderers this form picks from, ranked by their JSON Forms testers (default:
   * `defaultRenderers`; spread it to add to it). Renderers written for `@jsonforms/react` go in
   * through `assessment-studio/jsonforms`.
   */
  renderers?: readonly RendererEntry[];
  /** The layout renderers (Group, VerticalLayout, Label…), ranked the same way (default: `defaultLayouts`). */
  layouts?: readonly LayoutEntry[];
}
