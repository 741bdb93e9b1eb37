import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { FORBIDDEN_KEYS } from '../safety/limits';
import { exportContext, projectAnswers, shownResponse, type ExportContext } from './answers';
import { levelsApplied, type ExportProfileName } from './profiles';
import { writerChunks, type ExportWriter } from './writer';

export interface ExportOptions {
  profile?: ExportProfileName;
}

/**
 * A response as exported: the envelope, answers limited to the form's questions with the profile
 * applied and computed values computed, `meta.exportProfile` naming the profile and
 * `meta.exportLevels` the action it took on each sensitivity level.
 * Key order is fixed (envelope fields, then answers in definition order). @public
 */
export function exportResponse(definition: Definition, response: ResponseEnvelope, options: ExportOptions = {}): ResponseEnvelope {
  return exportResponseIn(exportContext(definition, options.profile), response);
}

export function exportResponseIn(ctx: ExportContext, stored: ResponseEnvelope): ResponseEnvelope {
  const response = shownResponse(ctx, stored);
  const meta: Record<string, unknown> = {};
  // Host metadata is kept under `full` only: it is free-form and may say anything about the person.
  if (ctx.profile === 'full' && response.meta) {
    for (const key of Object.keys(response.meta)) if (key !== 'exportProfile' && key !== 'exportLevels' && !FORBIDDEN_KEYS.has(key)) defineOwn(meta, key, response.meta[key]);
  }
  meta.exportProfile = ctx.profile;
  // What the profile did with each level, so the file says what it leaves out whatever the table becomes.
  meta.exportLevels = levelsApplied(ctx.model, ctx.profile);
  return {
    responseId: response.responseId,
    form: { id: response.form.id, version: response.form.version, sha256: response.form.sha256 },
    status: response.status,
    startedAt: response.startedAt,
    updatedAt: response.updatedAt,
    completedAt: response.completedAt ?? null,
    answers: projectAnswers(ctx, response.answers),
    meta,
  };
}

/** One response as JSON text (two-space indented). @public */
export function responseToJson(definition: Definition, response: ResponseEnvelope, options: ExportOptions = {}): string {
  return JSON.stringify(exportResponse(definition, response, options), null, 2);
}

/** Many responses as one JSON array, streamed in chunks so the text is never held whole. @public */
export function jsonArrayChunks(definition: Definition, responses: Iterable<ResponseEnvelope>, options: ExportOptions = {}): Generator<string> {
  return writerChunks(jsonArrayWriter(definition, options), responses);
}

/** The JSON array's writer: `[`, each envelope two-space indented after a comma, `]`. @public */
export function jsonArrayWriter(definition: Definition, options: ExportOptions = {}): ExportWriter {
  const ctx = exportContext(definition, options.profile);
  let first = true;
  return {
    head: () => '[',
    add(response) {
      const text = (first ? '\n' : ',\n') + JSON.stringify(exportResponseIn(ctx, response), null, 2);
      first = false;
      return text;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

/** Assigning `__proto__` with `=` would set a prototype; an own data property is just data. */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
