import '../../core/zod-config';
import { z } from 'zod';

/**
 * The iframe page's postMessage protocol. Every message in either direction is checked by these
 * zod schemas; anything else is ignored. Origins are compared exactly against an allow-list.
 */
export const PROTOCOL = 'assessment-studio/1';

const base = { protocol: z.literal(PROTOCOL) };
const requestId = z.string().min(1).max(100);
const answers = z.record(z.string(), z.unknown());

export const parentMessageSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('load'),
    form: z.object({ id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/), version: z.string().max(100) }).strict().optional(),
    definition: z.record(z.string(), z.unknown()).optional(),
    answers: answers.optional(),
    locale: z.string().max(20).optional(),
    storage: z.enum(['memory', 'local']).optional(),
    // The host's id for the person assessed: each subject's draft is kept apart.
    subjectId: z.string().min(1).max(200).optional(),
  }).strict(),
  z.object({ ...base, type: z.literal('validate'), requestId }).strict(),
  z.object({ ...base, type: z.literal('submit'), requestId }).strict(),
  z.object({ ...base, type: z.literal('getResponse'), requestId }).strict(),
]);
export type ParentMessage = z.infer<typeof parentMessageSchema>;

const fieldError = z.object({ pointer: z.string(), key: z.string(), code: z.string(), message: z.string() });

export const frameMessageSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('ready') }).strict(),
  z.object({ ...base, type: z.literal('loaded'), form: z.object({ id: z.string(), version: z.string() }) }).strict(),
  z.object({ ...base, type: z.literal('change'), answers }).strict(),
  z.object({ ...base, type: z.literal('validated'), requestId, errors: z.array(fieldError) }).strict(),
  z.object({ ...base, type: z.literal('response'), requestId, response: z.record(z.string(), z.unknown()) }).strict(),
  // Every reply to a request carries its requestId; a submit pressed inside the frame answers none.
  z.object({ ...base, type: z.literal('submitted'), requestId: requestId.optional(), ok: z.boolean(), response: z.record(z.string(), z.unknown()).optional(), errors: z.array(fieldError).optional() }).strict(),
  z.object({ ...base, type: z.literal('quickExit') }).strict(),
  // `problems`: why a posted definition was refused, each at its JSON pointer in that definition.
  z.object({ ...base, type: z.literal('error'), requestId: requestId.optional(), code: z.string().max(64).optional(), message: z.string(), problems: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })).max(20).optional() }).strict(),
]);
export type FrameMessage = z.infer<typeof frameMessageSchema>;

/**
 * Parses an allow-list of origins. Only exact, canonical http(s) origins are kept: `"null"`,
 * `*`, paths, userinfo and anything whose canonical form differs from what was written are dropped.
 */
export function parseAllowedOrigins(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of list) {
    const text = raw.trim();
    if (!text || text === 'null' || text === '*') continue;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (url.origin !== text) continue;
    out.push(url.origin);
  }
  return [...new Set(out)];
}

/** Exact match only: no prefixes, no suffixes, no "null" (sandboxed or file: senders). */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  if (origin === 'null' || origin === '*') return false;
  return allowed.includes(origin);
}

/** The one origin the frame posts to: the parent's, if allow-listed. Never "*". */
export function targetOrigin(allowed: readonly string[], ancestor: string | undefined): string | null {
  if (ancestor !== undefined) return isAllowedOrigin(ancestor, allowed) ? ancestor : null;
  return allowed.length === 1 ? allowed[0]! : null;
}
