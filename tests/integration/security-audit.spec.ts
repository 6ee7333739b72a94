import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from '../../apps/api/src/audit/audit-chain';
import { AuditChainKeying } from '../../apps/api/src/audit/audit-keying';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { verifyAuditChain } from '../../apps/api/src/audit/audit-verifier';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);
const root = join(__dirname, '../..');

interface Row {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  purpose: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * Issue 17 (4): whoever owns the database could edit an event, recompute the plain SHA-256 chain
 * and have the check say "intact". The chain is keyed now (HMAC, key from KRING_SECRET_KEY).
 */
describe('The keyed audit chain', () => {
  let t: TestApp;

  const auditVerify = async (args: string[] = []): Promise<{ code: number; out: string }> => {
    try {
      const { stdout } = await run('npm', ['run', '--silent', 'audit:verify', ...(args.length ? ['--', ...args] : [])], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: t.database.target.url, LOG_LEVEL: 'silent', KRING_SECRET_KEY: t.secretKey.toString('base64') },
      });
      return { code: 0, out: stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: `${e.stdout}${e.stderr}` };
    }
  };
  const rows = async (): Promise<Row[]> =>
    t.db.query(`SELECT id, occurred_at, actor_id, action, entity, entity_id, purpose, ip, details FROM audit_event ORDER BY id`);
  /** What an attacker with the database (not the key) can do: rewrite events and recompute the plain SHA-256 chain. */
  const rewritePlain = async (edit: string, opts: { keyId: string | null }): Promise<void> => {
    await t.db.query(`ALTER TABLE audit_event DISABLE TRIGGER trg_audit_event_append_only`);
    await t.db.query(edit);
    let prev: Buffer = GENESIS_HASH;
    for (const r of await rows()) {
      const hash = chainHash(prev, {
        id: r.id,
        occurredAt: r.occurred_at,
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        purpose: r.purpose,
        ip: r.ip,
        details: r.details,
      });
      await t.db.query(`UPDATE audit_event SET prev_hash = $2, hash = $3, key_id = $4 WHERE id = $1`, [r.id, prev, hash, opts.keyId]);
      prev = hash;
    }
    await t.db.query(`UPDATE audit_chain_head SET last_hash = $1, key_id = $2`, [prev, opts.keyId]);
    await t.db.query(`ALTER TABLE audit_event ENABLE TRIGGER trg_audit_event_append_only`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const audit = t.app.get(AuditService);
    for (const i of [1, 2, 3, 4]) await audit.record({ action: 'staff.updated', entity: 'staff_user', entityId: `p${i}`, purpose: 'test' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should write every event with the key id of its MAC, and write the head to the log once a day', async () => {
    const keyed = await t.db.query(`SELECT DISTINCT key_id FROM audit_event`);
    expect(keyed).toEqual([{ key_id: 'a1' }]);
    const verified = await verifyAuditChain(t.db, { secretKey: t.secretKey });
    expect(verified).toMatchObject({ ok: true, checked: 4, head: { id: '4', keyId: 'a1' } });
    const keying = t.app.get(AuditChainKeying);
    const head = await keying.logHead();
    expect(head).toEqual({ id: '4', mac: verified.head?.mac, keyId: 'a1' });
    expect(await keying.logHead()).toBeNull(); // once a day, across processes
    // A head from the log is checked against the chain.
    await expect(verifyAuditChain(t.db, { secretKey: t.secretKey, expectHead: { id: '4', mac: head?.mac ?? '' } })).resolves.toMatchObject({
      ok: true,
    });
    await expect(verifyAuditChain(t.db, { secretKey: t.secretKey, expectHead: { id: '4', mac: '00'.repeat(32) } })).resolves.toMatchObject({
      ok: false,
      reason: 'it differs from the head written to the application log',
    });
    const cli = await auditVerify([`--head=4:${head?.mac}`]);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain('"auditHead":{"id":"4"');
    expect(cli.out).toContain('Audit trail intact: 4 event(s) checked.');
  });

  it('should re-chain events written before the chain was keyed, once, and keep new events on it', async () => {
    // As a database migrated from before: the plain SHA-256 chain, no key ids.
    await rewritePlain(`SELECT 1`, { keyId: null });
    expect((await verifyAuditChain(t.db, { secretKey: t.secretKey })).ok).toBe(false);
    const keying = t.app.get(AuditChainKeying);
    expect(await keying.keyLegacyChain()).toBe(4);
    expect(await keying.keyLegacyChain()).toBe(0);
    await t.app.get(AuditService).record({ action: 'staff.updated', entity: 'staff_user', entityId: 'p5' });
    await expect(verifyAuditChain(t.db, { secretKey: t.secretKey })).resolves.toMatchObject({ ok: true, checked: 5 });
    // The one-time re-chain is the only change the trigger lets through.
    await expect(t.db.query(`UPDATE audit_event SET key_id = 'a1', purpose = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
  });

  it.each([
    ['keeping the key id', 'a1'],
    ['as an unkeyed chain', null],
  ])('should have npm run audit:verify catch an edited event with the plain chain recomputed, %s', async (_how, keyId) => {
    await rewritePlain(`UPDATE audit_event SET purpose = 'curiosity' WHERE id = 2`, { keyId });
    const result = await auditVerify();
    expect(result.code).toBe(1);
    expect(result.out).toContain('Audit trail BROKEN at event 1');
  });
});
