import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taking a seat, as one database call. Hundreds of parents may register for one session at once;
 * each placement locks the session row until its transaction commits, so what happens under that
 * lock must not wait for a round trip to the API. `place_registration` locks the row, confirms
 * the registration when its seats fit (else puts it on the waitlist), draws its queue number and
 * counts its place: each statement in it sees every placement committed before the lock was
 * granted. Indexes let the double-click check find a family by its contact without a scan.
 */
export class SeatPlacement1764370000000 implements MigrationInterface {
  name = 'SeatPlacement1764370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION place_registration(p_registration uuid, p_session uuid, p_seats integer, p_at timestamptz)
      RETURNS TABLE (placed_status text, placed_position integer)
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_capacity integer;
        v_taken integer;
        v_fits boolean;
      BEGIN
        -- FOR NO KEY UPDATE: serialises seat changes without blocking the registrations' foreign-key checks.
        SELECT s.seat_capacity, s.seats_taken INTO v_capacity, v_taken FROM group_session s WHERE s.id = p_session FOR NO KEY UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'session % does not exist', p_session USING ERRCODE = 'no_data_found';
        END IF;
        v_fits := v_capacity IS NULL OR v_taken + p_seats <= v_capacity;
        IF v_fits THEN
          UPDATE group_session s SET seats_taken = s.seats_taken + p_seats WHERE s.id = p_session;
        END IF;
        -- The queue number is drawn under the lock, so waiting order is arrival order.
        UPDATE registration r
           SET status = CASE WHEN v_fits THEN 'confirmed' ELSE 'waitlisted' END,
               queue_seq = nextval(pg_get_serial_sequence('registration', 'queue_seq')),
               offer_expires_at = NULL,
               updated_at = p_at
         WHERE r.id = p_registration;
        placed_status := CASE WHEN v_fits THEN 'confirmed' ELSE 'waitlisted' END;
        placed_position := CASE WHEN v_fits THEN NULL ELSE
          (SELECT count(*)::int FROM registration w WHERE w.session_id = p_session AND w.status = 'waitlisted') END;
        RETURN NEXT;
      END $$`);
    await q.query(`CREATE INDEX ix_family_phone ON family (phone)`);
    await q.query(`CREATE INDEX ix_family_email ON family (lower(email))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_family_email`);
    await q.query(`DROP INDEX ix_family_phone`);
    await q.query(`DROP FUNCTION place_registration(uuid, uuid, integer, timestamptz)`);
  }
}
