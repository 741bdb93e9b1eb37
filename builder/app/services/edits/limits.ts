import { scopeKey } from '../../../../runtime/core/index';
import { isObject, objectAt, own, ownArray, ownObject, type JsonObject } from './json';
import { findControl, findMemberControl, type QuestionRef, type RawDefinition } from './questions';

/**
 * The properties of a question beyond its wording (issue 17.5): the range of a number, the length
 * of a text, the longer help, and a choice shown as a drop-down. Each is one keyword of
 * docs/definition-format.md "Question types"; null or an empty value removes it.
 */
export interface LimitsPatch {
  minimum?: number | null;
  maximum?: number | null;
  /** True: whole numbers (`integer`); false: decimals allowed (`number`). */
  integer?: boolean;
  maxLength?: number | null;
  /** `x-help`, the guidance behind the question's "Help" disclosure; '' removes it. */
  help?: string;
  /** A single choice shown as a drop-down list (`options.format: "select"` on its control). */
  dropdown?: boolean;
}

function setOrDelete(schema: JsonObject, key: string, value: number | null | undefined): void {
  if (value === undefined) return;
  if (value === null || !Number.isFinite(value)) delete schema[key];
  else schema[key] = value;
}

/** Applies a limits patch to a question's schema (in the copy being edited) and its control. */
export function applyLimits(def: RawDefinition, ref: QuestionRef, schema: JsonObject, patch: LimitsPatch): void {
  setOrDelete(schema, 'minimum', patch.minimum);
  setOrDelete(schema, 'maximum', patch.maximum);
  setOrDelete(schema, 'maxLength', patch.maxLength);
  if (patch.integer !== undefined && (schema.type === 'integer' || schema.type === 'number')) schema.type = patch.integer ? 'integer' : 'number';
  if (patch.help !== undefined) {
    if (patch.help === '') delete schema['x-help'];
    else schema['x-help'] = patch.help;
  }
  if (patch.dropdown !== undefined) {
    const control = controlOf(def, ref);
    if (!control) return;
    if (patch.dropdown) objectAt(control, 'options').format = 'select';
    else {
      const options = ownObject(control, 'options');
      if (options && options.format === 'select') delete options.format;
      if (options && Object.keys(options).length === 0) delete control.options;
    }
  }
}

/** The control showing a question: a top-level one, an object group's, or a group item's in the group's detail layout. */
export function controlOf(def: RawDefinition, ref: QuestionRef): JsonObject | undefined {
  if (ref.object !== undefined) return findMemberControl(def, ref.object, ref.key);
  if (!ref.group) return findControl(def, ref.key);
  const detail = ownObject(ownObject(findControl(def, ref.group), 'options'), 'detail');
  return findIn(detail, ref.key);
}

function findIn(node: unknown, key: string): JsonObject | undefined {
  if (!isObject(node)) return undefined;
  if (own(node, 'type') === 'Control' && scopeKey(own(node, 'scope')) === key) return node;
  for (const child of ownArray(node, 'elements') ?? []) {
    const found = findIn(child, key);
    if (found) return found;
  }
  return undefined;
}
