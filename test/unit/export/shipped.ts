import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDefinitionText, type Definition, type ResponseEnvelope } from '../../../runtime/core/index';

const ROOT = join(__dirname, '../../..');
const FORMS = join(ROOT, 'form-definitions');
const RESPONSES = join(ROOT, 'test/fixtures/responses');

export interface ShippedForm {
  ref: string;
  definition: Definition;
  /** The example response envelopes (`valid-*.json`), by file name. */
  examples: Array<{ file: string; response: ResponseEnvelope }>;
}

/** Every form version in form-definitions/, with its example responses. */
export function shippedForms(): ShippedForm[] {
  const out: ShippedForm[] = [];
  for (const id of readdirSync(FORMS).filter((f) => !f.endsWith('.json')).sort()) {
    for (const file of readdirSync(join(FORMS, id)).filter((f) => f.endsWith('.json')).sort()) {
      const loaded = loadDefinitionText(readFileSync(join(FORMS, id, file), 'utf8'));
      if (!loaded.ok) throw new Error(`${id}/${file}: ${JSON.stringify(loaded.problems)}`);
      const ref = `${id}/${file.slice(0, -'.json'.length)}`;
      const dir = join(RESPONSES, ref);
      const examples = existsSync(dir)
        ? readdirSync(dir).filter((f) => /^valid-.*\.json$/.test(f)).sort()
          .map((f) => ({ file: f, response: JSON.parse(readFileSync(join(dir, f), 'utf8')) as ResponseEnvelope }))
        : [];
      out.push({ ref, definition: loaded.value, examples });
    }
  }
  return out;
}
