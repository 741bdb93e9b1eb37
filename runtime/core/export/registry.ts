import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { codebook, codebookCsv, codebookMarkdown } from './codebook';
import { csvGroupRows, csvRows } from './csv';
import { fhirBundleChunks, type FhirBundleOptions } from './fhir-bundle';
import { jsonArrayChunks } from './json';
import { ndjsonLines } from './ndjson';

/**
 * Every export format as data, so a host or the server can offer them by name: media type, file
 * suffix and a streaming function. The command line adds only file handling around the same calls.
 * @public
 */
export interface Exporter {
  mediaType: string;
  suffix: string;
  chunks(definition: Definition, responses: Iterable<ResponseEnvelope>, options?: FhirBundleOptions): Iterable<string>;
}

export const exporters = {
  json: { mediaType: 'application/json', suffix: '.json', chunks: jsonArrayChunks },
  ndjson: { mediaType: 'application/x-ndjson', suffix: '.ndjson', chunks: ndjsonLines },
  csv: { mediaType: 'text/csv; charset=utf-8; header=present', suffix: '.csv', chunks: csvRows },
  'csv-groups': { mediaType: 'text/csv; charset=utf-8; header=present', suffix: '-groups.csv', chunks: csvGroupRows },
  fhir: { mediaType: 'application/fhir+json', suffix: '.fhir.json', chunks: fhirBundleChunks },
  codebook: { mediaType: 'text/csv; charset=utf-8; header=present', suffix: '-codebook.csv', chunks: (d: Definition) => [codebookCsv(codebook(d))] },
  'codebook-md': { mediaType: 'text/markdown; charset=utf-8', suffix: '-codebook.md', chunks: (d: Definition) => [codebookMarkdown(d, codebook(d))] },
} as const satisfies Record<string, Exporter>;

export type ExportFormat = keyof typeof exporters;
