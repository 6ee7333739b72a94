import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import { isEmailAddress, normalizePhone } from '@kring/domain';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every setting Kring reads from the environment. Validated once at boot: a wrong value
 * stops the start with a message naming it. README.md documents each one.
 */
export class Env {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * The proxies whose X-Forwarded-For and X-Forwarded-Proto Kring believes (Express `trust proxy`):
   * `loopback`, or addresses and subnets separated by commas, e.g. `10.0.0.2, 192.168.1.0/24`.
   */
  @IsString()
  @MinLength(1)
  KRING_TRUST_PROXY = 'loopback';

  /** PostgreSQL connection string. Without it Kring runs an embedded PGlite. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  DATABASE_URL?: string;

  /** Where the embedded database keeps its files (ignored when DATABASE_URL is set). */
  @IsString()
  @MinLength(1)
  KRING_DATA_DIR = './data';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Load demo data into an empty database at start. */
  @Transform(toBoolean)
  @IsBoolean()
  KRING_DEMO_DATA = true;

  /** Folder with the built web app; empty to serve only the API. */
  @IsString()
  KRING_WEB_DIST = 'dist/apps/web/browser';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Where people reach Kring; used in links Kring hands out (set-password links). */
  @IsOptional()
  @IsString()
  KRING_PUBLIC_URL?: string;

  /**
   * 32 random bytes in base64 (`openssl rand -base64 32`): encrypts secrets at rest (two-factor
   * keys). Required in production; elsewhere one is made and kept in the data folder.
   */
  @IsOptional()
  @IsString()
  KRING_SECRET_KEY?: string;

  /**
   * Which flag key seals new flag text: key `f<N>` is derived from KRING_SECRET_KEY (HKDF, info
   * "kring flags v<N>"). Raise it and run `npm run flags:rotate-key` to re-seal what exists.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  KRING_FLAG_KEY_VERSION = 1;

  /** How many hours a freed seat is held for the next family on the waitlist (less close to the session). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  REGISTRATION_OFFER_HOURS = 24;

  /** How many hours before a session the reminder goes out. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  REMINDER_HOURS_BEFORE = 24;

  /** SMTP server for e-mail, e.g. smtp://user:pass@mail.example:587. Unset: messages go to the preview. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  /** The From address of e-mails. */
  @IsString()
  MAIL_FROM = 'kring@keerkring.be';

  /** An SMS provider's HTTP endpoint (JSON POST {to, from, text}); unset: SMS go to the preview. */
  @IsOptional()
  @IsString()
  SMS_API_URL?: string;

  @IsOptional()
  @IsString()
  SMS_API_TOKEN?: string;

  /** The centre's name as parents know it, in what they read (e.g. "call De Keerkring"). */
  @IsString()
  @MinLength(1)
  KRING_CENTRE_NAME = 'De Keerkring';

  /** The centre's phone number as parents read and dial it; on the pages where they may need help, and in messages. */
  @IsString()
  KRING_CENTRE_PHONE = '03 123 45 67';

  /** The centre's e-mail address for parents' questions. */
  @IsString()
  KRING_CENTRE_EMAIL = 'info@keerkring.be';

  /** For how many days after a session its attendance can still be changed (then a coordinator unlocks). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  ATTENDANCE_EDIT_DAYS = 7;

  /** For how many days a coordinator's unlock reopens a closed session's attendance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  ATTENDANCE_UNLOCK_DAYS = 2;

  /** After how many months named attendance is anonymised (the counts stay). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  ATTENDANCE_RETENTION_MONTHS = 24;

  /** After how many months without being seen a family's contact details, children and registrations are erased. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  RETENTION_FAMILY_MONTHS = 24;

  /** After how many months a closed flag's text is erased (its category, dates and status stay for counts). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  RETENTION_CLOSED_FLAG_MONTHS = 12;

  /** After how many years a closed referral is erased (once referrals exist). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  RETENTION_CLOSED_REFERRAL_YEARS = 5;

  /** After how many days a sent message loses its text and address (kind, channel and times stay). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  RETENTION_OUTBOX_DAYS = 30;

  /** A staff session ends after this many minutes without a request. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** A staff session ends this many hours after sign-in, whatever happens. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24)
  SESSION_ABSOLUTE_HOURS = 12;
}

export class EnvValidationError extends Error {}

/** Parses and checks the environment; throws naming every bad setting. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    // An empty variable means "not set", so the default applies.
    if (value !== '' && value !== undefined) cleaned[key] = value;
  }
  const env = plainToInstance(Env, cleaned, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const shown = isSecret(e.property) ? '(hidden)' : JSON.stringify(e.value);
      return `  ${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
    });
    throw new EnvValidationError(`Kring cannot start: these settings are wrong:\n${lines.join('\n')}`);
  }
  if (env.DATABASE_URL !== undefined && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    throw new EnvValidationError(
      'Kring cannot start: these settings are wrong:\n  DATABASE_URL: must start with postgres:// or postgresql://',
    );
  }
  if (env.KRING_SECRET_KEY !== undefined && Buffer.from(env.KRING_SECRET_KEY, 'base64').length !== 32) {
    throw new EnvValidationError(
      'Kring cannot start: these settings are wrong:\n  KRING_SECRET_KEY: must be 32 bytes in base64 (make one with `openssl rand -base64 32`)',
    );
  }
  if (env.NODE_ENV === 'production' && env.KRING_SECRET_KEY === undefined) {
    throw new EnvValidationError(
      'Kring cannot start: these settings are wrong:\n  KRING_SECRET_KEY: required in production (make one with `openssl rand -base64 32`)',
    );
  }
  if (env.KRING_PUBLIC_URL !== undefined && !/^https?:\/\/[^/]+/.test(env.KRING_PUBLIC_URL)) {
    throw new EnvValidationError('Kring cannot start: these settings are wrong:\n  KRING_PUBLIC_URL: must be an http(s) address');
  }
  if (!env.KRING_TRUST_PROXY.split(',').every((p) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(p.trim()))) {
    throw new EnvValidationError(
      'Kring cannot start: these settings are wrong:\n  KRING_TRUST_PROXY: must be loopback, or proxy addresses or subnets separated by commas, e.g. 10.0.0.2, 192.168.1.0/24',
    );
  }
  if (normalizePhone(env.KRING_CENTRE_PHONE) === null) {
    throw new EnvValidationError(
      'Kring cannot start: these settings are wrong:\n  KRING_CENTRE_PHONE: must be a phone number people can call, e.g. 03 123 45 67 or +32 3 123 45 67',
    );
  }
  if (!isEmailAddress(env.KRING_CENTRE_EMAIL)) {
    throw new EnvValidationError(
      'Kring cannot start: these settings are wrong:\n  KRING_CENTRE_EMAIL: must be an e-mail address, e.g. info@keerkring.be',
    );
  }
  return env;
}

function isSecret(key: string): boolean {
  return /URL|PASSWORD|SECRET|TOKEN|KEY/i.test(key);
}
