import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIframeEmbed } from '../../../runtime/react/embed/iframeEmbed';
import { PROTOCOL } from '../../../runtime/react/embed/protocol';

/**
 * Issue 11 point 6 (SECURITY.md EMB-1): the runtime never posts to "*" — a static scan of every
 * source file under runtime/ and builder/app, and a spy on the iframe page's protocol, which must
 * post only to the exact allow-listed parent origin and ignore `"null"` and look-alike origins.
 */
const ROOTS = ['runtime', 'builder/app'].map((r) => resolve(r));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs|jsx|html)$/.test(name) ? [path] : [];
  });
}

/** Whether an expression is the string "*" (any quotes, a template, parentheses, `as`), or a const bound to it in the file. */
function isStar(node: ts.Expression, stars: Set<string>): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) return isStar(node.expression, stars);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text.trim() === '*';
  if (ts.isIdentifier(node)) return stars.has(node.text);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return isStar(node.left, stars) || isStar(node.right, stars);
  if (ts.isConditionalExpression(node)) return isStar(node.whenTrue, stars) || isStar(node.whenFalse, stars);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText().replace(/['"`]/g, '') === 'targetOrigin' && isStar(p.initializer, stars));
  }
  return false;
}

function calleeName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && (ts.isStringLiteral(node.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(node.argumentExpression))) return node.argumentExpression.text;
  return undefined;
}

