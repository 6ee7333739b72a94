import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brusselsMonth,
  HIDDEN_COUNT,
  inFirstThousandDays,
  monthsOf,
  reachPeriodProblems,
  REACH_MEASURES,
  SMALL_COUNT,
  suppressCells,
  suppressReach,
  type CellState,
  type ReachCounts,
  type ReachRaw,
  type SumConstraint,
} from './reports';

/** A rows × cols table with row totals, column totals and a grand total, as values + sums. */
function marginTable(interior: number[][]): { values: number[]; constraints: SumConstraint[] } {
  const rows = interior.length;
  const cols = interior[0].length;
  const values: number[] = interior.flat();
  const at = (r: number, c: number) => r * cols + c;
  const rowTotal = (r: number) => rows * cols + r;
  const colTotal = (c: number) => rows * cols + rows + c;
  const grand = rows * cols + rows + cols;
  for (let r = 0; r < rows; r++) values.push(interior[r].reduce((a, b) => a + b, 0));
  for (let c = 0; c < cols; c++) values.push(interior.reduce((a, row) => a + row[c], 0));
  values.push(values.slice(0, rows * cols).reduce((a, b) => a + b, 0));
  const constraints: SumConstraint[] = [];
  for (let r = 0; r < rows; r++) constraints.push({ total: rowTotal(r), parts: interior[r].map((_, c) => at(r, c)) });
  for (let c = 0; c < cols; c++) constraints.push({ total: colTotal(c), parts: interior.map((_, r) => at(r, c)) });
  constraints.push({ total: grand, parts: interior.map((_, r) => rowTotal(r)) });
  constraints.push({ total: grand, parts: interior[0].map((_, c) => colTotal(c)) });
  return { values, constraints };
}

/**
 * The reader's view, by exhaustive search: tables of non-negative integers equal to the shown counts,
 * satisfying every sum, with 1–4 where "< 5" is shown and 0 or ≥ 5 where "x" is. For each suppressed
 * cell, the values it takes in such tables. Hidden cells are tried within 3 of their true value only:
 * that finds fewer alternatives than a real reader has, so "more than one value" here holds for them too.
 */
function consistentValues(values: number[], constraints: SumConstraint[], states: CellState[]): Map<number, Set<number>> {
  const hidden = states.flatMap((s, i) => (s === 'shown' ? [] : [i]));
  const fits = (i: number, v: number) =>
    states[i] === 'small'
      ? v >= 1 && v <= 4
      : states[i] === 'hidden'
        ? v >= 0 && (v === 0 || v >= 5) && Math.abs(v - values[i]) <= 3
        : v === values[i];
  const domain = (i: number) => Array.from({ length: 9 }, (_, k) => values[i] - 4 + k).filter((v) => fits(i, v));
  const seen = new Map(hidden.map((i) => [i, new Set<number>()]));
  const value: Array<number | undefined> = values.map((v, i) => (states[i] === 'shown' ? v : undefined));
  // Assign, then fill in every cell a sum now determines; false when something does not fit.
  const propagate = (trail: number[]): boolean => {
    for (let changed = true; changed;) {
      changed = false;
      for (const c of constraints) {
        const cells = [c.total, ...c.parts];
        const open = cells.filter((i) => value[i] === undefined);
        const parts = c.parts.reduce((a, p) => a + (value[p] ?? 0), 0);
        if (open.length === 0) {
          if (value[c.total] !== parts) return false;
        } else if (open.length === 1) {
          const i = open[0];
          const v = i === c.total ? parts : (value[c.total] as number) - parts;
          if (!fits(i, v)) return false;
          value[i] = v;
          trail.push(i);
          changed = true;
        }
      }
    }
    return true;
  };
  const visit = () => {
    const next = hidden.find((i) => value[i] === undefined);
    if (next === undefined) {
      for (const i of hidden) seen.get(i)?.add(value[i] as number);
      return;
    }
    for (const v of domain(next)) {
      const trail = [next];
      value[next] = v;
      if (propagate(trail)) visit();
      for (const i of trail) value[i] = undefined;
    }
  };
  const start: number[] = [];
  if (propagate(start)) visit();
  return seen;
}

