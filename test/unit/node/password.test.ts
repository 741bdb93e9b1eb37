import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../../../runtime/node/accounts/password';

/** Passwords hashed with scrypt, salted, parameters stored with the hash (issue 20 point 4). */

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt with its parameters and a salt; the same password hashes differently each time', async () => {
    const a = await hashPassword('correct horse battery staple', FAST);
    const b = await hashPassword('correct horse battery staple', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple', FAST);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('uses the parameters stored with the hash, so they can be raised later', async () => {
    const stored = await hashPassword('a longer passphrase', { N: 2 ** 11, r: 4, p: 2 });
    expect(stored.startsWith('scrypt$2048$4$2$')).toBe(true);
    expect(await verifyPassword('a longer passphrase', stored)).toBe(true);
  });

  it('defaults to an OWASP scrypt minimum (N=2^15, r=8, p=3)', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 15, r: 8, p: 3 });
    const stored = await hashPassword('default parameters');
    expect(stored.startsWith('scrypt$32768$8$3$')).toBe(true);
  });

  it('refuses, without running it, a stored hash whose parameters were tampered with or are absurd', async () => {
    const stored = await hashPassword('tampered', FAST);
    const [, , r, p, salt, key] = stored.split('$');
    expect(await verifyPassword('tampered', ['scrypt', String(2 ** 24), r, p, salt, key].join('$'))).toBe(false);
    expect(await verifyPassword('tampered', ['scrypt', '1000', r, p, salt, key].join('$'))).toBe(false);
    expect(await verifyPassword('tampered', ['scrypt', '1024', r, p, salt, key!.slice(4)].join('$'))).toBe(false);
    expect(await verifyPassword('tampered', 'plain text')).toBe(false);
  });

  it('normalises Unicode, so the same letters typed on another keyboard still match', async () => {
    const stored = await hashPassword('caf\u00e9 au lait now', FAST);
    expect(await verifyPassword('cafe\u0301 au lait now', stored)).toBe(true);
  });
});
