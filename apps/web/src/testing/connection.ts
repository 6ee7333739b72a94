/**
 * For specs of pages that work offline. Around each test: `navigator.onLine` follows
 * `connection.online` (true at the start), the phone's storage starts and ends empty, spies are
 * restored, and `verify` (say, that no request is left unanswered) runs after it.
 */
export function offlineSwitch(verify: () => void): { online: boolean } {
  const connection = { online: true };
  beforeEach(() => {
    connection.online = true;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => connection.online);
    localStorage.clear();
  });
  afterEach(() => {
    verify();
    localStorage.clear();
    vi.restoreAllMocks();
  });
  return connection;
}
