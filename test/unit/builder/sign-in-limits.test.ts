import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, SignInLimiter } from '../../../builder/server/rateLimit';

/** Sign-in rate limits: 5 failures per name, 20 per address, in any 15 minutes (issue 20 point 4). */

function limiter() {
  let now = 1_000_000;
  const l = new SignInLimiter(SIGN_IN_LIMITS, () => now);
  return { l, advance: (ms: number) => (now += ms) };
}

describe('sign-in limits', () => {
  it('are 5 per account name and 20 per address in 15 minutes', () => {
    expect(SIGN_IN_LIMITS).toEqual({ perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 });
  });

  it('stop a name after 5 failures, from any address, until the first leaves the window', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 5; i++) {
      expect(l.check('ada', `10.0.0.${i}`).ok).toBe(true);
      l.failed('ada', `10.0.0.${i}`);
      advance(1000);
    }
    const stopped = l.check('ada', '10.9.9.9');
    expect(stopped).toEqual({ ok: false, retryAfterSeconds: 15 * 60 - 5 });
    expect(l.check('bea', '10.9.9.9').ok).toBe(true);
    advance(15 * 60_000 - 5000 + 1);
    expect(l.check('ada', '10.9.9.9').ok).toBe(true);
  });

  it('stop an address after 20 failures across names (one guess each at many accounts)', () => {
    const { l } = limiter();
    for (let i = 0; i < 20; i++) l.failed(`user${i}`, '10.0.0.1');
    expect(l.check('someone-new', '10.0.0.1').ok).toBe(false);
    expect(l.check('someone-new', '10.0.0.2').ok).toBe(true);
  });

  it('count names that have no account the same, and a success clears the name (not the address)', () => {
    const { l } = limiter();
    for (let i = 0; i < 4; i++) l.failed('ada', '10.0.0.1');
    l.succeeded('ada');
    for (let i = 0; i < 4; i++) l.failed('ada', '10.0.0.1');
    expect(l.check('ada', '10.0.0.1').ok).toBe(true);
    for (let i = 0; i < 12; i++) l.failed('nobody-at-all', '10.0.0.1');
    expect(l.check('ada', '10.0.0.1').ok).toBe(false);
  });
});