const smallish = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }));

describe('small-cell suppression', () => {
  it('should show 1 to 4 as "< 5", keep zeros and larger counts when nothing else can tell', () => {
    const states = suppressCells([0, 3, 5, 40], []);
    expect(states).toEqual(['shown', 'small', 'shown', 'shown']);
  });

  it('should hide a second count when a total would give the small one away', () => {
    // 3 + 9 + 20 = 32: with 9 and 20 shown, 3 follows. The smallest other part (9) goes too.
    const states = suppressCells([3, 9, 20, 32], [{ total: 3, parts: [0, 1, 2] }]);
    expect(states).toEqual(['small', 'hidden', 'shown', 'shown']);
  });

  it('should not trust two small counts whose sum leaves one possibility', () => {
    // 4 + 4 = 8: both "< 5" and a total of 8 can only be 4 and 4.
    const states = suppressCells([4, 4, 8], [{ total: 2, parts: [0, 1] }]);
    expect(states[2]).toBe('hidden');
  });

  it('property: no sum has exactly one suppressed count (random tables with totals)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((cols) => fc.array(fc.array(smallish, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 })),
        (interior) => {
          const { values, constraints } = marginTable(interior);
          const states = suppressCells(values, constraints);
          for (const c of constraints) {
            const suppressed = [c.total, ...c.parts].filter((i) => states[i] !== 'shown');
            expect(suppressed.length).not.toBe(1);
          }
          values.forEach((v, i) => {
            if (v >= 1 && v <= 4) expect(states[i]).toBe('small');
            if (states[i] === 'small') expect(v >= 1 && v <= 4).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: on small tables, every suppressed count has more than one value consistent with what is shown', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((cols) =>
            fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 3 }),
          ),
        (interior) => {
          const { values, constraints } = marginTable(interior);
          const states = suppressCells(values, constraints);
          const seen = consistentValues(values, constraints, states);
          for (const [cell, options] of seen) {
            expect(options.has(values[cell])).toBe(true);
            expect(options.size, `cell ${cell} of ${JSON.stringify(interior)}: ${states.join(',')}`).toBeGreaterThan(1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: a chain of "families = new + returning" rows with an additive column stays protected', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 3 }),
        (rows) => {
          // per row: families, new, returning; then the total row; new adds up over rows.
          const values = rows.flatMap(([n, r]) => [n + r, n, r]);
          const totalNew = rows.reduce((a, [n]) => a + n, 0);
          const totalReturning = rows.reduce((a, [, r]) => a + r, 0);
          const t = values.length;
          values.push(totalNew + totalReturning, totalNew, totalReturning);
          const constraints: SumConstraint[] = rows.map((_, k) => ({ total: 3 * k, parts: [3 * k + 1, 3 * k + 2] }));
          constraints.push({ total: t, parts: [t + 1, t + 2] }, { total: t + 1, parts: rows.map((_, k) => 3 * k + 1) });
          const states = suppressCells(values, constraints);
          for (const [cell, options] of consistentValues(values, constraints, states))
            expect(options.size, `cell ${cell}`).toBeGreaterThan(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('should decide a five-year report (60 months, 10 places, 40 groups) in well under a second', () => {
    const random = fc.sample(fc.integer({ min: 0, max: 30 }), { numRuns: 200 * REACH_MEASURES.length, seed: 7 });
    let k = 0;
    const row = (key: string) => ({
      key,
      label: key,
      counts: Object.fromEntries(REACH_MEASURES.map((m) => [m, random[k++ % random.length]])) as ReachCounts<number>,
    });
    const raw: ReachRaw = {
      scoped: false,
      total: row('total').counts,
      byMonth: Array.from({ length: 60 }, (_, i) => row(`m${i}`)),
      byLocation: Array.from({ length: 10 }, (_, i) => row(`l${i}`)),
      byGroup: Array.from({ length: 40 }, (_, i) => row(`g${i}`)),
    };
    const started = performance.now();
    const report = suppressReach(raw, { from: '2021-01', to: '2025-12' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report.byGroup).toHaveLength(40);
  });
});

describe('the reach report', () => {
  const zero = (): ReachCounts<number> => Object.fromEntries(REACH_MEASURES.map((m) => [m, 0])) as ReachCounts<number>;
  const counts = (c: Partial<ReachCounts<number>>) => ({ ...zero(), ...c });

  it('should suppress across the month, place and group tables, share the totals, and keep meetings as counted', () => {
    const raw: ReachRaw = {
      scoped: false,
      total: counts({ families: 30, newFamilies: 12, returningFamilies: 18, sessionsHeld: 3, present: 40, marked: 50 }),
      byMonth: [
        {
          key: '2026-01',
          label: '2026-01',
          counts: counts({ families: 20, newFamilies: 9, returningFamilies: 11, sessionsHeld: 2, present: 37, marked: 45 }),
        },
        {
          key: '2026-02',
          label: '2026-02',
          counts: counts({ families: 13, newFamilies: 3, returningFamilies: 10, sessionsHeld: 1, present: 3, marked: 5 }),
        },
      ],
      byLocation: [
        {
          key: 'l1',
          label: 'Huis',
          counts: counts({ families: 30, newFamilies: 12, returningFamilies: 18, sessionsHeld: 3, present: 40, marked: 50 }),
        },
      ],
      byGroup: [],
    };
    const report = suppressReach(raw, { from: '2026-01', to: '2026-02' }, 'Totaal');
    const [jan, feb] = report.byMonth;
    expect(feb.counts.newFamilies).toBe(SMALL_COUNT);
    expect(feb.counts.present).toBe(SMALL_COUNT);
    // 3 new in February would follow from 12 − 9, and from 13 − 10: each sum has a second hidden count.
    expect([jan.counts.newFamilies, report.total.counts.newFamilies]).toContain(HIDDEN_COUNT);
    expect([feb.counts.families, feb.counts.returningFamilies]).toContain(HIDDEN_COUNT);
    expect(feb.attendanceRate).toBeNull();
    expect(jan.counts.sessionsHeld).toBe(2);
    expect(feb.counts.sessionsHeld).toBe(1);
    expect(report.total.label).toBe('Totaal');
    expect(report.byLocation[0].counts.families).toBe(report.total.counts.families);
  });

  it('should give the attendance rate only from shown counts', () => {
    const raw: ReachRaw = { scoped: true, total: counts({ present: 45, marked: 60 }), byMonth: [], byLocation: [], byGroup: [] };
    expect(suppressReach(raw, { from: '2026-01', to: '2026-01' }).total.attendanceRate).toBe(75);
  });
});

describe('the first 1000 days (children kept by month)', () => {
  it('should count from 9 months before the birth (or expected) month', () => {
    expect(inFirstThousandDays('2026-10', '2026-01')).toBe(true); // 9 months ahead: early pregnancy
    expect(inFirstThousandDays('2026-11', '2026-01')).toBe(false); // 10 months ahead: not yet
  });

  it('should count up to the month before the second birthday', () => {
    expect(inFirstThousandDays('2024-03', '2026-02')).toBe(true); // 23 months old
    expect(inFirstThousandDays('2024-03', '2026-03')).toBe(false); // turns two this month
    expect(inFirstThousandDays('2025-12', '2026-12')).toBe(true); // first birthday
    expect(inFirstThousandDays('2026-01', '2026-01')).toBe(true); // born this month
  });

  it('should take the visit month in Brussels time', () => {
    expect(brusselsMonth(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02'); // 00:30 in Brussels
    expect(brusselsMonth(new Date('2026-07-31T21:59:00Z'))).toBe('2026-07'); // 23:59 summer time
  });

  it('should list months and refuse a period that is back to front or longer than five years', () => {
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(reachPeriodProblems('2026-01', '2026-12')).toEqual({});
    expect(reachPeriodProblems('2026-13', '2026-12')).toEqual({ from: 'month' });
    expect(reachPeriodProblems('2026-05', '2026-04')).toEqual({ to: 'order' });
    expect(reachPeriodProblems('2021-01', '2025-12')).toEqual({});
    expect(reachPeriodProblems('2021-01', '2026-01')).toEqual({ to: 'too_long' });
  });
});
