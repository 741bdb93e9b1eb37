import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  codebook, csvText, exportResponse, fhirBundle, lint, loadDefinitionText, migrateResponse, parseResponseText, questionnaireFromDefinition,
  questionnaireResponseFrom, validateResponse, type Definition, type ResponseEnvelope,
} from '../../../runtime/core/index';
import { seededParams } from '../../support/property';

/**
 * Issue 11 point 5 (SECURITY.md VAL-5): `__proto__`, `constructor` and `prototype` keys at random
 * depths of definitions and responses go through every stage a file goes through — load (text),
 * lint, validate, export (JSON, CSV, FHIR, codebook) and migrate — and Object.prototype,
 * Array.prototype, Function.prototype and String.prototype never change. Problems are expected;
 * an exception is not. Hostile objects are built by JSON.parse of text (an own `__proto__`
 * property, as a file gives) and by Object.defineProperty (the same, built in memory); plain
 * assignment (an object whose prototype is attacker-chosen) is added for the pollution check only.
 */
const HOSTILE = ['__proto__', 'constructor', 'prototype'] as const;

const read = (path: string) => readFileSync(resolve(path), 'utf8');
const v1Text = read('form-definitions/routine-enquiry/1.0.0.json');
const v2Text = read('form-definitions/routine-enquiry/2.0.0.json');
const responseText = read('test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json');
const v2 = JSON.parse(v2Text) as Definition;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Values planted under a hostile key: each would pollute if merged, assigned or copied naively. */
const payload = fc.constantFrom<() => Json>(
  () => ({ polluted: true, toString: 'x', 'x-sensitivity': 'sensitive' }),
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as Json,
  () => ({ prototype: { polluted: true, valueOf: 1 } }),
  () => ['polluted', { polluted: true }],
  () => 'polluted',
  () => 1,
  () => null,
);

/**
 * How a hostile object is built. `json-text` and `define-property` give what a file or a host can
 * give: an own `__proto__` key. `assignment` swaps an object's prototype, which no JSON can do; it
 * is run only for pollution (an exception from an object of that shape is not a finding).
 */
const how = fc.constantFrom('json-text', 'define-property');
const anyHow = fc.constantFrom('json-text', 'define-property', 'assignment');
/** A walk into the document: at each step, which own key (or index) to follow, modulo how many there are. */
const walk = fc.array(fc.nat(1000), { maxLength: 9 });

interface Plant {
  steps: number[];
  key: (typeof HOSTILE)[number];
  value: () => Json;
  how: string;
}
const plant = fc.record({ steps: walk, key: fc.constantFrom(...HOSTILE), value: payload, how });
const anyPlant = fc.record({ steps: walk, key: fc.constantFrom(...HOSTILE), value: payload, how: anyHow });

/** A copy of `base` with the hostile key planted in the object the walk reaches. */
function planted(base: unknown, plants: Plant[], mode: string): unknown {
  const doc = JSON.parse(JSON.stringify(base)) as Json;
  for (const p of plants) {
    let node: Json = doc;
    for (const step of p.steps) {
      if (node === null || typeof node !== 'object') break;
      const keys = Object.keys(node);
      if (!keys.length) break;
      const next: Json = (node as Record<string, Json>)[keys[step % keys.length]!]!;
      if (next === null || typeof next !== 'object') break;
      node = next;
    }
    if (node === null || typeof node !== 'object') continue;
    // JSON cannot give an array a named key; such arrays (array.constructor = null breaks
    // Array.prototype.map by design) are left to the pollution-only property.
    if (Array.isArray(node) && p.how !== 'assignment') continue;
    const target = node as Record<string, Json>;
    if (p.how === 'assignment') target[p.key] = p.value();
    else Object.defineProperty(target, p.key, { value: p.value(), enumerable: true, writable: true, configurable: true });
  }
  // JSON text keeps own `__proto__` keys; JSON.parse makes them own properties again, as a file would.
  return mode === 'json-text' ? JSON.parse(JSON.stringify(doc)) : doc;
}

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype } as const;

/** Every own property of the shared prototypes, by identity, and the prototype a fresh object gets. */
function snapshot(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      out.set(`${name}.${String(key)}`, d.get ?? d.set ?? d.value);
    }
    out.set(`${name} extensible`, Object.isExtensible(proto));
  }
  out.set('proto of {}', Object.getPrototypeOf({}));
  out.set('proto of []', Object.getPrototypeOf([]));
  return out;
}

function changes(before: Map<string, unknown>): string[] {
  const after = snapshot();
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => !Object.is(before.get(k), after.get(k)));
}

function unpolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted === undefined && ([] as unknown as Record<string, unknown>).polluted === undefined && ((() => 0) as unknown as Record<string, unknown>).polluted === undefined;
}

/** Runs one stage; an exception is recorded (with its stage) rather than stopping the others. */
function stage(name: string, thrown: string[], run: () => unknown): void {
  try {
    run();
  } catch (e) {
    thrown.push(`${name}: ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`);
  }
}

function everyStage(definition: Definition, previous: Definition, response: ResponseEnvelope): string[] {
  const thrown: string[] = [];
  stage('lint', thrown, () => lint(definition, { previous, raw: definition }));
  stage('validate', thrown, () => validateResponse(definition, response.answers));
  stage('export json', thrown, () => JSON.stringify(exportResponse(definition, response, { profile: 'full' })));
  stage('export json external-agency', thrown, () => JSON.stringify(exportResponse(definition, response, { profile: 'external-agency' })));
  stage('export csv', thrown, () => csvText(definition, [response], { profile: 'masked' }));
  stage('export fhir', thrown, () => JSON.stringify(fhirBundle(definition, [response])));
  stage('export fhir questionnaire', thrown, () => JSON.stringify([questionnaireFromDefinition(definition), questionnaireResponseFrom(definition, response)]));
  stage('export codebook', thrown, () => codebook(definition));
  stage('migrate', thrown, () => migrateResponse(response, previous, definition));
  stage('migrate back', thrown, () => migrateResponse(response, definition, previous));
  return thrown;
}

