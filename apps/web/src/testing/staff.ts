import type { AuditEventView, SessionInfo, StaffGroupSummary, StaffIdentity, StaffUserSummary } from '@kring/domain';

/** A signed-in session as the API sends it; override what the test is about. */
export function makeSession(overrides: { user?: Partial<StaffIdentity>; twoFactor?: Partial<SessionInfo['twoFactor']> } = {}): SessionInfo {
  return {
    user: {
      id: '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1f0001',
      email: 'gita@keerkring.be',
      displayName: 'Gita Peeters',
      roles: ['group_worker'],
      ...overrides.user,
    },
    twoFactor: { state: 'satisfied', enrolled: false, required: false, ...overrides.twoFactor },
    idleExpiresAt: '2026-11-28T11:00:00.000Z',
    absoluteExpiresAt: '2026-11-28T22:00:00.000Z',
  };
}

/** An admin past the two-factor step. */
export function makeAdminSession(overrides: { user?: Partial<StaffIdentity> } = {}): SessionInfo {
  return makeSession({
    user: {
      id: '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1fad01',
      email: 'bram@keerkring.be',
      displayName: 'Bram Beheer',
      roles: ['admin'],
      ...overrides.user,
    },
    twoFactor: { state: 'satisfied', enrolled: true, required: true },
  });
}

/** A staff account as admins see it in the list. */
export function makeStaffUser(overrides: Partial<StaffUserSummary> = {}): StaffUserSummary {
  return {
    id: '7a1c3d2e-5f60-4b7a-8c9d-0e1f2a3b4c01',
    email: 'gita@keerkring.be',
    displayName: 'Gita Peeters',
    roles: ['group_worker'],
    active: true,
    passwordSet: true,
    twoFactorEnrolled: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A group as staff see it. */
export function makeStaffGroup(overrides: Partial<StaffGroupSummary> = {}): StaffGroupSummary {
  return {
    id: '3c9e7b1a-2d4f-4e6a-9b8c-7d6e5f4a3b01',
    title: 'Babybabbels',
    kind: 'series',
    audience: '0-1',
    location: { id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b01', name: 'Huis van het Kind Sint-Niklaas' },
    capacity: 10,
    registrationMode: 'open',
    facilitators: [{ id: '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1f0001', displayName: 'Gita Peeters' }],
    active: true,
    ...overrides,
  };
}

/** One audit event as the API sends it. */
export function makeAuditEvent(overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id: '41',
    occurredAt: '2026-11-28T09:30:00.000Z',
    actor: { id: '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1fad01', displayName: 'Bram Beheer' },
    action: 'staff.created',
    entity: 'staff_user',
    entityId: '7a1c3d2e-5f60-4b7a-8c9d-0e1f2a3b4c01',
    purpose: null,
    ip: '127.0.0.1',
    details: { roles: ['group_worker'] },
    ...overrides,
  };
}

/** An API error answer for `HttpTestingController.flush`. */
export function apiError(
  status: number,
  code: string,
  extra: { fields?: unknown[]; headers?: Record<string, string> } = {},
): [body: object, options: { status: number; statusText: string; headers?: Record<string, string> }] {
  return [
    { code, message: code, ...(extra.fields ? { fields: extra.fields } : {}) },
    { status, statusText: 'Error', headers: extra.headers },
  ];
}
