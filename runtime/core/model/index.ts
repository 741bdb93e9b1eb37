export * from './pointers';
export * from './types';
export { answerIn, answerPointerIn, formModel, questionAtAnswer, questionAtScope, questionInCondition } from './build';
export { itemLevel, levelAnswers, siblingsOf } from './levels';
export { resolveScope, uiIndex, type UiIndex } from './ui-index';
export { translator, type Translate } from './wording';
export { builtInLevels, levelActions, levelOf, levelTable, type LevelAction, type SensitivityLevel } from './sensitivity';
