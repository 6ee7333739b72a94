import { loadedUrls, registerServiceWorker, SERVICE_WORKER_URL } from './offline-support';

describe(registerServiceWorker.name, () => {
  function fakeWindow(withWorker: boolean) {
    const postMessage = vi.fn();
    const register = vi.fn().mockResolvedValue({});
    const serviceWorker = withWorker ? { register, ready: Promise.resolve({ active: { postMessage } }) } : undefined;
    const win = {
      navigator: { serviceWorker },
      location: { origin: 'https://kring.test' },
      performance: {
        getEntriesByType: () => [
          { name: 'https://kring.test/main-ABCDEFGH.js' },
          { name: 'https://kring.test/i18n/nl.json' },
          { name: 'https://kring.test/api/v1/auth/session' },
          { name: 'https://fonts.example/font.woff2' },
          { name: 'https://kring.test/main-ABCDEFGH.js' },
        ],
      },
      addEventListener: vi.fn(),
    } as unknown as Window;
    return { win, register, postMessage };
  }

  it('should register the worker and hand it what the page already loaded, without the API', async () => {
    const { win, register, postMessage } = fakeWindow(true);

    registerServiceWorker(win, { readyState: 'complete' } as Document);

    expect(register).toHaveBeenCalledWith(SERVICE_WORKER_URL, { scope: '/' });
    await vi.waitFor(() =>
      expect(postMessage).toHaveBeenCalledWith({
        type: 'cache-loaded',
        urls: ['https://kring.test/main-ABCDEFGH.js', 'https://kring.test/i18n/nl.json'],
      }),
    );
  });

  it('should wait for the page to finish loading before registering', () => {
    const { win, register } = fakeWindow(true);

    registerServiceWorker(win, { readyState: 'interactive' } as Document);

    expect(register).not.toHaveBeenCalled();
    expect(win.addEventListener).toHaveBeenCalledWith('load', expect.any(Function), { once: true });
  });

  it('should do nothing where the browser has no service workers', () => {
    const { win } = fakeWindow(false);

    expect(() => registerServiceWorker(win, { readyState: 'complete' } as Document)).not.toThrow();
    expect(loadedUrls(win)).toHaveLength(2);
  });
});
