import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { Router, provideRouter } from '@angular/router';
import type { SessionInfo } from '@kring/domain';
import { makeAdminSession, makeSession } from '../../../testing/staff';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { SessionStore } from '../../core/auth/session.store';
import { provideKringIcons } from '../../core/icons/icons';
import { AccountMenu } from './account-menu';

@Component({ template: '' })
class Stub {}

describe(AccountMenu.name, () => {
  let fixture: ComponentFixture<AccountMenu>;
  let element: HTMLElement;
  let http: HttpTestingController;

  async function render(session: SessionInfo | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateTesting(),
        provideKringIcons(),
        provideRouter([{ path: '**', component: Stub }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(SessionStore);
    if (session) store.set(session);
    else store.clear();
    fixture = TestBed.createComponent(AccountMenu);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  /** The person's menu comes as soon as someone is signed in (see lazyComponent): wait for it. */
  async function menuLoaded(): Promise<MatMenuHarness> {
    await vi.waitFor(() => expect(element.querySelector('kr-account-user-menu')).not.toBeNull());
    await fixture.whenStable();
    return TestbedHarnessEnvironment.loader(fixture).getHarness(MatMenuHarness);
  }

  const items = async () => {
    const menu = await menuLoaded();
    await menu.open();
    return Promise.all((await menu.getItems()).map((item) => item.getText()));
  };

  afterEach(() => http.verify());

  it('should offer "Aanmelden" when nobody is signed in', async () => {
    await render(null);

    const link = element.querySelector('a');
    expect(link?.textContent?.trim()).toBe('Aanmelden');
    expect(link?.getAttribute('href')).toBe('/aanmelden');
  });

  it('should show nothing while it is not known yet who is signed in', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AccountMenu);
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('');
  });

  it('should name the signed-in person and offer to set up two-factor sign-in when it is a choice', async () => {
    await render(makeSession());

    expect(element.querySelector('button')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Je account: Gita Peeters');
    expect(await items()).toEqual(['Wachtwoord wijzigen', 'Tweestapsverificatie instellen', 'Afmelden', 'Overal afmelden']);
  });

  it('should open the menu when the stand-in is pressed before the menu is there', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateTesting(), provideKringIcons(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).set(makeSession());
    fixture = TestBed.createComponent(AccountMenu);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    const standIn = element.querySelector('button');
    expect(standIn?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Je account: Gita Peeters');
    expect(element.querySelector('kr-account-user-menu')).toBeNull();
    standIn?.click();

    await vi.waitFor(() => expect(document.querySelector('[role="menu"]')?.textContent).toContain('Afmelden'));
    expect(await (await menuLoaded()).isOpen()).toBe(true);
  });

  it('should not offer to set up two-factor sign-in to someone who has it', async () => {
    await render(makeAdminSession());

    expect(await items()).toEqual(['Wachtwoord wijzigen', 'Afmelden', 'Overal afmelden']);
  });

  it('should only offer to sign out while the two-factor step is open', async () => {
    await render(makeSession({ user: { roles: ['coordinator'] }, twoFactor: { state: 'code_required', enrolled: true, required: true } }));

    expect(await items()).toEqual(['Afmelden']);
  });

  it('should sign out, forget the session and go to the start page', async () => {
    await render(makeSession());
    const menu = await menuLoaded();
    await menu.clickItem({ text: 'Afmelden' });

    http.expectOne('/api/v1/auth/sign-out').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/');
    // The confirmation shows in a snack bar, whose code loads when first needed.
    await vi.waitFor(() => expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('afgemeld'));
  });
});
