import type { JsonSchema } from '../model/formModel';
import { escapePointer } from '../model/formModel';
import type { ChoiceOption } from './types';

/** Options of a choice (oneOf const/title, enum, boolean Yes/No, or an array's items). */
export function choiceOptions(schema: JsonSchema, t?: (pointer: string, fallback: string) => string, basePointer?: string): ChoiceOption[] {
  if (schema.type === 'boolean') return [{ value: true, label: 'Yes' }, { value: false, label: 'No' }];
  let source = schema;
  let base = basePointer;
  if (schema.type === 'array' && schema.items && typeof schema.items === 'object') {
    source = schema.items as JsonSchema;
    base = basePointer ? `${basePointer}/items` : undefined;
  }
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const list = source[kw];
    if (Array.isArray(list)) {
      return list
        .filter((o): o is JsonSchema => !!o && typeof o === 'object' && 'const' in o)
        .map((o, i) => {
          const fallback = typeof o.title === 'string' ? o.title : String(o.const);
          return { value: o.const, label: t && base ? t(`${base}/${kw}/${i}/title`, fallback) : fallback };
        });
    }
  }
  if (Array.isArray(source.enum)) return source.enum.map((v) => ({ value: v, label: String(v) }));
  return [];
}

export function propertyPointer(key: string): string {
  return `/schema/properties/${escapePointer(key)}`;
}
