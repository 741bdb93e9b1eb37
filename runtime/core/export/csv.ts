import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { exportContext, shownResponse, type ExportContext } from './answers';
import { csvLayout, longRows, missingOf, wideRow, type CsvCell, type CsvLayout } from './csv-layout';
import { writerChunks, type ExportWriter } from './writer';
import type { ExportOptions } from './json';

/**
 * CSV export: RFC 4180 (a field is quoted when it holds `"`, `,`, CR or LF; quotes are doubled),
 * CRLF after every record, UTF-8, a header row. Streamed as chunks of at most {@link BATCH} rows,
 * so memory does not grow with the number of responses.
 *
 * The quoting is written here rather than by csv-stringify, measured (docs/exports.md): on the
 * same rows it is about 6 times faster, and csv-stringify with CRLF records leaves a field
 * holding a lone LF unquoted unless told otherwise. Tests read every export back with csv-parse
 * and compare this encoder with csv-stringify (quoting CR and LF) on random rows.
 */
const BATCH = 500;

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`,
 * `@`, tab or carriage return (or their full-width forms, which some spreadsheets fold) gets a
 * leading `'`. A cell that already starts with `'` gets one too, so a reader removes exactly one
 * leading `'` from any cell that has one and always gets the original text back.
 * Numbers are written as numbers, negatives unprefixed: a spreadsheet reads `-5` as a number,
 * never as a formula, and data teams can sum the column as it is (docs/exports.md).
 */
export function neutraliseCsvCell(cell: CsvCell): CsvCell {
  if (typeof cell === 'number') return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

const FORMULA_START = /^[=+\-@\t\r'\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The inverse of {@link neutraliseCsvCell} for a cell read back as text. @public */
export function unneutraliseCsvCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field: neutralised, then quoted if RFC 4180 requires it. Numbers never need either. */
export function encodeCell(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const text = neutraliseCsvCell(cell) as string;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text of rows (CRLF after each), every cell neutralised. */
export function encodeRows(rows: readonly CsvCell[][]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i ? ',' : '') + encodeCell(row[i]!);
    out += '\r\n';
  }
  return out;
}

/** Header text of a layout's wide and long files. */
export function csvHeaders(layout: CsvLayout): { wide: string; long: string } {
  return { wide: encodeRows([layout.wide.map((c) => c.name)]), long: encodeRows([layout.long.map((c) => c.name)]) };
}

/**
 * A CSV writer for one form version and profile: the layout once, then rows per response.
 * The command line drives it from files read one at a time; the generators below from iterables.
 */
export interface CsvWriter {
  ctx: ExportContext;
  layout: CsvLayout;
  headers: { wide: string; long: string };
  /** Adds one response; returns encoded text when a batch is full (else empty strings). */
  add(response: ResponseEnvelope): { wide: string; long: string };
  /** Encoded text of what is still buffered. */
  flush(): { wide: string; long: string };
}

export function csvWriter(definition: Definition, options: ExportOptions & { long?: boolean } = {}): CsvWriter {
  const ctx = exportContext(definition, options.profile);
  const layout = csvLayout(ctx);
  const withLong = options.long !== false && layout.groups.length > 0;
  let wide: CsvCell[][] = [];
  let long: CsvCell[][] = [];
  const flush = () => {
    const out = { wide: encodeRows(wide), long: encodeRows(long) };
    wide = [];
    long = [];
    return out;
  };
  return {
    ctx,
    layout,
    headers: csvHeaders(layout),
    add(stored) {
      const response = shownResponse(ctx, stored);
      const missing = missingOf(layout, response);
      wide.push(wideRow(layout, response, missing));
      if (withLong) for (const row of longRows(ctx, layout, response, missing)) long.push(row);
      return wide.length >= BATCH || long.length >= BATCH ? flush() : { wide: '', long: '' };
    },
    flush,
  };
}

/** The wide CSV file (one row per response), header first, as text chunks. @public */
export function csvRows(definition: Definition, responses: Iterable<ResponseEnvelope>, options: ExportOptions = {}): Generator<string> {
  return writerChunks(csvFileWriter(definition, 'wide', options), responses);
}

/** The long CSV file of repeatable-group items (one row per item), header first, as text chunks. @public */
export function csvGroupRows(definition: Definition, responses: Iterable<ResponseEnvelope>, options: ExportOptions = {}): Generator<string> {
  return writerChunks(csvFileWriter(definition, 'long', options), responses);
}

/** One of the two CSV files as an export writer: its header, then its rows in batches. @public */
export function csvFileWriter(definition: Definition, file: 'wide' | 'long', options: ExportOptions = {}): ExportWriter {
  const writer = csvWriter(definition, file === 'wide' ? { ...options, long: false } : options);
  return { head: () => writer.headers[file], add: (response) => writer.add(response)[file], end: () => writer.flush()[file] };
}

/** Whole files, for small exports and tests. @public */
export function csvText(definition: Definition, responses: Iterable<ResponseEnvelope>, options: ExportOptions = {}): { wide: string; long: string; hasGroups: boolean } {
  const writer = csvWriter(definition, options);
  let wide = writer.headers.wide;
  let long = writer.headers.long;
  for (const response of responses) {
    const chunk = writer.add(response);
    wide += chunk.wide;
    long += chunk.long;
  }
  const rest = writer.flush();
  return { wide: wide + rest.wide, long: long + rest.long, hasGroups: writer.layout.groups.length > 0 };
}
