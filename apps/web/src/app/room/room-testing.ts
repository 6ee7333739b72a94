import type { Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { CarePrompt, KnownFamiliesView, RosterFamily, RosterView, SessionView, SyncOp, TallyView } from '@kring/domain';
import { PRIVACY_COVER_GRACE_MS } from '../shared/privacy-screen/privacy-screen';
import { ROOM_SYNC_DELAYS } from './data/room-sync';

/** Test data for the room, as the API sends it; override what the test is about. */
export const SESSION_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01';
export const ANA = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c01';
export const BO = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02';
export const WORKER_ID = '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1f0001';

export function makeFamily(overrides: Partial<RosterFamily> = {}): RosterFamily {
  return {
    familyId: ANA,
    displayName: 'Ana',
    phone: '+32470123456',
    source: 'registered',
    status: null,
    childrenComing: 1,
    needs: [],
    ...overrides,
  };
}

export function makeRoster(overrides: Partial<RosterView> = {}): RosterView {
  return {
    sessionId: SESSION_ID,
    groupTitle: 'Babybabbels',
    startsAt: '2026-11-28T08:30:00.000Z',
    endsAt: '2026-11-28T10:00:00.000Z',
    kind: 'series',
    locked: false,
    editableUntil: '2099-12-01T10:00:00.000Z',
    families: [makeFamily(), makeFamily({ familyId: BO, displayName: 'Bo', phone: null, childrenComing: 0 })],
    ...overrides,
  };
}

export function makeTally(overrides: Partial<TallyView> = {}): TallyView {
  return { sessionId: SESSION_ID, counts: { adults: 3, children_0_1: 2 }, locked: false, ...overrides };
}

/** A drop-in's known families: Ana and Bo, neither marked yet. */
export function makeKnown(overrides: Partial<KnownFamiliesView> = {}): KnownFamiliesView {
  return {
    sessionId: SESSION_ID,
    families: [
      { familyId: ANA, displayName: 'Ana', status: null },
      { familyId: BO, displayName: 'Bo', status: null },
    ],
    ...overrides,
  };
}

export function makeSessionView(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: SESSION_ID,
    group: { id: '3c9e7b1a-2d4f-4e6a-9b8c-7d6e5f4a3b01', title: 'Babybabbels', kind: 'series' },
    startsAt: '2026-11-28T08:30:00.000Z',
    endsAt: '2026-11-28T10:00:00.000Z',
    location: { id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b01', name: 'Huis van het Kind Sint-Niklaas' },
    room: null,
    capacity: 10,
    status: 'planned',
    cancellationReason: null,
    facilitators: [{ id: WORKER_ID, displayName: 'Gita Peeters' }],
    editedFields: [],
    canEdit: true,
    ...overrides,
  };
}

export function makeCarePrompt(overrides: Partial<CarePrompt> = {}): CarePrompt {
  return {
    familyId: BO,
    displayName: 'Bo',
    phone: '+32470999888',
    groupTitle: 'Babybabbels',
    lastSessions: ['2026-11-21T08:30:00.000Z', '2026-11-14T08:30:00.000Z'],
    ...overrides,
  };
}

let counter = 0;
/** A tap with a fresh, valid id. */
export function makeOp<K extends SyncOp['kind']>(
  kind: K,
  overrides: Partial<Extract<SyncOp, { kind: K }>> = {},
): Extract<SyncOp, { kind: K }> {
  counter++;
  const id = `9e8d7c6b-5a49-4382-a716-${String(counter).padStart(12, '0')}`;
  const base = { id, sessionId: SESSION_ID, at: '2026-11-28T08:45:00.000Z' };
  const byKind = {
    attendance: { kind: 'attendance', familyId: ANA, status: 'present' },
    tally: { kind: 'tally', category: 'adults', delta: 1 },
    walk_in: { kind: 'walk_in', familyId: `7e8d7c6b-5a49-4382-a716-${String(counter).padStart(12, '0')}`, displayName: 'Chaima' },
  }[kind];
  return { ...base, ...byKind, ...overrides } as unknown as Extract<SyncOp, { kind: K }>;
}

/** No waiting in tests: taps go at once, retries come quickly, dialogs close without animating, a blanked screen comes back at the first tap. */
export function provideRoomTesting(): Provider[] {
  return [
    { provide: ROOM_SYNC_DELAYS, useValue: { send: 0, retryMin: 1_000, retryMax: 4_000 } },
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    { provide: PRIVACY_COVER_GRACE_MS, useValue: 0 },
  ];
}
