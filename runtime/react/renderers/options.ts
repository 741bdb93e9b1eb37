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
          const option: ChoiceOption = { value: o.const, label: t && base ? t(`${base}/${kw}/${i}/title`, fallback) : fallback };
          if (source !== schema && isExclusive(o)) option.exclusive = true;
          return option;
        });
    }
  }
  if (Array.isArray(source.enum)) return source.enum.map((v) => ({ value: v, label: String(v) }));
  return [];
}

/**
 * Whether a checkbox option excludes the others: `"x-exclusive": true` says so, `false` says not;
 * unsaid, the option coded `none` is exclusive. Every shipped form codes its "None of these" /
 * "None" / "Nothing at this time" option `none` (the titles differ, and translations change them,
 * but option codes are stable across versions and languages), and no shipped checkbox uses `none`
 * for anything else, so the published forms get the GOV.UK behaviour without being edited.
 */
export function isExclusive(option: JsonSchema): boolean {
  const declared = option['x-exclusive'];
  return typeof declared === 'boolean' ? declared : option.const === 'none';
}

export function propertyPointer(key: string): string {
  return `/schema/properties/${escapePointer(key)}`;
}
