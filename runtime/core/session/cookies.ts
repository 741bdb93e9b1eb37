/**
 * The names the server and its pages share for sign-in (issue 20 point 4), and the one cookie
 * reader both use: the server on the `Cookie` header, a page on `document.cookie`. The session
 * cookie is HttpOnly (pages never see it); the CSRF cookie is readable on purpose, so a page can
 * send its token back in the header that every write must carry.
 */
export const SESSION_COOKIE = 'as_session';
export const CSRF_COOKIE = 'as_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** The value of cookie `name` in a `Cookie` header or `document.cookie`, undefined when absent. */
export function cookieValue(text: string | undefined, name: string): string | undefined {
  if (!text) return undefined;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The header a page adds to a write: the CSRF token from its cookie, or nothing (single-user local mode sets none). */
export function csrfHeaders(cookieText: string | undefined): Record<string, string> {
  const token = cookieValue(cookieText, CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}
