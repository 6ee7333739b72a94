import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@kring/domain';
import { generateTotpSecret } from '../../../apps/api/src/auth/totp';
import { Clock } from '../../../apps/api/src/common/clock';
import { SecretBox } from '../../../apps/api/src/common/secret-box';
import { hashPassword } from '../../../apps/api/src/staff/password-hasher';
import type { TestApp } from './test-app';

export interface MadeStaff {
  id: string;
  email: string;
  password: string;
  totpSecret?: string;
}

let counter = 0;

/** A staff account straight in the database, with overrides. `twoFactor: true` enrols TOTP. */
export async function makeStaff(
  t: TestApp,
  overrides: {
    roles?: StaffRole[];
    email?: string;
    displayName?: string;
    password?: string | null;
    twoFactor?: boolean;
    active?: boolean;
  } = {},
): Promise<MadeStaff> {
  counter += 1;
  const email = overrides.email ?? `staff${counter}-${randomBytes(3).toString('hex')}@test.kring.be`;
  const password = overrides.password === undefined ? `zon over de schelde ${counter}` : overrides.password;
  const totpSecret = overrides.twoFactor ? generateTotpSecret() : undefined;
  const [row] = await t.db.query(
    `INSERT INTO staff_user (email, display_name, roles, password_hash, active, totp_secret_enc, totp_enabled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      email,
      overrides.displayName ?? `Test Persoon ${counter}`,
      overrides.roles ?? ['group_worker'],
      password === null ? null : await hashPassword(password),
      overrides.active ?? true,
      totpSecret ? t.app.get(SecretBox).seal(totpSecret) : null,
      totpSecret ? t.app.get(Clock).now() : null,
    ],
  );
  return { id: row.id, email, password: password ?? '', totpSecret };
}

export async function makeLocation(t: TestApp, name = `Plek ${++counter}`): Promise<string> {
  const [row] = await t.db.query(
    `INSERT INTO location (name, street, postal_code, city) VALUES ($1, 'Straat 1', '9100', 'Sint-Niklaas') RETURNING id`,
    [name],
  );
  return row.id;
}

export async function makeGroup(t: TestApp, opts: { title?: string; facilitators?: string[]; locationId?: string } = {}): Promise<string> {
  const locationId = opts.locationId ?? (await makeLocation(t));
  const [row] = await t.db.query(
    `INSERT INTO parent_group (title, description, kind, audience, default_location_id, registration_mode)
     VALUES ($1, '{"nl":"Een groep"}', 'series', '0-1', $2, 'open') RETURNING id`,
    [{ nl: opts.title ?? `Groep ${++counter}` }, locationId],
  );
  for (const f of opts.facilitators ?? []) {
    await t.db.query(`INSERT INTO group_facilitator (group_id, staff_user_id) VALUES ($1, $2)`, [row.id, f]);
  }
  return row.id;
}
