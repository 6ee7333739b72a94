import type { CentreContact, ManageView, PublicGroupPage, PublicSession, RegisterResponse, RegistrationView } from '@kring/domain';

/** Ids and words of the demo group "Babybabbels" (a weekly series on Thursdays). */
export const BABY_GROUP_ID = '4691f106-726d-421f-90c1-91c543d0ec7d';
export const SESSION_IDS = [
  'c2b02bb1-c776-4982-a832-8221458a91af',
  '324dcd93-280a-4b50-8b8b-215bab9701a4',
  '3c75a7e5-80e7-40b7-9ca2-4f92bb37b70c',
] as const;
export const TOKEN = 'zf5KpiSH3Z2-HaJOJvuJc2JhXbXwzclC7zEAqf3BpMA';

/** A coming session as the public finder sends it; override what the test is about. */
export function makePublicSession(overrides: Partial<PublicSession> = {}): PublicSession {
  return {
    id: SESSION_IDS[0],
    group: { id: BABY_GROUP_ID, title: 'Babybabbels', kind: 'series', audience: '0-1' },
    startsAt: '2026-12-03T08:30:00.000Z',
    endsAt: '2026-12-03T10:00:00.000Z',
    place: { id: 'b1f0a6c2-3d4e-4f50-8a61-7b8c9d0e1f23', name: 'Huis van het Kind Sint-Niklaas', city: 'Sint-Niklaas' },
    seatsLeft: 10,
    registrationOpen: true,
    spokenLanguages: ['nl', 'en'],
    registrationOpensAt: null,
    registrationClosed: false,
    ...overrides,
  };
}

/** Three Thursdays of the series, a week apart. */
export function makeSeriesSessions(overrides: Partial<PublicSession> = {}): PublicSession[] {
  return SESSION_IDS.map((id, week) =>
    makePublicSession({
      id,
      startsAt: new Date(Date.parse('2026-12-03T08:30:00.000Z') + week * 7 * 86_400_000).toISOString(),
      endsAt: new Date(Date.parse('2026-12-03T10:00:00.000Z') + week * 7 * 86_400_000).toISOString(),
      ...overrides,
    }),
  );
}

export function makeGroupPage(overrides: Partial<PublicGroupPage> = {}): PublicGroupPage {
  return {
    id: BABY_GROUP_ID,
    title: 'Babybabbels',
    description: 'Elke week praten ouders met een baby samen over slapen, huilen, eten en alles wat nieuw is.',
    locale: 'nl',
    kind: 'series',
    audience: '0-1',
    spokenLanguages: ['nl', 'en'],
    registrationMode: 'open',
    childrenCountTowardCapacity: false,
    place: {
      name: 'Huis van het Kind Sint-Niklaas',
      street: 'Kazernestraat 10',
      postalCode: '9100',
      city: 'Sint-Niklaas',
      accessibilityNotes: 'Gelijkvloers, ingang zonder drempel.',
    },
    facilitators: ['Gita'],
    sessions: makeSeriesSessions(),
    ...overrides,
  };
}

export function makeRegistrationView(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: 'ae90194a-c226-4341-b67f-6585855d440f',
    sessionId: SESSION_IDS[0],
    group: { id: BABY_GROUP_ID, title: 'Babybabbels' },
    startsAt: '2026-12-03T08:30:00.000Z',
    endsAt: '2026-12-03T10:00:00.000Z',
    place: { name: 'Huis van het Kind Sint-Niklaas', street: 'Kazernestraat 10', city: 'Sint-Niklaas' },
    status: 'confirmed',
    waitlistPosition: null,
    offerExpiresAt: null,
    series: true,
    comeAfterAll: null,
    ...overrides,
  };
}

/** The series' three dates, each registered. */
export function makeSeriesRegistrations(overrides: Partial<RegistrationView> = {}): RegistrationView[] {
  return SESSION_IDS.map((sessionId, week) =>
    makeRegistrationView({
      id: `ae90194a-c226-4341-b67f-6585855d44${week}f`,
      sessionId,
      startsAt: new Date(Date.parse('2026-12-03T08:30:00.000Z') + week * 7 * 86_400_000).toISOString(),
      endsAt: new Date(Date.parse('2026-12-03T10:00:00.000Z') + week * 7 * 86_400_000).toISOString(),
      ...overrides,
    }),
  );
}

export function makeRegisterResponse(overrides: Partial<RegisterResponse> = {}): RegisterResponse {
  return {
    code: 'A7FQWK',
    manageUrl: `http://localhost:3000/mijn-inschrijving#token=${TOKEN}`,
    repeat: false,
    registrations: makeSeriesRegistrations(),
    ...overrides,
  };
}

/** The centre's contact details as `GET /api/v1/public/centre` answers them. */
export const CENTRE_URL = '/api/v1/public/centre';
export function makeCentreContact(overrides: Partial<CentreContact> = {}): CentreContact {
  return { name: 'De Keerkring', phone: '03 123 45 67', phoneHref: 'tel:+3231234567', email: 'info@keerkring.be', ...overrides };
}

export function makeManageView(overrides: Partial<ManageView> = {}): ManageView {
  return {
    displayName: 'Sara',
    code: 'A7FQWK',
    locale: 'nl',
    registrations: makeSeriesRegistrations(),
    ...overrides,
  };
}
