export * from './pointers';
export * from './types';
export { answerIn, answerPointerIn, formModel, questionAtAnswer } from './build';
export { questionInCondition } from './levels';
export { questionAtScope, resolveScope } from './scopes';
export { itemLevel, levelAnswers, siblingsOf } from './levels';
export { translator, untranslated, type Translate } from './wording';
export { builtInLevels, levelActions, levelOf, levelTable, type LevelAction, type SensitivityLevel } from './sensitivity';
