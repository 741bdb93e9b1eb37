import { describe, expect, it } from 'vitest';
import { cookieValue, csrfHeaders } from '../../../runtime/core/index';

/** The one cookie reader of the server (Cookie header) and the pages (document.cookie). */
describe('cookies', () => {
  it('finds a cookie by its exact name, not by a prefix or in a value', () => {
    const text = 'x_as_csrf=no; as_csrf=yes=still; other=as_csrf=no';
    expect(cookieValue(text, 'as_csrf')).toBe('yes=still');
    expect(cookieValue(text, 'as_session')).toBeUndefined();
    expect(cookieValue(undefined, 'as_csrf')).toBeUndefined();
  });

  it('gives a write its CSRF header only when the page has the token (none in single-user local mode)', () => {
    expect(csrfHeaders('as_csrf=abc')).toEqual({ 'X-CSRF-Token': 'abc' });
    expect(csrfHeaders('')).toEqual({});
  });
});
