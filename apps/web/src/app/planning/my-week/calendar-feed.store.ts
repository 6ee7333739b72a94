import { Injectable, inject, signal } from '@angular/core';
import { LanguageService } from '../../core/i18n/language.service';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { CalendarFeedApi } from '../data-access/calendar-feed.api';

export type FeedState = 'unknown' | 'shown' | 'stopped';

/**
 * My private calendar link. The API never shows an existing link again (it is a key), so the
 * card starts by offering to make one; making one replaces any earlier link. Provided by the card.
 */
@Injectable()
export class CalendarFeedStore {
  private readonly api = inject(CalendarFeedApi);
  private readonly locale = inject(LanguageService).locale;
  private readonly current = signal<{ state: FeedState; url: string | null }>({ state: 'unknown', url: null });
  private readonly busy = signal(false);
  private readonly failure = signal<ErrorMessage | null>(null);

  readonly feed = this.current.asReadonly();
  readonly working = this.busy.asReadonly();
  readonly problem = this.failure.asReadonly();

  /** A new link (the earlier one stops working). */
  renew(): void {
    this.run(() =>
      this.api.renew().subscribe({
        next: ({ url }) => this.done({ state: 'shown', url }),
        error: (error: unknown) => this.fail(error),
      }),
    );
  }

  /** No link works any more. */
  revoke(): void {
    this.run(() =>
      this.api.revoke().subscribe({
        next: () => this.done({ state: 'stopped', url: null }),
        error: (error: unknown) => this.fail(error),
      }),
    );
  }

  private run(start: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    start();
  }

  private done(feed: { state: FeedState; url: string | null }): void {
    this.current.set(feed);
    this.busy.set(false);
  }

  private fail(error: unknown): void {
    this.failure.set(errorMessage(error, this.locale()));
    this.busy.set(false);
  }
}
