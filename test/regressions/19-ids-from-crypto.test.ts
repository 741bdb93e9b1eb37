import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { newResponse } from '../../runtime/core/index';
import { withPublishLock } from '../../runtime/node/publishLock';
import { newDraftKey } from '../../runtime/react/drafts/keys';
import { randomId } from '../../runtime/react/randomId';
import { tabId } from '../../builder/app/services/tabSession';

/**
 * Issue 19, point 8: response ids (and every other id: draft slots, tab ids, lock tokens) come
 * only from `crypto.getRandomValues` / `randomUUID`. Math.random is predictable, and a guessable
 * response id would let one response be taken for another.
 */
const root = resolve(__dirname, '../..');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const dir = mkdtempSync(join(tmpdir(), 'ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `Math.random` as code (a call or a reference), read by the TypeScript parser so comments do not count. */
function mathRandomUses(file: string): number[] {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('random')) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'random' && ts.isIdentifier(node.expression) && node.expression.text === 'Math') {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

describe('ids come from crypto, never Math.random', () => {
  it('no source under runtime/ or builder/ uses Math.random', () => {
    const uses = ['runtime', 'builder'].flatMap((area) =>
      sourceFiles(join(root, area)).flatMap((file) => mathRandomUses(file).map((line) => `${file.slice(root.length + 1)}:${line}`)),
    );
    expect(uses).toEqual([]);
  });

  it('every id maker works with Math.random out of reach', async () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random made an id');
    });
    expect(newResponse({ id: 'f', version: '1.0.0' }, { sha256: 'x' }).responseId).toMatch(UUID);
    expect(randomId()).toMatch(UUID);
    expect(newDraftKey('f')).toMatch(/:[0-9a-f-]{36}$/);
    expect(tabId()).toMatch(/^[0-9a-f]{16}$/);
    let token = '';
    await withPublishLock(dir, async () => {
      token = readFileSync(join(dir, '.published.json.lock'), 'utf8');
    });
    expect(token.split(' ').at(-1)).toMatch(UUID);
    expect(Math.random).not.toHaveBeenCalled();
  });
});
