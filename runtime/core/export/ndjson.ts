import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { exportContext } from './answers';
import { exportResponseIn, type ExportOptions } from './json';

/** NDJSON: one exported envelope per line (`\n`), streamed one line at a time. @public */
export function* ndjsonLines(definition: Definition, responses: Iterable<ResponseEnvelope>, options: ExportOptions = {}): Generator<string> {
  const ctx = exportContext(definition, options.profile);
  for (const response of responses) yield JSON.stringify(exportResponseIn(ctx, response)) + '\n';
}

/** Reads NDJSON text back into envelopes (blank lines skipped); for round trips and hosts. */
export function parseNdjson(text: string): unknown[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
}
