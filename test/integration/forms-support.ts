import type { Definition } from '../../runtime/core/index';

/**
 * Small readers of the shipped definitions for the forms tests, written independently of lint's
 * model so the tests check the forms, not lint against itself.
 */
type Json = Record<string, unknown>;

export interface CodeInfo {
  key: string;
  /** For a group item: the group's key. */
  group?: string;
  code: string;
  pointer: string;
  /** What the answer is: `choice`, `choices`, `group`, or the JSON type plus format. */
  type: string;
  options?: Array<{ const: unknown; title?: unknown }>;
  schema: Json;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function describeQuestion(key: string, schema: Json, pointer: string, group?: string): CodeInfo {
  const items = isObject(schema.items) ? schema.items : undefined;
  let type: string;
  let options: CodeInfo['options'];
  if (Array.isArray(schema.oneOf)) {
    type = 'choice';
    options = schema.oneOf as CodeInfo['options'];
  } else if (schema.type === 'array' && items && Array.isArray(items.oneOf)) {
    type = 'choices';
    options = items.oneOf as CodeInfo['options'];
  } else if (schema.type === 'array' && items && isObject(items.properties)) type = 'group';
  else type = [schema.type, schema.format].filter(Boolean).join(':');
  return { key, ...(group ? { group } : {}), code: String(schema['x-code']), pointer, type, ...(options ? { options } : {}), schema };
}

/** Every question, group and group item, with its own x-code (never one inherited through `$ref`). */
export function codesOf(definition: Definition): CodeInfo[] {
  const out: CodeInfo[] = [];
  const properties = (definition.schema.properties ?? {}) as Record<string, Json>;
  for (const [key, schema] of Object.entries(properties)) {
    const q = describeQuestion(key, schema, `/schema/properties/${key}`);
    out.push(q);
    if (q.type === 'group') {
      const itemProps = (schema.items as Json).properties as Record<string, Json>;
      for (const [itemKey, itemSchema] of Object.entries(itemProps)) {
        out.push(describeQuestion(itemKey, itemSchema, `/schema/properties/${key}/items/properties/${itemKey}`, key));
      }
    }
  }
  return out;
}

/** Keys shown by a Control: `key` for top-level questions, `group/key` for items in a group's detail. */
export function uiScopes(uischema: unknown): Set<string> {
  const shown = new Set<string>();
  const walk = (node: unknown, group: string | undefined): void => {
    if (!isObject(node)) return;
    const scope = typeof node.scope === 'string' ? node.scope : undefined;
    const key = scope?.match(/^#\/properties\/([^/]+)$/)?.[1];
    if (node.type === 'Control' && key) shown.add(group ? `${group}/${key}` : key);
    if (Array.isArray(node.elements)) node.elements.forEach((e) => walk(e, group));
    const detail = isObject(node.options) ? node.options.detail : undefined;
    if (detail && key) walk(detail, key);
  };
  walk(uischema, undefined);
  return shown;
}

/** The UI elements that show a key, each with the chain of its ancestors (outermost first). */
export function controlsWithAncestors(uischema: unknown, key: string): Json[][] {
  const found: Json[][] = [];
  const walk = (node: unknown, chain: Json[]): void => {
    if (!isObject(node)) return;
    const here = [...chain, node];
    if (node.type === 'Control' && node.scope === `#/properties/${key}`) found.push(here);
    if (Array.isArray(node.elements)) node.elements.forEach((e) => walk(e, here));
  };
  walk(uischema, []);
  return found;
}

/** Every Label's text with the rule condition that shows it (if any). */
export function labels(uischema: unknown): Array<{ text: string; condition?: Json }> {
  const out: Array<{ text: string; condition?: Json }> = [];
  const walk = (node: unknown): void => {
    if (!isObject(node)) return;
    if (node.type === 'Label' && typeof node.text === 'string') {
      const rule = isObject(node.rule) ? node.rule : undefined;
      out.push({ text: node.text, ...(rule && isObject(rule.condition) ? { condition: rule.condition } : {}) });
    }
    if (Array.isArray(node.elements)) node.elements.forEach(walk);
  };
  walk(uischema);
  return out;
}
