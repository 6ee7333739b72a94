import type { ComponentRef } from '@angular/core';
import { ApplicationRef, DOCUMENT, EnvironmentInjector, Injectable, InjectionToken, createComponent, inject, signal } from '@angular/core';
import { PrivacyCover } from './privacy-cover';

/**
 * For this long after the screen is blanked, the cover ignores a tap: a double tap on
 * "Scherm verbergen" (or a held Enter key) must not bring the page straight back.
 */
export const PRIVACY_COVER_GRACE_MS = new InjectionToken<number>('PRIVACY_COVER_GRACE_MS', {
  providedIn: 'root',
  factory: () => 300,
});

/**
 * "One tap blanks the screen" (UX.md, discretion on screen): covers the whole app with a calm,
 * neutral cover (no names), until the person taps it or presses a key. While covered, everything
 * else on the page (the app, open dialogs, messages) is `inert`: it cannot be reached by
 * keyboard, pointer or screen reader. Focus goes to the cover and comes back afterwards.
 */
@Injectable({ providedIn: 'root' })
export class PrivacyScreen {
  private readonly document = inject(DOCUMENT);
  private readonly appRef = inject(ApplicationRef);
  private readonly injector = inject(EnvironmentInjector);
  private readonly grace = inject(PRIVACY_COVER_GRACE_MS);

  private readonly isCovered = signal(false);
  private cover: ComponentRef<PrivacyCover> | null = null;
  /** What this service made inert (so nothing that was inert before is woken up). */
  private madeInert: Element[] = [];
  private returnFocus: HTMLElement | null = null;
  private coveredAt = 0;

  /** Whether the screen is blanked now. */
  readonly covered = this.isCovered.asReadonly();

  /** Blanks the screen at once. Blanking a blanked screen changes nothing. */
  blank(): void {
    if (this.cover) return;
    const body = this.document.body;
    const active = this.document.activeElement;
    this.returnFocus = active instanceof HTMLElement && active !== body ? active : null;
    this.madeInert = [...body.children].filter((element) => !element.hasAttribute('inert'));
    for (const element of this.madeInert) element.setAttribute('inert', '');

    const cover = createComponent(PrivacyCover, { environmentInjector: this.injector });
    cover.instance.restore.subscribe(() => this.restore());
    this.appRef.attachView(cover.hostView);
    body.appendChild(cover.location.nativeElement as HTMLElement);
    cover.changeDetectorRef.detectChanges();
    this.cover = cover;
    this.coveredAt = Date.now();
    this.isCovered.set(true);
    cover.instance.focus();
  }

  /**
   * Brings the page back, with focus where it was. A tap in the first moment after blanking is
   * ignored (see PRIVACY_COVER_GRACE_MS), unless `force`.
   */
  restore(force = false): void {
    const cover = this.cover;
    if (!cover || (!force && Date.now() - this.coveredAt < this.grace)) return;
    this.cover = null;
    for (const element of this.madeInert) element.removeAttribute('inert');
    this.madeInert = [];
    this.appRef.detachView(cover.hostView);
    cover.destroy();
    this.isCovered.set(false);
    const returnFocus = this.returnFocus;
    this.returnFocus = null;
    if (returnFocus?.isConnected) returnFocus.focus();
  }
}
