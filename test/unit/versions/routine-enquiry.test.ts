import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentHash, diffDefinitions, lint, loadDefinitionText, migrateResponse, responseEnvelopeSchema,
  suggestVersion, validateResponse, type Definition,
} from '../../../runtime/core/index';
import { formModel } from '../../../runtime/core/model/index';

/** The shipped example of a policy refresh: routine enquiry 1.0.0 → 2.0.0 adds coercive control. */
const root = resolve(__dirname, '../../..');
const file = (version: string) => join(root, 'form-definitions/routine-enquiry', `${version}.json`);
const shipped = existsSync(file('1.0.0')) && existsSync(file('2.0.0'));

function load(version: string): { definition: Definition; raw: unknown } {
  const loaded = loadDefinitionText(readFileSync(file(version), 'utf8'));
  if (!loaded.ok) throw new Error(`routine-enquiry ${version} does not load: ${JSON.stringify(loaded.problems)}`);
  return { definition: loaded.value, raw: loaded.raw };
}

describe.skipIf(!shipped)('routine-enquiry 1.0.0 → 2.0.0', () => {
  const v1 = shipped ? load('1.0.0') : undefined!;
  const v2 = shipped ? load('2.0.0') : undefined!;
  const coerciveSection = 'Coercive and controlling behaviour';

  it('is a major change, and 2.0.0 is the version it calls for', () => {
    const s = suggestVersion(v1.definition, v2.definition);
    expect(s.bump).toBe('major');
    expect(s.version).toBe('2.0.0');
    expect(lint(v2.definition, { previous: v1.definition }).filter((p) => p.code === 'version-bump-too-small')).toEqual([]);
    expect(lint({ ...v2.definition, version: '1.1.0' }, { previous: v1.definition }).map((p) => p.code)).toContain('version-bump-too-small');
  });

  it('names each new coercive-control question, and the newly required ones are major', () => {
    const changes = diffDefinitions(v1.definition, v2.definition);
    const before = formModel(v1.definition);
    const coercive = formModel(v2.definition).all.filter((q) => q.section?.label === coerciveSection && !before.byId.has(q.id));
    expect(coercive.length).toBeGreaterThanOrEqual(6);
    for (const q of coercive) {
      const added = changes.find((c) => c.kind === 'question-added' && c.code === q.id);
      expect(added, q.id).toBeDefined();
      expect(added!.summary).toContain(`(${q.id})`);
      expect(added!.toPath).toBe(q.pointer);
      expect(added!.severity).toBe(q.required === 'never' ? 'minor' : 'major');
    }
    expect(coercive.filter((q) => q.required !== 'never').length).toBeGreaterThanOrEqual(6);
    // Every 1.0.0 question is kept: the refresh only adds, rewords and widens rules.
    expect(changes.filter((c) => c.kind === 'question-removed' || c.kind === 'type-changed' || c.kind.startsWith('option-'))).toEqual([]);
  });

  it('moves each 1.0.0 example response to 2.0.0 losing nothing; what 2.0.0 then lacks is exactly what the report says', () => {
    const dir = join(root, 'test/fixtures/responses/routine-enquiry/1.0.0');
    const envelopes = readdirSync(dir).filter((f) => f.startsWith('valid-')).map((f) => responseEnvelopeSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
    expect(envelopes.length).toBeGreaterThan(0);
    for (const envelope of envelopes) {
      const { response, report } = migrateResponse(envelope, v1.definition, v2.definition, { fromHash: contentHash(v1.raw), toHash: contentHash(v2.raw) });
      expect(report.problems.filter((p) => p.severity === 'error'), envelope.responseId).toEqual([]);
      expect(report.notCarried).toEqual([]);
      expect(response.answers).toEqual(envelope.answers);
      expect(response.form).toEqual({ id: 'routine-enquiry', version: '2.0.0', sha256: contentHash(v2.raw) });
      expect(response.meta?.migratedFrom).toEqual(envelope.form);
      const missing = validateResponse(v2.definition, response.answers).filter((p) => p.code === 'answer-required').map((p) => p.path).sort();
      expect(report.nowRequired.map((r) => r.path).sort(), envelope.responseId).toEqual(missing);
    }
  });
});
