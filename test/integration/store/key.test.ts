import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../builder/server/config';
import { chooseKey, newKeyText, SealError, sealerFor } from '../../../runtime/node/store/index';

/** The key of sensitive answers (issue 20 point 1): from RESPONSES_KEY, made once in development, required in production. */

describe('the responses key', () => {
  it('is required in production: the server refuses to start, and says how to make one', () => {
    expect(() => configFromEnv({ NODE_ENV: 'production' }, tmpdir())).toThrow(/RESPONSES_KEY.*assessment-studio key/);
    expect(() => configFromEnv({ NODE_ENV: 'production', RESPONSES_KEY: newKeyText() }, tmpdir())).not.toThrow();
  });

  it('is made once in DATA_DIR in development, readable by its owner only, with a warning', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'as-key-'));
    const first = await chooseKey({}, dataDir);
    expect(first.warning).toMatch(/development key/);
    expect(statSync(join(dataDir, 'responses.key')).mode & 0o077).toBe(0);
    const again = await chooseKey({}, dataDir);
    expect(Buffer.from(again.key).equals(Buffer.from(first.key))).toBe(true);
    expect(readFileSync(join(dataDir, 'responses.key'), 'utf8').trim()).toBe(Buffer.from(first.key).toString('base64'));
  });

  it('refuses a key of the wrong length, and a sealed value opened with another key or moved to another row', async () => {
    await expect(chooseKey({ RESPONSES_KEY: 'c2hvcnQ=' }, tmpdir())).rejects.toThrow(SealError);
    const a = sealerFor(Buffer.alloc(32, 1));
    const sealed = a.seal({ disclosureWords: 'x' }, 'r1#1#answers');
    expect(a.open(sealed, 'r1#1#answers')).toEqual({ disclosureWords: 'x' });
    expect(() => a.open(sealed, 'r2#1#answers')).toThrow(SealError);
    expect(() => sealerFor(Buffer.alloc(32, 2)).open(sealed, 'r1#1#answers')).toThrow(/key/);
  });
});
