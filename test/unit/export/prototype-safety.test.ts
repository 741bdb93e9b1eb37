import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codebook, csvText, exportResponse, fhirBundle, ndjsonLines, parseResponseText, questionnaireFromDefinition, questionnaireResponseFrom,
  type Definition, type ResponseEnvelope,
} from '../../../runtime/core/index';
import { loadFixture } from './helpers';
import { seededParams } from '../../support/property';

/**
 * Prototype safety of every exporter (issue 11 point 5): `__proto__`, `constructor` and
 * `prototype` keys at random depths of answers and of definitions never change Object.prototype
 * (or Array.prototype), and never give an exported object another prototype.
 */
const { definition, raw } = loadFixture('export-rich');

type Node = null | boolean | number | string | Node[] | { pairs: Array<[string, Node]> };

const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'hasOwnProperty', 'age', 'name', 'children', 'childName', 'substances', 'safeToTalk', 'notes', 'x-code', 'type', 'properties', 'items', 'elements', 'scope');
const { node } = fc.letrec<{ node: Node; leaf: Node; obj: Node; arr: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('obj'), tie('arr')),
  leaf: fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null)),
  obj: fc.array(fc.tuple(key, tie('node')), { maxLength: 5 }).map((pairs) => ({ pairs })),
  arr: fc.array(tie('node'), { maxLength: 4 }),
}));
const objectNode = fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 8 }).map((pairs) => ({ pairs }));

/** JSON text keeping `__proto__` as a key (JSON.parse then makes it an own property, as a file would). */
function toJson(n: Node): string {
  if (n === null || typeof n !== 'object') return JSON.stringify(n);
  if (Array.isArray(n)) return `[${n.map(toJson).join(',')}]`;
  return `{${n.pairs.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
}

function unique(n: Node): Node {
  if (n === null || typeof n !== 'object') return n;
  if (Array.isArray(n)) return n.map(unique);
  const seen = new Map<string, Node>();
  for (const [k, v] of n.pairs) seen.set(k, unique(v));
  return { pairs: [...seen] };
}

function snapshot(): string {
  const describe = (o: object) => Object.getOwnPropertyNames(o).sort().join(',');
  return [describe(Object.prototype), describe(Array.prototype), describe(Function.prototype), String(Object.getPrototypeOf({}) === Object.prototype)].join('|');
}

function envelope(answers: Record<string, unknown>): ResponseEnvelope {
  return {
    responseId: 'p-1',
    form: { id: definition.id, version: definition.version, sha256: 'a'.repeat(64) },
    status: 'completed',
    startedAt: '2026-11-25T10:00:00Z',
    updatedAt: '2026-11-25T10:00:00Z',
    completedAt: '2026-11-25T10:00:00Z',
    answers,
    meta: answers,
  };
}

function exportEverything(def: Definition, response: ResponseEnvelope): void {
  for (const profile of ['full', 'external-agency', 'masked'] as const) {
    const json = exportResponse(def, response, { profile });
    expect(Object.getPrototypeOf(json.answers)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(json.meta)).toBe(Object.prototype);
    JSON.stringify(json);
    [...ndjsonLines(def, [response], { profile })].join('');
    csvText(def, [response], { profile });
    const qr = questionnaireResponseFrom(def, response, { profile });
    expect(Object.getPrototypeOf(qr)).toBe(Object.prototype);
    fhirBundle(def, [response], { profile, timestamp: new Date(0) });
  }
  questionnaireFromDefinition(def);
  codebook(def, [def]);
}

describe('prototype safety of exports', () => {
  const before = snapshot();

  it('hostile keys at any depth of the answers and metadata', () => {
    fc.assert(
      fc.property(objectNode, (tree) => {
        const answers = JSON.parse(toJson(tree)) as Record<string, unknown>;
        exportEverything(definition, envelope(answers));
        expect(snapshot()).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      seededParams(300),
    );
  });

  it('hostile keys at any depth of a definition given in memory (the loader would refuse it)', () => {
    const text = JSON.stringify(raw);
    fc.assert(
      fc.property(objectNode, fc.constantFrom('schema', 'properties', 'children', 'uischema', 'elements'), (tree, where) => {
        // Splice the hostile object in at one of several depths of the real definition.
        const marker = { schema: '"schema":{', properties: '"properties":{', children: '"children":{', uischema: '"uischema":{', elements: '"elements":[' }[where];
        const inner = toJson(tree).slice(1, -1);
        const spliced = where === 'elements' ? text.replace(marker, () => `${marker}{${inner}},`) : text.replace(marker, () => (inner ? `${marker}${inner},` : marker));
        const def = JSON.parse(spliced) as Definition;
        exportEverything(def, envelope(JSON.parse(toJson(tree)) as Record<string, unknown>));
        expect(snapshot()).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      seededParams(200),
    );
  });

  it('a response file with such keys is refused before any exporter sees it', () => {
    fc.assert(
      fc.property(objectNode, (tree) => {
        // Unique keys per object: duplicate keys trip definition/locate.ts (reported separately).
        const text = toJson({ pairs: [['responseId', 'x'], ['answers', unique(tree)]] });
        const r = parseResponseText(text);
        if (text.includes('"__proto__"') || text.includes('"constructor"') || text.includes('"prototype"')) expect(r.ok).toBe(false);
        expect(snapshot()).toBe(before);
      }),
      seededParams(200),
    );
  });
});
