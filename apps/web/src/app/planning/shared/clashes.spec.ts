import { GITA, OMAR, makeSession } from '../testing/planning-factories';
import { findClashes } from './clashes';

describe(findClashes.name, () => {
  const at = (id: string, start: string, end: string, extra: Parameters<typeof makeSession>[0] = {}) =>
    makeSession({ id, startsAt: `2026-12-08T${start}:00.000Z`, endsAt: `2026-12-08T${end}:00.000Z`, ...extra });

  it('should find two sessions in the same room at overlapping times, on both sides', () => {
    const clashes = findClashes([
      at('a', '08:30', '10:00', { facilitators: [GITA] }),
      at('b', '09:30', '11:00', { facilitators: [OMAR], group: { id: 'g2', title: 'Babybabbels', kind: 'series' } }),
    ]);

    expect(clashes.get('a')).toEqual([
      { kind: 'room', name: 'Grote zaal', other: { id: 'b', groupTitle: 'Babybabbels', startsAt: '2026-12-08T09:30:00.000Z' } },
    ]);
    expect(clashes.get('b')?.map((c) => c.other.id)).toEqual(['a']);
  });

  it('should find a facilitator who is expected in two places at once', () => {
    const clashes = findClashes([
      at('a', '08:30', '10:00', { room: null }),
      at('b', '09:00', '09:30', { room: { id: 'other', name: 'Babyhoek' } }),
    ]);

    expect(clashes.get('a')).toEqual([expect.objectContaining({ kind: 'facilitator', name: 'Gita Peeters' })]);
  });

  it('should not count sessions that only touch, use other rooms and people, or are cancelled', () => {
    const clashes = findClashes([
      at('a', '08:30', '10:00'),
      at('b', '10:00', '11:00'),
      at('c', '08:30', '10:00', { room: { id: 'other', name: 'Babyhoek' }, facilitators: [OMAR] }),
      at('d', '08:30', '10:00', { status: 'cancelled' }),
    ]);

    expect(clashes.size).toBe(0);
  });

  it('should compare a long session with every session inside it', () => {
    const clashes = findClashes([at('long', '08:00', '12:00'), at('early', '08:30', '09:00'), at('late', '11:00', '11:30')]);

    expect(clashes.get('long')?.map((c) => `${c.kind} ${c.other.id}`)).toEqual([
      'room early',
      'facilitator early',
      'room late',
      'facilitator late',
    ]);
  });
});
