import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Crash safety of saves (SECURITY.md): the soak script SIGKILLs the real server 50 times during a
 * loop of saves. `node scripts/soak-kill.mjs --kills 500` is the long run.
 */
describe('server crash soak', () => {
  it('after 50 kills during saves every file is its old or new content and nothing else was written', () => {
    const run = spawnSync(process.execPath, [resolve('scripts/soak-kill.mjs'), '--kills', '50', '--json'], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    const report = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(report.failures).toEqual([]);
    expect(run.status).toBe(0);
    expect(report.kills).toBe(50);
    expect(report.saves).toBeGreaterThan(0);
    // The kills must land while saves are in flight, or the run proves nothing.
    expect(report.killedInFlight).toBeGreaterThan(25);
  }, 200_000);
});
