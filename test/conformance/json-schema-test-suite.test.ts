import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { conformanceMarkdown, reasonFor, strictRefusal } from './report';
import { runAssertedFormats, runRequired, SUITE, type CaseResult } from './runner';

const DOC = join(import.meta.dirname, '../../docs/conformance.md');

// The suite is vendored in test/conformance/suite: its absence is a failure, not a skip.
it('has the JSON-Schema-Test-Suite to run', () => {
  expect(existsSync(SUITE), `JSON-Schema-Test-Suite not found at ${SUITE}`).toBe(true);
});

describe.runIf(existsSync(SUITE))('JSON-Schema-Test-Suite, draft 2020-12, through the product settings', () => {
  let required: CaseResult[] = [];
  let formats: CaseResult[] = [];
  let passed = 0;
  beforeAll(() => {
    required = runRequired();
    formats = runAssertedFormats();
    passed = required.filter((r) => r.outcome === 'pass').length;
    // The figure CI logs: the share of required cases that pass.
    console.log(`JSON-Schema-Test-Suite draft2020-12: ${passed}/${required.length} required cases pass (${((100 * passed) / required.length).toFixed(2)}%)`);
  }, 300_000);

  // Strict mode's refusals are departures chosen on purpose (each listed with its reason in
  // docs/conformance.md); the bar is for the cases the product agrees to run.
  it('passes at least 94% of the required cases that strict mode compiles', () => {
    const compiled = required.filter((r) => !strictRefusal(r));
    expect(required.length).toBeGreaterThan(1000);
    expect(passed / compiled.length).toBeGreaterThanOrEqual(0.94);
  });

  it('never crashes: each case ends in a result or an unsupported problem', () => {
    expect([...required, ...formats].filter((r) => r.outcome === 'crash').map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
  });

  it('has a written reason for every case it does not pass', () => {
    expect([...required, ...formats].filter((r) => r.outcome !== 'pass' && !reasonFor(r)).map((r) => r.id)).toEqual([]);
  });

  it('docs/conformance.md lists exactly the cases not passed', () => {
    const expected = conformanceMarkdown(required, formats, readFileSync(join(SUITE, 'SOURCE.txt'), 'utf8'));
    if (process.env.UPDATE_CONFORMANCE) writeFileSync(DOC, expected);
    expect(existsSync(DOC) ? readFileSync(DOC, 'utf8') : '', 'run `npm run conformance:update` to regenerate docs/conformance.md').toBe(expected);
  });
});
