import type { HarnessLoader } from '@angular/cdk/testing';
import type { EnvironmentProviders, Provider, Type } from '@angular/core';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { TestBed } from '@angular/core/testing';
import type { SessionInfo } from '@kring/domain';
import type { TestRequest } from '@angular/common/http/testing';
import type { RenderedPage } from '../../../testing/pages';
import { provideScreen, renderPage } from '../../../testing/pages';
import { PLANNING_NOW } from '../shared/planning-dates';

/** Tuesday 8 December 2026, 8.00 in Brussels: "now" in the planning tests. */
export const NOW = new Date('2026-12-08T07:00:00.000Z');

/** A planning page with a fixed "now" and a wide or narrow screen. */
export function renderPlanningPage(
  page: Type<unknown>,
  options: { path: string; url: string; session: SessionInfo; wide?: boolean; providers?: (Provider | EnvironmentProviders)[] },
): Promise<RenderedPage> {
  return renderPage(page, {
    path: options.path,
    url: options.url,
    session: options.session,
    providers: [{ provide: PLANNING_NOW, useValue: () => NOW }, provideScreen(options.wide ?? true), ...(options.providers ?? [])],
  });
}

/** The one pending request to this API path (any query), e.g. `expectPath(page, 'GET', '/api/v1/locations')`. */
export function expectPath(page: RenderedPage, method: string, path: string): TestRequest {
  return page.http.expectOne((request) => request.method === method && request.url === path, `${method} ${path}`);
}

/** The visible text of the page, with whitespace tidied, for `toContain`. */
export function textOf(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Lets a dialog's animations and the answers settle (dialogs live outside the page element). */
export async function settleDialogs(page: RenderedPage): Promise<void> {
  await page.settle();
  await new Promise((resolve) => setTimeout(resolve, 0));
  TestBed.tick();
}

/** Presses a button in the open dialog and waits until the dialog has closed. */
export async function answerDialog(loader: HarnessLoader, button: string | RegExp): Promise<void> {
  const dialog = await loader.getHarness(MatDialogHarness);
  await (await dialog.getHarness(MatButtonHarness.with({ text: button }))).click();
  await dialogsClosed();
}

/**
 * Waits until no dialog is open (closing animates). Plain polling: this folder is compiled with
 * the app too, where the test runner's globals do not exist.
 */
export async function dialogsClosed(timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (document.querySelector('mat-dialog-container')) {
    if (Date.now() > until) throw new Error('the dialog did not close');
    await new Promise((resolve) => setTimeout(resolve, 10));
    TestBed.tick();
  }
}
