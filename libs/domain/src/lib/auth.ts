import { StaffRole } from './roles';

/** Coordinators and admins must use two-factor sign-in; group workers may. */
export function requiresTwoFactor(roles: readonly StaffRole[]): boolean {
  return roles.includes(StaffRole.Admin) || roles.includes(StaffRole.Coordinator);
}

/** Where a signed-in session stands with two-factor sign-in. */
export const TwoFactorState = {
  /** Not required and not set up, or already verified in this session. */
  Satisfied: 'satisfied',
  /** Set up: the code must be given before anything else. */
  CodeRequired: 'code_required',
  /** Required for this role and not set up yet: enrolment comes before anything else. */
  EnrolmentRequired: 'enrolment_required',
} as const;
export type TwoFactorState = (typeof TwoFactorState)[keyof typeof TwoFactorState];

export interface StaffIdentity {
  id: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
}

/** `GET /api/v1/auth/session`, and the answer to sign-in and to a verified code. */
export interface SessionInfo {
  user: StaffIdentity;
  twoFactor: { state: TwoFactorState; enrolled: boolean; required: boolean };
  /** When the session ends if nothing happens (idle), and at the latest (absolute). */
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface TwoFactorCodeRequest {
  /** A six-digit code from the app, or one of the recovery codes. */
  code: string;
}

/** `POST /api/v1/auth/two-factor/enrolment`: a new secret to scan. Nothing is active until confirmed. */
export interface TwoFactorEnrolment {
  /** QR code as an SVG document, rendered on our server (the secret never leaves for a QR service). */
  qrSvg: string;
  /** The same secret in base32, for typing in by hand. */
  secret: string;
  otpauthUrl: string;
}

/** `POST /api/v1/auth/two-factor/enrolment/confirm`: shown once, then only their hashes remain. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** `GET /api/v1/auth/set-password/:token`: whether a set-password link can still be used. */
export interface SetPasswordLinkInfo {
  email: string;
  displayName: string;
  expiresAt: string;
}

export interface SetPasswordRequest {
  token: string;
  password: string;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a new password is refused. */
export const PasswordProblem = {
  TooShort: 'too_short',
  TooLong: 'too_long',
  TooCommon: 'too_common',
  TooPredictable: 'too_predictable',
  ContainsName: 'contains_name',
} as const;
export type PasswordProblem = (typeof PasswordProblem)[keyof typeof PasswordProblem];

/** A short list of the passwords (and their stems) that lists of leaked passwords start with. */
const COMMON_STEMS = new Set([
  'password',
  'wachtwoord',
  'motdepasse',
  'passwort',
  'welkom',
  'welcome',
  'bienvenue',
  'azerty',
  'qwerty',
  'qwertz',
  'letmein',
  'iloveyou',
  'admin',
  'administrator',
  'monkey',
  'dragon',
  'football',
  'voetbal',
  'baseball',
  'sunshine',
  'princess',
  'master',
  'shadow',
  'superman',
  'trustno',
  'whatever',
  'freedom',
  'starwars',
  'changeme',
  'secret',
  'geheim',
  'soleil',
  'bonjour',
  'hallo',
  'hello',
  'summer',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'kring',
  'keerkring',
  'opvoedingslijn',
  'belgie',
  'belgium',
  'belgique',
  'vlaanderen',
  'antwerpen',
  'sintniklaas',
  'test',
  'testing',
  'login',
  'abc',
  'abcdef',
  'azertyuiop',
  'qwertyuiop',
  'asdfgh',
  'zxcvbn',
  'computer',
  'internet',
  'samsung',
  'google',
  'michael',
  'jennifer',
]);

/**
 * Checks a new password the way NIST 800-63B asks: long enough, not a known or predictable one,
 * not the person's own name or e-mail. No rules about symbols: a long sentence is a good password.
 */
export function passwordProblems(password: string, person: { email?: string; displayName?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(PasswordProblem.TooShort);
  if (length > PASSWORD_MAX_LENGTH) problems.push(PasswordProblem.TooLong);
  const lower = password.toLowerCase();
  // "P@ssw0rd2026!" is "password" with decoration: strip what is around the word, undo leetspeak.
  const core = lower.replace(/^[\d\W_]+/, '').replace(/[\d\W_]+$/, '');
  const stems = [unleet(core).replace(/[^a-z]/g, ''), lower.replace(/[^a-z]/g, '')];
  if (stems.some((stem) => COMMON_STEMS.has(stem) || [...COMMON_STEMS].some((c) => c.length >= 6 && stem === c + c))) {
    problems.push(PasswordProblem.TooCommon);
  } else if (isPredictable(lower)) {
    problems.push(PasswordProblem.TooPredictable);
  }
  const names = [person.email?.split('@')[0], ...(person.displayName?.split(/\s+/) ?? [])]
    .map((n) => n?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? '')
    .filter((n) => n.length >= 4);
  if (names.some((n) => lower.replace(/[^a-z0-9]/g, '').includes(n))) problems.push(PasswordProblem.ContainsName);
  return problems;
}

function unleet(text: string): string {
  return text.replace(/[4@]/g, 'a').replace(/3/g, 'e').replace(/[1!|]/g, 'i').replace(/0/g, 'o').replace(/[5$]/g, 's').replace(/7/g, 't');
}

/** Few distinct characters, or a run along the keyboard or the alphabet or the digits. */
function isPredictable(text: string): boolean {
  if (new Set(text).size <= 3) return true;
  const sequences = [
    'abcdefghijklmnopqrstuvwxyz',
    '0123456789012345678901234567890',
    'qwertyuiopasdfghjklzxcvbnm',
    'azertyuiopqsdfghjklmwxcvbn',
  ];
  const compact = text.replace(/[\s\p{P}\p{S}]/gu, '');
  for (const seq of sequences) {
    for (const s of [seq, [...seq].reverse().join('')]) {
      if (compact.length >= 6 && s.includes(compact)) return true;
    }
  }
  return false;
}

/**
 * Seconds a sign-in must wait after this many failures in a row: the first `free` are free (three
 * per account; more per address, since a whole office may share one), then 1, 2, 4 … seconds, at
 * most 15 minutes.
 */
export function signInDelaySeconds(consecutiveFailures: number, free = 3): number {
  if (consecutiveFailures < free) return 0;
  return Math.min(2 ** (consecutiveFailures - free), 15 * 60);
}

/** Failed sign-ins an address may make before it waits: a team behind one router mistypes too. */
export const FREE_FAILURES_PER_ADDRESS = 10;
