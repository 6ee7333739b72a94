import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * Kring's embedded database: PGlite (PostgreSQL compiled to WebAssembly) behind a local
 * socket, so the same `pg` driver, pool and migrations run on it as on a real server.
 *
 * Limits (see docs/ARCHITECTURE.md): one process owns a data folder (a lock file says
 * which); PGlite is a single backend, so statements from all connections run one at a
 * time and an open transaction holds every other connection until it ends. For trying
 * Kring out and for one small site; anything larger sets DATABASE_URL.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lockFile: string | undefined,
    readonly url: string,
  ) {}

  /** @param dataDir a folder to keep the data in, or undefined for a throwaway in-memory database */
  static async start(dataDir: string | undefined): Promise<EmbeddedPostgres> {
    let lockFile: string | undefined;
    if (dataDir !== undefined) {
      const dir = resolve(dataDir);
      mkdirSync(dir, { recursive: true });
      lockFile = join(dir, 'kring.lock');
      claimLock(lockFile, dir);
    }
    try {
      // 16 MB of shared buffers instead of PostgreSQL's 128 MB: PGlite's memory never shrinks, and a small
      // site's data fits (issue 20: idle memory 375 → 284 MB with the demo data).
      const db = await PGlite.create(dataDir === undefined ? undefined : join(resolve(dataDir), 'pglite'), {
        postgresqlconf: ['shared_buffers = 16MB'],
      });
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 32 });
      await server.start();
      const address = server.getServerConn();
      return new EmbeddedPostgres(db, server, lockFile, `postgres://postgres@${address}/postgres`);
    } catch (error) {
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

/** Refuses to open a data folder that another living process has open. */
function claimLock(lockFile: string, dir: string): void {
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(lockFile, 'utf8').trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dir} is in use by another Kring process (pid ${holder}). ` +
        'Stop that one first, or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
