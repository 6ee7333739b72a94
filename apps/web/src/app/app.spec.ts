import { BreakpointObserver } from '@angular/cdk/layout';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { provideRouter } from '@angular/router';
import { BehaviorSubject, map } from 'rxjs';
import { provideTranslateTesting } from '../testing/translate-testing';
import { App } from './app';
import { provideKringIcons } from './core/icons/icons';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { SessionStore } from './core/auth/session.store';
import { makeSession } from '../testing/staff';

@Component({ template: '<h1>{{ 1 }}</h1>' })
class StubPage {}

/** A screen whose width the test can change: `true` is desktop-wide. */
const screenIsDesktop = new BehaviorSubject(false);

function breakpoints(): Partial<BreakpointObserver> {
  return {
    observe: () => screenIsDesktop.pipe(map((matches) => ({ matches, breakpoints: {} }))),
    isMatched: () => screenIsDesktop.value,
  };
}

describe(App.name, () => {
  let fixture: ComponentFixture<App>;
  let element: HTMLElement;

  async function render(options: { desktop: boolean }): Promise<void> {
    screenIsDesktop.next(options.desktop);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateTesting(),
        provideKringIcons(),
        provideRouter([{ path: '**', component: StubPage }]),
        { provide: BreakpointObserver, useValue: breakpoints() },
      ],
    });
    fixture = TestBed.createComponent(App);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const menuButton = () => element.querySelector<HTMLButtonElement>('button.menu-button');

  afterEach(() => localStorage.clear());

  it('should show the name Kring and the organisation in the toolbar when rendered', async () => {
    await render({ desktop: true });

    const brand = element.querySelector('header .brand');
    expect(brand?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Kring De Keerkring');
    expect(brand?.getAttribute('href')).toBe('/');
  });

  it('should have banner, navigation, main and footer landmarks in that order', async () => {
    await render({ desktop: true });

    const landmarks = [...element.querySelectorAll('header, nav, main, footer')].map((el) => el.tagName);
    expect(landmarks).toEqual(['HEADER', 'NAV', 'MAIN', 'FOOTER']);
    expect(element.querySelector('main')?.id).toBe('main-content');
    expect(element.querySelector('footer')?.textContent).toContain('De Keerkring');
  });

  it('should move focus to the main content when the skip link is used', async () => {
    await render({ desktop: true });
    const skip = element.querySelector<HTMLAnchorElement>('a.skip-link');

    expect(skip?.textContent?.trim()).toBe('Ga naar de inhoud');
    expect(skip).toBe(element.querySelector('a, button'));
    skip?.click();

    expect(document.activeElement).toBe(element.querySelector('main'));
  });

  it('should show the navigation beside the content without a menu button when on a desktop', async () => {
    await render({ desktop: true });
    const sidenav = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSidenavHarness);

    expect(menuButton()).toBeNull();
    expect(await sidenav.getMode()).toBe('side');
    expect(await sidenav.isOpen()).toBe(true);
  });

  it('should open and close the navigation drawer with a labelled menu button when on a phone', async () => {
    await render({ desktop: false });
    const sidenav = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSidenavHarness);

    expect(await sidenav.getMode()).toBe('over');
    expect(await sidenav.isOpen()).toBe(false);
    expect(menuButton()?.getAttribute('aria-label')).toBe('Menu openen');
    expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');

    menuButton()?.click();
    await fixture.whenStable();

    expect(await sidenav.isOpen()).toBe(true);
    expect(menuButton()?.getAttribute('aria-label')).toBe('Menu sluiten');
    expect(menuButton()?.getAttribute('aria-expanded')).toBe('true');
  });

  it('should close the drawer when a link is chosen on a phone', async () => {
    await render({ desktop: false });
    const sidenav = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSidenavHarness);
    menuButton()?.click();
    await fixture.whenStable();

    element.querySelector<HTMLAnchorElement>('nav a')?.click();
    await fixture.whenStable();

    expect(await sidenav.isOpen()).toBe(false);
  });

  it('should start with a closed drawer when the screen narrows from desktop to phone again', async () => {
    await render({ desktop: false });
    const sidenav = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSidenavHarness);
    menuButton()?.click();
    await fixture.whenStable();

    screenIsDesktop.next(true);
    await fixture.whenStable();
    expect(await sidenav.getMode()).toBe('side');
    screenIsDesktop.next(false);
    await fixture.whenStable();

    expect(await sidenav.getMode()).toBe('over');
    expect(await sidenav.isOpen()).toBe(false);
    expect(menuButton()?.getAttribute('aria-expanded')).toBe('false');
  });

  it('should set the reading direction on the shell from the language', async () => {
    await render({ desktop: true });

    expect(element.querySelector('.app')?.getAttribute('dir')).toBe('ltr');
  });

  it('should offer "Aanmelden" in the toolbar on a desktop when nobody is signed in', async () => {
    await render({ desktop: true });
    TestBed.inject(SessionStore).clear();
    await fixture.whenStable();

    expect(element.querySelector('header a[href="/aanmelden"]')?.textContent?.trim()).toBe('Aanmelden');
    expect(element.querySelector('kr-account-nav')).toBeNull();
  });

  it('should put the account in the drawer on a phone, where the toolbar has no room', async () => {
    await render({ desktop: false });
    TestBed.inject(SessionStore).set(makeSession());
    await fixture.whenStable();

    expect(element.querySelector('header kr-account-menu')).toBeNull();
    // It comes just after the page (see App.accountNav).
    await vi.waitFor(() => expect(element.querySelector('mat-sidenav kr-account-nav h2')?.textContent).toContain('Gita Peeters'));
  });
});
