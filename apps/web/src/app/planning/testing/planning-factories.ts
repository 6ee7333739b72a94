import type { GroupPlan, LocationView, RoomView, SessionView } from '@kring/domain';

export const PLACE_ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b01';
export const ROOM_ID = '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c01';
export const GROUP_ID = '3c9e7b1a-2d4f-4e6a-9b8c-7d6e5f4a3b01';
export const GITA = { id: '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1f0001', displayName: 'Gita Peeters' };
export const OMAR = { id: '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1f0002', displayName: 'Omar Benali' };

/** One session as the API sends it (Tuesday 8 December 2026, 9.30 to 11 in Brussels); override what the test is about. */
export function makeSession(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    group: { id: GROUP_ID, title: 'Inloopmoment', kind: 'drop_in' },
    startsAt: '2026-12-08T08:30:00.000Z',
    endsAt: '2026-12-08T10:00:00.000Z',
    location: { id: PLACE_ID, name: 'Huis van het Kind Sint-Niklaas' },
    room: { id: ROOM_ID, name: 'Grote zaal' },
    capacity: null,
    status: 'planned',
    cancellationReason: null,
    facilitators: [GITA],
    editedFields: [],
    canEdit: true,
    ...overrides,
  };
}

export function makeRoom(overrides: Partial<RoomView> = {}): RoomView {
  return { id: ROOM_ID, name: 'Grote zaal', capacity: 20, accessibilityNotes: '', active: true, ...overrides };
}

export function makePlace(overrides: Partial<LocationView> = {}): LocationView {
  return {
    id: PLACE_ID,
    name: 'Huis van het Kind Sint-Niklaas',
    street: 'Kalkstraat 1',
    postalCode: '9100',
    city: 'Sint-Niklaas',
    accessibilityNotes: 'Ingang zonder trappen aan de zijkant.',
    active: true,
    rooms: [makeRoom(), makeRoom({ id: '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c02', name: 'Babyhoek', capacity: 8 })],
    ...overrides,
  };
}

export function makeGroupPlan(overrides: Partial<GroupPlan> = {}): GroupPlan {
  return {
    id: GROUP_ID,
    title: { nl: 'Inloopmoment', en: 'Drop-in morning' },
    description: { nl: 'Kom binnen wanneer het je past.' },
    kind: 'drop_in',
    audience: 'all',
    spokenLanguages: ['nl'],
    defaultLocationId: PLACE_ID,
    defaultRoomId: ROOM_ID,
    capacity: null,
    childrenCountTowardCapacity: false,
    registrationMode: 'none',
    registrationWindow: { opensDaysBefore: null, closesHoursBefore: null },
    facilitatorIds: [GITA.id],
    recurrence: { firstStart: '2026-12-08T09:30', durationMinutes: 90, rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6', exceptionDates: [] },
    active: true,
    canEdit: true,
    ...overrides,
  };
}
