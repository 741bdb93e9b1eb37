import { isObject, own, ownArray, ownObject, ownString, type JsonObject } from './json';

/** What a policy lead picks from the palette. */
export const questionKinds = [
  'single-choice',
  'multiple-choice',
  'text',
  'long-text',
  'number',
  'date',
  'time',
  'yes-no',
  'group',
] as const;
export type QuestionKind = (typeof questionKinds)[number];
export type PaletteKind = QuestionKind | 'section' | 'guidance';

export const kindLabels: Record<PaletteKind | 'unknown', string> = {
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  text: 'Text',
  'long-text': 'Long text',
  number: 'Number',
  date: 'Date',
  time: 'Time',
  'yes-no': 'Yes / no',
  group: 'Repeatable group',
  section: 'Section',
  guidance: 'Guidance text',
  unknown: 'Other',
};

export const paletteKinds: PaletteKind[] = [...questionKinds, 'section', 'guidance'];

export interface ChoiceOption {
  code: string;
  label: string;
}

const defaultOptions: ChoiceOption[] = [
  { code: 'option_1', label: 'Option 1' },
  { code: 'option_2', label: 'Option 2' },
];

/** The schema of a new question of a kind, as docs/definition-format.md "Question types" writes it. */
export function schemaForKind(kind: QuestionKind, title: string, code: string): JsonObject {
  const base = { title, 'x-code': code };
  const oneOf = () => defaultOptions.map((o) => ({ const: o.code, title: o.label }));
  switch (kind) {
    case 'text':
      return { type: 'string', maxLength: 500, ...base };
    case 'long-text':
      return { type: 'string', maxLength: 5000, ...base };
    case 'number':
      return { type: 'integer', minimum: 0, ...base };
    case 'yes-no':
      return { type: 'boolean', ...base };
    case 'single-choice':
      return { type: 'string', oneOf: oneOf(), ...base };
    case 'multiple-choice':
      return { type: 'array', uniqueItems: true, items: { type: 'string', oneOf: oneOf() }, ...base };
    case 'date':
      return { type: 'string', format: 'date', ...base };
    case 'time':
      return { type: 'string', format: 'time', ...base };
    case 'group':
      return { type: 'array', items: { type: 'object', properties: {}, required: [] }, ...base };
  }
}

/** The UI control for a new question of a kind. */
export function controlForKind(kind: QuestionKind, scope: string): JsonObject {
  const control: JsonObject = { type: 'Control', scope };
  if (kind === 'long-text') control.options = { multi: true };
  if (kind === 'group') control.options = { detail: { type: 'VerticalLayout', elements: [] } };
  return control;
}

/** Works out the kind of an existing question from its schema (and control, for long text). */
export function kindOf(schema: unknown, control?: unknown): QuestionKind | 'unknown' {
  if (!isObject(schema)) return 'unknown';
  const type = own(schema, 'type');
  if (type === 'boolean') return 'yes-no';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'array') {
    const items = ownObject(schema, 'items');
    if (items && (own(items, 'type') === 'object' || ownObject(items, 'properties'))) return 'group';
    if (items && (ownArray(items, 'oneOf') || ownArray(items, 'enum'))) return 'multiple-choice';
    return 'unknown';
  }
  if (type === 'string') {
    if (ownArray(schema, 'oneOf') || ownArray(schema, 'enum')) return 'single-choice';
    const format = ownString(schema, 'format');
    if (format === 'date') return 'date';
    if (format === 'time') return 'time';
    const multi = own(ownObject(control, 'options'), 'multi') === true;
    return multi ? 'long-text' : 'text';
  }
  return 'unknown';
}

/** The schema node holding a choice question's options (the question itself, or its items). */
export function optionsHolder(schema: JsonObject): JsonObject | undefined {
  const kind = kindOf(schema);
  if (kind === 'single-choice') return schema;
  if (kind === 'multiple-choice') return ownObject(schema, 'items');
  return undefined;
}

export function readOptions(schema: JsonObject): ChoiceOption[] {
  const holder = optionsHolder(schema);
  if (!holder) return [];
  const oneOf = ownArray(holder, 'oneOf');
  if (oneOf) {
    return oneOf.filter(isObject).map((o) => ({ code: String(own(o, 'const') ?? ''), label: ownString(o, 'title') ?? String(own(o, 'const') ?? '') }));
  }
  return (ownArray(holder, 'enum') ?? []).map((v) => ({ code: String(v), label: String(v) }));
}

export function writeOptions(schema: JsonObject, options: ChoiceOption[]): void {
  const holder = optionsHolder(schema);
  if (!holder) return;
  delete holder.enum;
  holder.oneOf = options.map((o) => ({ const: o.code, title: o.label }));
}
