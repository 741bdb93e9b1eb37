export * from './pointers';
export * from './types';
export { formModel, questionAtAnswer, resolveScope } from './build';
export { translator, type Translate } from './wording';
