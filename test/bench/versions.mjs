// Prints how long the versions code takes on forms at the documented limit (5,000 questions):
// diffDefinitions, suggestVersion and migrateResponse of a response answering every question plus
// a repeatable group of 500 items. Figures only: timings are never asserted in tests.
// Run: node test/bench/versions.mjs
import { loadCore } from './load-core.mjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = await mkdtemp(join(tmpdir(), 'bench-versions-'));
try {
  const core = await loadCore(dir);
  const n = core.limits.questions - 10;
  const options = [{ const: 'yes', title: 'Yes' }, { const: 'no', title: 'No' }, { const: 'unsure', title: 'Not sure' }];
  const make = () => {
    const properties = {};
    const elements = [];
    for (let i = 0; i < n; i++) {
      properties[`q${i}`] = i % 2 ? { type: 'string', maxLength: 500, title: `Question ${i}`, 'x-code': `q_${i}` } : { type: 'string', title: `Choice ${i}`, 'x-code': `q_${i}`, oneOf: structuredClone(options) };
      elements.push({ type: 'Control', scope: `#/properties/q${i}` });
    }
    properties.items = { type: 'array', 'x-code': 'items', items: { type: 'object', properties: { a: { type: 'string', 'x-code': 'item_a' }, b: { type: 'integer', 'x-code': 'item_b' } }, required: ['a'] } };
    elements.push({ type: 'Control', scope: '#/properties/items' });
    return {
      id: 'bench', version: '1.0.0', status: 'draft', title: 'Bench', source: { document: 'bench' }, changelog: [],
      schema: { type: 'object', properties, required: [] },
      uischema: { type: 'Categorization', elements: Array.from({ length: 10 }, (_, s) => ({ type: 'Category', label: `Section ${s}`, elements: elements.slice(s * (n / 10), (s + 1) * (n / 10)) })) },
    };
  };
  const from = make();
  const to = make();
  to.version = '2.0.0';
  for (let i = 0; i < 100; i++) delete to.schema.properties[`q${i * 7}`];
  for (let i = 0; i < 100; i++) to.schema.properties[`new${i}`] = { type: 'string', title: `New ${i}`, 'x-code': `new_${i}` };
  for (let i = 1; i < n; i += 5) to.schema.properties[`q${i}`] && (to.schema.properties[`q${i}`].title += ' (reworded)');
  for (let i = 2; i < n; i += 10) to.schema.properties[`q${i}`] && (to.schema.properties[`q${i}`].oneOf[2].const = 'not_sure');
  to.schema.required = ['q3', 'q5'];
  const answers = {};
  for (let i = 0; i < n; i++) answers[`q${i}`] = i % 2 ? `answer ${i}` : 'unsure';
  answers.items = Array.from({ length: 500 }, (_, i) => ({ a: `a${i}`, b: i }));
  const response = { responseId: 'r', form: { id: 'bench', version: '1.0.0', sha256: core.contentHash(from) }, status: 'completed', startedAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:00:00Z', answers };

  // Each run gets fresh copies of the definitions: the form model is cached per definition object,
  // and a run reading a cached model would time the cache, not the work.
  const time = (label, fn, runs = 5) => {
    const ms = [];
    let result;
    for (let i = 0; i < runs; i++) {
      const fresh = [structuredClone(from), structuredClone(to)];
      const t = performance.now();
      result = fn(...fresh);
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label}: median ${ms[Math.floor(runs / 2)].toFixed(1)} ms, best ${ms[0].toFixed(1)} ms`);
    return result;
  };
  console.log(`forms: ${n + 1} questions each; response: ${n} answers and 500 group items`);
  const changes = time('diffDefinitions', (f, t) => core.diffDefinitions(f, t));
  console.log(`  ${changes.length} changes`);
  time('suggestVersion', (f, t) => core.suggestVersion(f, t));
  const migrated = time('migrateResponse', (f, t) => core.migrateResponse(response, f, t));
  console.log(`  carried ${migrated.report.carried.length} codes, not carried ${migrated.report.notCarried.length}, now required ${migrated.report.nowRequired.length}`);
  const migrator = core.createMigrator(from, to);
  time('createMigrator, then each response', () => migrator(response));
  time('contentHash of a definition', () => core.contentHash(from));
  time('migrateResponse to an identical definition', (f) => core.migrateResponse(response, f, f));
} finally {
  await rm(dir, { recursive: true, force: true });
}
