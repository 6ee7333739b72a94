/**
 * For the tests of one describe block: "now" is `iso` (only `Date` is faked; timers run as usual),
 * and the real clock again after each test. For specs whose fixed dates must stay ahead (or in the
 * current year) whatever day they run on: `npm test` also runs them a year ahead to prove it.
 */
export function useClockAt(iso: string): void {
  beforeEach(() => vi.useFakeTimers({ now: new Date(iso), toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());
}
