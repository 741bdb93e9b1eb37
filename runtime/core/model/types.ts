import type { Sensitivity } from '../definition/envelope';
import type { SensitivityLevel } from './sensitivity';
import type { ComputedSpec } from '../rules/computed';
import type { AnchorLookup } from './schema-walk';

export type JsonObject = Record<string, unknown>;

/**
 * What a question asks for. Every part of the product reads this one list; where a part shows a
 * kind to people (the codebook, the builder's palette) it words it there.
 */
export type QuestionKind =
  | 'text' | 'long-text' | 'email' | 'integer' | 'decimal' | 'yes-no' | 'single-choice' | 'multiple-choice'
  | 'date' | 'time' | 'date-time' | 'group' | 'object' | 'list' | 'other';

/** Read-only: options are shared by every part that reads the model, and their pointers are worked out when read. */
export interface QuestionOption {
  /** The option's value as text: what exports write. */
  readonly code: string;
  /** The value as the answer holds it (`const` or the `enum` entry). */
  readonly value: unknown;
  readonly label: string;
  /** Pointer of the option in the file, e.g. `/schema/properties/x/oneOf/2`. */
  readonly pointer: string;
  /** Pointer of its label (for translations); absent for an `enum` entry. */
  readonly labelPointer?: string;
  /** A multiple choice's "None of these": ticking it clears the others. */
  readonly exclusive: boolean;
  readonly score?: number;
}

/** What a yes/no question records for yes and for no. */
export interface YesNo {
  yes: unknown;
  no: unknown;
}

/** The safety check (`safety.gate`): its question, and the answer that opens the sensitive parts. */
export interface SafetyGate extends YesNo {
  key: string;
  /** Absent when `safety.gate` names no top-level question (a lint error). */
  question?: Question;
}

/** `always`: in `required`; `conditional`: required through `if/then` (e.g. behind the safety gate). */
export type Requirement = 'always' | 'conditional' | 'never';

/**
 * One condition under which a question is required: every `if` on the way must hold (or fail, when
 * negated). `at` is the object whose answers the `if` reads, as a path from where the question is
 * read (the top-level answers or its group's item): `[]`, or `['riskFollowUp']` for an `if` written
 * inside that object.
 */
export type RequiredCondition = Array<{ schema: unknown; negate: boolean; at: readonly string[] }>;

/** A UI rule and the element carrying it. */
export interface PlacedRule {
  rule: JsonObject;
  /** Pointer of the element carrying the rule, e.g. `/uischema/elements/2`. */
  pointer: string;
}

/** The control that shows a question (the first, when several do). */
export interface QuestionControl {
  element: JsonObject;
  pointer: string;
  scope: string;
  /** The control's own rule and those of every element above it (a group item's: the group control's too). */
  rules: PlacedRule[];
  /** Position among the questions the UI shows, in reading order (top level and group items alike). */
  order: number;
}

export interface Question {
  /** Answer key inside its object (the top level, or the group's item). */
  key: string;
  /** The declared `x-code`, if any. */
  code?: string;
  /** Identity across versions: the code, or `@<answer path>` when it has none (a lint error). */
  id: string;
  /** What exports name it by: the code, or the key when it has none. */
  exportCode: string;
  kind: QuestionKind;
  /** JSON type the answer must have. */
  jsonType?: string;
  /** The question as asked (own `title`, else the shared shape's), untranslated. */
  title?: string;
  description?: string;
  /** `x-help`. */
  help?: string;
  /** The level `x-sensitivity` names, as written (when it is text). */
  sensitivity?: Sensitivity;
  /** The level applied: from the form's table, or the strictest when `x-sensitivity` names none (sensitivity.ts). */
  level?: SensitivityLevel;
  computed?: ComputedSpec;
  /** The answers that mean yes and no: `true`/`false` for a boolean, the codes `x-yes-no` names for a single choice. */
  yesNo?: YesNo;
  readOnly: boolean;
  options: QuestionOption[];
  required: Requirement;
  /** When `required` is `conditional`: each condition, and its canonical JSON. */
  requiredIf: RequiredCondition[];
  requiredWhen: string[];
  /** Value constraints that decide which answers are valid (minimum, maxLength, pattern…). */
  constraints: JsonObject;
  /** Pointer of the property declaration in the file (for a group item behind `$ref`, where it is written). */
  pointer: string;
  /** The property as written. */
  schema: JsonObject;
  /** The property with local `$ref`s followed (its own keywords on top): the shape answers must have. */
  shape: JsonObject;
  /** Pointer of the answer: `/key`, `/object/key`, or `/group/-/key` for a group item (any index). */
  answerPath: string;
  /**
   * Where the answer sits in the object it is read from (the top-level answers, or one item of its
   * group): `['key']`, or `['riskFollowUp', 'plan']` inside an object. Read answers with it (`answerIn`).
   */
  path: readonly string[];
  /** UI scope of the question relative to the same object: `#/properties/<key>` (`…/properties/<key>` inside objects). */
  scope: string;
  /** The repeatable group whose items hold the answer (the nearest one). */
  group?: Question;
  /** The object question it is a property of. */
  parent?: Question;
  /** For an object question: its properties' questions, in declaration order. */
  children?: Question[];
  /** For a group: the questions of one item, objects opened (their questions in their place, never the objects). */
  items?: Question[];
  /** For a group: every question of an item (objects too) by the pointer of its `path` (`/address/postcode`). */
  itemsAt?: ReadonlyMap<string, Question>;
  /** For a group: the item object schema (after a local `$ref`) and its pointer. */
  itemSchema?: { schema: JsonObject; pointer: string };
  control?: QuestionControl;
  section?: Section;
}

