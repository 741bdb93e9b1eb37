import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isAllowedOrigin, parentMessageSchema, parseAllowedOrigins, PROTOCOL, targetOrigin } from '../../../runtime/react/embed/protocol';

describe('iframe origin allow-list', () => {
  it('keeps only exact canonical http(s) origins', () => {
    expect(
      parseAllowedOrigins([
        'https://host.example',
        'null',
        '*',
        'https://host.example/',
        'https://host.example/path',
        'https://user@host.example',
        'javascript:alert(1)',
        'file://',
        'HTTPS://HOST.EXAMPLE',
        ' http://127.0.0.1:8080 ',
      ]),
    ).toEqual(['https://host.example', 'http://127.0.0.1:8080']);
  });

  it('refuses "null" and look-alike hosts', () => {
    const allowed = ['https://host.example'];
    expect(isAllowedOrigin('https://host.example', allowed)).toBe(true);
    for (const bad of ['null', '*', 'https://host.example.evil.test', 'https://evilhost.example', 'http://host.example', 'https://host.example:444', 'https://host.exampl']) {
      expect(isAllowedOrigin(bad, allowed)).toBe(false);
    }
  });

  it('posts only to the allow-listed parent, never "*"', () => {
    expect(targetOrigin(['https://a.example'], 'https://a.example')).toBe('https://a.example');
    expect(targetOrigin(['https://a.example'], 'https://b.example')).toBeNull();
    expect(targetOrigin(['https://a.example'], undefined)).toBe('https://a.example');
    expect(targetOrigin(['https://a.example', 'https://b.example'], undefined)).toBeNull();
    expect(targetOrigin([], undefined)).toBeNull();
  });
});

describe('parent messages', () => {
  it('accepts the documented shapes and rejects anything else', () => {
    expect(parentMessageSchema.safeParse({ protocol: PROTOCOL, type: 'load', form: { id: 'routine-enquiry', version: '2.0.0' } }).success).toBe(true);
    expect(parentMessageSchema.safeParse({ protocol: PROTOCOL, type: 'submit', requestId: 'r1' }).success).toBe(true);
    expect(parentMessageSchema.safeParse({ protocol: PROTOCOL, type: 'submit' }).success).toBe(false);
    expect(parentMessageSchema.safeParse({ protocol: 'other', type: 'submit', requestId: 'r1' }).success).toBe(false);
    expect(parentMessageSchema.safeParse({ protocol: PROTOCOL, type: 'eval', code: 'x' }).success).toBe(false);
    expect(parentMessageSchema.safeParse({ protocol: PROTOCOL, type: 'validate', requestId: 'r', extra: 1 }).success).toBe(false);
    expect(parentMessageSchema.safeParse({ protocol: PROTOCOL, type: 'load', form: { id: '../x', version: '1' } }).success).toBe(false);
    expect(parentMessageSchema.safeParse('{"type":"load"}').success).toBe(false);
  });
});

describe('static: the runtime never posts to "*"', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.(ts|tsx)$/.test(f) ? [join(dir, f)] : []));
  it('has no postMessage(…, "*") and no eval or new Function', () => {
    const bad: string[] = [];
    for (const file of files(resolve(__dirname, '../../../runtime/react'))) {
      const text = readFileSync(file, 'utf8');
      if (/postMessage\([^)]*['"`]\*['"`]/.test(text)) bad.push(`${file}: postMessage to *`);
      if (/\beval\(|new Function\(/.test(text)) bad.push(`${file}: eval`);
      if (/createAjv/.test(text) && /@jsonforms\/core/.test(text)) bad.push(`${file}: JSON Forms' AJV`);
    }
    expect(bad).toEqual([]);
  });
});

describe('load message: subjectId', () => {
  const load = { protocol: PROTOCOL, type: 'load', form: { id: 'routine-enquiry', version: '2.0.0' }, storage: 'local' };
  it('takes the host’s subject id, and refuses an empty or oversized one', () => {
    expect(parentMessageSchema.safeParse({ ...load, subjectId: 'case-42' }).success).toBe(true);
    expect(parentMessageSchema.safeParse({ ...load, subjectId: '' }).success).toBe(false);
    expect(parentMessageSchema.safeParse({ ...load, subjectId: 'x'.repeat(201) }).success).toBe(false);
    expect(parentMessageSchema.safeParse({ ...load, subjectId: 42 }).success).toBe(false);
  });
});
