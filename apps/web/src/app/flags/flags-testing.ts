import type { FlagDetail, FlagSummary } from '@kring/domain';

/** Test data for flags, as the API sends it; override what the test is about. */
export const FLAG_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01';
export const FAMILY_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c01';
export const AUTHOR = { id: '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1f0001', displayName: 'Gita Peeters' };
/** A string that must never reach browser storage, an address or a navigation state. */
export const CANARY = 'KANARIE-7f3a9c';

export function makeFlagSummary(overrides: Partial<FlagSummary> = {}): FlagSummary {
  return {
    id: FLAG_ID,
    family: { id: FAMILY_ID, displayName: 'Ana' },
    category: 'bonding',
    urgency: 'discuss',
    status: 'open',
    author: AUTHOR,
    location: { id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b01', name: 'Huis van het Kind Sint-Niklaas' },
    createdAt: '2026-11-28T09:30:00.000Z',
    reviewBy: '2026-12-12',
    due: false,
    closeReason: null,
    erased: false,
    lastReviewedAt: '2026-11-28T09:30:00.000Z',
    ...overrides,
  };
}

export function makeFlagDetail(overrides: Partial<FlagDetail> = {}): FlagDetail {
  return {
    ...makeFlagSummary(),
    session: null,
    fact: 'Mama hield de baby de hele ochtend in de maxi-cosi en keek weg als hij huilde.',
    interpretation: 'Misschien is ze heel moe.',
    strengths: 'Ze komt elke week, ook bij regen.',
    parentWords: 'Ik wil dat hij beter slaapt.',
    discussedWithParent: 'not_yet',
    notDiscussedReason: null,
    amendments: [],
    transitions: [
      {
        kind: 'status',
        from: null,
        to: 'open',
        rationale: '',
        actor: AUTHOR,
        at: '2026-11-28T09:30:00.000Z',
        reviewBy: '2026-12-12',
        closeReason: null,
      },
    ],
    ...overrides,
  };
}

/** Everything the browser could keep, as one string, to search for a canary. */
export async function browserStorageText(): Promise<string> {
  const parts: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? '';
      parts.push(key, storage.getItem(key) ?? '');
    }
  }
  parts.push(JSON.stringify(history.state ?? null), location.href);
  return parts.join('\n');
}
