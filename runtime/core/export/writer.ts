import type { ResponseEnvelope } from '../response/envelope';

/**
 * An export as a writer: its head, the text each response adds, and its end. Both ways of
 * running an export drive the same writer: over an iterable in memory (`writerChunks`, what
 * each format's generator is) and over responses read as they come from a store
 * (`streamChunks`), so a streamed file is byte for byte the file built in memory. @public
 */
export interface ExportWriter {
  head(): string;
  /** The text this response adds; empty when it adds nothing yet (CSV writes in batches). */
  add(response: ResponseEnvelope): string;
  end(): string;
}

/** The writer's text as chunks over responses in memory (empty chunks left out). @public */
export function* writerChunks(writer: ExportWriter, responses: Iterable<ResponseEnvelope>): Generator<string> {
  const head = writer.head();
  if (head) yield head;
  for (const response of responses) {
    const text = writer.add(response);
    if (text) yield text;
  }
  const end = writer.end();
  if (end) yield end;
}

/** The same chunks over responses that arrive one at a time (a store's pages, a network). @public */
export async function* streamChunks(writer: ExportWriter, responses: AsyncIterable<ResponseEnvelope>): AsyncGenerator<string> {
  const head = writer.head();
  if (head) yield head;
  for await (const response of responses) {
    const text = writer.add(response);
    if (text) yield text;
  }
  const end = writer.end();
  if (end) yield end;
}
