import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { provideTranslateTesting } from '../../../../testing/translate-testing';
import { LOCALE_STORAGE_KEY, LanguageService } from '../language.service';
import { LanguageSwitch } from './language-switch';
import { provideKringIcons } from '../../icons/icons';

describe(LanguageSwitch.name, () => {
  let fixture: ComponentFixture<LanguageSwitch>;
  let menu: MatMenuHarness;

  /** The menu itself comes just after the first render (see lazyComponent): wait for it. */
  async function menuLoaded(): Promise<MatMenuHarness> {
    await vi.waitFor(() => expect(element().querySelector('kr-language-menu')).not.toBeNull());
    await fixture.whenStable();
    return TestbedHarnessEnvironment.loader(fixture).getHarness(MatMenuHarness);
  }
  const element = () => fixture.nativeElement as HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), provideKringIcons()] });
    fixture = TestBed.createComponent(LanguageSwitch);
  });

  afterEach(() => localStorage.clear());

  it('should show the current language and what the button is for when shown in Dutch, before and after the menu loads', async () => {
    fixture.detectChanges();
    const standIn = element().querySelector('button');
    expect(standIn?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Kies je taal: Nederlands');
    expect(standIn?.getAttribute('aria-haspopup')).toBe('menu');

    menu = await menuLoaded();
    const button = element().querySelector('button');
    expect(button).not.toBe(standIn);
    expect(button?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Kies je taal: Nederlands');
    expect(await menu.getTriggerText()).toContain('Nederlands');
  });

  it('should open the menu, with the focus on its trigger, when the stand-in is pressed before the menu is there', async () => {
    fixture.detectChanges();
    element().querySelector('button')?.click();

    await vi.waitFor(() => expect(document.querySelectorAll('[role="menuitemradio"]')).toHaveLength(3));
    menu = await menuLoaded();
    expect(await menu.isOpen()).toBe(true);
    await menu.close();
    expect(document.activeElement).toBe(element().querySelector('kr-language-menu button'));
  });

  it('should list each language in its own language when opened', async () => {
    menu = await menuLoaded();
    await menu.open();
    const items = await menu.getItems();

    expect(await Promise.all(items.map((item) => item.getText()))).toEqual(['Nederlands', 'English', 'Français']);
    const hosts = await Promise.all(items.map((item) => item.host()));
    expect(await Promise.all(hosts.map((host) => host.getAttribute('lang')))).toEqual(['nl', 'en', 'fr']);
    expect(await Promise.all(hosts.map((host) => host.getAttribute('aria-checked')))).toEqual(['true', 'false', 'false']);
  });

  it('should offer Arabic, in its own script, only while a parent page is open', async () => {
    menu = await menuLoaded();
    const close = TestBed.inject(LanguageService).offerParentLanguages();
    await fixture.whenStable();
    await menu.open();
    expect(await Promise.all((await menu.getItems()).map((item) => item.getText()))).toEqual([
      'Nederlands',
      'English',
      'Français',
      'العربية',
    ]);
    await menu.close();

    close();
    close(); // closing twice must not hide Arabic for another open parent page
    await fixture.whenStable();
    await menu.open();
    expect(await menu.getItems()).toHaveLength(3);
  });

  it('should switch to English and remember it when English is chosen', async () => {
    menu = await menuLoaded();
    await menu.clickItem({ text: 'English' });
    await fixture.whenStable();

    expect(TestBed.inject(LanguageService).locale()).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(await menu.getTriggerText()).toContain('English');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Choose your language');
  });
});
