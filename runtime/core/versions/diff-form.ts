import type { Definition } from '../definition/envelope';
import { escapePointerToken } from '../model/pointers';
import { classificationRules, type Bump, type ChangeKind } from './classify';
import type { Change } from './diff';
import { sameJson, shorten } from '../model/json';
import type { FormModel, GuidanceLabel, Section } from '../model/types';
import { sectionRule } from './compared';

/** Old section label → new label, for sections kept (same label) or renamed. */
export type SectionMap = Map<string, string>;

type DefinitionLike = Pick<Definition, 'schema' | 'uischema'> & Partial<Definition>;

/** Changes to the form as a whole and its layout: sections, guidance labels, envelope text, safety, translations. */
export function diffForm(from: DefinitionLike, to: DefinitionLike, a: FormModel, b: FormModel): { changes: Change[]; sectionMap: SectionMap } {
  const changes: Change[] = [];
  const push = (kind: ChangeKind, summary: string, paths: { fromPath?: string; toPath?: string }, details?: Record<string, unknown>, severity?: Bump) => {
    const rule = classificationRules[kind].severity;
    changes.push({ kind, code: '', ...paths, severity: severity ?? (rule === 'depends' ? 'major' : rule), summary, ...(details ? { details } : {}) });
  };
  // Sections are a Categorization's; any other layout has none to compare.
  const sectionsA = a.sections ?? [];
  const sectionsB = b.sections ?? [];
  const sectionMap = matchSections(sectionsA, sectionsB);
  const mappedTo = new Set(sectionMap.values());
  for (const s of sectionsA) {
    const target = sectionMap.get(s.label);
    if (target === undefined) {
      push('section-removed', `Section '${shorten(s.label)}' was removed`, { fromPath: s.pointer }, { label: s.label });
      continue;
    }
    const t = sectionsB.find((x) => x.label === target)!;
    if (target !== s.label) push('section-renamed', `Section '${shorten(s.label)}' is now called '${shorten(target)}'`, { fromPath: s.pointer, toPath: t.pointer }, { from: s.label, to: target });
    const ruleA = sectionRule(s);
    const ruleB = sectionRule(t);
    if (ruleA !== ruleB) push('section-rule-changed', `Section '${shorten(target)}' shows under a changed rule`, { fromPath: s.pointer, toPath: t.pointer }, { from: ruleA, to: ruleB });
  }
  for (const s of sectionsB) {
    if (!mappedTo.has(s.label)) push('section-added', `Section '${shorten(s.label)}' was added`, { toPath: s.pointer }, { label: s.label });
  }
  diffLabels(a, b, push);
  diffEnvelope(from, to, push);
  return { changes, sectionMap };
}

/**
 * Sections have no codes, so they are matched by label; a section whose label vanished is taken
 * as renamed to the new section that holds most of its questions, so renaming a section does not
 * read as every question in it having moved.
 */
function matchSections(a: Section[], b: Section[]): SectionMap {
  const map: SectionMap = new Map();
  const newLabels = new Set(b.map((s) => s.label));
  const taken = new Set<string>();
  for (const s of a) if (newLabels.has(s.label)) { map.set(s.label, s.label); taken.add(s.label); }
  for (const s of a) {
    if (map.has(s.label)) continue;
    let best: Section | undefined;
    let bestOverlap = 0;
    const held = new Set(s.questions.map((q) => q.id));
    for (const t of b) {
      if (taken.has(t.label) || a.some((x) => x.label === t.label)) continue;
      const overlap = t.questions.filter((q) => held.has(q.id)).length;
      if (overlap > bestOverlap) { best = t; bestOverlap = overlap; }
    }
    if (best) { map.set(s.label, best.label); taken.add(best.label); }
  }
  return map;
}

type Push = (kind: ChangeKind, summary: string, paths: { fromPath?: string; toPath?: string }, details?: Record<string, unknown>, severity?: Bump) => void;

/** Guidance labels (UI `Label`s) have no codes: compared as texts per section, changed ones paired in order. */
function diffLabels(a: FormModel, b: FormModel, push: Push): void {
  const oldTexts = new Map(a.labels.map((l) => [l.text, l]));
  const newTexts = new Map(b.labels.map((l) => [l.text, l]));
  const gone = a.labels.filter((l) => !newTexts.has(l.text));
  const fresh = b.labels.filter((l) => !oldTexts.has(l.text));
  const sectionOf = (l: GuidanceLabel | undefined) => l?.section?.label;
  while (gone.length || fresh.length) {
    const o = gone.shift();
    const i = o ? fresh.findIndex((n) => sectionOf(n) === sectionOf(o)) : 0;
    const n = i >= 0 ? fresh.splice(i, 1)[0] : undefined;
    const section = sectionOf(n ?? o);
    const where = section ? ` in section '${shorten(section)}'` : '';
    const what = o && n ? `changed to '${shorten(n.text)}'` : n ? `'${shorten(n.text)}' was added` : `'${shorten(o!.text)}' was removed`;
    push('guidance-changed', `Guidance text${where} ${what}`, { ...(o ? { fromPath: o.pointer } : {}), ...(n ? { toPath: n.pointer } : {}) }, { from: o?.text, to: n?.text });
  }
}

function diffEnvelope(from: DefinitionLike, to: DefinitionLike, push: Push): void {
  for (const field of ['title', 'description', 'source'] as const) {
    if (!sameJson(from[field], to[field])) {
      push('form-text-changed', `The form's ${field} changed`, { fromPath: `/${field}`, toPath: `/${field}` }, { field, from: from[field], to: to[field] });
    }
  }
  if (!sameJson(from.safety ?? {}, to.safety ?? {})) {
    const gateChanged = from.safety?.gate !== to.safety?.gate;
    const summary = gateChanged
      ? `The safety check is now ${to.safety?.gate ?? 'none'} (was ${from.safety?.gate ?? 'none'})`
      : `Drafts may now be kept: ${to.safety?.drafts ?? 'local'} (was ${from.safety?.drafts ?? 'local'})`;
    push('safety-changed', summary, { fromPath: '/safety', toPath: '/safety' }, { from: from.safety, to: to.safety });
  }
  const locales = new Set([...Object.keys(from.translations ?? {}), ...Object.keys(to.translations ?? {})]);
  for (const locale of [...locales].sort()) {
    const x = from.translations?.[locale];
    const y = to.translations?.[locale];
    if (sameJson(x ?? null, y ?? null)) continue;
    const what = !x ? 'was added' : !y ? 'was removed' : 'changed';
    const path = `/translations/${escapePointerToken(locale)}`;
    push('translation-changed', `The ${locale} translation ${what}`, { ...(x ? { fromPath: path } : {}), ...(y ? { toPath: path } : {}) }, { locale });
  }
}