let before = snapshot();
afterEach(() => {
  // A polluted prototype would poison every later test in this worker: fail here, by name.
  expect(changes(before)).toEqual([]);
  before = snapshot();
});

describe('prototype safety across load, lint, validate, export and migrate', () => {
  it('the generator really plants hostile keys as own properties', () => {
    const def = planted(v2, [{ steps: [0], key: '__proto__', value: () => ({ polluted: true }), how: 'define-property' }], 'json-text') as Record<string, unknown>;
    const owner = Object.values(def).find((v) => v && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, '__proto__'));
    expect(owner ?? Object.prototype.hasOwnProperty.call(def, '__proto__')).toBeTruthy();
    expect(JSON.stringify(def)).toContain('"__proto__":{"polluted":true}');
    expect(unpolluted()).toBe(true);
  });

  it('hostile definition text is refused at load, by name, without pollution', () => {
    fc.assert(
      fc.property(fc.array(plant, { minLength: 1, maxLength: 3 }), (plants) => {
        const text = JSON.stringify(planted(v2, plants, 'json-text'), null, 1);
        const loaded = loadDefinitionText(text);
        expect(unpolluted()).toBe(true);
        const hostileKeyInText = HOSTILE.some((k) => text.includes(`"${k}":`));
        if (hostileKeyInText) {
          expect(loaded.ok).toBe(false);
          if (!loaded.ok) expect(loaded.problems.map((p) => p.code)).toContain('forbidden-key');
        }
      }),
      seededParams(300),
    );
  });

  it('hostile response text is refused at load, by name, without pollution', () => {
    const base = JSON.parse(responseText) as unknown;
    fc.assert(
      fc.property(fc.array(plant, { minLength: 1, maxLength: 3 }), (plants) => {
        const text = JSON.stringify(planted(base, plants, 'json-text'));
        const parsed = parseResponseText(text);
        expect(unpolluted()).toBe(true);
        if (HOSTILE.some((k) => text.includes(`"${k}":`))) {
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.problems.map((p) => p.code)).toContain('forbidden-key');
        }
      }),
      seededParams(300),
    );
  });

  // 150 fixed-seed runs through every stage take a few seconds alone; the timeout leaves room for a busy machine.
  it('hostile definitions and responses in memory go through every stage without an exception or pollution', { timeout: 120_000 }, () => {
    const v1 = JSON.parse(v1Text) as Definition;
    const response = JSON.parse(responseText) as ResponseEnvelope;
    fc.assert(
      fc.property(fc.array(plant, { maxLength: 2 }), fc.array(plant, { maxLength: 2 }), fc.array(plant, { maxLength: 2 }), how, (defPlants, prevPlants, resPlants, mode) => {
        const definition = planted(v2, defPlants, mode) as Definition;
        const previous = planted(v1, prevPlants, mode) as Definition;
        const hostileResponse = planted(response, resPlants, mode) as ResponseEnvelope;
        const thrown = everyStage(definition, previous, hostileResponse);
        expect(unpolluted()).toBe(true);
        expect(thrown).toEqual([]);
      }),
      seededParams(150),
    );
  });

  it('objects whose prototype was swapped by assignment never pollute, whatever they throw', () => {
    const v1 = JSON.parse(v1Text) as Definition;
    const response = JSON.parse(responseText) as ResponseEnvelope;
    fc.assert(
      fc.property(fc.array(anyPlant, { minLength: 1, maxLength: 3 }), fc.array(anyPlant, { maxLength: 2 }), anyHow, (defPlants, resPlants, mode) => {
        everyStage(planted(v2, defPlants, mode) as Definition, v1, planted(response, resPlants, mode) as ResponseEnvelope);
        expect(unpolluted()).toBe(true);
        expect(changes(before)).toEqual([]);
      }),
      seededParams(150),
    );
  });

  it('hostile keys aimed at the answers, meta and question keys (the places exports copy from)', () => {
    const v1 = JSON.parse(v1Text) as Definition;
    const where = fc.constantFrom('answers', 'meta', 'form', 'properties');
    fc.assert(
      fc.property(where, fc.constantFrom(...HOSTILE), payload, how, (place, key, value, mode) => {
        const r = JSON.parse(responseText) as Record<string, Record<string, unknown>>;
        const d = JSON.parse(v2Text) as { schema: { properties: Record<string, unknown> } };
        const target = place === 'properties' ? d.schema.properties : (r[place] ??= {});
        Object.defineProperty(target, key, { value: value(), enumerable: true, writable: true, configurable: true });
        const finalR = (mode === 'json-text' ? JSON.parse(JSON.stringify(r)) : r) as ResponseEnvelope;
        const finalD = (mode === 'json-text' ? JSON.parse(JSON.stringify(d)) : d) as Definition;
        const thrown = everyStage(finalD, v1, finalR);
        expect(unpolluted()).toBe(true);
        expect(thrown).toEqual([]);
        // Answers carrying a hostile key are refused by name, never silently merged.
        if (place === 'answers' && Object.prototype.hasOwnProperty.call(finalR.answers, key)) {
          expect(validateResponse(finalD, finalR.answers).map((p) => p.code)).toContain('forbidden-key');
        }
      }),
      seededParams(200),
    );
  });
});
