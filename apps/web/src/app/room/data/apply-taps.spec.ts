import { ANA, BO, SESSION_ID, makeFamily, makeKnown, makeOp, makeRoster } from '../room-testing';
import { applyToKnown, applyToRoster, applyToTally, attendanceSummary, isLocked, tallyTotals } from './apply-taps';

describe(applyToKnown.name, () => {
  it('should show the last tap of each known family of this session, and leave other sessions alone', () => {
    const known = makeKnown();
    const view = applyToKnown(known, [
      makeOp('attendance', { familyId: ANA, status: 'present' }),
      makeOp('attendance', { familyId: BO, status: 'present' }),
      makeOp('attendance', { familyId: BO, status: 'absent' }),
      makeOp('attendance', { familyId: ANA, status: 'excused', sessionId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a99' }),
      makeOp('tally'),
    ]);

    expect(view.families.map((f) => [f.displayName, f.status])).toEqual([
      ['Ana', 'present'],
      ['Bo', 'absent'],
    ]);
    expect(applyToKnown(known, [makeOp('tally')])).toBe(known);
  });
});

describe(applyToRoster.name, () => {
  it('should show the newest status of each family when taps are waiting', () => {
    const view = applyToRoster(makeRoster(), [
      makeOp('attendance', { familyId: ANA, status: 'present' }),
      makeOp('attendance', { familyId: BO, status: 'excused' }),
      makeOp('attendance', { familyId: ANA, status: 'absent' }),
    ]);

    expect(view.families.map((f) => [f.displayName, f.status])).toEqual([
      ['Ana', 'absent'],
      ['Bo', 'excused'],
    ]);
  });

  it('should add a walk-in as present, in name order, with its phone in international form', () => {
    const walkIn = makeOp('walk_in', { displayName: 'Bea', phone: '0470 12 34 56' });

    const view = applyToRoster(makeRoster(), [walkIn]);

    expect(view.families.map((f) => [f.displayName, f.status, f.source])).toEqual([
      ['Ana', null, 'registered'],
      ['Bea', 'present', 'walk_in'],
      ['Bo', null, 'registered'],
    ]);
    expect(view.families[1].phone).toBe('+32470123456');
  });

  it('should add a walk-in once, and let a later tap change it, when both wait', () => {
    const walkIn = makeOp('walk_in');
    const ops = [walkIn, walkIn, makeOp('attendance', { familyId: walkIn.familyId, status: 'excused' })];

    const view = applyToRoster(makeRoster({ families: [] }), ops);

    expect(view.families.map((f) => [f.displayName, f.status])).toEqual([['Chaima', 'excused']]);
  });

  it('should ignore taps of another session and of families not on the list', () => {
    const roster = makeRoster();
    const other = makeOp('attendance', { sessionId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a99' });
    const stranger = makeOp('attendance', { familyId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c99' });

    expect(applyToRoster(roster, [other, stranger])).toBe(roster);
  });
});

describe(applyToTally.name, () => {
  it('should add every tap to its counter when taps are waiting', () => {
    const counts = applyToTally({ adults: 3 }, SESSION_ID, [
      makeOp('tally', { category: 'adults', delta: 1 }),
      makeOp('tally', { category: 'adults', delta: 1 }),
      makeOp('tally', { category: 'lang:ar', delta: 1 }),
      makeOp('tally', { category: 'adults', delta: -1 }),
    ]);

    expect(counts).toEqual({ adults: 4, 'lang:ar': 1 });
  });

  it('should never go below zero, as the server counts', () => {
    expect(applyToTally({ adults: 1 }, SESSION_ID, [makeOp('tally', { delta: -1 }), makeOp('tally', { delta: -1 })])).toEqual({ adults: 0 });
  });

  it('should leave the counts of other sessions alone', () => {
    expect(applyToTally({ adults: 1 }, SESSION_ID, [makeOp('tally', { sessionId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a99' })])).toEqual({ adults: 1 });
  });
});

describe(attendanceSummary.name, () => {
  it('should count each status and the families not marked yet', () => {
    const families = [
      makeFamily({ status: 'present' }),
      makeFamily({ status: 'present' }),
      makeFamily({ status: 'excused' }),
      makeFamily({ status: null }),
    ];

    expect(attendanceSummary(families)).toEqual({ present: 2, absent: 0, excused: 1, open: 1 });
  });
});

describe(tallyTotals.name, () => {
  it('should add up the children by age band, keeping pregnancies apart', () => {
    const totals = tallyTotals({ adults: 5, children_pregnancy: 1, children_0_1: 2, children_1_3: 3, children_6_plus: 1, first_visit: 2 });

    expect(totals).toEqual({ adults: 5, children: 6, pregnancies: 1, firstVisits: 2, returning: 0 });
  });
});

describe(isLocked.name, () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it.each([
    ['the server says so', { locked: true, editableUntil: '2026-12-01T00:00:00Z' }, true],
    ['the edit period is over', { locked: false, editableUntil: '2026-11-28T11:59:00Z' }, true],
    ['the edit period runs on', { locked: false, editableUntil: '2026-11-28T12:01:00Z' }, false],
  ])('should tell whether taps are taken when %s', (_case, view, expected) => {
    expect(isLocked(view, now)).toBe(expected);
  });
});
