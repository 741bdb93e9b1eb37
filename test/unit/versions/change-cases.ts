import type { Bump, ChangeKind, Definition } from '../../../runtime/core/index';
import { baseDefinition, changed } from './base-definition';

type Props = Record<string, Record<string, unknown>>;
type Edit = Parameters<typeof changed>[1];
export interface Case { name: string; kind: ChangeKind; code: string; severity: Bump; edit: Edit; fromPath?: string; toPath?: string }

export const uiCategory = (d: Definition, i: number) => (d.uischema as { elements: Array<{ label: string; rule?: unknown; elements: unknown[] }> }).elements[i]!;
const optionsOf = (p: Props, key: string) => p[key]!.oneOf as Array<{ const: string; title: string }>;
const gateThen = (d: Definition) => (d.schema as unknown as { allOf: Array<{ then: { required: string[] } }> }).allOf[0]!.then.required;
const items = (p: Props) => (p.children!.items as { properties: Props; required: string[] });

/** One generated pair of definitions per change kind (and per branch of the kinds that depend on the facts). */
export const cases: Case[] = [
  { name: 'an optional question added', kind: 'question-added', code: 'person_town', severity: 'minor',
    edit: (p) => { p.town = { type: 'string', maxLength: 100, title: 'Town', 'x-code': 'person_town' }; }, toPath: '/schema/properties/town' },
  { name: 'a required question added', kind: 'question-added', code: 'person_town', severity: 'major',
    edit: (p, d) => { p.town = { type: 'string', title: 'Town', 'x-code': 'person_town' }; d.schema.required.push('town'); } },
  { name: 'a question required through the safety gate added', kind: 'question-added', code: 'controls_money', severity: 'major',
    edit: (p, d) => {
      p.controlsMoney = { type: 'boolean', title: 'Does anyone control your money?', 'x-code': 'controls_money', 'x-sensitivity': 'special-category' };
      gateThen(d).push('controlsMoney');
    } },
  { name: 'an optional item added to an existing group', kind: 'question-added', code: 'child_school', severity: 'minor',
    edit: (p) => { items(p).properties.school = { type: 'string', title: 'School', 'x-code': 'child_school' }; } },
  { name: 'a required item added to an existing group', kind: 'question-added', code: 'child_school', severity: 'major',
    edit: (p) => { items(p).properties.school = { type: 'string', title: 'School', 'x-code': 'child_school' }; items(p).required.push('school'); } },
  { name: 'a question removed', kind: 'question-removed', code: 'seen_on', severity: 'major', edit: (p) => { delete p.seenOn; }, fromPath: '/schema/properties/seenOn' },
  { name: 'a group item removed', kind: 'question-removed', code: 'child_age', severity: 'major', edit: (p) => { delete items(p).properties.childAge; } },
  { name: 'a question reworded', kind: 'question-renamed', code: 'person_age', severity: 'patch', edit: (p) => { p.age!.title = 'How old are you?'; } },
  { name: 'a question made required', kind: 'question-required', code: 'person_age', severity: 'major', edit: (_p, d) => { d.schema.required.push('age'); } },
  { name: 'a question made required when the gate is passed', kind: 'question-required', code: 'seen_on', severity: 'major',
    edit: (_p, d) => { gateThen(d).push('seenOn'); } },
  { name: 'a group item made required', kind: 'question-required', code: 'child_age', severity: 'major', edit: (p) => { items(p).required.push('childAge'); } },
  { name: 'a question made optional', kind: 'question-optional', code: 'person_name', severity: 'minor', edit: (_p, d) => { d.schema.required = ['safeToTalk']; } },
  { name: 'a type changed', kind: 'type-changed', code: 'person_age', severity: 'major', edit: (p) => { p.age = { type: 'string', title: 'Age', 'x-code': 'person_age' }; } },
  { name: 'an answer key changed', kind: 'key-changed', code: 'person_name', severity: 'major',
    edit: (p, d) => { p.fullName = p.name!; delete p.name; d.schema.required[0] = 'fullName'; } },
  { name: 'a maximum lowered', kind: 'constraint-changed', code: 'person_age', severity: 'major', edit: (p) => { p.age!.maximum = 99; } },
  { name: 'a maximum raised', kind: 'constraint-changed', code: 'person_age', severity: 'minor', edit: (p) => { p.age!.maximum = 130; } },
  { name: 'a pattern added', kind: 'constraint-changed', code: 'person_name', severity: 'major', edit: (p) => { p.name!.pattern = '^[A-Za-z ]+$'; } },
  { name: 'a computed value changed', kind: 'computed-changed', code: 'total', severity: 'major',
    edit: (p) => { p.total = { type: 'integer', readOnly: true, 'x-code': 'total', 'x-computed': { op: 'sum', of: ['age'] } }; } },
  { name: 'an option added', kind: 'option-added', code: 'relationship', severity: 'minor',
    edit: (p) => { optionsOf(p, 'relationship').push({ const: 'grandparent', title: 'Grandparent' }); }, toPath: '/schema/properties/relationship/oneOf/3' },
  { name: 'an option of a multiple choice added', kind: 'option-added', code: 'concerns', severity: 'minor',
    edit: (p) => { ((p.concerns!.items as Props['x'])!.oneOf as unknown[]).push({ const: 'gambling', title: 'Gambling' }); } },
  { name: 'an option removed', kind: 'option-removed', code: 'relationship', severity: 'major',
    edit: (p) => { optionsOf(p, 'relationship').splice(1, 1); }, fromPath: '/schema/properties/relationship/oneOf/1' },
  { name: 'an option recoded', kind: 'option-recoded', code: 'relationship', severity: 'major',
    edit: (p) => { optionsOf(p, 'relationship')[1]!.const = 'foster_carer'; } },
  { name: 'an option relabelled', kind: 'option-relabelled', code: 'relationship', severity: 'patch',
    edit: (p) => { optionsOf(p, 'relationship')[1]!.title = 'Kinship carer'; } },
  { name: 'options reordered', kind: 'options-reordered', code: 'relationship', severity: 'patch', edit: (p) => { optionsOf(p, 'relationship').reverse(); } },
  { name: 'a question moved between sections', kind: 'moved-section', code: 'seen_on', severity: 'patch',
    edit: (_p, d) => { const [seen] = uiCategory(d, 0).elements.splice(6, 1); uiCategory(d, 1).elements.push(seen); } },
  { name: 'a question asked earlier in its section', kind: 'question-reordered', code: 'seen_on', severity: 'patch',
    edit: (_p, d) => { const [seen] = uiCategory(d, 0).elements.splice(6, 1); uiCategory(d, 0).elements.splice(1, 0, seen); } },
  { name: 'sensitivity raised', kind: 'sensitivity-changed', code: 'seen_on', severity: 'minor', edit: (p) => { p.seenOn!['x-sensitivity'] = 'sensitive'; } },
  { name: 'sensitivity removed', kind: 'sensitivity-changed', code: 'afraid_partner', severity: 'major', edit: (p) => { delete p.afraidPartner!['x-sensitivity']; } },
  { name: 'a show rule changed', kind: 'rule-changed', code: 'concerns_other', severity: 'minor',
    edit: (_p, d) => { (uiCategory(d, 0).elements[5] as { rule: { condition: { schema: unknown } } }).rule.condition.schema = { contains: { const: 'alcohol' } }; },
    toPath: '/uischema/elements/0/elements/5/rule' },
  { name: 'a hint changed', kind: 'guidance-changed', code: 'concerns_other', severity: 'patch', edit: (p) => { p.concernsOther!.description = 'Anything else?'; } },
  { name: 'help text changed', kind: 'guidance-changed', code: 'afraid_partner', severity: 'patch', edit: (p) => { p.afraidPartner!['x-help'] = 'Ask when alone.'; } },
  { name: 'a guidance label changed', kind: 'guidance-changed', code: '', severity: 'patch',
    edit: (_p, d) => { (uiCategory(d, 0).elements[0] as { text: string }).text = 'Ask every question.'; } },
  { name: 'a section added', kind: 'section-added', code: '', severity: 'patch',
    edit: (_p, d) => { (d.uischema as { elements: unknown[] }).elements.push({ type: 'Category', label: 'Next steps', elements: [] }); } },
  { name: 'a section removed', kind: 'section-removed', code: '', severity: 'patch',
    edit: (_p, d) => { const ui = d.uischema as { elements: Array<{ elements: unknown[] }> }; ui.elements[0]!.elements.push(...ui.elements[1]!.elements); ui.elements.splice(1, 1); } },
  { name: 'a section renamed', kind: 'section-renamed', code: '', severity: 'patch', edit: (_p, d) => { uiCategory(d, 1).label = 'Your safety'; } },
  { name: 'a section rule changed', kind: 'section-rule-changed', code: '', severity: 'minor',
    edit: (_p, d) => { uiCategory(d, 1).rule = { effect: 'SHOW', condition: { scope: '#/properties/age', schema: { minimum: 16 } } }; } },
  { name: 'the form title changed', kind: 'form-text-changed', code: '', severity: 'patch', edit: (_p, d) => { d.title = 'Versions example, revised'; } },
  { name: 'drafts kept by the host only', kind: 'safety-changed', code: '', severity: 'minor', edit: (_p, d) => { d.safety = { gate: 'safeToTalk', drafts: 'host-only' }; } },
  { name: 'a translation added', kind: 'translation-changed', code: '', severity: 'patch',
    edit: (_p, d) => { d.translations = { cy: { '/schema/properties/name/title': 'Enw' } }; } },
];

/** The base a case starts from (a computed change needs a computed value to change). */
export function caseBase(c: Case): Definition {
  return c.kind === 'computed-changed'
    ? changed(baseDefinition(), (p) => { p.total = { type: 'integer', readOnly: true, 'x-code': 'total', 'x-computed': { op: 'sum', of: ['age', 'age'] } }; })
    : baseDefinition();
}
