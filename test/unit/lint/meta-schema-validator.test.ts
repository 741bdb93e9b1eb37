import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import validateMetaSchema from '../../../runtime/core/lint/meta-schema-validator';
import { createAjv } from '../../../runtime/core/index';

describe('the ahead-of-time draft 2020-12 meta-schema validator', () => {
  it('is generated from the installed AJV (not stale, never hand-edited)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-meta-validator.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('contains no eval or new Function', () => {
    const source = readFileSync('runtime/core/lint/meta-schema-validator.js', 'utf8');
    expect(source).not.toMatch(/\bnew Function\b|\bFunction\(|\beval\(/);
  });

  it('agrees with AJV at run time on valid and invalid schemas', () => {
    const ajv = createAjv();
    const schemas: unknown[] = [
      { type: 'object', properties: { a: { type: 'string', maxLength: 5 } } },
      { type: 'object', properties: { a: { type: 'strin' } } },
      { type: 'object', required: 'a' },
      { type: 'object', properties: { a: { minimum: 'zero' } } },
      { $defs: { x: { enum: [] } }, allOf: [{ $ref: '#/$defs/x' }] },
      true,
      { items: [{ type: 'string' }] },
    ];
    for (const schema of schemas) {
      expect(validateMetaSchema(schema), JSON.stringify(schema)).toBe(ajv.validateSchema(schema as object));
    }
  });
});
