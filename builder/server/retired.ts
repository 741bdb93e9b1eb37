import { decodeUtf8 } from '../../runtime/core/index';
import { readRegular, writeAtomic } from './disk';

/**
 * Forms retired as a whole (issue 17): no longer offered to practitioners, while every published
 * version stays on disk, unchanged and readable for exports. A published file never changes, so
 * retirement is recorded beside them, in `form-definitions/.retired-forms.json`
 * (`{ "<id>": { "retiredAt": "<date>" } }`; a dot-file, so lint never takes it for a definition).
 * A damaged or hostile record is read as "nothing retired" for those entries, never executed.
 */
export const RETIRED_FILE = '.retired-forms.json';

export type RetiredRecord = Record<string, { retiredAt: string }>;

export async function readRetired(formsDir: string): Promise<RetiredRecord> {
  const bytes = await readRegular(formsDir, RETIRED_FILE);
  const record = Object.create(null) as RetiredRecord;
  if (!bytes) return record;
  const text = decodeUtf8(bytes);
  if (!text.ok) return record;
  let value: unknown;
  try {
    value = JSON.parse(text.value);
  } catch {
    return record;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return record;
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    const at = typeof entry === 'object' && entry !== null ? (entry as { retiredAt?: unknown }).retiredAt : undefined;
    if (typeof at === 'string' && at.length <= 40) record[id] = { retiredAt: at };
  }
  return record;
}

export async function writeRetired(formsDir: string, record: RetiredRecord): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  await writeAtomic(formsDir, [RETIRED_FILE], JSON.stringify(sorted, null, 2) + '\n');
}
