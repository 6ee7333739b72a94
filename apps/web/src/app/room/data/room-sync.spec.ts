import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SyncOp } from '@kring/domain';
import { makeSession } from '../../../testing/staff';
import { SessionStore } from '../../core/auth/session.store';
import { ANA, SESSION_ID, WORKER_ID, makeOp, makeRoster, provideRoomTesting } from '../room-testing';
import { RoomCache } from './room-cache';
import { ROOM_SYNC_DELAYS, RoomSync } from './room-sync';
import { ROOM_OWNER_KEY, ownerKey } from './room-storage';
import { TapQueue } from './tap-queue';

const SYNC = '/api/v1/attendance/sync';

describe(RoomSync.name, () => {
  let sync: RoomSync;
  let http: HttpTestingController;
  let store: SessionStore;
  let queue: TapQueue;
  let online = true;

  function start(options: { signedIn?: boolean; retryMin?: number } = {}): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideRoomTesting(),
        ...(options.retryMin ? [{ provide: ROOM_SYNC_DELAYS, useValue: { send: 0, retryMin: options.retryMin, retryMax: 1_000 } }] : []),
      ],
    });
    store = TestBed.inject(SessionStore);
    if (options.signedIn ?? true) store.set(makeSession());
    else store.clear();
    sync = TestBed.inject(RoomSync);
    http = TestBed.inject(HttpTestingController);
    queue = TestBed.inject(TapQueue);
    TestBed.tick();
  }

  const request = (url = SYNC) => vi.waitFor(() => http.expectOne(url));
  const idle = () => new Promise((resolve) => setTimeout(resolve, 20));
  function goOffline(): void {
    online = false;
    window.dispatchEvent(new Event('offline'));
  }
  function goOnline(): void {
    online = true;
    window.dispatchEvent(new Event('online'));
  }

  beforeEach(() => {
    online = true;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    localStorage.clear();
  });

  afterEach(() => {
    http?.verify();
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('should send a tap at once and forget it when the server confirms it', async () => {
    start();
    const op = makeOp('attendance');
    sync.tap(op, 'Ana');

    const sent = await request();
    expect(sent.request.body).toEqual({ ops: [op] });
    sent.flush({ results: [{ id: op.id, ok: true }] });

    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(sync.online()).toBe(true);
  });

  it('should keep taps on the phone while offline, and send them all when the connection comes back', async () => {
    start();
    goOffline();
    const ops: SyncOp[] = [makeOp('attendance'), makeOp('tally'), makeOp('tally')];
    for (const op of ops) sync.tap(op);
    await idle();

    http.expectNone(SYNC);
    expect(sync.online()).toBe(false);
    expect(sync.pending()).toBe(3);
    expect(JSON.parse(localStorage.getItem(ownerKey(WORKER_ID, 'queue')) ?? '[]')).toHaveLength(3);

    goOnline();
    const sent = await request();
    expect(sent.request.body.ops).toEqual(ops);
    sent.flush({ results: ops.map((op) => ({ id: op.id, ok: true })) });
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
  });

  it('should keep the taps and try again later when the request does not get through', async () => {
    start({ retryMin: 30 });
    const op = makeOp('tally');
    sync.tap(op);

    (await request()).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await vi.waitFor(() => expect(sync.online()).toBe(false));
    expect(sync.pending()).toBe(1);

    const again = await request();
    expect(again.request.body).toEqual({ ops: [op] });
    again.flush({ results: [{ id: op.id, ok: true }] });
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(sync.online()).toBe(true);
  });

  it('should try again at once when asked, without waiting for the retry timer', async () => {
    start({ retryMin: 60_000 });
    const op = makeOp('tally');
    sync.tap(op);
    (await request()).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await vi.waitFor(() => expect(sync.online()).toBe(false));

    sync.retryNow();

    (await request()).flush({ results: [{ id: op.id, ok: true }] });
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(sync.online()).toBe(true);
  });

  it('should drop a refused tap and show it, and not send it again', async () => {
    start();
    const late = makeOp('attendance');
    const fine = makeOp('tally');
    sync.tap(late, 'Ana');
    sync.tap(fine);

    (await request()).flush({ results: [{ id: late.id, ok: false, code: 'conflict', message: 'closed' }, { id: fine.id, ok: true }] });

    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(queue.refusals()).toEqual([{ op: late, label: 'Ana', code: 'conflict' }]);
    await sync.flush();
    http.expectNone(SYNC);
  });

  it('should find the one tap the server cannot read when it refuses a whole batch', async () => {
    start();
    const good = makeOp('tally');
    const bad = makeOp('tally', { category: 'lang:nl' });
    sync.tap(good);
    sync.tap(bad);

    (await request()).flush({ code: 'validation_failed', message: 'x' }, { status: 400, statusText: 'Bad Request' });
    const first = await request();
    expect(first.request.body).toEqual({ ops: [good] });
    first.flush({ results: [{ id: good.id, ok: true }] });
    const second = await request();
    expect(second.request.body).toEqual({ ops: [bad] });
    second.flush({ code: 'validation_failed', message: 'x' }, { status: 400, statusText: 'Bad Request' });

    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(queue.refusals().map((r) => [r.op.id, r.code])).toEqual([[bad.id, 'validation_failed']]);
  });

  it('should wait, keeping the taps, when the session has ended, and send them once signed in again', async () => {
    start();
    const op = makeOp('attendance');
    sync.tap(op);

    (await request()).flush({ code: 'unauthenticated', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    await idle();
    await sync.flush();
    http.expectNone(SYNC);
    expect(sync.pending()).toBe(1);

    store.set(makeSession());
    TestBed.tick();
    (await request()).flush({ results: [{ id: op.id, ok: true }] });
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
  });

  it('should fold confirmed taps into the roster kept on the phone', async () => {
    start();
    const cache = TestBed.inject(RoomCache);
    sync.enterRoom();
    cache.setRoster(makeRoster());
    const op = makeOp('attendance', { familyId: ANA, status: 'excused' });
    sync.tap(op);

    (await request()).flush({ results: [{ id: op.id, ok: true }] });

    await vi.waitFor(() => expect(cache.roster(SESSION_ID)?.view.families[0].status).toBe('excused'));
  });

  it('should fetch a roster only after the waiting taps went out', async () => {
    start();
    const op = makeOp('attendance');
    queue.bindOwner(WORKER_ID);
    queue.enqueue({ op });

    const loading = sync.refreshRoster(SESSION_ID);
    (await request()).flush({ results: [{ id: op.id, ok: true }] });
    (await request(`/api/v1/sessions/${SESSION_ID}/roster`)).flush(makeRoster());

    expect(await loading).toEqual({ ok: true });
    expect(TestBed.inject(RoomCache).roster(SESSION_ID)?.view.groupTitle).toBe('Babybabbels');
  });

  it('should say a roster is unknown or not yours when the server answers 404', async () => {
    start();
    const loading = sync.refreshRoster(SESSION_ID);
    (await request(`/api/v1/sessions/${SESSION_ID}/roster`)).flush({ code: 'not_found', message: 'x' }, { status: 404, statusText: 'Not Found' });

    expect(await loading).toMatchObject({ ok: false, failure: 'not-found' });
  });

  it('should open the last person’s lists on a room page without a connection, and nowhere else', () => {
    localStorage.setItem(ROOM_OWNER_KEY, JSON.stringify({ id: WORKER_ID, roles: ['group_worker'] }));
    start({ signedIn: false });

    expect(sync.owner()).toBeNull();
    sync.enterRoom();
    expect(sync.owner()).toBe(WORKER_ID);
  });

  it('should forget the kept lists when the person signs out, but keep the taps still to send', async () => {
    start();
    sync.enterRoom();
    goOffline();
    TestBed.inject(RoomCache).setRoster(makeRoster());
    sync.tap(makeOp('tally'));
    TestBed.tick();
    expect(localStorage.getItem(ROOM_OWNER_KEY)).toContain(WORKER_ID);
    goOnline();
    (await request()).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await idle();

    store.clear();
    TestBed.tick();

    expect(localStorage.getItem(ownerKey(WORKER_ID, `roster.${SESSION_ID}`))).toBeNull();
    expect(localStorage.getItem(ROOM_OWNER_KEY)).toBeNull();
    expect(JSON.parse(localStorage.getItem(ownerKey(WORKER_ID, 'queue')) ?? '[]')).toHaveLength(1);
  });
});
