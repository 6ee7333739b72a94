import { Injectable } from '@nestjs/common';
import type { Locale } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface FamilyRow {
  id: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  locale: string;
  discreet: boolean;
  code: string;
  manage_token_enc: string;
  manage_expires_at: Date;
}

const FAMILY_SELECT = `SELECT id, display_name, phone, email, locale, discreet, code, manage_token_enc, manage_expires_at FROM family`;

/** The families that register (or walk in): their rows, codes, children and manage links. */
@Injectable()
export class FamiliesRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.m.query(`SELECT 1 FROM family WHERE code = $1`, [code])).length > 0;
  }

  async addChildren(familyId: string, months: string[]): Promise<void> {
    if (months.length) {
      await this.m.query(`INSERT INTO family_child (family_id, month) SELECT $1, (m || '-01')::date FROM unnest($2::text[]) m`, [
        familyId,
        months,
      ]);
    }
  }

  /**
   * A new family with its children, its consent, a series enrolment when asked, and a waiting
   * registration per session, in one statement (placing them is `SeatBook.place`), unless it is a
   * repeat (see `repeat`). Undefined when the code happened to be taken (the caller draws another).
   */
  async insertFamilyWithRegistrations(f: {
    /** `manage_token_enc`: the token sealed (SecretBox), so later messages can carry the link again. */
    family: FamilyRow & {
      tokenHash: Buffer;
      createdAt: Date;
      createdBy: string | null;
    };
    children: string[];
    consent: { version: string; method: 'online' | 'in_person' | 'phone' };
    groupId: string | null;
    sessions: Array<{ id: string; seats: number }>;
    childrenComing: number;
    needs: string[];
    source: 'parent' | 'staff';
    /**
     * A double click: a family with this contact, registered since `since` for exactly these
     * sessions. When there is one, nothing is written and its id comes back as `repeatOf`.
     * (Run after the contact's advisory lock: this statement then sees the first click's commit.)
     */
    repeat: { phone: string | null; email: string | null; since: Date } | null;
  }): Promise<
    | { repeatOf: string }
    | { familyId: string; registrations: Array<{ id: string; sessionId: string; enrolmentId: string | null }> }
    | undefined
  > {
    const fam = f.family;
    const [row] = await this.transactions.prepared<{
      repeat_of: string | null;
      id: string | null;
      registrations: Array<{ id: string; sessionId: string; enrolmentId: string | null }>;
    }>(
      'registration.insert-family',
      `WITH repeat AS (
         SELECT e.id FROM family e
          WHERE $22::boolean AND e.created_at > $23 AND (e.phone = $24 OR lower(e.email) = lower($25))
            AND (SELECT array_agg(r.session_id ORDER BY r.session_id) FROM registration r WHERE r.family_id = e.id)
                = (SELECT array_agg(x ORDER BY x) FROM unnest($16::uuid[]) x)
          ORDER BY e.created_at DESC LIMIT 1),
       f AS (
         INSERT INTO family (id, display_name, phone, email, locale, discreet, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at, created_by)
         SELECT $21, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 WHERE NOT EXISTS (SELECT 1 FROM repeat)
         ON CONFLICT (code) DO NOTHING RETURNING id),
       child AS (INSERT INTO family_child (family_id, month) SELECT f.id, (m || '-01')::date FROM f, unnest($12::text[]) m),
       consent AS (
         INSERT INTO consent (family_id, purpose, notice_version, locale, given_at, method, taken_by)
         SELECT f.id, 'privacy_notice', $13, $4, $10, $14, $11 FROM f),
       enrolment AS (INSERT INTO enrolment (family_id, group_id, created_at) SELECT f.id, $15::uuid, $10 FROM f WHERE $15::uuid IS NOT NULL RETURNING id),
       reg AS (
         INSERT INTO registration (family_id, session_id, enrolment_id, status, seats, children_coming, needs, source, created_at, updated_at)
         SELECT f.id, x.session_id, (SELECT id FROM enrolment), 'waitlisted', x.seats, $18, $19::text[], $20, $10, $10
           FROM f, unnest($16::uuid[], $17::int[]) AS x(session_id, seats)
         RETURNING id, session_id, enrolment_id)
       SELECT (SELECT id FROM repeat) AS repeat_of, (SELECT id FROM f) AS id,
              (SELECT json_agg(json_build_object('id', reg.id, 'sessionId', reg.session_id, 'enrolmentId', reg.enrolment_id)) FROM reg) AS registrations`,
      [
        fam.display_name,
        fam.phone,
        fam.email,
        fam.locale,
        fam.discreet,
        fam.code,
        fam.tokenHash,
        fam.manage_token_enc,
        fam.manage_expires_at,
        fam.createdAt,
        fam.createdBy,
        f.children,
        f.consent.version,
        f.consent.method,
        f.groupId,
        f.sessions.map((s) => s.id),
        f.sessions.map((s) => s.seats),
        f.childrenComing,
        f.needs,
        f.source,
        fam.id,
        f.repeat !== null,
        f.repeat?.since ?? null,
        f.repeat?.phone ?? null,
        f.repeat?.email ?? null,
      ],
    );
    if (row.repeat_of) return { repeatOf: row.repeat_of };
    return row.id ? { familyId: row.id, registrations: row.registrations } : undefined;
  }

  /**
   * A family that walked in (made by a group worker's phone): no registration, a code and a link.
   * Its messages speak the worker's language (the one of their screens), else `fallbackLocale`.
   */
  async insertWalkIn(w: {
    id: string;
    displayName: string;
    phone: string | null;
    fallbackLocale: Locale;
    code: string;
    tokenHash: Buffer;
    tokenSealed: string;
    expiresAt: Date;
    createdAt: Date;
    createdBy: string;
  }): Promise<void> {
    await this.m.query(
      `INSERT INTO family (id, display_name, phone, locale, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at, created_by)
       VALUES ($1, $2, $3, coalesce((SELECT u.locale FROM staff_user u WHERE u.id = $10), $4), $5, $6, $7, $8, $9, $10)`,
      [w.id, w.displayName, w.phone, w.fallbackLocale, w.code, w.tokenHash, w.tokenSealed, w.expiresAt, w.createdAt, w.createdBy],
    );
  }

  async familyByToken(tokenHash: Buffer, now: Date): Promise<FamilyRow | undefined> {
    const [row] = await this.m.query(`${FAMILY_SELECT} WHERE manage_token_hash = $1 AND manage_expires_at > $2`, [tokenHash, now]);
    return row;
  }

  async family(id: string): Promise<FamilyRow | undefined> {
    const [row] = await this.m.query(`${FAMILY_SELECT} WHERE id = $1`, [id]);
    return row;
  }

  /** The family, where its absence is a bug (it was just read or written in this transaction): a clear error, not a TypeError later. */
  async familyOrThrow(id: string): Promise<FamilyRow> {
    const row = await this.family(id);
    if (!row) throw new Error(`Family ${id} vanished within its own transaction`);
    return row;
  }

  async setFamilyLocale(id: string, locale: string): Promise<void> {
    await this.m.query(`UPDATE family SET locale = $2 WHERE id = $1`, [id, locale]);
  }
}
