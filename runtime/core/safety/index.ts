export * from './limits';
export { walkSchema, type SchemaPath } from './walk';
export { checkPatterns } from './patterns';
export { checkRefs } from './refs';
export { checkSchemaSafety, checkIds, checkUnsupportedKeywords } from './schema';
export { printable } from './printable';
export { valueSizeOver, checkValueSize, tooLarge } from './size';
