import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transactions } from '../../apps/api/src/database/transactions';
import { startTestApp, type TestApp } from './support/test-app';

const insertPlace = (name: string) =>
  [`INSERT INTO location (name, street, postal_code, city) VALUES ($1, 's', '9100', 'Sint-Niklaas')`, [name]] as const;

describe(Transactions.name, () => {
  let t: TestApp;
  let tx: Transactions;

  beforeAll(async () => {
    t = await startTestApp();
    tx = t.app.get(Transactions);
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (name: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM location WHERE name = $1`, [name]))[0].n;

  it('should run prepared statements again after the pool replaced its connections', async () => {
    const ask = () => tx.prepared<{ n: number }>('test.count-places', `SELECT count(*)::int AS n FROM location WHERE name = $1`, ['none']);
    expect(await ask()).toEqual([{ n: 0 }]);
    await tx.run(async () => expect(await ask()).toEqual([{ n: 0 }]));
    // Close every connection the pool holds (as its idle timeout does), then ask again.
    const pool = (t.db.driver as PostgresDriver).master as Pool;
    const held = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    for (const c of held) c.release(true);
    expect(await ask()).toEqual([{ n: 0 }]);
    await tx.run(async () => expect(await ask()).toEqual([{ n: 0 }]));
  });

  it('should keep nothing of a unit of work that fails halfway', async () => {
    await expect(
      tx.run(async (m) => {
        await m.query(...insertPlace('rolled-back'));
        throw new Error('second step failed');
      }),
    ).rejects.toThrow('second step failed');
    expect(await count('rolled-back')).toBe(0);
  });

  it('should let repositories reach the open transaction through `manager`, nested calls included', async () => {
    await expect(
      tx.run(async () => {
        expect(tx.inTransaction).toBe(true);
        await tx.manager.query(...insertPlace('inner'));
        await tx.run(async (m) => m.query(...insertPlace('nested')));
        // Seen from inside, both rows are there (on the embedded database a query outside
        // the transaction would wait for it to end: this one must not).
        const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM location WHERE name IN ('inner', 'nested')`);
        expect(n).toBe(2);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await count('inner')).toBe(0);
    expect(await count('nested')).toBe(0);
    expect(tx.inTransaction).toBe(false);
  });

  it('should keep concurrent units of work apart', async () => {
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((n) =>
        tx.run(async (m) => {
          await m.query(...insertPlace(`parallel-${n}`));
          await new Promise((r) => setTimeout(r, 10));
          const [{ mine }] = await m.query(`SELECT count(*)::int AS mine FROM location WHERE name = $1`, [`parallel-${n}`]);
          expect(mine).toBe(1);
        }),
      ),
    );
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM location WHERE name LIKE 'parallel-%'`);
    expect(n).toBe(4);
  });
});
