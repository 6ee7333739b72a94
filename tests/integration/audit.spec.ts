import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { verifyAuditChain } from '../../apps/api/src/audit/audit-verifier';
import { Transactions } from '../../apps/api/src/database/transactions';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);
const root = join(__dirname, '../..');

/** `npm run audit:verify` against the test database. */
async function auditVerify(databaseUrl: string, secretKey: Buffer, args: string[] = []): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npm', ['run', '--silent', 'audit:verify', ...(args.length ? ['--', ...args] : [])], {
      cwd: root,
      // The chain is keyed from KRING_SECRET_KEY: the same key as the app's.
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', KRING_SECRET_KEY: secretKey.toString('base64') },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

describe('Audit trail', () => {
  let t: TestApp;
  let audit: AuditService;

  beforeAll(async () => {
    t = await startTestApp();
    audit = t.app.get(AuditService);
    await audit.record({ action: 'staff.created', entity: 'staff_user', entityId: 'a', details: { roles: ['admin'] } });
    await audit.recordRead('flag', 'f-1', 'triage');
    await Promise.all([1, 2, 3, 4, 5].map((i) => audit.record({ action: 'staff.updated', entity: 'staff_user', entityId: `p${i}` })));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should chain every event to the one before, also when written at the same time', async () => {
    const rows = await t.db.query(`SELECT id, encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash FROM audit_event ORDER BY id`);
    expect(rows.map((r: { id: string }) => Number(r.id))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev).toBe(rows[i - 1].hash);
    await expect(verifyAuditChain(t.db, { secretKey: t.secretKey })).resolves.toMatchObject({ ok: true, checked: 7 });
  });

  it('should record a read with its purpose', async () => {
    const [row] = await t.db.query(`SELECT action, entity, entity_id, purpose FROM audit_event WHERE action = 'record.read'`);
    expect(row).toEqual({ action: 'record.read', entity: 'flag', entity_id: 'f-1', purpose: 'triage' });
  });

  it('should exist exactly when the change it records does (same transaction)', async () => {
    await expect(
      t.app.get(Transactions).run(async () => {
        await audit.record({ action: 'staff.deactivated', entity: 'staff_user', entityId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await t.db.query(`SELECT 1 FROM audit_event WHERE entity_id = 'rolled-back'`);
    expect(rows).toEqual([]);
    await expect(verifyAuditChain(t.db, { secretKey: t.secretKey })).resolves.toMatchObject({ ok: true });
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'x' WHERE id = 1`],
    ['DELETE', `DELETE FROM audit_event WHERE id = 1`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('should refuse %s in the database itself', async (_op, sql) => {
    await expect(t.db.query(sql)).rejects.toThrow(/append-only/);
  });

  it('should have npm run audit:verify name the first event someone edited behind the trigger’s back', async () => {
    const intact = await auditVerify(t.database.target.url, t.secretKey);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('Audit trail intact: 7 event(s) checked.');

    await t.db.query(`ALTER TABLE audit_event DISABLE TRIGGER trg_audit_event_append_only`);
    await t.db.query(`UPDATE audit_event SET purpose = 'curiosity' WHERE id = 2`);
    await t.db.query(`ALTER TABLE audit_event ENABLE TRIGGER trg_audit_event_append_only`);

    const broken = await auditVerify(t.database.target.url, t.secretKey);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('Audit trail BROKEN at event 2: its content does not match its MAC');
  });

  it('should notice events removed from the end', async () => {
    await t.db.query(`ALTER TABLE audit_event DISABLE TRIGGER trg_audit_event_append_only`);
    await t.db.query(`UPDATE audit_event SET purpose = 'triage' WHERE id = 2`);
    await t.db.query(`DELETE FROM audit_event WHERE id = 7`);
    await t.db.query(`ALTER TABLE audit_event ENABLE TRIGGER trg_audit_event_append_only`);
    await expect(verifyAuditChain(t.db, { secretKey: t.secretKey })).resolves.toMatchObject({
      ok: false,
      brokenId: '7',
      reason: 'events after this one were removed',
    });
  });
});
