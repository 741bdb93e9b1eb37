import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, lintText, loadDefinitionText, type Definition, type LintContext, type Problem, type ProblemCode } from '../../../runtime/core/index';

export const fixturesDir = join(__dirname, '../../fixtures/definitions');

export function fixtureText(name: string): string {
  return readFileSync(join(fixturesDir, `${name}.json`), 'utf8');
}

export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

/** The context a file gets when it sits at form-definitions/lint-example/1.0.0.json with an empty record. */
export const inFolder: Omit<LintContext, 'raw'> = { folderId: 'lint-example', fileVersion: '1.0.0', published: {} };

/** valid.json as the version before a fixture, for rules that compare versions. */
function previousVersion(): Definition {
  const loaded = loadDefinitionText(fixtureText('valid'));
  if (!loaded.ok) throw new Error('valid.json does not load');
  return loaded.value;
}

export interface BrokenCase {
  code: ProblemCode;
  /** Pointer of the problem the fixture must produce. */
  path: string;
  context?: Omit<LintContext, 'raw'>;
}

/** One broken fixture per code (test/fixtures/definitions/<code>.json), and where its problem points. */
export const brokenCases: BrokenCase[] = [
  { code: 'envelope-invalid', path: '/status' },
  { code: 'id-mismatch', path: '/id', context: inFolder },
  { code: 'version-mismatch', path: '/version', context: inFolder },
  { code: 'hash-mismatch', path: '', context: { ...inFolder, published: { 'lint-example/1.0.0': contentHash({ other: true }) } } },
  { code: 'hash-unrecorded', path: '/status', context: inFolder },
  { code: 'schema-invalid', path: '/schema/properties/children/items/properties/age/minimum' },
  { code: 'ref-remote', path: '/schema/properties/visitDate/$ref' },
  { code: 'ref-unresolved', path: '/schema/properties/visitDate/$ref' },
  { code: 'ref-cycle', path: '/schema/$defs/b/allOf/0/$ref' },
  { code: 'pattern-invalid', path: '/schema/properties/contactNote/pattern' },
  { code: 'pattern-unsafe', path: '/schema/properties/contactNote/pattern' },
  { code: 'id-invalid', path: '/schema/properties/visitDate/$id' },
  { code: 'extension-unknown', path: '/schema/properties/visitDate/x-colour' },
  { code: 'extension-invalid', path: '/schema/properties/harmed/x-sensitivity' },
  { code: 'code-missing', path: '/schema/properties/children/items/properties/age/x-code' },
  { code: 'code-malformed', path: '/schema/properties/visitDate/x-code' },
  { code: 'code-duplicate', path: '/schema/properties/harmed/x-code' },
  { code: 'code-reused', path: '/schema/properties/visitDate/x-code' },
  { code: 'code-dropped', path: '/retired', context: { previous: previousVersion() } },
  { code: 'computed-invalid', path: '/schema/properties/concernCount/x-computed/of/1' },
  { code: 'uischema-invalid', path: '/uischema/elements/0/elements/1/type' },
  { code: 'scope-unresolved', path: '/uischema/elements/0/elements/3/rule/condition/scope' },
  { code: 'question-not-shown', path: '/schema/properties/contactNote' },
  { code: 'rule-invalid', path: '/uischema/elements/0/elements/3/rule/condition/schema/pattern' },
  { code: 'rule-shows-unanswered', path: '/uischema/elements/0/elements/3/rule/condition' },
  { code: 'gate-invalid', path: '/schema/properties/safeToTalk/type' },
  { code: 'sensitive-ungated', path: '/uischema/elements/0/elements/5' },
  { code: 'sensitivity-unknown', path: '/schema/properties/harmed/x-sensitivity' },
  { code: 'sensitivity-level-invalid', path: '/sensitivityLevels/police-marker/profiles/masked' },
  { code: 'label-too-long', path: '/schema/properties/visitDate/description' },
  { code: 'too-many-options', path: '/schema/properties/contact/oneOf' },
  { code: 'option-code-duplicate', path: '/schema/properties/contact/oneOf/2' },
  { code: 'option-label-duplicate', path: '/schema/properties/contact/oneOf/2/title' },
  { code: 'option-reads-exclusive', path: '/schema/properties/present/items/oneOf/2' },
  { code: 'label-empty', path: '/schema/properties/visitDate/title' },
  { code: 'form-empty', path: '/schema/properties' },
  { code: 'control-object', path: '/uischema/elements/4/scope' },
  { code: 'key-invisible', path: '/schema/properties/visit\u200bDate' },
  { code: 'key-markup', path: '/schema/properties/children/items/properties/<b>name' },
  { code: 'key-lookalike', path: '/schema/properties/visitD\u0430te' },
  { code: 'key-characters', path: '/schema/properties/contact.note' },
  { code: 'text-control', path: '/uischema/elements/0/label' },
  { code: 'text-invisible', path: '/schema/properties/visitDate/title' },
  { code: 'text-lookalike', path: '/schema/properties/contact/oneOf/0/title' },
  { code: 'options-empty', path: '/schema/properties/contactNote/enum' },
  { code: 'bounds-crossed', path: '/schema/properties/children/items/properties/age/minimum' },
  { code: 'required-false', path: '/schema/properties/retiredNote' },
  { code: 'keyword-misspelt', path: '/schema/properties/children/items/requird' },
];

export function lintFixture(name: string, context: Omit<LintContext, 'raw'> = {}): Problem[] {
  return lintText(fixtureText(name), context);
}

export function codesOf(problems: Problem[]): string[] {
  return [...new Set(problems.map((p) => p.code))];
}
