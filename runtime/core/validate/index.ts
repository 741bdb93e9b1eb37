export { createAjv, VALIDATOR_ENGINE_MODULE } from './ajv';
export { compilePattern, formats, re2RegExp, PatternUnsupportedError, type PatternMatcher } from './engine';
export { compileValidator, tryCompileValidator, validatorKey, compileProblem, ValidatorCompileError, type CompiledValidator } from './compile';
export { questionAt, type QuestionInfo, type QuestionKind } from './questions';
export { problemsFromAjv } from './problems';
export { validateResponse, checkAnswerLengths } from './response';
