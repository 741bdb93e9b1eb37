/**
 * Sign-in attempts, limited (issue 20 point 4): at most 5 failed attempts per account name and
 * 20 per client address in any 15 minutes; past either, sign-in answers 429 with Retry-After
 * until the oldest failure leaves the window. Names are counted whether or not an account has
 * them, so the limit says nothing about which names exist. A success clears its name's count
 * (not its address's). Kept in memory, per process: a restart forgets, which costs an attacker a
 * restart they cannot cause. Bounded: past MAX_KEYS the oldest keys are forgotten.
 */
export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };
const MAX_KEYS = 10_000;

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class SignInLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly limits: SignInLimits = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether another attempt may be made now for this name from this address. */
  check(username: string, address: string): LimitVerdict {
    const waits = [this.wait(`u:${username}`, this.limits.perAccount), this.wait(`a:${address}`, this.limits.perAddress)];
    const wait = Math.max(...waits);
    return wait > 0 ? { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { ok: true };
  }

  failed(username: string, address: string): void {
    for (const key of [`u:${username}`, `a:${address}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.delete(key);
      this.failures.set(key, list);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  /** Milliseconds until `key` may try again (0: now). */
  private wait(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    return list[list.length - limit]! + this.limits.windowMs - this.now();
  }
}
