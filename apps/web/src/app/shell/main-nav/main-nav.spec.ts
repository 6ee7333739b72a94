import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { MainNav } from './main-nav';
import { provideKringIcons } from '../../core/icons/icons';

@Component({ imports: [MainNav], template: '<kr-main-nav (navigated)="count = count + 1" />' })
class Host {
  count = 0;
}

describe(MainNav.name, () => {
  async function render(url: string) {
    TestBed.configureTestingModule({
      providers: [provideTranslateTesting(), provideKringIcons(), provideRouter([{ path: '', component: Host }])],
    });
    const harness = await RouterTestingHarness.create();
    const host = await harness.navigateByUrl(url, Host);
    harness.detectChanges();
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement as HTMLElement;
    return { harness, host, element, links: [...element.querySelectorAll('a')] };
  }

  afterEach(() => localStorage.clear());

  it('should offer "Start" and "Groepen vinden" in a labelled navigation when shown in Dutch', async () => {
    const { element, links } = await render('/');

    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
    expect(links.map((a) => a.textContent?.trim())).toEqual(['Start', 'Groepen vinden']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/', '/#groups']);
  });

  it('should mark only "Start" as the current page when the address is the home page', async () => {
    const { links } = await render('/');

    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual(['page', null]);
  });

  it('should mark only "Groepen vinden" as current when the address points at the groups', async () => {
    const { links } = await render('/#groups');

    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual([null, 'page']);
  });

  it('should tell its parent when a link is chosen', async () => {
    const { harness, host, links } = await render('/');

    links[1].click();
    await harness.fixture.whenStable();

    expect(host.count).toBe(1);
  });
});
