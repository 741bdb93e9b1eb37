import { createHash } from 'node:crypto';
import responses from './001-responses.sql?raw';
import accounts from './002-accounts.sql?raw';
import sessionIdle from './003-session-idle.sql?raw';

/**
 * The store's schema, in numbered steps (tldraw's sequence-checked migrations): `NNN-name.sql`,
 * listed here in order. A step once released never changes: its sha256 is recorded when it runs,
 * and a database whose record differs is refused rather than guessed at.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

function step(version: number, name: string, sql: string): Migration {
  return { version, name, sql, sha256: createHash('sha256').update(sql).digest('hex') };
}

export const migrations: readonly Migration[] = [step(1, 'responses', responses), step(2, 'accounts', accounts), step(3, 'session-idle', sessionIdle)];

/** The sequence check: versions 1, 2, 3 … with no gap or repeat (a test runs it on the list above). */
export function sequenceProblems(list: readonly Pick<Migration, 'version'>[]): string[] {
  return list.flatMap((m, i) => (m.version === i + 1 ? [] : [`migration ${i + 1} is numbered ${m.version}`]));
}
