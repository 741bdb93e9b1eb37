export { createAjv, VALIDATOR_ENGINE_MODULE } from './ajv';
export { compilePattern, formats, ASSERTED_FORMATS, linearRegExp, PatternUnsupportedError, type PatternMatcher } from './engine';
export { compileValidator, tryCompileValidator, compileSchema, runValidator, validatorKey, compileProblem, ValidatorCompileError, type CompiledValidator } from './compile';
export { askedAt, type Asked } from './messages';
export { dateMessage } from './messages';
export { problemsFromAjv, MAX_PROBLEMS_PER_ANSWER } from './problems';
export { validateResponse, checkAnswerLengths, computedProblems } from './response';
