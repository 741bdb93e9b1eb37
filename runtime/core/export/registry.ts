import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { codebook, codebookCsv, codebookMarkdown } from './codebook';
import { csvFileWriter, csvGroupRows, csvRows } from './csv';
import { fhirBundleChunks, fhirBundleWriter, type FhirBundleOptions } from './fhir-bundle';
import { jsonArrayChunks, jsonArrayWriter } from './json';
import { ndjsonLines, ndjsonWriter } from './ndjson';
import type { ExportWriter } from './writer';

/**
 * Every export format as data, so a host or the server can offer them by name: media type, file
 * suffix, a streaming function over responses in memory, and the writer behind it for responses
 * that arrive one at a time (`streamChunks`). The command line adds only file handling.
 * @public
 */
export interface Exporter {
  mediaType: string;
  suffix: string;
  chunks(definition: Definition, responses: Iterable<ResponseEnvelope>, options?: FhirBundleOptions): Iterable<string>;
  writer(definition: Definition, options?: FhirBundleOptions): ExportWriter;
}

/** A file that reads no response (the codebooks). */
const whole = (text: (d: Definition) => string) => (d: Definition): ExportWriter => ({ head: () => text(d), add: () => '', end: () => '' });
const codebookText = (d: Definition) => codebookCsv(codebook(d));
const codebookMdText = (d: Definition) => codebookMarkdown(d, codebook(d));

export const exporters = {
  json: { mediaType: 'application/json', suffix: '.json', chunks: jsonArrayChunks, writer: jsonArrayWriter },
  ndjson: { mediaType: 'application/x-ndjson', suffix: '.ndjson', chunks: ndjsonLines, writer: ndjsonWriter },
  csv: { mediaType: 'text/csv; charset=utf-8; header=present', suffix: '.csv', chunks: csvRows, writer: (d: Definition, o?: FhirBundleOptions) => csvFileWriter(d, 'wide', o) },
  'csv-groups': { mediaType: 'text/csv; charset=utf-8; header=present', suffix: '-groups.csv', chunks: csvGroupRows, writer: (d: Definition, o?: FhirBundleOptions) => csvFileWriter(d, 'long', o) },
  fhir: { mediaType: 'application/fhir+json', suffix: '.fhir.json', chunks: fhirBundleChunks, writer: fhirBundleWriter },
  codebook: { mediaType: 'text/csv; charset=utf-8; header=present', suffix: '-codebook.csv', chunks: (d: Definition) => [codebookText(d)], writer: whole(codebookText) },
  'codebook-md': { mediaType: 'text/markdown; charset=utf-8', suffix: '-codebook.md', chunks: (d: Definition) => [codebookMdText(d)], writer: whole(codebookMdText) },
} as const satisfies Record<string, Exporter>;

export type ExportFormat = keyof typeof exporters;
