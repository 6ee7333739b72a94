import { BreakpointObserver } from '@angular/cdk/layout';
import { Dir } from '@angular/cdk/bidi';
import { ViewportScroller } from '@angular/common';
import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  ViewContainerRef,
  effect,
  inject,
  linkedSignal,
  outputBinding,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { LanguageSwitch } from './core/i18n/language-switch/language-switch';
import { LanguageService } from './core/i18n/language.service';
import { MainNav } from './shell/main-nav/main-nav';
import { AccountMenu } from './account/account-menu/account-menu';
import { DESKTOP_QUERY } from './core/layout/breakpoints';
import { lazyComponent } from './shared/deferred-menu';

export { DESKTOP_QUERY };
/** Height of the sticky toolbar; the side navigation and anchor scrolling start below it. */
export const TOOLBAR_HEIGHT = 64;

/** The app shell: toolbar, navigation (side on desktop, drawer on a phone) and the page. */
@Component({
  selector: 'kr-root',
  imports: [
    AccountMenu,
    Dir,
    LanguageSwitch,
    MainNav,
    MatButtonModule,
    MatIconModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterOutlet,
    TranslatePipe,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly accountNavHost = viewChild('accountNav', { read: ViewContainerRef });
  /**
   * The account part of the drawer on a phone: staff-only for the most part, so not in the first load
   * (issue 20); loaded on a phone as soon as the page is there, while the drawer is still closed.
   */
  private readonly accountNav = lazyComponent(() => import('./account/account-nav/account-nav').then((m) => m.AccountNav), {
    whenIdle: false,
  });

  protected readonly direction = inject(LanguageService).direction;
  protected readonly toolbarHeight = TOOLBAR_HEIGHT;
  protected readonly isDesktop = toSignal(this.breakpoints.observe(DESKTOP_QUERY).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(DESKTOP_QUERY),
  });
  /**
   * Whether the drawer is open on a phone (on a desktop the side navigation is always there).
   * Starts closed again whenever the layout changes.
   */
  protected readonly navOpen = linkedSignal({ source: this.isDesktop, computation: () => false });

  constructor() {
    inject(ViewportScroller).setOffset([0, TOOLBAR_HEIGHT + 16]);
    effect(() => {
      if (!this.isDesktop()) this.accountNav.load();
    });
    effect(() => {
      const host = this.accountNavHost();
      const type = this.accountNav.component();
      if (host && type && host.length === 0) {
        untracked(() => host.createComponent(type, { bindings: [outputBinding('navigated', () => this.closeNav())] }));
      }
    });
  }

  protected toggleNav(): void {
    this.navOpen.update((open) => !open);
  }

  /**
   * Only the menu button opens the drawer; it closes from a link, the backdrop or Escape.
   * `closedStart` fires at once (not after the animation), so a late event can never reopen it.
   */
  protected closeNav(): void {
    this.navOpen.set(false);
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