export interface Section {
  index: number;
  label: string;
  pointer: string;
  element: JsonObject;
  /** Rules on the section and the elements above it: the gate lives here. */
  rules: PlacedRule[];
  questions: Question[];
}

export interface GuidanceLabel {
  text: string;
  pointer: string;
  element: JsonObject;
  /** The label's own rule and those above it. */
  rules: PlacedRule[];
  section?: Section;
  /** Set inside a repeatable group's item layout. */
  group?: Question;
}

export interface UiElementInfo {
  node: JsonObject;
  /** JSON pointer into the file, e.g. `/uischema/elements/0/elements/2`. */
  pointer: string;
  parent?: UiElementInfo;
  /** Set inside a group control's `options.detail`: scopes there are relative to the item. */
  detailOf?: Question;
}

export type ScopeTarget =
  | { kind: 'question'; question: Question }
  | { kind: 'schema' } // names some schema node that is not a question (e.g. `#`)
  | { kind: 'unresolved' };

export interface UiScope {
  element: UiElementInfo;
  scope: string;
  /** Pointer of the `scope` string itself. */
  pointer: string;
  target: ScopeTarget;
  /** `control` for an element's own scope, `rule` for a rule condition's scope. */
  role: 'control' | 'rule';
}

export interface FormModel {
  schema: JsonObject;
  uischema: JsonObject;
  /** Top-level questions (groups and objects included) in declaration order. */
  questions: Question[];
  /**
   * The questions answered in the top-level answers, objects opened (an object's questions in its
   * place, the object itself left out; a group's items stay in the group): what exports and
   * validation iterate over.
   */
  fields: Question[];
  /** Every question of the top level (objects and their questions too) by the pointer of its `path`. */
  atPath: ReadonlyMap<string, Question>;
  /** Every question, groups before their items, in declaration order: the column order of exports. */
  all: Question[];
  /** Top-level questions by key. */
  byKey: ReadonlyMap<string, Question>;
  /** Every question by `id` (its code). */
  byId: ReadonlyMap<string, Question>;
  /** Questions a control shows, in reading order. */
  shown: Question[];
  /** Null unless the UI is a `Categorization`. */
  sections: Section[] | null;
  labels: GuidanceLabel[];
  /**
   * Top-level answer keys some rule reads; null when a rule reads the whole answers (`#`). A rule
   * reading a computed value reads the answers it is worked out from too.
   */
  ruleReads: ReadonlySet<string> | null;
  /** The safety check, when `safety.gate` is set. Every part reads the gate (and its yes) here. */
  gate?: SafetyGate;
  /** Plain-name `$anchor`s → pointer inside the schema. */
  anchors: AnchorLookup;
  /** The sensitivity levels the form may use: built-in, then its own `sensitivityLevels`. */
  levels: ReadonlyMap<string, SensitivityLevel>;
  /** Every UI element and every scope in it (a control's own, and each rule condition's), with what each names: what lint reads. */
  ui: UiIndex;
}

export interface UiIndex {
  readonly elements: readonly UiElementInfo[];
  /** Worked out on first read (model/scopes.ts). */
  readonly scopes: readonly UiScope[];
}
