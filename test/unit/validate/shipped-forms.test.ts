import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRules, checkSchemaSafety, loadDefinitionText, tryCompileValidator, validateResponse, visibleQuestionKeys, type CompiledValidator, type Definition } from '../../../runtime/core/index';
import { standaloneValidatorModule } from '../../../runtime/node/standalone';

const ROOT = join(import.meta.dirname, '../../../form-definitions');
const dir = mkdtempSync(join(tmpdir(), 'as-shipped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shipped: Array<{ name: string; definition: Definition }> = [];
for (const id of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
  for (const file of readdirSync(join(ROOT, id)).filter((f) => f.endsWith('.json'))) {
    const loaded = loadDefinitionText(readFileSync(join(ROOT, id, file), 'utf8'));
    if (loaded.ok) shipped.push({ name: `${id}/${file}`, definition: loaded.value });
  }
}

describe.runIf(shipped.length > 0)('shipped forms through validation', () => {
  it.each(shipped)('$name: safe, compiles, and its rules run on the eval-free engine', ({ definition }) => {
    expect(checkSchemaSafety(definition.schema, '/schema')).toEqual([]);
    expect(checkRules(definition)).toEqual([]);
    expect(tryCompileValidator(definition).ok).toBe(true);
    const empty = validateResponse(definition, {});
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((p) => p.code === 'answer-required' && /^\/[^/]+$/.test(p.path) && !/must|undefined/.test(p.message))).toBe(true);
    expect(visibleQuestionKeys(definition, {}).length).toBeGreaterThan(0);
  });

  it.each(shipped)('$name: the ahead-of-time module agrees with the runtime validator', async ({ name, definition }) => {
    const file = join(dir, name.replace(/[/.]/g, '-') + '.mjs');
    writeFileSync(file, standaloneValidatorModule(definition));
    const { validate } = (await import(pathToFileURL(file).href)) as { validate: CompiledValidator };
    for (const answers of [{}, { safeToTalk: true }, { safeToTalk: false }]) {
      expect(validateResponse(definition, answers, { validator: validate })).toEqual(validateResponse(definition, answers));
    }
  });
});
