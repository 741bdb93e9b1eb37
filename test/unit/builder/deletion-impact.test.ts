import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deletionImpact } from '../../../builder/app/services/edits/index';

const routine = () => JSON.parse(readFileSync('form-definitions/routine-enquiry/2.0.0.json', 'utf8')) as Record<string, unknown>;

/** Issue 17, problem 7: what a deletion takes with it, named before it is made. */
describe('deletionImpact', () => {
  it('names the safety check, the sensitive questions it guards and the rules that watch the question', () => {
    const def = routine();
    const gate = (def.safety as { gate: string }).gate;
    const impact = deletionImpact(def, [{ key: gate }]);
    expect(impact.gate).toBeTruthy();
    expect(impact.ungated.length).toBeGreaterThan(0);
    expect(impact.rules.length).toBeGreaterThan(0);
    expect(impact.rules.every((r) => r.pointer.startsWith('/uischema'))).toBe(true);
  });

  it('finds nothing else to warn about for a question no rule watches', () => {
    const def = routine();
    const props = Object.keys((def.schema as { properties: object }).properties);
    const quiet = props.find((k) => !deletionImpact(def, [{ key: k }]).rules.length && k !== (def.safety as { gate: string }).gate)!;
    expect(deletionImpact(def, [{ key: quiet }])).toMatchObject({ rules: [], ungated: [] });
  });
});
