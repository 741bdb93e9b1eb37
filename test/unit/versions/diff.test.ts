import { describe, expect, it } from 'vitest';
import { changeKinds, diffDefinitions, type Definition } from '../../../runtime/core/index';
import { baseDefinition, changed } from './base-definition';
import { caseBase, cases, uiCategory } from './change-cases';

describe('diffDefinitions on generated pairs', () => {
  it('finds nothing between a definition and its copy', () => {
    expect(diffDefinitions(baseDefinition(), baseDefinition())).toEqual([]);
  });

  it('has a case for every change kind', () => {
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(changeKinds));
  });

  it.each(cases)('$name: $kind, $severity', (c) => {
    const from = caseBase(c);
    const to = changed(from, c.edit);
    const changes = diffDefinitions(from, to);
    const match = changes.find((ch) => ch.kind === c.kind && ch.code === c.code);
    expect(match, JSON.stringify(changes, null, 1)).toBeDefined();
    expect(match!.severity).toBe(c.severity);
    expect(match!.summary.length).toBeGreaterThan(10);
    if (c.fromPath) expect(match!.fromPath).toBe(c.fromPath);
    if (c.toPath) expect(match!.toPath).toBe(c.toPath);
    // Nothing else may be reported as more severe than the change made.
    const rank = { patch: 1, minor: 2, major: 3 };
    for (const other of changes) expect(rank[other.severity], other.summary).toBeLessThanOrEqual(rank[c.severity]);
  });

  it('words a newly required question the way a policy lead reads it', () => {
    const to = changed(baseDefinition(), (_p, d) => { d.schema.required.push('age'); });
    expect(diffDefinitions(baseDefinition(), to).map((c) => c.summary)).toEqual(["Question 'Age' (person_age) is now required"]);
  });

  it('reports a change of type alone, not the limits that came with each type', () => {
    const to = changed(baseDefinition(), (p) => { p.age = { type: 'string', maxLength: 3, title: 'Age', 'x-code': 'person_age' }; });
    expect(diffDefinitions(baseDefinition(), to).map((c) => c.kind)).toEqual(['type-changed']);
  });

  it('reports a format given to a text question as a narrowed limit, and long text as no change of type', () => {
    const email = changed(baseDefinition(), (p) => { p.concernsOther!.format = 'email'; });
    expect(diffDefinitions(baseDefinition(), email).map((c) => [c.kind, c.severity, c.summary])).toEqual([
      ['constraint-changed', 'major', `Question 'Other concerns' (concerns_other): format changed from none to "email"`],
    ]);
    // Long text is the same answer in a bigger box, whether the control asks for it or the limit does.
    const multi = changed(baseDefinition(), (_p, d) => { (uiCategory(d, 0).elements[5] as { options?: unknown }).options = { multi: true }; });
    expect(diffDefinitions(baseDefinition(), multi)).toEqual([]);
    const longer = changed(baseDefinition(), (p) => { p.concernsOther!.maxLength = 5000; });
    expect(diffDefinitions(baseDefinition(), longer).map((c) => [c.kind, c.severity])).toEqual([['constraint-changed', 'minor']]);
  });

  it('says in words when a conditionally required question is required', () => {
    const gated = changed(baseDefinition(), (_p, d) => { (d.schema as unknown as { allOf: Array<{ then: { required: string[] } }> }).allOf[0]!.then.required.push('seenOn'); });
    expect(diffDefinitions(baseDefinition(), gated)[0]!.summary).toBe("Question 'Date seen' (seen_on) is now required once the safety check is answered yes");
    const onAnswer = changed(baseDefinition(), (_p, d) => {
      (d.schema as unknown as { allOf: unknown[] }).allOf.push({ if: { properties: { relationship: { const: 'carer' } }, required: ['relationship'] }, then: { required: ['age'] } });
    });
    expect(diffDefinitions(baseDefinition(), onAnswer)[0]!.summary).toBe(`Question 'Age' (person_age) is now required when relationship is "carer"`);
    const rich = changed(baseDefinition(), (_p, d) => {
      (d.schema as unknown as { allOf: unknown[] }).allOf.push({ if: { anyOf: [{ properties: { age: { minimum: 16 } } }] }, then: { required: ['seenOn'] } });
    });
    expect(diffDefinitions(baseDefinition(), rich)[0]!.summary).toBe("Question 'Date seen' (seen_on) is now required when its condition holds");
  });

  it('names a removed question retired in the new version with its reason', () => {
    const to = changed(baseDefinition(), (p, d) => { delete p.seenOn; d.retired = [{ code: 'seen_on', reason: 'Recorded by the host.' }]; });
    const [change] = diffDefinitions(baseDefinition(), to);
    expect(change).toMatchObject({ kind: 'question-removed', code: 'seen_on', severity: 'major', details: { retiredReason: 'Recorded by the host.' } });
  });

  it('reports one question moved up as one change, and sections swapped whole as none', () => {
    const up = changed(baseDefinition(), (_p, d) => { const [children] = uiCategory(d, 0).elements.splice(7, 1); uiCategory(d, 0).elements.splice(1, 0, children); });
    expect(diffDefinitions(baseDefinition(), up).map((c) => [c.kind, c.code])).toEqual([['question-reordered', 'children']]);
    const swapped = changed(baseDefinition(), (_p, d) => { (d.uischema as { elements: unknown[] }).elements.reverse(); });
    expect(diffDefinitions(baseDefinition(), swapped)).toEqual([]);
  });

  it('reports a renamed section once, not every question in it as moved', () => {
    const to = changed(baseDefinition(), (_p, d) => { uiCategory(d, 0).label = 'About the person'; });
    expect(diffDefinitions(baseDefinition(), to).map((c) => c.kind)).toEqual(['section-renamed']);
  });

  it('adds the items of a new group as minor when the group is optional, even if required inside it', () => {
    const to = changed(baseDefinition(), (p) => {
      p.pets = { type: 'array', title: 'Pets', 'x-code': 'pets', items: { type: 'object', properties: { kind: { type: 'string', title: 'Kind', 'x-code': 'pet_kind' } }, required: ['kind'] } };
    });
    const changes = diffDefinitions(baseDefinition(), to);
    expect(changes.map((c) => [c.kind, c.code, c.severity])).toEqual([['question-added', 'pets', 'minor'], ['question-added', 'pet_kind', 'minor']]);
  });

  it('follows local $refs for the type and options of a question', () => {
    const withRef = (options: string[]) => changed(baseDefinition(), (p, d) => {
      (d.schema as Record<string, unknown>).$defs = { yesNoUnsure: { type: 'string', oneOf: options.map((o) => ({ const: o, title: o })) } };
      p.sure = { $ref: '#/$defs/yesNoUnsure', title: 'Sure?', 'x-code': 'sure' };
    });
    const changes = diffDefinitions(withRef(['yes', 'no']), withRef(['yes', 'no', 'unsure']));
    expect(changes.filter((c) => c.code === 'sure').map((c) => c.kind)).toEqual(['option-added']);
  });

  it('does not throw on hostile or malformed definitions', () => {
    const odd = { schema: { properties: { a: 1, b: { 'x-code': 5, oneOf: 'x' }, c: { $ref: '#/c' } }, required: 'a', allOf: [null] }, uischema: { elements: [null, { scope: 7 }] } };
    expect(() => diffDefinitions(baseDefinition(), odd as unknown as Definition)).not.toThrow();
    expect(() => diffDefinitions(odd as unknown as Definition, odd as unknown as Definition)).not.toThrow();
  });

  it('does not overflow the stack on a UI schema nested far deeper than files may be', () => {
    let ui: Record<string, unknown> = { type: 'Control', scope: '#/properties/name' };
    for (let i = 0; i < 20_000; i++) ui = { type: 'VerticalLayout', elements: [ui] };
    const deep = { ...baseDefinition(), uischema: ui };
    expect(() => diffDefinitions(baseDefinition(), deep)).not.toThrow();
  });
});
