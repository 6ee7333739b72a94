import { Injectable } from '@nestjs/common';
import type { LocalizedText } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface ConflictRow {
  kind: 'facilitator' | 'room';
  session_id: string;
  at: Date;
  clash_id: string;
  clash_title: LocalizedText;
  clash_starts_at: Date;
  clash_ends_at: Date;
  who_id: string | null;
  who_name: string | null;
  room_id: string | null;
  room_name: string | null;
}

/** SQL for double bookings: facilitators or rooms in two planned sessions at once. */
@Injectable()
export class ConflictsRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Double bookings of the given sessions: another planned session that overlaps in time and
   * shares a facilitator or a room.
   */
  conflictsOf(sessionIds: string[]): Promise<ConflictRow[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.transactions.manager.query(
      `SELECT 'room' AS kind, a.id AS session_id, a.starts_at AS at, b.id AS clash_id, g.title AS clash_title,
              b.starts_at AS clash_starts_at, b.ends_at AS clash_ends_at, NULL AS who_id, NULL AS who_name, r.id AS room_id, r.name AS room_name
         FROM group_session a
         JOIN group_session b ON b.room_id = a.room_id AND b.id <> ALL($1::uuid[]) AND b.status = 'planned'
                              AND b.starts_at < a.ends_at AND b.ends_at > a.starts_at
         JOIN parent_group g ON g.id = b.group_id
         JOIN room r ON r.id = a.room_id
        WHERE a.id = ANY($1::uuid[]) AND a.status = 'planned'
       UNION ALL
       SELECT 'facilitator', a.id, a.starts_at, b.id, g.title, b.starts_at, b.ends_at, u.id, u.display_name, NULL, NULL
         FROM group_session a
         JOIN session_facilitator fa ON fa.session_id = a.id
         JOIN session_facilitator fb ON fb.staff_user_id = fa.staff_user_id
         JOIN group_session b ON b.id = fb.session_id AND b.id <> ALL($1::uuid[]) AND b.status = 'planned'
                              AND b.starts_at < a.ends_at AND b.ends_at > a.starts_at
         JOIN parent_group g ON g.id = b.group_id
         JOIN staff_user u ON u.id = fa.staff_user_id
        WHERE a.id = ANY($1::uuid[]) AND a.status = 'planned'
       ORDER BY at, kind`,
      [sessionIds],
    );
  }
}
