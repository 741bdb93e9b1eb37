import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { definitionJsonSchema } from '../../../runtime/core/index';
import { fixtureJson } from './fixtures';

const committed = readFileSync(join(__dirname, '../../../schemas/definition.schema.json'), 'utf8');

describe('schemas/definition.schema.json', () => {
  it('is what the zod envelope generates (run `npm run gen:schemas` after changing envelope.ts)', () => {
    expect(committed).toBe(JSON.stringify(definitionJsonSchema(), null, 2) + '\n');
  });

  it('accepts a valid definition and refuses a broken envelope, as editors will', () => {
    const validate = new Ajv2020({ strict: true }).compile(JSON.parse(committed));
    expect(validate(fixtureJson('valid'))).toBe(true);
    expect(validate(fixtureJson('envelope-invalid'))).toBe(false);
  });
});
