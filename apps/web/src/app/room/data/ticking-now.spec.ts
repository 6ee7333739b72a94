import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { tickingNow } from './ticking-now';

describe(tickingNow.name, () => {
  afterEach(() => vi.useRealTimers());

  it('should read the time again every period, and stop when its injector is destroyed', () => {
    vi.useFakeTimers({ now: new Date('2026-12-08T09:00:00.000Z') });
    const injector = Injector.create({ providers: [], parent: TestBed.inject(Injector) });
    const now = runInInjectionContext(injector, () => tickingNow(30_000));
    expect(now().toISOString()).toBe('2026-12-08T09:00:00.000Z');

    vi.advanceTimersByTime(30_000);
    expect(now().toISOString()).toBe('2026-12-08T09:00:30.000Z');

    injector.destroy();
    vi.advanceTimersByTime(60_000);
    expect(now().toISOString()).toBe('2026-12-08T09:00:30.000Z');
  });
});
