import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

/** The rows step-up reads and writes: the person's TOTP key and last used step, the session's step-up time. */
@Injectable()
export class StepUpRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Locks the person's row, so one code is used once even when two requests race. */
  async totpForUpdate(staffUserId: string): Promise<{ secretEnc: string | null; lastStep: number | null }> {
    const [row] = await this.transactions.manager.query(
      `SELECT totp_secret_enc, totp_last_step FROM staff_user WHERE id = $1 AND totp_enabled_at IS NOT NULL FOR UPDATE`,
      [staffUserId],
    );
    return { secretEnc: row?.totp_secret_enc ?? null, lastStep: row?.totp_last_step == null ? null : Number(row.totp_last_step) };
  }

  async useStep(staffUserId: string, step: number): Promise<void> {
    await this.transactions.manager.query(`UPDATE staff_user SET totp_last_step = $2 WHERE id = $1`, [staffUserId, step]);
  }

  async markSteppedUp(sessionId: string, at: Date): Promise<void> {
    await this.transactions.manager.query(`UPDATE staff_session SET step_up_at = $2 WHERE id = $1`, [sessionId, at]);
  }

  /** The language of the person's screens, for the alerts Kring sends them (flags). */
  async rememberLocale(staffUserId: string, locale: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE staff_user SET locale = $2 WHERE id = $1 AND locale IS DISTINCT FROM $2`, [
      staffUserId,
      locale,
    ]);
  }

  /**
   * When this session last proved the second factor: a step-up, or the two-factor step of signing in
   * (a code just given at sign-in counts; asking for another at once would only mean waiting for the next one).
   */
  async steppedUpAt(sessionId: string): Promise<Date | null> {
    const [row] = await this.transactions.manager.query(
      `SELECT greatest(step_up_at, two_factor_verified_at) AS at FROM staff_session WHERE id = $1`,
      [sessionId],
    );
    return row?.at ?? null;
  }
}
