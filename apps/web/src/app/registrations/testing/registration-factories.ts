import type { GroupEnrolmentsView, SeriesEnrolmentView, StaffRegistrationView } from '@kring/domain';

let n = 0;

/** A family on a session's list as the API sends it; override what the test is about. */
export function makeRegistration(
  overrides: Partial<StaffRegistrationView> & { name?: string; phone?: string | null } = {},
): StaffRegistrationView {
  n += 1;
  const { name, phone, ...rest } = overrides;
  return {
    id: `7e0c1f2a-0000-4000-8000-${String(n).padStart(12, '0')}`,
    family: {
      id: `9f0c1f2a-0000-4000-8000-${String(n).padStart(12, '0')}`,
      displayName: name ?? 'Sara',
      code: 'ACD379',
      phone: phone === undefined ? '+32470123456' : phone,
      email: null,
      children: ['2026-05'],
    },
    status: 'confirmed',
    seats: 1,
    childrenComing: 1,
    needs: [],
    waitlistPosition: null,
    offerExpiresAt: null,
    series: false,
    source: 'parent',
    createdAt: '2026-11-20T09:00:00.000Z',
    ...rest,
  };
}

export function makeEnrolment(overrides: Partial<SeriesEnrolmentView> = {}): SeriesEnrolmentView {
  return {
    id: 'e1e1e1e1-0000-4000-8000-000000000001',
    family: {
      id: 'f1f1f1f1-0000-4000-8000-000000000001',
      displayName: 'Eli',
      code: 'HJK467',
      phone: '+32470556677',
      email: null,
      children: ['2025-03'],
    },
    enrolledAt: '2026-11-02T10:00:00.000Z',
    childrenComing: 1,
    needs: ['childcare'],
    source: 'staff',
    sessions: [
      {
        registrationId: 'r1',
        sessionId: 's1',
        startsAt: '2026-12-15T08:30:00.000Z',
        endsAt: '2026-12-15T10:00:00.000Z',
        status: 'confirmed',
        waitlistPosition: null,
      },
      {
        registrationId: 'r2',
        sessionId: 's2',
        startsAt: '2026-12-22T08:30:00.000Z',
        endsAt: '2026-12-22T10:00:00.000Z',
        status: 'skipped',
        waitlistPosition: null,
      },
    ],
    ...overrides,
  };
}

export function makeEnrolments(overrides: Partial<GroupEnrolmentsView> = {}): GroupEnrolmentsView {
  return {
    group: { id: 'c1c1c1c1-0000-4000-8000-000000000001', title: 'Babybabbels', kind: 'series' },
    enrolments: [makeEnrolment()],
    ...overrides,
  };
}
