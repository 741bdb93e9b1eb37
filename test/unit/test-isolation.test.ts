import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../support/projects';

/**
 * Test files share their worker's module cache (vite.config.ts, `isolate: false`): a module one file
 * replaces stays replaced for the files after it, and a spy, stub or fake clock left behind changes
 * what they see. Only the files in ISOLATED (test/support/projects.ts) get a cache of their own; every
 * other file must undo what it changes. Read from the source, so a new file is held to it the day it
 * is written, not the day its neighbour fails.
 */
function isolationFaults(text: string): string[] {
  const faults: string[] = [];
  const uses = (call: string) => new RegExp(`\\bvi\\.${call}\\s*\\(`).test(text);
  for (const call of ['mock', 'doMock', 'hoisted', 'importMock']) {
    if (uses(call)) faults.push(`vi.${call} replaces a module for every file after it in the worker: list the file in ISOLATED`);
  }
  const undone: Array<[string, RegExp, string]> = [
    ['spyOn', /\bvi\.restoreAllMocks\s*\(|\.mockRestore\s*\(/, 'vi.restoreAllMocks() or mockRestore()'],
    ['stubGlobal', /\bvi\.unstubAllGlobals\s*\(/, 'vi.unstubAllGlobals()'],
    ['stubEnv', /\bvi\.unstubAllEnvs\s*\(/, 'vi.unstubAllEnvs()'],
    ['useFakeTimers', /\bvi\.useRealTimers\s*\(/, 'vi.useRealTimers()'],
  ];
  for (const [call, undo, name] of undone) {
    if (uses(call) && !undo.test(text)) faults.push(`vi.${call} is never undone (${name}): the files after it in the worker would see it`);
  }
  if (/\bprocess\.env(?:\.\w+|\[[^\]]+\])\s*=(?!=)|\bdelete\s+process\.env\b/.test(text)) {
    faults.push('sets process.env, which the files after it in the worker would read: use vi.stubEnv and vi.unstubAllEnvs');
  }
  return faults;
}

function testFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && relative('test', path) !== 'bench') testFiles(path, out);
    } else if (/\.test\.tsx?$/.test(entry.name)) out.push(relative('.', path));
  }
  return out;
}

describe('test files that share a module cache leave nothing behind', () => {
  it('finds the faults it is meant to', () => {
    expect(isolationFaults("vi.mock('node:fs/promises', () => ({}));")).toEqual([expect.stringMatching(/ISOLATED/)]);
    expect(isolationFaults("vi.spyOn(Math, 'random');")).toEqual([expect.stringMatching(/never undone/)]);
    expect(isolationFaults("vi.spyOn(Math, 'random');\nafterEach(() => vi.restoreAllMocks());")).toEqual([]);
    expect(isolationFaults("vi.stubGlobal('fetch', f);")).toHaveLength(1);
    expect(isolationFaults("vi.stubGlobal('fetch', f); afterEach(() => vi.unstubAllGlobals());")).toEqual([]);
    expect(isolationFaults('vi.useFakeTimers();')).toHaveLength(1);
    expect(isolationFaults("process.env.PORT = '0';")).toHaveLength(1);
    expect(isolationFaults("delete process.env.PORT;")).toHaveLength(1);
    expect(isolationFaults("if (process.env.PORT === '0') run();")).toEqual([]);
  });

  it('every file outside ISOLATED undoes what it changes', () => {
    const files = testFiles('test');
    expect(files.length).toBeGreaterThan(200);
    // This file's own examples above are strings, not calls.
    const faults = files.filter((f) => !ISOLATED.includes(f) && f !== 'test/unit/test-isolation.test.ts').flatMap((f) => isolationFaults(readFileSync(f, 'utf8')).map((fault) => `${f}: ${fault}`));
    expect(faults).toEqual([]);
  });

  it('every file in ISOLATED exists and needs its own cache', () => {
    for (const file of ISOLATED) {
      expect(existsSync(file), file).toBe(true);
      // A module replaced, or a spy on a shared module's export (server-export-stream's on the store).
      expect(readFileSync(file, 'utf8'), file).toMatch(/\bvi\.(?:mock|doMock|hoisted|importMock|spyOn)\s*\(/);
    }
  });
});