/** Every `postMessage(…, "*")` (or `{ targetOrigin: "*" }`) in a piece of source, as `file:line`. */
function postsToStar(text: string, file = 'source.ts'): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const stars = new Set<string>();
  const found: string[] = [];
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isStar(node.initializer, stars)) stars.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && calleeName(node.expression) === 'postMessage') {
      const target = node.arguments[1];
      if (target && isStar(target, stars)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A second, cruder net for what the parser cannot see (HTML, strings of code).
  if (!found.length && /postMessage\s*\([\s\S]{0,400}?,\s*(['"`])\s*\*\s*\1\s*\)/.test(text)) found.push(`${file}: postMessage to "*" (text match)`);
  return found;
}

describe('static: nothing under runtime/ or builder/app posts to "*"', () => {
  it('the scanner catches every spelling of a post to "*"', () => {
    const hostile = [
      `window.parent.postMessage(msg, '*');`,
      `parent.postMessage( msg , "*" )`,
      'top.postMessage(msg, `*`);',
      `w.postMessage(msg,\n  '*'\n);`,
      `w.postMessage(msg, { targetOrigin: '*' });`,
      `w.postMessage(msg, { 'targetOrigin': "*", transfer: [] });`,
      `const ANY = '*'; w.postMessage(msg, ANY);`,
      `w['postMessage'](msg, '*');`,
      `w.postMessage(msg, origin || '*');`,
      `w.postMessage(msg, ('*' as string));`,
      `<script>parent.postMessage({a:1}, "*")</script>`,
    ];
    for (const snippet of hostile) expect(postsToStar(snippet), snippet).not.toEqual([]);
    for (const fine of [`w.postMessage(msg, target);`, `worker.postMessage(msg);`, `w.postMessage(msg, 'https://a.example');`, `const note = 'use * for all';`]) {
      expect(postsToStar(fine), fine).toEqual([]);
    }
  });

  it('would catch the iframe page itself if its target became "*"', () => {
    const real = readFileSync(resolve('runtime/react/embed/iframeEmbed.ts'), 'utf8');
    expect(real).toMatch(/postMessage\([^)]*,\s*target\)/);
    for (const star of [`'*'`, `"*"`, '`*`', `{ targetOrigin: '*' }`, `target ?? '*'`]) {
      expect(postsToStar(real.replace(/(postMessage\([^)]*,\s*)target\)/, `$1${star})`), 'iframeEmbed.ts')).not.toEqual([]);
    }
  });

  it('finds no post to "*" in any source file', () => {
    const files = ROOTS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => postsToStar(readFileSync(f, 'utf8'), relative(process.cwd(), f)));
    expect(found).toEqual([]);
  });
});

/** A stand-in for the iframe's window: its parent records every postMessage, listeners are kept for the test to call. */
interface FakeWindow {
  parent: { postMessage: ReturnType<typeof vi.fn> };
  listeners: Array<(e: MessageEvent) => unknown>;
}

const ALLOWED = 'https://trusted.example';
const LOOK_ALIKES = [
  'null',
  '*',
  '',
  'https://trusted.example.evil',
  'https://trusted.example:444',
  'http://trusted.example',
  'https://evil-trusted.example',
  'https://trusted.exampl',
  'https://sub.trusted.example',
  'https://trusted.example/',
  'https://TRUSTED.example',
  'https://trusted.example.',
];

let fake: FakeWindow;
const realWindow = (globalThis as { window?: unknown }).window;

beforeEach(() => {
  fake = { parent: { postMessage: vi.fn() }, listeners: [] };
  (globalThis as { window?: unknown }).window = {
    parent: fake.parent,
    addEventListener: (type: string, l: (e: MessageEvent) => unknown) => type === 'message' && fake.listeners.push(l),
    removeEventListener: (type: string, l: (e: MessageEvent) => unknown) => (fake.listeners = fake.listeners.filter((x) => x !== l)),
    location: { replace: vi.fn() },
  };
});

afterEach(() => {
  (globalThis as { window?: unknown }).window = realWindow;
});

async function deliver(origin: string, data: unknown, source: unknown = fake.parent): Promise<void> {
  for (const l of fake.listeners) await l({ origin, data, source } as unknown as MessageEvent);
}

const validate = { protocol: PROTOCOL, type: 'validate', requestId: 'r1' };

function posts(): Array<{ message: { type?: string }; target: unknown }> {
  return fake.parent.postMessage.mock.calls.map(([message, target]) => ({ message: message as { type?: string }, target }));
}

describe('runtime spy: the iframe protocol posts only to the exact allow-listed origin', () => {
  it('announces itself to the allow-listed parent, by exact origin', () => {
    const stop = startIframeEmbed({ element: {} as Element, allowedOrigins: [ALLOWED], ancestorOrigin: ALLOWED });
    expect(posts()).toEqual([{ message: { protocol: PROTOCOL, type: 'ready' }, target: ALLOWED }]);
    stop();
  });

  it('answers a message from the allow-listed parent, to that origin only', async () => {
    const stop = startIframeEmbed({ element: {} as Element, allowedOrigins: [ALLOWED], ancestorOrigin: ALLOWED });
    fake.parent.postMessage.mockClear();
    await deliver(ALLOWED, validate);
    // No form is loaded yet: the answer is an error, but it is an answer, sent to ALLOWED.
    expect(posts().map((p) => [p.message.type, p.target])).toEqual([['error', ALLOWED]]);
    stop();
  });

  it.each(LOOK_ALIKES)('ignores a message from %j', async (origin) => {
    const stop = startIframeEmbed({ element: {} as Element, allowedOrigins: [ALLOWED], ancestorOrigin: ALLOWED });
    fake.parent.postMessage.mockClear();
    await deliver(origin, validate);
    await deliver(origin, { protocol: PROTOCOL, type: 'getResponse', requestId: 'r2' });
    await deliver(origin, { protocol: PROTOCOL, type: 'load', form: { id: 'routine-enquiry', version: '2.0.0' } });
    expect(posts()).toEqual([]);
    stop();
  });

  it('ignores the right origin from a window that is not its parent, and messages its schema refuses', async () => {
    const stop = startIframeEmbed({ element: {} as Element, allowedOrigins: [ALLOWED], ancestorOrigin: ALLOWED });
    fake.parent.postMessage.mockClear();
    await deliver(ALLOWED, validate, { postMessage: vi.fn() });
    await deliver(ALLOWED, { ...validate, protocol: 'other/1' });
    await deliver(ALLOWED, { ...validate, extra: 'x' });
    await deliver(ALLOWED, JSON.stringify(validate));
    await deliver(ALLOWED, { protocol: PROTOCOL, type: 'eval', code: 'alert(1)' });
    expect(posts()).toEqual([]);
    stop();
  });

  it('framed by a page that is not allow-listed, it neither posts nor listens', async () => {
    for (const ancestor of ['https://evil.example', 'null', 'https://trusted.example.evil']) {
      const stop = startIframeEmbed({ element: {} as Element, allowedOrigins: [ALLOWED], ancestorOrigin: ancestor });
      await deliver(ALLOWED, validate);
      await deliver(ancestor, validate);
      stop();
    }
    expect(posts()).toEqual([]);
  });

  it('with several allowed origins and no ancestor reported, it posts nowhere rather than guess', async () => {
    const stop = startIframeEmbed({ element: {} as Element, allowedOrigins: [ALLOWED, 'https://other.example'] });
    await deliver(ALLOWED, validate);
    expect(posts()).toEqual([]);
    stop();
  });

  it('with a "null" or "*" allow-list entry, nothing is ever posted to them', async () => {
    for (const allowedOrigins of [['null'], ['*'], ['null', '*']]) {
      const stop = startIframeEmbed({ element: {} as Element, allowedOrigins, ancestorOrigin: allowedOrigins[0] });
      await deliver('null', validate);
      await deliver('*', validate);
      stop();
    }
    expect(posts()).toEqual([]);
  });

  afterEach(() => {
    // Whatever a test did: every post went to the exact allowed origin, never "*".
    for (const p of posts()) expect(p.target).toBe(ALLOWED);
  });
});
