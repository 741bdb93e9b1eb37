import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KEY_BYTES, SealError } from './seal';

export const KEY_FILE = 'responses.key';

/** How to make a key: said wherever one is missing. */
export const MAKE_KEY =
  "make one with: npx assessment-studio key   (or: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\")";

export function newKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

export function decodeKey(text: string, from: string): Uint8Array {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== KEY_BYTES) {
    throw new SealError(`${from} must be ${KEY_BYTES} random bytes in base64 (44 characters); ${MAKE_KEY}`);
  }
  return key;
}

export interface KeyChoice {
  key: Uint8Array;
  /** Said once on stderr: a development key was made, or is being used from DATA_DIR. */
  warning?: string;
}

/**
 * The key for sensitive answers. RESPONSES_KEY when set. Otherwise, outside production, a key
 * kept in DATA_DIR (made on first use, readable by its owner only), with a warning: the key then
 * sits beside the data it protects, which is fine for a laptop and wrong for a service. In
 * production (NODE_ENV=production) a missing key is an error that says how to make one.
 */
export async function chooseKey(env: NodeJS.ProcessEnv, dataDir: string): Promise<KeyChoice> {
  if (env.RESPONSES_KEY !== undefined && env.RESPONSES_KEY !== '') return { key: decodeKey(env.RESPONSES_KEY, 'RESPONSES_KEY') };
  if (env.NODE_ENV === 'production') throw new SealError(`RESPONSES_KEY is not set, and sensitive answers are never stored in clear; ${MAKE_KEY}`);
  const file = join(dataDir, KEY_FILE);
  const existing = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (existing !== undefined) return { key: decodeKey(existing, file), warning: `using the development key in ${file} (set RESPONSES_KEY for a service)` };
  await mkdir(dataDir, { recursive: true });
  const text = newKeyText();
  // 'wx': two processes starting at once must not each write a different key.
  await writeFile(file, text + '\n', { flag: 'wx', mode: 0o600 }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  await chmod(file, 0o600).catch(() => undefined);
  const kept = await readFile(file, 'utf8');
  return { key: decodeKey(kept, file), warning: `made a development key for sensitive answers in ${file}; a service sets RESPONSES_KEY instead (${MAKE_KEY})` };
}
