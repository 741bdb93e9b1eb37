import { describe, expect, it } from 'vitest';
import { MASK } from '../../../runtime/core/index';
import { runCommand } from '../../../runtime/node/index';
import { openResponseStore, storeLocation } from '../../../runtime/node/store/index';
import { completeResponse, routineEnquiry, targetEnv, targetKinds } from './targets';

/** `assessment-studio db migrate|status` and `export --from-store` on both databases (issue 20 point 6). */

const root = process.cwd();

async function run(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: root, env: { ...env, NODE_ENV: 'test' } });
  return { code, out, err };
}


describe.each(targetKinds)('the store commands on %s', (kind) => {
  it('db status says what is pending; db migrate applies it once; export --from-store writes the stored responses and is audited', async () => {
    const env = await targetEnv(kind);
    const before = await run(env, 'db', 'status');
    expect(before.code).toBe(1);
    expect(before.out).toContain('pending 001-responses');
    const migrated = await run(env, 'db', 'migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain('applied 001-responses');
    expect((await run(env, 'db', 'migrate')).out.some((l) => l.includes('nothing to apply'))).toBe(true);
    expect((await run(env, 'db', 'status')).code).toBe(0);

    const { definition } = routineEnquiry();
    const at = storeLocation(env, root);
    let store = await openResponseStore(at, { env });
    for (const id of [`${kind}-cli-a`, `${kind}-cli-b`]) await store.submit(completeResponse(id), definition, { actor: 'local' });
    await store.close();

    const exported = await run(env, 'export', '--from-store', '--form', 'form-definitions/routine-enquiry/1.0.0.json', '--format', 'ndjson', '--profile', 'masked');
    expect(exported.code).toBe(0);
    const rows = exported.out.map((l) => JSON.parse(l) as { responseId: string; answers: Record<string, unknown> });
    expect(rows.map((r) => r.responseId)).toEqual([`${kind}-cli-a`, `${kind}-cli-b`]);
    expect(rows[0]!.answers.disclosureWords).toBe(MASK);

    store = await openResponseStore(at, { env });
    try {
      expect((await store.auditOf('export')).map((e) => ({ actor: e.actor, detail: e.detail }))).toEqual([
        { actor: 'local', detail: { form: { id: 'routine-enquiry', version: '1.0.0' }, format: 'ndjson', profile: 'masked', count: 2 } },
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('refuses response files beside --from-store (exit 2)', async () => {
    const r = await run({}, 'export', '--from-store', '--form', 'form-definitions/routine-enquiry/1.0.0.json', '--format', 'csv', 'x.json');
    expect(r.code).toBe(2);
  });
});
