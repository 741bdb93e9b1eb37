import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sources(path));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe("AJV's $data option", () => {
  it('is never enabled in runtime/ or builder/ source (it lets data choose keyword values)', () => {
    const files = [...sources(join(ROOT, 'runtime')), ...sources(join(ROOT, 'builder'))];
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => /["']?\$data["']?\s*:\s*(true|!0|1\b)/.test(readFileSync(file, 'utf8'))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('the check would catch it', () => {
    expect(/["']?\$data["']?\s*:\s*(true|!0|1\b)/.test('new Ajv({ allErrors: true, $data: true })')).toBe(true);
    expect(/["']?\$data["']?\s*:\s*(true|!0|1\b)/.test("{ '$data': true }")).toBe(true);
  });
});
