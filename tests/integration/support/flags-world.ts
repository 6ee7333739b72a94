import { randomBytes } from 'node:crypto';
import type { FlagDraft } from '@kring/domain';
import { totp } from '../../../apps/api/src/auth/totp';
import { Clock } from '../../../apps/api/src/common/clock';
import { makeSession } from './planning-factory';
import { StaffClient } from './staff-client';
import { makeGroup, makeStaff, type MadeStaff } from './staff-factory';
import type { TestApp } from './test-app';

/** A family straight in the database, registered for `sessionId`. */
export async function makeFamily(t: TestApp, name: string, sessionId: string): Promise<string> {
  const [family] = await t.db.query(
    `INSERT INTO family (display_name, phone, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at)
     VALUES ($1, '+32470000000', $2, $3, 'x', now() + interval '1 year', now()) RETURNING id`,
    [name, randomBytes(3).toString('hex').toUpperCase(), randomBytes(32)],
  );
  await t.db.query(
    `INSERT INTO registration (family_id, session_id, status, seats, source, created_at, updated_at) VALUES ($1, $2, 'confirmed', 1, 'staff', now(), now())`,
    [family.id, sessionId],
  );
  return family.id;
}

/**
 * The people of the flag tests: an author and a colleague in one group, a worker of another group,
 * a worker without two-factor, a coordinator, an admin; a family in each group.
 */
export interface FlagsWorld {
  author: MadeStaff;
  colleague: MadeStaff;
  outsider: MadeStaff;
  noTotp: MadeStaff;
  coordinator: MadeStaff;
  admin: MadeStaff;
  groupA: string;
  sessionA: string;
  familyA: string;
  familyB: string;
}

export async function makeFlagsWorld(t: TestApp): Promise<FlagsWorld> {
  const author = await makeStaff(t, { roles: ['group_worker'], twoFactor: true, displayName: 'Auteur Anna' });
  const colleague = await makeStaff(t, { roles: ['group_worker'], twoFactor: true, displayName: 'Collega Cas' });
  const outsider = await makeStaff(t, { roles: ['group_worker'], twoFactor: true, displayName: 'Buiten Bram' });
  const noTotp = await makeStaff(t, { roles: ['group_worker'], displayName: 'Zonder Zita' });
  const coordinator = await makeStaff(t, { roles: ['coordinator'], twoFactor: true, displayName: 'Coördinator Cor' });
  const admin = await makeStaff(t, { roles: ['admin'], twoFactor: true, displayName: 'Beheerder Bea' });
  const groupA = await makeGroup(t, { title: 'Groep A', facilitators: [author.id, colleague.id, noTotp.id] });
  const groupB = await makeGroup(t, { title: 'Groep B', facilitators: [outsider.id] });
  const start = new Date(Date.now() + 2 * 24 * 3_600_000);
  const { sessionId: sessionA } = await makeSession(t, { groupId: groupA, startsAt: start });
  const { sessionId: sessionB } = await makeSession(t, { groupId: groupB, startsAt: start });
  return {
    author,
    colleague,
    outsider,
    noTotp,
    coordinator,
    admin,
    groupA,
    sessionA,
    familyA: await makeFamily(t, 'Gezin Amal', sessionA),
    familyB: await makeFamily(t, 'Gezin Bert', sessionB),
  };
}

/**
 * Signed-in clients, one per person and test file. The app's clock is moved on by a minute for each
 * code given (sign-in, step-up), so every code falls in a fresh 30-second step.
 */
export class Clients {
  private readonly clients = new Map<string, Promise<StaffClient>>();
  private offsetMs = 0;
  private ip = 10;

  constructor(private readonly t: TestApp) {
    t.app.get(Clock).now = () => new Date(Date.now() + this.offsetMs);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the app's clock on (a step-up older than 15 minutes, a fresh TOTP step). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  as(who: MadeStaff): Promise<StaffClient> {
    let c = this.clients.get(who.id);
    if (!c) {
      const client = new StaffClient(this.t, `10.9.0.${this.ip++}`);
      this.advance(60_000);
      c = client.signInFully(who.email, who.password, who.totpSecret, this.now()).then(() => client);
      this.clients.set(who.id, c);
    }
    return c;
  }

  /** A fresh code from `who`'s app, confirmed as step-up. */
  async stepUp(who: MadeStaff): Promise<Response> {
    const c = await this.as(who);
    this.advance(60_000);
    return c.post('/api/v1/auth/step-up', { code: totp(who.totpSecret ?? '', this.now()) });
  }
}

export function draft(familyId: string, overrides: Partial<FlagDraft> = {}): FlagDraft {
  return {
    familyId,
    category: 'parent_wellbeing',
    urgency: 'discuss',
    fact: 'Mama zei dat ze al weken slecht slaapt.',
    discussedWithParent: 'yes',
    ...overrides,
  };
}
