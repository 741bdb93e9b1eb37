/**
 * The preview's answers survive edits: an answer is kept while its question still exists (by
 * answer key; inside a repeatable group, by item key). Pure.
 */
type Answers = Record<string, unknown>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function ownProps(schema: unknown): Record<string, unknown> {
  const props = isObject(schema) && Object.prototype.hasOwnProperty.call(schema, 'properties') ? schema.properties : undefined;
  return isObject(props) ? props : {};
}

export function keepAnswers(answers: Answers, schema: unknown): Answers {
  const props = ownProps(schema);
  const kept: Answers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (!Object.prototype.hasOwnProperty.call(props, key)) continue;
    const prop = props[key];
    const items = isObject(prop) ? prop.items : undefined;
    if (Array.isArray(value) && isObject(items) && isObject(items.properties)) {
      const itemProps = ownProps(items);
      kept[key] = value.map((row) => (isObject(row) ? Object.fromEntries(Object.entries(row).filter(([k]) => Object.prototype.hasOwnProperty.call(itemProps, k))) : row));
    } else kept[key] = value;
  }
  return kept;
}

/**
 * Moves answers across answer keys renamed since the preview last rebuilt (a new question's key
 * follows its label), in the order they happened, so "a" → "ab" → "abc" carries one answer. A key
 * that already holds an answer is never overwritten. Pure: returns a new object.
 */
export function carryRenames(answers: Answers, renames: ReadonlyArray<{ from: string; to: string; group?: string; object?: string }>): Answers {
  let out: Answers = { ...answers };
  for (const r of renames) {
    if (r.object !== undefined) {
      // A question of an object group: its answer sits inside the object's.
      const inner = out[r.object];
      if (isObject(inner)) out[r.object] = carryRenames(inner, [{ from: r.from, to: r.to }]);
      continue;
    }
    if (!r.group) {
      if (Object.prototype.hasOwnProperty.call(out, r.from) && !Object.prototype.hasOwnProperty.call(out, r.to)) {
        const { [r.from]: value, ...rest } = out;
        out = { ...rest, [r.to]: value };
      }
      continue;
    }
    const rows = out[r.group];
    if (!Array.isArray(rows)) continue;
    out[r.group] = rows.map((row) => {
      if (!isObject(row) || !Object.prototype.hasOwnProperty.call(row, r.from) || Object.prototype.hasOwnProperty.call(row, r.to)) return row;
      const { [r.from]: value, ...rest } = row;
      return { ...rest, [r.to]: value };
    });
  }
  return out;
}
