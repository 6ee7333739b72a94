import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { withClient } from './support/test-database';

describe(EmbeddedPostgres.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kring-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should keep its data in the folder across restarts', async () => {
    const first = await EmbeddedPostgres.start(dir);
    await withClient(first.url, async (c) => {
      await c.query('CREATE TABLE note (text text)');
      await c.query(`INSERT INTO note VALUES ('still here')`);
    });
    await first.stop();

    const again = await EmbeddedPostgres.start(dir);
    try {
      const rows = await withClient(again.url, (c) => c.query('SELECT text FROM note'));
      expect(rows.rows).toEqual([{ text: 'still here' }]);
    } finally {
      await again.stop();
    }
  });

  it('should refuse a data folder that another living process holds', async () => {
    // The test runner's parent process is alive and is not us: it stands in for another Kring.
    writeFileSync(join(dir, 'kring.lock'), String(process.ppid));
    await expect(EmbeddedPostgres.start(dir)).rejects.toThrow(/in use by another Kring process/);
    // A lock left by a process that is gone does not block.
    writeFileSync(join(dir, 'kring.lock'), '999999999');
    const db = await EmbeddedPostgres.start(dir);
    await db.stop();
  });
});
