import type { ServerResponse } from 'node:http';

/**
 * Security headers. The Content Security Policy is strict everywhere: no inline script, no eval,
 * connections only to this server. It is sent on every response (not only HTML), so a JSON or
 * JavaScript file opened directly in a tab is just as boxed in.
 */

export type PageKind = 'builder' | 'forms' | 'embed' | 'responses' | 'other';

export const CSP_REPORT_PATH = '/api/csp-report';

export interface CspOptions {
  /** Origins allowed to frame `/embed/` (exact origins); `'self'` is always allowed. */
  embedOrigins: readonly string[];
  /**
   * Monaco creates `<style>` elements at run time for its themes and token colours
   * (monaco-editor/esm/vs/base/browser/domStylesheets.js) and takes no nonce, so the builder
   * page alone allows inline styles. Scripts stay strict there too. See SECURITY.md.
   */
  builderInlineStyles: boolean;
}

export function contentSecurityPolicy(kind: PageKind, options: CspOptions): string {
  const styleSrc = kind === 'builder' && options.builderInlineStyles ? "'self' 'unsafe-inline'" : "'self'";
  const ancestors = kind === 'embed' ? ["'self'", ...options.embedOrigins] : ["'self'"];
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styleSrc}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
    // report-uri alone: Chromium delivers it at once, while a `report-to` directive makes it ignore
    // report-uri and batch reports for up to a minute, too late for a test to count them.
    `report-uri ${CSP_REPORT_PATH}`,
  ].join('; ');
}

export function setSecurityHeaders(res: ServerResponse, kind: PageKind, options: CspOptions): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(kind, options));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // The iframe page is loaded by other origins' pages (which may require CORP), so only it is exempt.
  if (kind !== 'embed') {
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  }
}

/**
 * An embedding origin must be exactly `scheme://host[:port]`: no path, no wildcard, no `null`
 * (sandboxed and file: documents), since frame-ancestors would otherwise let look-alikes in.
 */
export function parseEmbedOrigins(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .trim()
    .split(/\s+/)
    .map((origin) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        throw new Error(`EMBED_ORIGINS: "${origin}" is not an origin like https://host.example`);
      }
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin || url.hostname.includes('*')) {
        throw new Error(`EMBED_ORIGINS: "${origin}" must be exactly scheme://host[:port], without a path or wildcard`);
      }
      return url.origin;
    });
}
