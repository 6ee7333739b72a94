import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

export interface CredentialRow {
  id: string;
  email: string;
  display_name: string;
  active: boolean;
  password_hash: string | null;
}

export interface SetPasswordLinkRow {
  id: string;
  staff_user_id: string;
  expires_at: Date;
  used_at: Date | null;
  email: string;
  display_name: string;
  active: boolean;
}

/** The SQL of a person's credentials: password, two-factor key and recovery codes, set-password links. */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  async byEmail(normalizedEmail: string): Promise<CredentialRow | undefined> {
    const [row]: CredentialRow[] = await this.m.query(
      `SELECT id, email, display_name, active, password_hash FROM staff_user WHERE lower(email) = $1`,
      [normalizedEmail],
    );
    return row;
  }

  /** The two-factor key and the last step used, the row locked so one code is used once. */
  async totpForUpdate(staffUserId: string): Promise<{ secretEnc: string; lastStep: number | null }> {
    const [row]: Array<{ totp_secret_enc: string; totp_last_step: string | null }> = await this.m.query(
      `SELECT totp_secret_enc, totp_last_step FROM staff_user WHERE id = $1 FOR UPDATE`,
      [staffUserId],
    );
    return { secretEnc: row.totp_secret_enc, lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step) };
  }

  async useTotpStep(staffUserId: string, step: number): Promise<void> {
    await this.m.query(`UPDATE staff_user SET totp_last_step = $2 WHERE id = $1`, [staffUserId, step]);
  }

  /** Uses a recovery code once: true when it was a code of this person not used before. */
  async useRecoveryCode(staffUserId: string, codeHash: Buffer, now: Date): Promise<boolean> {
    const used: unknown[] = await this.m.query(
      `WITH used AS (UPDATE recovery_code SET used_at = $3 WHERE staff_user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id)
       SELECT id FROM used`,
      [staffUserId, codeHash, now],
    );
    return used.length > 0;
  }

  async recoveryCodesLeft(staffUserId: string): Promise<number> {
    const [{ left }]: Array<{ left: number }> = await this.m.query(
      `SELECT count(*)::int AS left FROM recovery_code WHERE staff_user_id = $1 AND used_at IS NULL`,
      [staffUserId],
    );
    return left;
  }

  async setPendingTotpSecret(staffUserId: string, sealed: string): Promise<void> {
    await this.m.query(`UPDATE staff_user SET totp_pending_secret_enc = $2 WHERE id = $1`, [staffUserId, sealed]);
  }

  async enrolmentForUpdate(staffUserId: string): Promise<{ pendingEnc: string | null; enabledAt: Date | null }> {
    const [row]: Array<{ totp_pending_secret_enc: string | null; totp_enabled_at: Date | null }> = await this.m.query(
      `SELECT totp_pending_secret_enc, totp_enabled_at FROM staff_user WHERE id = $1 FOR UPDATE`,
      [staffUserId],
    );
    return { pendingEnc: row.totp_pending_secret_enc, enabledAt: row.totp_enabled_at };
  }

  async enableTotp(staffUserId: string, sealed: string, now: Date, step: number): Promise<void> {
    await this.m.query(
      `UPDATE staff_user SET totp_secret_enc = $2, totp_pending_secret_enc = NULL, totp_enabled_at = $3, totp_last_step = $4 WHERE id = $1`,
      [staffUserId, sealed, now, step],
    );
  }

  /** The person's recovery codes become these (hashes only). */
  async replaceRecoveryCodes(staffUserId: string, codeHashes: Buffer[]): Promise<void> {
    await this.m.query(`DELETE FROM recovery_code WHERE staff_user_id = $1`, [staffUserId]);
    await this.m.query(`INSERT INTO recovery_code (staff_user_id, code_hash) SELECT $1, unnest($2::bytea[])`, [staffUserId, codeHashes]);
  }

  async passwordHash(staffUserId: string): Promise<string | null> {
    const [row]: Array<{ password_hash: string | null }> = await this.m.query(`SELECT password_hash FROM staff_user WHERE id = $1`, [
      staffUserId,
    ]);
    return row?.password_hash ?? null;
  }

  async setPassword(staffUserId: string, hash: string, now: Date): Promise<void> {
    await this.m.query(`UPDATE staff_user SET password_hash = $2, password_changed_at = $3 WHERE id = $1`, [staffUserId, hash, now]);
  }

  /** A set-password link by its token's hash, with its person; locked for the change when asked. */
  async setPasswordLink(tokenHash: Buffer, lock: boolean): Promise<SetPasswordLinkRow | undefined> {
    const [row]: SetPasswordLinkRow[] = await this.m.query(
      `SELECT t.id, t.staff_user_id, t.expires_at, t.used_at, u.email, u.display_name, u.active
         FROM set_password_token t JOIN staff_user u ON u.id = t.staff_user_id
        WHERE t.token_hash = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
      [tokenHash],
    );
    return row;
  }

  async markLinkUsed(linkId: string, now: Date): Promise<void> {
    await this.m.query(`UPDATE set_password_token SET used_at = $2 WHERE id = $1`, [linkId, now]);
  }
}
