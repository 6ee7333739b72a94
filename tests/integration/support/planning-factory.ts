import type { TestApp } from './test-app';
import { makeGroup } from './staff-factory';

let n = 0;

/** A planned session straight in the database, with its seat capacity. */
export async function makeSession(
  t: TestApp,
  opts: { groupId?: string; capacity?: number | null; startsAt: Date; minutes?: number; countsChildren?: boolean; seriesDate?: string },
): Promise<{ sessionId: string; groupId: string }> {
  const groupId = opts.groupId ?? (await makeGroup(t, { title: `Groep ${++n}` }));
  await t.db.query(`UPDATE parent_group SET capacity = $2, children_count_toward_capacity = $3 WHERE id = $1`, [
    groupId,
    opts.capacity ?? null,
    opts.countsChildren ?? false,
  ]);
  const [g] = await t.db.query(`SELECT default_location_id FROM parent_group WHERE id = $1`, [groupId]);
  const ends = new Date(opts.startsAt.getTime() + (opts.minutes ?? 90) * 60_000);
  const [row] = await t.db.query(
    `INSERT INTO group_session (group_id, series_date, starts_at, ends_at, location_id, seat_capacity) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [groupId, opts.seriesDate ?? null, opts.startsAt, ends, g.default_location_id, opts.capacity ?? null],
  );
  return { sessionId: row.id, groupId };
}
