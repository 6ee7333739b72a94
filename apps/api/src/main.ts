import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './bootstrap';
import { resolveDatabase, secretKeyFor } from './database/resolve-database';
import { validateEnv, EnvValidationError } from './config/env';
import { exposureWarning } from './config/exposure';
import { DEMO_PASSWORD } from './demo/demo-data';
import { DemoDataService } from './demo/demo-data.service';

async function main(): Promise<void> {
  const env = validateEnv(process.env);
  const { target, embedded } = await resolveDatabase(env);
  const secret = secretKeyFor(env, embedded !== undefined);
  const app = await createApp({ env, database: target, secretKey: secret.key, webDist: env.KRING_WEB_DIST || undefined });
  const logger = app.get(Logger);
  const exposed = exposureWarning(env);
  if (exposed) logger.warn(exposed);
  if (secret.source === 'development default') {
    logger.warn('KRING_SECRET_KEY is not set: using the development key. Never run with real data like this.');
  }

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log({ signal }, 'Stopping Kring');
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  if (env.KRING_DEMO_DATA) {
    const logins = await app.get(DemoDataService).seedIfEmpty();
    if (logins.length > 0) {
      const lines = logins.map((l) => `    ${l.email.padEnd(30)} ${l.roles.join(', ')}`).join('\n');
      process.stdout.write(`\nKring loaded demo data. Demo logins (password "${DEMO_PASSWORD}"):\n${lines}\n\n`);
    }
  }

  await app.listen(env.PORT, env.HOST);
  const where = embedded ? `embedded database in ${env.KRING_DATA_DIR}` : 'PostgreSQL from DATABASE_URL';
  process.stdout.write(`Kring is running at http://localhost:${env.PORT} (${where})\n`);
}

main().catch((error: unknown) => {
  if (error instanceof EnvValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Kring could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
