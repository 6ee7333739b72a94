import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { Provider, EnvironmentProviders, Type } from '@angular/core';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Routes } from '@angular/router';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SessionInfo } from '@kring/domain';
import { of } from 'rxjs';
import { SessionStore } from '../app/core/auth/session.store';
import { provideKringIcons } from '../app/core/icons/icons';
import { provideTranslateTesting } from './translate-testing';

/** Where a page navigates to: any address shows this. */
@Component({ template: '<p>elsewhere</p>' })
export class ElsewherePage {}

export interface RenderedPage {
  harness: RouterTestingHarness;
  http: HttpTestingController;
  router: Router;
  store: SessionStore;
  element: HTMLElement;
  /** Material harnesses of the whole document (dialogs, menus and snack bars live outside the page). */
  loader: HarnessLoader;
  /** Lets answers, navigations and change detection run after something happened. */
  settle(): Promise<void>;
  /**
   * Clicks the button with this text the way a person does. Unlike a harness `click()`, it does
   * not wait for the page to be stable, so it works when the click starts a request.
   */
  press(text: string | RegExp): Promise<void>;
}

/**
 * Renders a routed page the way the app does (query parameters bound to inputs), with the real
 * translations, icons and a `HttpTestingController`; `session` is who is signed in (null: nobody).
 */
export async function renderPage(
  page: Type<unknown>,
  options: { path: string; url: string; session?: SessionInfo | null; providers?: (Provider | EnvironmentProviders)[] },
): Promise<RenderedPage> {
  const routes: Routes = [
    { path: options.path, component: page },
    { path: '**', component: ElsewherePage },
  ];
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTranslateTesting(),
      provideKringIcons(),
      provideRouter(routes, withComponentInputBinding()),
      ...(options.providers ?? []),
    ],
  });
  const store = TestBed.inject(SessionStore);
  if (options.session) store.set(options.session);
  else store.clear();
  const harness = await RouterTestingHarness.create();
  // Not `whenStable()`: a page that is still loading (a pending request) is a state to test too.
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  await harness.navigateByUrl(options.url);
  await settle();
  const press = async (text: string | RegExp) => {
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('button')];
    const button = buttons.find((b) => {
      const label = b.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return typeof text === 'string' ? label === text : text.test(label);
    });
    if (!button) throw new Error(`No button "${text}" among: ${buttons.map((b) => b.textContent?.trim()).join(' | ')}`);
    button.click();
    await settle();
  };
  return {
    harness,
    press,
    http: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
    store,
    element: harness.routeNativeElement as HTMLElement,
    loader: TestbedHarnessEnvironment.documentRootLoader(harness.fixture),
    settle,
  };
}

/** A screen of a fixed width for `BreakpointObserver`: `wide` matches every `min-width` query. */
export function provideScreen(wide: boolean): Provider {
  return {
    provide: BreakpointObserver,
    useValue: {
      observe: () => of({ matches: wide, breakpoints: {} }),
      isMatched: () => wide,
    } satisfies Partial<BreakpointObserver>,
  };
}
