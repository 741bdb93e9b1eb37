export * from './pointers';
export * from './types';
export { answerIn, answerPointerIn, formModel, questionAtAnswer, questionInCondition } from './build';
export { questionAtScope, resolveScope } from './scopes';
export { itemLevel, levelAnswers, siblingsOf } from './levels';
export { translator, type Translate } from './wording';
export { builtInLevels, levelActions, levelOf, levelTable, type LevelAction, type SensitivityLevel } from './sensitivity';
