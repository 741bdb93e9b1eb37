export * from './envelope';
export * from './hash';
export * from './load';
export * from './from-value';
export * from './locate';
export * from './published';
export * from './utf8';
export * from './check-definition';
export { checkDefinitionForRendering, checkDefinitionValue, checkRepresentable } from './check-value';
