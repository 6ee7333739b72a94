import type { DataSource } from 'typeorm';
import { type FlagBox, sealedAt } from './flag-box';

/** Every sealed column of the flag tables, and where each value is bound (see `sealedAt`). */
const SEALED: Array<{ table: string; columns: string[]; where: (id: string, column: string) => string }> = [
  {
    table: 'flag',
    columns: ['fact_enc', 'interpretation_enc', 'strengths_enc', 'parent_words_enc', 'not_discussed_reason_enc'],
    where: sealedAt.flag,
  },
  { table: 'flag_amendment', columns: ['text_enc'], where: (id) => sealedAt.amendment(id) },
  { table: 'flag_transition', columns: ['rationale_enc'], where: (id) => sealedAt.transition(id) },
];

/**
 * Re-seals flag text under the current flag key (`box.currentKeyId`), in batches of `batch` rows per
 * transaction, so a large table is never locked as a whole. Rows already under the current key are
 * left alone: running it twice, or after an interruption, finishes the job. The database allows the
 * change only with `kring.flag_rekey` on and only to another key id (migration 1764400000000).
 * @returns how many values were re-sealed, per table.
 */
export async function rotateFlagKeys(db: DataSource, box: FlagBox, batch = 200): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const current = `${box.currentKeyId}.`;
  for (const { table, columns, where } of SEALED) {
    counts[table] = 0;
    const stale = columns.map((c) => `(${c} IS NOT NULL AND left(${c}, ${current.length}) <> $1)`).join(' OR ');
    for (;;) {
      const done = await db.transaction(async (m) => {
        await m.query(`SET LOCAL kring.flag_rekey = 'on'`);
        const rows: Array<Record<string, string | null>> = await m.query(
          `SELECT id, ${columns.join(', ')} FROM ${table} WHERE ${stale} ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [current, batch],
        );
        for (const row of rows) {
          const id = row['id'] as string;
          const values = columns.map((c) => {
            const sealed = row[c];
            if (sealed === null || !box.isStale(sealed)) return sealed;
            counts[table] += 1;
            return box.seal(box.open(sealed, where(id, c)), where(id, c));
          });
          await m.query(`UPDATE ${table} SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [id, ...values]);
        }
        return rows.length < batch;
      });
      if (done) break;
    }
  }
  return counts;
}
