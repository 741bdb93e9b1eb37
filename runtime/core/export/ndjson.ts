import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { exportContext } from './answers';
import { exportResponseIn, type ExportOptions } from './json';
import { writerChunks, type ExportWriter } from './writer';

/** NDJSON: one exported envelope per line (`\n`), streamed one line at a time. @public */
export function ndjsonLines(definition: Definition, responses: Iterable<ResponseEnvelope>, options: ExportOptions = {}): Generator<string> {
  return writerChunks(ndjsonWriter(definition, options), responses);
}

/** NDJSON's writer: no head or end, a line per response. @public */
export function ndjsonWriter(definition: Definition, options: ExportOptions = {}): ExportWriter {
  const ctx = exportContext(definition, options.profile);
  return { head: () => '', add: (response) => JSON.stringify(exportResponseIn(ctx, response)) + '\n', end: () => '' };
}

/** Reads NDJSON text back into envelopes (blank lines skipped); for round trips and hosts. */
export function parseNdjson(text: string): unknown[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
}
