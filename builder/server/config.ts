import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_BODY_BYTES } from './guard';
import { MAKE_KEY, SESSION_IDLE_SECONDS, SESSION_SECONDS, storeLocation, type StoreLocation } from '../../runtime/node/index';
import { parseEmbedOrigins } from './headers';

export interface ServerConfig {
  /** 0 picks any free port (tests). */
  port: number;
  /**
   * HOST, default 127.0.0.1. Anything but loopback is refused at start unless accounts exist
   * (server.ts): without them the server is for the person at this machine only.
   */
  host: string;
  /** PUBLIC_ORIGIN (`https://studio.example`): the address people use when HOST is not loopback. */
  publicOrigin?: string;
  formsDir: string;
  /** The built web app (dist/app), next to this bundle's dist/node. */
  appDir: string;
  embedOrigins: string[];
  builderInlineStyles: boolean;
  maxBodyBytes: number;
  /** Where responses are kept: DATABASE_URL, else PGlite under DATA_DIR (default ./data). */
  store: StoreLocation;
  /** SESSION_IDLE_MINUTES (default 30): a session with no request for this long ends. */
  sessionIdleSeconds: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const portText = env.PORT ?? '4173';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`PORT must be a number from 0 to 65535, not "${portText}"`);
  // A service never stores sensitive answers under a key it made for itself beside the data.
  if (env.NODE_ENV === 'production' && !env.RESPONSES_KEY) {
    throw new Error(`RESPONSES_KEY is not set (NODE_ENV=production): it encrypts sensitive answers at rest; ${MAKE_KEY}`);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    port,
    host: env.HOST || '127.0.0.1',
    ...(env.PUBLIC_ORIGIN ? { publicOrigin: parsePublicOrigin(env.PUBLIC_ORIGIN) } : {}),
    formsDir: resolve(cwd, env.FORMS_DIR ?? 'form-definitions'),
    appDir: resolve(cwd, env.APP_DIR ?? resolve(here, '../app')),
    embedOrigins: parseEmbedOrigins(env.EMBED_ORIGINS),
    // BUILDER_STYLES=strict drops the builder's inline-style exemption: the browser test uses it to
    // show the exemption is needed (Monaco's run-time <style> elements are refused without it).
    builderInlineStyles: env.BUILDER_STYLES !== 'strict',
    maxBodyBytes: MAX_BODY_BYTES,
    store: storeLocation(env, cwd),
    sessionIdleSeconds: idleSeconds(env.SESSION_IDLE_MINUTES),
  };
}

/** Loopback: the only addresses the server listens on without accounts. */
export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

function idleSeconds(value: string | undefined): number {
  if (value === undefined || value === '') return SESSION_IDLE_SECONDS;
  const minutes = Number(value);
  if (!/^\d+$/.test(value) || minutes < 1 || minutes * 60 > SESSION_SECONDS) {
    throw new Error(`SESSION_IDLE_MINUTES must be whole minutes from 1 to ${SESSION_SECONDS / 60}, not "${value}"`);
  }
  return minutes * 60;
}

function parsePublicOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value) {
    throw new Error(`PUBLIC_ORIGIN must be exactly scheme://host[:port], like https://studio.example, not "${value}"`);
  }
  return url.origin;
}
