import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Issue 16's classes of file a policy lead or an attacker can make with an ordinary editor, each
 * a copy of the valid lint fixture (`lint-example` 1.0.0) with one fault, and the problem code and
 * pointer every surface must refuse it with.
 */
export interface HostileDefinition {
  name: string;
  bytes: Buffer;
  code: string;
  path: string;
}

export const validDefinitionText = readFileSync(join(__dirname, '../fixtures/definitions/valid.json'), 'utf8');

function edited(find: string, replace: string): Buffer {
  if (!validDefinitionText.includes(find)) throw new Error(`the valid fixture no longer holds ${find}`);
  return Buffer.from(validDefinitionText.replace(find, replace), 'utf8');
}

const [beforeTitle, afterTitle] = validDefinitionText.split('Lint example') as [string, string];
const age = '/schema/properties/children/items/properties/age';

export const hostileDefinitions: HostileDefinition[] = [
  { name: 'a byte-order mark', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validDefinitionText)]), code: 'encoding-bom', path: '' },
  { name: 'UTF-16 with a byte-order mark', bytes: Buffer.from('\ufeff' + validDefinitionText, 'utf16le'), code: 'encoding-utf16', path: '' },
  { name: 'UTF-16 without a byte-order mark', bytes: Buffer.from(validDefinitionText, 'utf16le'), code: 'encoding-utf16', path: '' },
  { name: 'an overlong byte sequence', bytes: Buffer.concat([Buffer.from(beforeTitle), Buffer.from([0xc0, 0xaf]), Buffer.from(afterTitle)]), code: 'encoding-invalid', path: '' },
  { name: 'a key written twice', bytes: edited('"version": "1.0.0",', '"version": "1.0.0",\n  "version": "1.0.1",'), code: 'key-duplicate', path: '/version' },
  { name: 'a lone surrogate in a title', bytes: edited('"title": "Lint example"', '"title": "Lint \\ud800example"'), code: 'string-lone-surrogate', path: '/title' },
  { name: 'a lone surrogate in a key', bytes: edited('"section": "all"', '"section": "all", "\\udc00": "x"'), code: 'string-lone-surrogate', path: '/source/\udc00' },
  { name: 'a number too large for a double', bytes: edited('"minimum": 0, "maximum": 25', '"minimum": 0, "maximum": 1e400'), code: 'number-not-finite', path: `${age}/maximum` },
  { name: 'an integer beyond 2^53 as a bound', bytes: edited('"minimum": 0, "maximum": 25', '"minimum": 0, "maximum": 9007199254740993'), code: 'number-unsafe-integer', path: `${age}/maximum` },
  { name: 'an integer beyond 2^53 as a default', bytes: edited('"minimum": 0,', '"minimum": 0, "default": 9007199254740993,'), code: 'number-unsafe-integer', path: `${age}/default` },
];
