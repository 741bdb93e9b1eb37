export {
  evaluateCondition,
  matchesSchema,
  supportedConditionKeywords,
  type RuleEffect,
  type Rule,
  type Condition,
  type SchemaBasedCondition,
  type LeafCondition,
  type ComposableCondition,
} from './condition';
export { isVisible, isEnabled, hiddenAnswerPointers, hiddenAnswersPresent, isHiddenPointer, visibleQuestionKeys, withoutHiddenAnswers, type RuleContext } from './visibility';
export { checkCondition, checkConditionSchema, checkRules } from './check';
export { computeValue, computeLevel, computedReads, computedSources, answerScore, bandOf, bandTitle, parseComputed, type Band, type ComputedSpec } from './computed';
export { computeValues, withComputedValues } from './computed-values';
