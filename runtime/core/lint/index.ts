import type { Definition } from '../definition/envelope';
import { loadDefinitionText } from '../definition/load';
import type { Problem } from '../problems/problem';
import { capPerCode } from '../problems/cap';
import { formModel } from '../model/build';
import { positionProblems } from './positions';
import { lintProblem, type LintContext, type LintRule } from './rule';
import { boundsCrossed } from './rules/bounds-crossed';
import { keyCharacters } from './rules/key-characters';
import { keyInvisible } from './rules/key-invisible';
import { keyLookalike } from './rules/key-lookalike';
import { keyMarkup } from './rules/key-markup';
import { keywordMisspelt } from './rules/keyword-misspelt';
import { optionsEmpty } from './rules/options-empty';
import { requiredFalse } from './rules/required-false';
import { textControl } from './rules/text-control';
import { textInvisible } from './rules/text-invisible';
import { textLookalike } from './rules/text-lookalike';
import { codeDropped } from './rules/code-dropped';
import { codeDuplicate } from './rules/code-duplicate';
import { codeMalformed } from './rules/code-malformed';
import { codeMissing } from './rules/code-missing';
import { codeReused } from './rules/code-reused';
import { computedInvalid } from './rules/computed-invalid';
import { envelopeInvalid } from './rules/envelope-invalid';
import { extensionInvalid } from './rules/extension-invalid';
import { extensionUnknown } from './rules/extension-unknown';
import { gateInvalid } from './rules/gate-invalid';
import { hashMismatch } from './rules/hash-mismatch';
import { hashUnrecorded } from './rules/hash-unrecorded';
import { idMismatch } from './rules/id-mismatch';
import { labelTooLong } from './rules/label-too-long';
import { questionNotShown } from './rules/question-not-shown';
import { ruleInvalid } from './rules/rule-invalid';
import { ruleShowsUnanswered } from './rules/rule-shows-unanswered';
import { schemaInvalid } from './rules/schema-invalid';
import { scopeUnresolved } from './rules/scope-unresolved';
import { sensitiveUngated } from './rules/sensitive-ungated';
import { sensitivityLevelInvalid } from './rules/sensitivity-level-invalid';
import { sensitivityUnknown } from './rules/sensitivity-unknown';
import { tooManyOptions } from './rules/too-many-options';
import { tooManyQuestions } from './rules/too-many-questions';
import { uischemaInvalid } from './rules/uischema-invalid';
import { versionMismatch } from './rules/version-mismatch';
import { versionBumpTooSmall } from './rules/version-bump';
import { optionCodeDuplicate } from './rules/option-code-duplicate';
import { optionLabelDuplicate } from './rules/option-label-duplicate';
import { optionReadsExclusive } from './rules/option-reads-exclusive';
import { labelEmpty } from './rules/label-empty';
import { formEmpty } from './rules/form-empty';
import { controlObject } from './rules/control-object';

export type { LintContext, LintInput, LintRule } from './rule';
export { lintProblem } from './rule';
export { conditionsShowingUnanswered, type UnansweredCondition } from './rules/rule-shows-unanswered';

/** Every lint rule, in the order their problems are listed. Add a rule: one file in rules/, one line here. */
export const allRules: LintRule[] = [
  envelopeInvalid,
  idMismatch,
  versionMismatch,
  hashMismatch,
  hashUnrecorded,
  schemaInvalid,
  keywordMisspelt,
  extensionUnknown,
  extensionInvalid,
  codeMissing,
  codeMalformed,
  codeDuplicate,
  codeReused,
  codeDropped,
  keyInvisible,
  keyMarkup,
  keyLookalike,
  keyCharacters,
  optionsEmpty,
  boundsCrossed,
  requiredFalse,
  computedInvalid,
  uischemaInvalid,
  scopeUnresolved,
  controlObject,
  questionNotShown,
  ruleInvalid,
  ruleShowsUnanswered,
  gateInvalid,
  sensitiveUngated,
  sensitivityUnknown,
  sensitivityLevelInvalid,
  labelTooLong,
  textControl,
  textInvisible,
  textLookalike,
  tooManyQuestions,
  tooManyOptions,
  versionBumpTooSmall,
  optionCodeDuplicate,
  optionLabelDuplicate,
  optionReadsExclusive,
  labelEmpty,
  formEmpty,
];

/**
 * Lint a loaded definition. Pure: no I/O, the same in the browser, the CLI and CI. A rule that
 * throws is a bug in the rule; it becomes one problem so the other rules' findings still show.
 * @public
 */
export function lint(definition: Definition, context: LintContext = {}, rules: readonly LintRule[] = allRules): Problem[] {
  const model = formModel(definition);
  const run = (rule: LintRule): Problem[] => {
    try {
      return rule.check({ definition, context, model });
    } catch (e) {
      return [lintProblem('lint-rule-crashed', '', `The lint rule "${rule.codes[0]}" failed: ${e instanceof Error ? e.message : String(e)}.`, { rule: rule.codes[0] })];
    }
  };
  // A form over the question limit is refused as a whole, before any rule walks its thousands of questions.
  if (rules.includes(tooManyQuestions)) {
    const tooMany = run(tooManyQuestions);
    if (tooMany.length) return tooMany;
  }
  return capPerCode(rules.flatMap(run));
}

/**
 * Load a definition from text and lint it: load problems (syntax, limits, envelope) if it does not
 * load, lint problems otherwise, each with the line and column its pointer names in the text.
 * @public
 */
export function lintText(text: string, context: Omit<LintContext, 'raw'> = {}, rules: readonly LintRule[] = allRules): Problem[] {
  const loaded = loadDefinitionText(text);
  if (!loaded.ok) return loaded.problems;
  const problems = lint(loaded.value, { ...context, raw: loaded.raw }, rules);
  return loaded.doc ? positionProblems(problems, loaded.doc) : problems;
}
