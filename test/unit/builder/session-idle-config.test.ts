import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../builder/server/config';

/** SESSION_IDLE_MINUTES: how long a session may go without a request (issue 20: idle timeout). */
describe('SESSION_IDLE_MINUTES', () => {
  it('is 30 minutes unless set, and whole minutes up to the 8-hour session when set', () => {
    expect(configFromEnv({}, '/tmp').sessionIdleSeconds).toBe(30 * 60);
    expect(configFromEnv({ SESSION_IDLE_MINUTES: '5' }, '/tmp').sessionIdleSeconds).toBe(5 * 60);
    expect(configFromEnv({ SESSION_IDLE_MINUTES: '480' }, '/tmp').sessionIdleSeconds).toBe(480 * 60);
  });

  it.each(['0', '-5', '2.5', 'ten', '481', '1e3'])('refuses %j at start, naming the variable', (value) => {
    expect(() => configFromEnv({ SESSION_IDLE_MINUTES: value }, '/tmp')).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
