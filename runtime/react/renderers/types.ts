import type { ComponentType } from 'react';
import type { RankedTester } from './testers';
import type { JsonSchema, UiElement } from '../model/formModel';

export interface ChoiceOption {
  value: unknown;
  label: string;
  /** A checkbox that cannot be ticked with the others ("None of these"): core's form model decides which. */
  exclusive?: boolean;
}

/** What every control renderer receives; renderers keep no state of their own beyond UI-only bits. */
export interface ControlProps {
  /** DOM id of the control's first input: error-summary links point here. */
  id: string;
  pointer: string;
  schema: JsonSchema;
  uischema: UiElement;
  label: string;
  hint?: string;
  help?: string;
  required: boolean;
  value: unknown;
  onChange(value: unknown): void;
  onBlur(): void;
  error?: string;
  enabled: boolean;
  options: ChoiceOption[];
}

export interface RendererEntry {
  name: string;
  tester: RankedTester;
  renderer: ComponentType<ControlProps>;
}
