import { TestBed } from '@angular/core/testing';
import { ANA, BO, makeOp } from '../room-testing';
import { RoomStorage, ownerKey } from './room-storage';
import { TapQueue } from './tap-queue';

describe(TapQueue.name, () => {
  let queue: TapQueue;
  const ids = () => queue.taps().map((t) => t.op.id);

  beforeEach(() => {
    localStorage.clear();
    queue = TestBed.inject(TapQueue);
    queue.bindOwner('worker-1');
  });

  afterEach(() => localStorage.clear());

  it('should keep the taps in local storage when they are added, so a reload loses nothing', () => {
    const present = makeOp('attendance');
    const count = makeOp('tally');
    queue.enqueue({ op: present, label: 'Ana' });
    queue.enqueue({ op: count });

    const stored = JSON.parse(localStorage.getItem(ownerKey('worker-1', 'queue')) ?? '[]');
    expect(stored).toEqual([{ op: present, label: 'Ana' }, { op: count }]);

    TestBed.resetTestingModule();
    const again = TestBed.inject(TapQueue);
    again.bindOwner('worker-1');
    expect(again.taps().map((t) => t.op)).toEqual([present, count]);
    expect(again.count()).toBe(2);
  });

  it('should keep the same tap once when it is added twice', () => {
    const tap = makeOp('tally');
    queue.enqueue({ op: tap });
    queue.enqueue({ op: tap });

    expect(ids()).toEqual([tap.id]);
  });

  it('should replace an unsent status of a family by the newer one, and keep every tally tap', () => {
    const present = makeOp('attendance', { familyId: ANA, status: 'present' });
    const bo = makeOp('attendance', { familyId: BO, status: 'excused' });
    const absent = makeOp('attendance', { familyId: ANA, status: 'absent' });
    const plus1 = makeOp('tally');
    const plus2 = makeOp('tally');
    for (const op of [present, bo, plus1, plus2, absent]) queue.enqueue({ op });

    expect(ids()).toEqual([bo.id, plus1.id, plus2.id, absent.id]);
  });

  it('should keep a status that is on its way when a newer one for the family is added', () => {
    const present = makeOp('attendance', { status: 'present' });
    queue.enqueue({ op: present });
    expect(queue.takeBatch().map((op) => op.id)).toEqual([present.id]);

    const absent = makeOp('attendance', { status: 'absent' });
    queue.enqueue({ op: absent });

    expect(ids()).toEqual([present.id, absent.id]);
    expect(queue.takeBatch()).toEqual([]);
    queue.settle([{ id: present.id, ok: true }]);
    expect(queue.takeBatch().map((op) => op.id)).toEqual([absent.id]);
  });

  it('should send a status for a new family only after the family itself was sent', () => {
    const walkIn = makeOp('walk_in');
    const excused = makeOp('attendance', { familyId: walkIn.familyId, status: 'excused' });
    const count = makeOp('tally');
    for (const op of [walkIn, excused, count]) queue.enqueue({ op });

    expect(queue.takeBatch().map((op) => op.id)).toEqual([walkIn.id]);
    queue.settle([{ id: walkIn.id, ok: true }]);
    expect(queue.takeBatch().map((op) => op.id)).toEqual([excused.id, count.id]);
  });

  it('should take at most the batch size, oldest first, and not the taps already on their way', () => {
    const ops = Array.from({ length: 5 }, () => makeOp('tally'));
    for (const op of ops) queue.enqueue({ op });

    expect(queue.takeBatch(2).map((op) => op.id)).toEqual([ops[0].id, ops[1].id]);
    expect(queue.takeBatch(2)).toEqual([]);
    queue.release([ops[0].id, ops[1].id]);
    expect(queue.takeBatch(10).map((op) => op.id)).toEqual(ops.map((op) => op.id));
  });

  it('should remove confirmed taps and return them when the server answers ok', () => {
    const a = makeOp('tally');
    const b = makeOp('tally');
    queue.enqueue({ op: a });
    queue.enqueue({ op: b });
    queue.takeBatch();

    const confirmed = queue.settle([{ id: a.id, ok: true }]);

    expect(confirmed.map((t) => t.op.id)).toEqual([a.id]);
    expect(ids()).toEqual([b.id]);
    expect(JSON.parse(localStorage.getItem(ownerKey('worker-1', 'queue')) ?? '[]')).toEqual([{ op: b }]);
  });

  it('should drop a refused tap from the queue and keep it to show, until dismissed', () => {
    const late = makeOp('attendance');
    queue.enqueue({ op: late, label: 'Ana' });
    queue.takeBatch();

    queue.settle([{ id: late.id, ok: false, code: 'conflict', message: 'closed' }]);

    expect(queue.count()).toBe(0);
    expect(queue.refusals()).toEqual([{ op: late, label: 'Ana', code: 'conflict' }]);
    expect(queue.takeBatch()).toEqual([]);

    queue.dismissRefusal(late.id);
    expect(queue.refusals()).toEqual([]);
    expect(localStorage.getItem(ownerKey('worker-1', 'refused'))).toBe('[]');
  });

  it('should show only the taps of the person signed in when the phone is shared', () => {
    const mine = makeOp('tally');
    queue.enqueue({ op: mine });

    queue.bindOwner('worker-2');
    expect(queue.taps()).toEqual([]);
    queue.enqueue({ op: makeOp('tally') });

    queue.bindOwner('worker-1');
    expect(ids()).toEqual([mine.id]);
  });

  it('should not overwrite the taps another tab added when it adds its own', () => {
    const other = makeOp('tally');
    localStorage.setItem(ownerKey('worker-1', 'queue'), JSON.stringify([{ op: other }]));
    const mine = makeOp('tally');

    queue.enqueue({ op: mine });

    expect(ids()).toEqual([other.id, mine.id]);
  });

  it('should keep the taps in this tab and say so when the phone will not store them', () => {
    vi.spyOn(TestBed.inject(RoomStorage), 'write').mockReturnValue(false);
    vi.spyOn(TestBed.inject(RoomStorage), 'read').mockReturnValue(null);
    const a = makeOp('tally');
    const b = makeOp('tally');

    queue.enqueue({ op: a });
    queue.enqueue({ op: b });

    expect(queue.stored()).toBe(false);
    expect(ids()).toEqual([a.id, b.id]);
  });
});
