import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapePointerToken, migrateResponse, type Definition, type MigrationReport, type ResponseEnvelope } from '../../../runtime/core/index';
import { formModel, type Question } from '../../../runtime/core/model/index';
import { baseDefinition, changed, responseFor } from './base-definition';
import { caseBase, cases } from './change-cases';
import { seededParams } from '../../support/property';

/** A value of the right shape for a question, or any JSON at all: answers in the wild are both. */
function answerFor(q: Question): fc.Arbitrary<unknown> {
  const codes = q.options.map((o) => o.code);
  const right: fc.Arbitrary<unknown> = (() => {
    switch (q.kind) {
      case 'text': case 'long-text': case 'email': return fc.string();
      case 'integer': return fc.integer({ min: -5, max: 200 });
      case 'decimal': return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'yes-no': return fc.boolean();
      case 'date': return fc.constantFrom('2026-11-01', '1999-01-31');
      case 'single-choice': return codes.length ? fc.constantFrom(...codes) : fc.string();
      case 'multiple-choice': return codes.length ? fc.uniqueArray(fc.constantFrom(...codes)) : fc.array(fc.string());
      default: return fc.jsonValue();
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: fc.jsonValue() });
}

function answersFor(definition: Definition, withStrays: boolean): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const q of formModel(definition).questions) {
    if (q.kind === 'group') {
      const items = q.items ?? [];
      const item = fc.record(Object.fromEntries(items.map((i) => [i.key, answerFor(i)])), { requiredKeys: [] });
      shape[q.key] = fc.oneof({ weight: 4, arbitrary: fc.array(item, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.jsonValue() });
    } else shape[q.key] = answerFor(q);
  }
  const known = fc.record(shape, { requiredKeys: [] });
  if (!withStrays) return known;
  const strays = fc.dictionary(fc.string({ minLength: 1 }).filter((k) => !(k in shape) && k !== '__proto__'), fc.jsonValue(), { maxKeys: 3 });
  return fc.tuple(known, strays).map(([k, s]) => ({ ...s, ...k }));
}

/** Every answer in the input is either in the output where its code now lives, or reported. */
function assertNothingLost(input: ResponseEnvelope, output: ResponseEnvelope, report: MigrationReport, from: Definition, to: Definition): void {
  const a = formModel(from);
  const b = formModel(to);
  const reported = new Map(report.notCarried.map((n) => [n.path, n]));
  const accounted = (path: string, value: unknown, found: () => unknown) => {
    const entry = reported.get(path);
    if (entry) expect(entry.value, path).toEqual(value);
    else expect(found(), path).toEqual(value);
  };
  for (const [key, value] of Object.entries(input.answers)) {
    if (value === undefined) continue;
    const path = `/${escapePointerToken(key)}`;
    if (reported.has(path)) { accounted(path, value, () => undefined); continue; }
    const fq = a.byKey.get(key);
    if (!fq) { expect(report.kept).toContain(path); expect(output.answers[key], path).toEqual(value); continue; }
    const tq = fq && b.byId.get(fq.id);
    expect(tq, `${path} neither carried nor reported`).toBeDefined();
    const carried = output.answers[tq!.key];
    if (fq!.kind === 'group' && tq!.kind === 'group' && Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) { expect((carried as unknown[])[i]).toEqual(item); return; }
        for (const [ik, iv] of Object.entries(item as Record<string, unknown>)) {
          if (iv === undefined) continue;
          const fi = fq.items?.find((q) => q.key === ik);
          const ti = fi && b.byId.get(fi.id);
          const outKey = fi ? ti?.key : ik; // an answer to no question stays under its own key
          accounted(`${path}/${i}/${escapePointerToken(ik)}`, iv, () => (outKey !== undefined ? ((carried as Array<Record<string, unknown>>)[i] ?? {})[outKey] : undefined));
        }
      });
    } else if (tq!.kind === 'multiple-choice' && Array.isArray(value) && Array.isArray(carried)) {
      const kept = [...carried];
      value.forEach((v, i) => {
        if (reported.has(`${path}/${i}`)) accounted(`${path}/${i}`, v, () => undefined);
        else expect(kept.splice(kept.findIndex((k) => JSON.stringify(k) === JSON.stringify(v)), 1), `${path}/${i}`).toEqual([v]);
      });
    } else expect(carried, path).toEqual(value);
  }
}

describe('migrateResponse properties', () => {
  it('migrating to an identical definition changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.boolean(), (c, edited) => {
        const definition = edited ? changed(caseBase(c), c.edit) : caseBase(c);
        fc.assert(fc.property(answersFor(definition, false), (answers) => {
          const input = responseFor(definition, answers);
          const { response, report } = migrateResponse(structuredClone(input), definition, structuredClone(definition));
          expect(response).toEqual(input);
          expect(report.notCarried).toEqual([]);
          expect(report.problems.filter((p) => p.code !== 'migration-now-required')).toEqual([]);
        }), seededParams(15));
      }),
      seededParams(30),
    );
  }, 120_000);

  it('never loses an answer without reporting it, whatever changed', () => {
    const pair = fc.subarray(cases, { minLength: 1, maxLength: 4 }).map((chosen) => {
      const from = baseDefinition();
      let to = from;
      for (const c of chosen) {
        if (c.kind === 'computed-changed') continue;
        try {
          to = changed(to, c.edit);
        } catch {
          // The edit no longer applies after an earlier one (its question was removed): skip it.
        }
      }
      return { from, to: { ...to, version: '2.0.0' } };
    });
    fc.assert(
      fc.property(pair.chain(({ from, to }) => fc.tuple(fc.constant(from), fc.constant(to), answersFor(from, true))), ([from, to, answers]) => {
        const input = responseFor(from, answers);
        const { response, report } = migrateResponse(structuredClone(input), from, to);
        assertNothingLost(input, response, report, from, to);
        expect(response.meta?.notCarried ?? []).toEqual(report.notCarried);
        expect(report.problems.filter((p) => p.code === 'migration-not-carried')).toHaveLength(report.notCarried.length);
      }),
      seededParams(300),
    );
  }, 120_000);
});
