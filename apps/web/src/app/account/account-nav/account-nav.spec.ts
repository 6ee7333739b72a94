import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { Router, provideRouter } from '@angular/router';
import type { SessionInfo } from '@kring/domain';
import { makeSession } from '../../../testing/staff';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { SessionStore } from '../../core/auth/session.store';
import { provideKringIcons } from '../../core/icons/icons';
import { AccountNav } from './account-nav';

@Component({ imports: [AccountNav], template: '<kr-account-nav (navigated)="count = count + 1" />' })
class Host {
  count = 0;
}

@Component({ template: '' })
class Stub {}

/** The drawer's button with this text. */
function buttonNamed(fixture: { nativeElement: unknown }, text: string): HTMLButtonElement {
  const button = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`No button "${text}"`);
  return button;
}

/** The dialog code loads when first needed; wait until the dialog is there. */
async function dialogShown(): Promise<void> {
  await vi.waitFor(() => expect(document.querySelector('mat-dialog-container')).not.toBeNull());
}

describe(AccountNav.name, () => {
  async function render(session: SessionInfo | null) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateTesting(),
        provideKringIcons(),
        provideRouter([{ path: '**', component: Stub }]),
      ],
    });
    const store = TestBed.inject(SessionStore);
    if (session) store.set(session);
    else store.clear();
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const labels = () => [...element.querySelectorAll('a, button')].map((el) => el.textContent?.trim());
    return { fixture, element, labels, http: TestBed.inject(HttpTestingController) };
  }

  it('should offer "Aanmelden" in the drawer when nobody is signed in', async () => {
    const { labels, element } = await render(null);

    expect(labels()).toEqual(['Aanmelden']);
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/aanmelden');
  });

  it('should say who is signed in and list their account actions', async () => {
    const { labels, element } = await render(makeSession());

    expect(element.querySelector('h2')?.textContent).toContain('Gita Peeters');
    expect(element.querySelector('h2')?.textContent).toContain('gita@keerkring.be');
    expect(labels()).toEqual(['Wachtwoord wijzigen', 'Tweestapsverificatie instellen', 'Afmelden', 'Overal afmelden']);
  });

  it('should ask first, then sign out everywhere and close the drawer', async () => {
    const { fixture, http } = await render(makeSession());
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);

    buttonNamed(fixture, 'Overal afmelden').click();
    await dialogShown();
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Overal afmelden?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Overal afmelden' }))).click();

    const request = await vi.waitFor(() => http.expectOne('/api/v1/auth/sign-out-everywhere'));
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    // The confirmation ("Je bent op al je toestellen afgemeld.") shows in a snack bar.
    await vi.waitFor(() => expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('afgemeld'));

    expect(fixture.componentInstance.count).toBe(1);
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/');
    http.verify();
  });

  it('should keep the session when signing out everywhere is cancelled', async () => {
    const { fixture, http } = await render(makeSession());
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);

    buttonNamed(fixture, 'Overal afmelden').click();
    await dialogShown();
    await (await (await loader.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: 'Annuleren' }))).click();
    await vi.waitFor(() => expect(document.querySelector('mat-dialog-container')).toBeNull());
    await fixture.whenStable();

    http.expectNone('/api/v1/auth/sign-out-everywhere');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
  });
});
