import { walkSchema } from '../model/schema-walk';
import type { FormModel, JsonObject } from '../model/types';
import { strictFindings, type StrictFinding } from '../validate/keywords';
import { isKnownKeyword } from '../validate/known-keywords';
import { nearestKeyword } from './nearest-keyword';

/**
 * What several lint rules read of the schema, worked out once per model: every subschema with its
 * pointer (in document order), what strict mode would refuse, and which of that are typos. At the question limit a walk
 * costs tens of milliseconds, and a dozen rules each walking for itself added up to seconds.
 */
export interface SchemaNode {
  node: JsonObject;
  pointer: string;
}

const nodesCache = new WeakMap<FormModel, SchemaNode[]>();
const findingsCache = new WeakMap<FormModel, StrictFinding[]>();
const misspeltCache = new WeakMap<FormModel, Map<StrictFinding, string>>();

/** Every subschema of the form's schema (walkSchema's order), pointers starting `/schema`. */
export function schemaNodes(model: FormModel): SchemaNode[] {
  let nodes = nodesCache.get(model);
  if (!nodes) {
    const list: SchemaNode[] = [];
    walkSchema(model.schema, '/schema', (node, pointer) => list.push({ node, pointer }));
    nodesCache.set(model, (nodes = list));
  }
  return nodes;
}

/** strictFindings of the form's schema, against the validator's known keywords. */
export function schemaStrictFindings(model: FormModel): StrictFinding[] {
  let findings = findingsCache.get(model);
  if (!findings) findingsCache.set(model, (findings = strictFindings(model.schema, '/schema', isKnownKeyword)));
  return findings;
}

/**
 * The unknown keywords of schemaStrictFindings that are typos of a known one, each with the keyword
 * meant: keyword-misspelt reports them, schema-invalid and extension-unknown leave them out.
 */
export function schemaMisspellings(model: FormModel): Map<StrictFinding, string> {
  let found = misspeltCache.get(model);
  if (!found) {
    found = new Map();
    for (const finding of schemaStrictFindings(model)) {
      const suggestion = finding.unknown ? nearestKeyword(finding.keyword) : undefined;
      if (suggestion) found.set(finding, suggestion);
    }
    misspeltCache.set(model, found);
  }
  return found;
}
