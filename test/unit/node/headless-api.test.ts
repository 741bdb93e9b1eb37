import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as headless from '../../../runtime/node/index';

const root = resolve(__dirname, '../../..');
const form = (version: string) => resolve(root, `form-definitions/routine-enquiry/${version}.json`);

/** Issue 15.6: runtime/node has one public entry, the headless API the README describes. */
describe('runtime/node/index.ts, the headless API', () => {
  it('runs a command with the output handed back, and its exit code', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await headless.runCommand(['lint', 'form-definitions/routine-enquiry'], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: root });
    // As on a terminal: problems on out (none here), the summary on err.
    expect({ code, out, err }).toEqual({ code: 0, out: [], err: ['2 definition files checked: 0 errors, 0 other problems.'] });
    expect(await headless.runCommand(['nonsense'], { out: () => {}, err: () => {}, cwd: root })).toBe(2);
  });

  it('lints, loads, compares and compiles files, returning values', async () => {
    expect(await headless.lintFiles(['form-definitions/routine-enquiry'], root)).toEqual({ problems: [], files: 2 });
    const [from, to] = await Promise.all([headless.loadDefinitionFile(form('1.0.0')), headless.loadDefinitionFile(form('2.0.0'))]);
    expect(from.problems).toEqual([]);
    expect(headless.diffReport(from.definition!, to.definition!).bump).toBe('major');
    const module = headless.tryStandaloneValidatorModule(to.definition!);
    expect(module.ok && module.value).toMatch(/export\s*\{[^}]*\bvalidate\b/);
  });

  it('exports the publish lock the local server holds while it records a hash', () => {
    expect(typeof headless.withPublishLock).toBe('function');
    expect(new headless.PublishLockTimeoutError('x')).toBeInstanceOf(Error);
  });
});
