/**
 * Small-cell suppression for every count a report shows or exports.
 *
 * A table is a list of counts and a list of sums the reader knows hold (`total = parts[0] + parts[1] + …`,
 * e.g. a column's total row, or "families = new + returning"). A count from 1 to 4 is shown as "< 5"
 * (primary). Then, while some suppressed count could be worked out from the shown ones, the sums and
 * the hints themselves ("< 5" means 1 to 4; a hidden count is 0 or at least 5), another count in one of
 * its sums is hidden (complementary, shown as "x"), smallest first, so that as little as possible goes.
 *
 * "Cannot be worked out" is checked, not hoped for: a suppressed count is safe when another table,
 * equal in every shown count and every sum and fitting every hint, differs from the real one in that
 * count. `safe()` looks for such a table by moving counts up or down by one around a cycle of sums
 * (a bounded search): whatever it finds is a real alternative, so a count it calls safe is safe; when
 * it finds none, one more count is hidden. Hiding more never makes a safe count unsafe.
 */

export const SMALL_COUNT = '< 5' as const;
export const HIDDEN_COUNT = 'x' as const;
/** A count as shown: the number, "< 5" (1 to 4), or "x" (hidden so that a small count cannot be worked out). */
export type ReportCount = number | typeof SMALL_COUNT | typeof HIDDEN_COUNT;

/** Counts from 1 to this are never shown. */
export const SMALLEST_SHOWN = 5;

export type CellState = 'shown' | 'small' | 'hidden';

/** A sum the reader knows holds: `values[total] = Σ values[parts]`. */
export interface SumConstraint {
  total: number;
  parts: readonly number[];
}

const SEARCH_NODES = 4000;

/** Which counts to show, to show as "< 5", and to hide. `values` are non-negative integers. */
export function suppressCells(values: readonly number[], constraints: readonly SumConstraint[]): CellState[] {
  const states: CellState[] = values.map((v) => (v >= 1 && v < SMALLEST_SHOWN ? 'small' : 'shown'));
  const table = new Table(values, constraints);
  const known = new Set<number>();
  for (;;) {
    const unsafe = states.findIndex((s, i) => s !== 'shown' && !known.has(i) && !table.safe(i, states));
    if (unsafe < 0) return states;
    // Every suppressed count before `unsafe` was found safe, and stays safe when more are hidden.
    for (let i = 0; i < unsafe; i++) if (states[i] !== 'shown') known.add(i);
    const candidate = table.complementFor(unsafe, states);
    if (candidate === undefined) {
      // Nothing shown is left in its sums. A hidden count no alternative table can move is known
      // anyway, and no other count's safety relies on it: show it. A small one stays "< 5".
      if (states[unsafe] === 'hidden') states[unsafe] = 'shown';
      known.add(unsafe);
      continue;
    }
    states[candidate] = 'hidden';
  }
}

/** The counts as shown, for a table already decided by `suppressCells`. */
export function shownCounts(values: readonly number[], states: readonly CellState[]): ReportCount[] {
  return values.map((v, i) => (states[i] === 'small' ? SMALL_COUNT : states[i] === 'hidden' ? HIDDEN_COUNT : v));
}

class Table {
  /** For each cell: the constraints it is in, with its sign there (+1 a part, -1 the total). */
  private readonly memberships: Array<Array<{ c: number; sign: number }>>;

  constructor(
    private readonly values: readonly number[],
    private readonly constraints: readonly SumConstraint[],
  ) {
    this.memberships = values.map(() => []);
    constraints.forEach(({ total, parts }, c) => {
      this.memberships[total].push({ c, sign: -1 });
      for (const p of parts) this.memberships[p].push({ c, sign: 1 });
    });
  }

  /** Can another table that fits all the reader knows differ in `cell`? (See the file comment.) */
  safe(cell: number, states: readonly CellState[]): boolean {
    if (this.memberships[cell].length === 0) return true; // in no sum: the hint alone leaves 1 to 4
    return [1, -1].some((step) => this.movable(cell, step, states) && this.search(new Map([[cell, step]]), states, { nodes: 0 }));
  }

  /**
   * A shown count to hide next: from the sums `cell` is in, else one sum further, and so on; the
   * smallest that makes `cell` safe on its own, else the smallest. Never a zero: moving by one, a
   * hidden zero (0, or 5 and more) protects nothing, and its own value could be worked out.
   */
  complementFor(cell: number, states: readonly CellState[]): number | undefined {
    const seen = new Set<number>();
    let ring = this.memberships[cell].map(({ c }) => c);
    while (ring.length > 0) {
      for (const c of ring) seen.add(c);
      const near = [...new Set(ring.flatMap((c) => this.cellsOf(c)))].filter((i) => states[i] === 'shown' && this.values[i] > 0);
      if (near.length > 0) {
        const ordered = near.sort((a, b) => this.values[a] - this.values[b] || a - b);
        const trial = [...states];
        for (const i of ordered) {
          trial[i] = 'hidden';
          if (this.safe(cell, trial)) return i;
          trial[i] = 'shown';
        }
        return ordered[0];
      }
      ring = [...new Set(ring.flatMap((c) => this.cellsOf(c).flatMap((i) => this.memberships[i].map((m) => m.c))))].filter(
        (c) => !seen.has(c),
      );
    }
    return undefined;
  }

  private cellsOf(c: number): number[] {
    return [this.constraints[c].total, ...this.constraints[c].parts];
  }

  /** Can this suppressed count move by `step` and still fit its hint? */
  private movable(cell: number, step: number, states: readonly CellState[]): boolean {
    const next = this.values[cell] + step;
    if (states[cell] === 'small') return next >= 1 && next < SMALLEST_SHOWN;
    if (states[cell] === 'hidden') return next >= SMALLEST_SHOWN;
    return false;
  }

  /** Depth-first: balance the first unbalanced sum by moving one more suppressed count in it. */
  private search(moves: Map<number, number>, states: readonly CellState[], budget: { nodes: number }): boolean {
    if (++budget.nodes > SEARCH_NODES) return false;
    const open = this.unbalanced(moves);
    if (open === undefined) return true;
    const { c, imbalance } = open;
    for (const { i, sign } of this.signedCellsOf(c)) {
      if (moves.has(i) || states[i] === 'shown') continue;
      const step = -Math.sign(imbalance) * sign;
      if (!this.movable(i, step, states)) continue;
      moves.set(i, step);
      if (this.search(moves, states, budget)) return true;
      moves.delete(i);
    }
    return false;
  }

  private unbalanced(moves: Map<number, number>): { c: number; imbalance: number } | undefined {
    const seen = new Set<number>();
    for (const cell of moves.keys())
      for (const { c } of this.memberships[cell]) {
        if (seen.has(c)) continue;
        seen.add(c);
        let imbalance = 0;
        for (const { i, sign } of this.signedCellsOf(c)) imbalance += sign * (moves.get(i) ?? 0);
        if (imbalance !== 0) return { c, imbalance };
      }
    return undefined;
  }

  private signedCellsOf(c: number): Array<{ i: number; sign: number }> {
    return [{ i: this.constraints[c].total, sign: -1 }, ...this.constraints[c].parts.map((i) => ({ i, sign: 1 }))];
  }
}
