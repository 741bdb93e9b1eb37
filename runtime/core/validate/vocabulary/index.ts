import type { KeywordDefinition, Vocabulary } from 'ajv/dist/2020';
import { anchor } from './anchor';
import { jsonFormsI18n } from './jsonforms-i18n';
import { xCode } from './x-code';
import { xComputed } from './x-computed';
import { xExclusive } from './x-exclusive';
import { xHelp } from './x-help';
import { xScore } from './x-score';
import { xSensitivity } from './x-sensitivity';
import { xYesNo } from './x-yes-no';

/**
 * The product's `x-` keywords, declared to AJV the way its own vocabularies are: annotations (no
 * code runs on answers), each with a meta-schema, so a value of the wrong shape is a schema error
 * and, under strict mode, any other `x-` keyword fails to compile (docs/definition-format.md).
 */
export const extensionVocabulary = [xCode, xSensitivity, xComputed, xHelp, xExclusive, xScore, xYesNo] as const satisfies readonly KeywordDefinition[];

/** The names of `extensionVocabulary`, in that order. */
export const EXTENSION_KEYWORDS: readonly string[] = extensionVocabulary.map((k) => k.keyword as string);

/** Everything createAjv adds to AJV's draft 2020-12 vocabularies. */
export const productVocabulary: Vocabulary = [anchor, jsonFormsI18n, ...extensionVocabulary];
