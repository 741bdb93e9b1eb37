/** Exports: JSON, NDJSON, CSV, FHIR R4 and codebook, each with an export profile (docs/exports.md). */

export { exportProfiles, isExportProfile, levelsApplied, MASK, sensitiveQuestions, type ExportProfileName } from './profiles';
export { exportResponse, responseToJson, jsonArrayChunks, jsonArrayWriter, type ExportOptions } from './json';
export { ndjsonLines, ndjsonWriter, parseNdjson } from './ndjson';
export { csvRows, csvGroupRows, csvFileWriter, csvText, csvWriter, encodeRows, neutraliseCsvCell, unneutraliseCsvCell, type CsvWriter } from './csv';
export { FIXED_WIDE_COLUMNS, FIXED_LONG_COLUMNS } from './csv-layout';
export { MISSING_CODES, type MissingCode } from './missing';
export { DEFAULT_FHIR_BASE, questionnaireUrl, codeSystemUrl, type FhirOptions } from './fhir-common';
export { questionnaireFromDefinition, type FhirQuestionnaire, type FhirQuestionnaireItem } from './fhir-questionnaire';
export { questionnaireResponseFrom, type FhirQuestionnaireResponse, type FhirResponseItem, type FhirAnswer } from './fhir-response';
export { fhirBundle, fhirBundleChunks, fhirBundleWriter, type FhirBundle, type FhirBundleOptions } from './fhir-bundle';
export { codebook, codebookCsv, codebookMarkdown, CODEBOOK_COLUMNS, type CodebookEntry } from './codebook';
export { exporters, type Exporter, type ExportFormat } from './registry';
export { streamChunks, writerChunks, type ExportWriter } from './writer';
export { labelledAnswers, historyUnderProfile, type LabelledAnswer, type HistoryOp } from './labelled';
