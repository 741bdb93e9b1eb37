import { builtInLevels, exportProfiles, levelActions, unknownLevel, type LevelAction, type SensitivityLevel } from '../model/sensitivity';
/**
 * The documented classification of changes between two versions of a form (docs/versions.md).
 * The test is what a change does to data already collected and to hosts that read it:
 * - major: a response valid before may be invalid now, an answer may no longer be carried, or a
 *   host reading answers or exports by code must change (removing, requiring, retyping, recoding);
 * - minor: new things to collect or a changed flow, old responses still valid (adding optional
 *   questions or options, changing when a question shows);
 * - patch: wording, help and layout only.
 */
export type Bump = 'major' | 'minor' | 'patch';
export type BumpOrNone = Bump | 'none';

export const changeKinds = [
  'question-added', 'question-removed', 'question-renamed', 'question-required', 'question-optional',
  'type-changed', 'key-changed', 'constraint-changed', 'computed-changed',
  'option-added', 'option-removed', 'option-recoded', 'option-relabelled', 'options-reordered',
  'moved-section', 'question-reordered', 'sensitivity-changed', 'rule-changed', 'guidance-changed',
  'section-added', 'section-removed', 'section-renamed', 'section-rule-changed',
  'form-text-changed', 'safety-changed', 'translation-changed',
] as const;
export type ChangeKind = (typeof changeKinds)[number];

export interface KindRule {
  /** The severity, or `depends` when the facts of the change decide (see `why`). */
  severity: Bump | 'depends';
  why: string;
}

/** One line per kind: the table docs/versions.md shows, and a test keeps the two in step. */
export const classificationRules: Record<ChangeKind, KindRule> = {
  'question-added': { severity: 'depends', why: 'minor when optional (old responses stay valid); major when required, always or through a condition such as the safety gate, since old responses lack it' },
  'question-removed': { severity: 'major', why: 'answers to it can no longer be carried, and exports lose its column' },
  'question-renamed': { severity: 'patch', why: 'same code, new wording: the meaning is kept by the code, only the question as asked changes' },
  'question-required': { severity: 'major', why: 'responses without an answer, valid before, are now incomplete' },
  'question-optional': { severity: 'minor', why: 'every response valid before stays valid; hosts may now see it unanswered' },
  'type-changed': { severity: 'major', why: 'answers of the old type do not fit the new one' },
  'key-changed': { severity: 'major', why: 'the answer moves to another key in the response, which hosts reading answers must follow' },
  'constraint-changed': { severity: 'depends', why: 'major when narrowed (a smaller maximum, a new pattern: old answers may break), minor when only widened' },
  'computed-changed': { severity: 'major', why: 'the same code now holds a value worked out differently' },
  'option-added': { severity: 'minor', why: 'a new answer is possible; every old answer is still one of the options' },
  'option-removed': { severity: 'major', why: 'answers that chose it no longer fit' },
  'option-recoded': { severity: 'major', why: 'the same choice is exported under a new code; old answers carry the old one' },
  'option-relabelled': { severity: 'patch', why: 'same code, new wording' },
  'options-reordered': { severity: 'patch', why: 'display order only' },
  'moved-section': { severity: 'patch', why: 'sections are UI only; answers never nest in them' },
  'question-reordered': { severity: 'patch', why: 'asked at another point within its section: display order only' },
  'sensitivity-changed': { severity: 'depends', why: 'minor when raised (handling at least as strict in every profile, the safety check and drafts); major when lowered or removed (any profile, the safety check or drafts looser), since answers then reach exports and places that did not receive them before' },
  'rule-changed': { severity: 'minor', why: 'changes when a question shows, so what is collected, but every old response stays valid' },
  'guidance-changed': { severity: 'patch', why: 'hint, help or guidance text only' },
  'section-added': { severity: 'patch', why: 'layout only' },
  'section-removed': { severity: 'patch', why: 'layout only; its questions are reported on their own' },
  'section-renamed': { severity: 'patch', why: 'wording only' },
  'section-rule-changed': { severity: 'minor', why: 'changes when a whole section shows' },
  'form-text-changed': { severity: 'patch', why: 'the form\'s title, description or source' },
  'safety-changed': { severity: 'minor', why: 'the safety check or where drafts may be kept changes how the form behaves, not the data' },
  'translation-changed': { severity: 'patch', why: 'wording in another language' },
};

const rank: Record<BumpOrNone, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function bumpRank(bump: BumpOrNone): number {
  return rank[bump];
}

/** The largest of some bumps (`none` for none). */
export function largestBump(bumps: Iterable<BumpOrNone>): BumpOrNone {
  let best: BumpOrNone = 'none';
  for (const b of bumps) if (rank[b] > rank[best]) best = b;
  return best;
}

/** Among built-in levels that are handled alike, which says more (special-category is UK GDPR Art. 9 data). */
const sensitivityRank: Record<string, number> = { personal: 1, sensitive: 2, 'special-category': 3, 'safe-address': 4 };
const UNMARKED: SensitivityLevel = { name: '', profiles: { full: 'keep', 'external-agency': 'keep', masked: 'keep' }, gated: false, drafts: 'keep', builtIn: true };

/**
 * A level change is minor when the answers are handled at least as protectively as before in every
 * respect the level table holds (each profile's action, the safety check, drafts), and major when
 * any is looser: answers then reach exports and places that did not receive them before. Between
 * built-in levels handled alike, the rank decides (special-category → sensitive is major).
 * Names are read against the built-in table; the diff passes the levels of each version's own table.
 */
export function classifySensitivity(from: SensitivityLevel | string | undefined, to: SensitivityLevel | string | undefined): Bump {
  const a = resolveLevel(from);
  const b = resolveLevel(to);
  const strictness = (action: LevelAction) => levelActions.indexOf(action);
  const looser =
    exportProfiles.some((p) => strictness(b.profiles[p]) < strictness(a.profiles[p])) ||
    (a.gated && !b.gated) ||
    (a.drafts === 'never' && b.drafts === 'keep');
  if (looser) return 'major';
  const stricter = exportProfiles.some((p) => strictness(b.profiles[p]) > strictness(a.profiles[p])) || (b.gated && !a.gated) || (b.drafts === 'never' && a.drafts === 'keep');
  if (!stricter && a.builtIn && b.builtIn && (sensitivityRank[b.name] ?? 0) < (sensitivityRank[a.name] ?? 0)) return 'major';
  return 'minor';
}

function resolveLevel(level: SensitivityLevel | string | undefined): SensitivityLevel {
  if (level === undefined) return UNMARKED;
  return typeof level === 'string' ? (builtInLevels.get(level) ?? unknownLevel(level)) : level;
}

const lowerBounds = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems']);
const upperBounds = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems']);

/** Does a constraint change allow only answers a subset of before? Unknown changes count as narrowing. */
export function constraintNarrows(keyword: string, from: unknown, to: unknown): boolean {
  if (to === undefined) return false;
  if (lowerBounds.has(keyword)) return from === undefined || (typeof from === 'number' && typeof to === 'number' ? to > from : true);
  if (upperBounds.has(keyword)) return from === undefined || (typeof from === 'number' && typeof to === 'number' ? to < from : true);
  if (keyword === 'uniqueItems') return to === true && from !== true;
  return true; // pattern, multipleOf: any change may refuse an old answer
}
