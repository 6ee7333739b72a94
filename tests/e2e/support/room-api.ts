import { coordinatorAndWorker, expectStatus, type ApiSession, type E2eStaff } from './staff-api';

/** What a room journey needs: a coordinator (API), a fresh group worker, and two sessions today that the worker leads. */
export interface RoomSetup {
  coordinator: ApiSession;
  worker: E2eStaff;
  roster: { sessionId: string; title: string };
  dropIn: { sessionId: string; title: string };
}

/** Brussels wall-clock `YYYY-MM-DDTHH:mm` of an instant. */
export function brusselsLocal(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/**
 * A start later today in Brussels: in half an hour, or just before midnight when that would be
 * tomorrow already. Null in the last minutes of the day (the journey cannot run then).
 */
export function startLaterToday(now = new Date()): string | null {
  const inHalfAnHour = brusselsLocal(new Date(now.getTime() + 30 * 60_000));
  const today = brusselsLocal(now).slice(0, 10);
  if (inHalfAnHour.startsWith(today)) return inHalfAnHour;
  return brusselsLocal(new Date(now.getTime() + 2 * 60_000)).startsWith(today) ? `${today}T23:59` : null;
}

/** A group with one session at `start`, led by the worker; returns the session's id. */
async function makeGroup(
  api: ApiSession,
  kind: 'one_off' | 'drop_in',
  title: string,
  start: string,
  workerId: string,
  locationId: string,
): Promise<string> {
  const saved = await expectStatus(
    api.call<{ group: { id: string } }>('POST', '/api/v1/groups', {
      title: { nl: title },
      description: { nl: 'Een groep om de aanwezigheden in de ruimte te testen.' },
      kind,
      audience: 'all',
      spokenLanguages: ['nl'],
      defaultLocationId: locationId,
      defaultRoomId: null,
      capacity: kind === 'drop_in' ? null : 12,
      childrenCountTowardCapacity: false,
      registrationMode: kind === 'drop_in' ? 'none' : 'open',
      registrationWindow: { opensDaysBefore: null, closesHoursBefore: null },
      facilitatorIds: [workerId],
      recurrence: { firstStart: start, durationMinutes: 90, rule: null, exceptionDates: [] },
      confirmConflicts: true,
    }),
    201,
    `creating ${title}`,
  );
  const day = start.slice(0, 10);
  const from = new Date(`${day}T00:00:00Z`).getTime() - 86_400_000;
  const sessions = await expectStatus(
    api.call<Array<{ id: string }>>(
      'GET',
      `/api/v1/sessions?groupId=${saved.group.id}&from=${new Date(from).toISOString()}&to=${new Date(from + 3 * 86_400_000).toISOString()}`,
    ),
    200,
    `sessions of ${title}`,
  );
  if (sessions.length !== 1) throw new Error(`${title} has ${sessions.length} sessions`);
  return sessions[0].id;
}

/** Everything through the API: the accounts, a place, a one-off group with two families registered, and a drop-in. */
export async function setUpRoom(baseURL: string, start: string): Promise<RoomSetup> {
  const { coordinator, worker, place, suffix } = await coordinatorAndWorker(baseURL);

  const rosterTitle = `Babbelgroep ${suffix}`;
  const dropInTitle = `Inloop ${suffix}`;
  const rosterSession = await makeGroup(coordinator, 'one_off', rosterTitle, start, worker.id, place.id);
  const dropInSession = await makeGroup(coordinator, 'drop_in', dropInTitle, start, worker.id, place.id);
  for (const displayName of ['Ana', 'Bo']) {
    await expectStatus(
      coordinator.call('POST', '/api/v1/registrations', {
        sessionId: rosterSession,
        displayName,
        children: [],
        needs: [],
        locale: 'nl',
        consentMethod: 'in_person',
      }),
      201,
      `registering ${displayName}`,
    );
  }
  return {
    coordinator,
    worker,
    roster: { sessionId: rosterSession, title: rosterTitle },
    dropIn: { sessionId: dropInSession, title: dropInTitle },
  };
}

/** A one-off group with one session at `start` (Brussels wall clock), led by a fresh worker, with Ana and Bo registered. */
export async function setUpRosterAt(
  baseURL: string,
  start: string,
): Promise<{ coordinator: ApiSession; worker: E2eStaff; sessionId: string; title: string }> {
  const { coordinator, worker, place, suffix } = await coordinatorAndWorker(baseURL);
  const title = `Voorleesuur ${suffix}`;
  const sessionId = await makeGroup(coordinator, 'one_off', title, start, worker.id, place.id);
  for (const displayName of ['Ana', 'Bo']) {
    await expectStatus(
      coordinator.call('POST', '/api/v1/registrations', {
        sessionId,
        displayName,
        children: [],
        needs: [],
        locale: 'nl',
        consentMethod: 'in_person',
      }),
      201,
      `registering ${displayName}`,
    );
  }
  return { coordinator, worker, sessionId, title };
}
