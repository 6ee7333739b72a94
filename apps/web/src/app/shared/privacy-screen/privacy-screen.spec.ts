import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideKringIcons } from '../../core/icons/icons';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { PrivacyButton } from './privacy-button';
import { PRIVACY_COVER_GRACE_MS, PrivacyScreen } from './privacy-screen';

@Component({
  imports: [PrivacyButton],
  template: '<h1>Ana</h1><kr-privacy-button />',
})
class Host {}

describe(PrivacyScreen.name, () => {
  function render(grace = 0) {
    TestBed.configureTestingModule({
      providers: [provideTranslateTesting(), provideKringIcons(), { provide: PRIVACY_COVER_GRACE_MS, useValue: grace }],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const hideButton = page.querySelector('kr-privacy-button button') as HTMLButtonElement;
    const cover = () => document.querySelector<HTMLElement>('kr-privacy-cover');
    const coverButton = () => cover()?.querySelector('button') ?? null;
    const pageRoot = () => [...document.body.children].find((element) => element.contains(page)) as HTMLElement;
    return { fixture, page, hideButton, cover, coverButton, pageRoot, screen: TestBed.inject(PrivacyScreen) };
  }

  afterEach(() => {
    TestBed.inject(PrivacyScreen).restore(true);
    vi.restoreAllMocks();
  });

  it('should cover the whole screen with one tap, show no names, and take the page away from keyboard and screen readers', () => {
    const { hideButton, cover, coverButton, pageRoot, screen } = render();
    expect(hideButton.textContent?.trim()).toBe('Scherm verbergen');
    hideButton.focus();

    hideButton.click();

    expect(screen.covered()).toBe(true);
    expect(cover()?.parentElement).toBe(document.body);
    expect(cover()?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Kring Het scherm is verborgen. Tik om verder te gaan');
    expect(cover()?.textContent).not.toContain('Ana');
    expect(pageRoot().hasAttribute('inert')).toBe(true);
    expect(document.activeElement).toBe(coverButton());
  });

  it('should bring the page back with a tap, focus back on the button that hid it', () => {
    const { hideButton, cover, coverButton, pageRoot, screen } = render();
    hideButton.focus();
    hideButton.click();

    coverButton()?.click();

    expect(screen.covered()).toBe(false);
    expect(cover()).toBeNull();
    expect(pageRoot().hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(hideButton);
  });

  it('should bring the page back with Escape, and not pass the Escape on to a dialog underneath', () => {
    const { hideButton, coverButton, screen } = render();
    const underneath = vi.fn();
    document.body.addEventListener('keydown', underneath);
    hideButton.click();

    coverButton()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));

    expect(screen.covered()).toBe(false);
    expect(underneath).not.toHaveBeenCalled();
    document.body.removeEventListener('keydown', underneath);
  });

  it('should ignore a second tap that comes right after the first (a double tap keeps the screen hidden)', () => {
    const { hideButton, coverButton, screen } = render(300);
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    hideButton.click();

    now.mockReturnValue(1_100);
    coverButton()?.click();
    expect(screen.covered()).toBe(true);

    now.mockReturnValue(1_400);
    coverButton()?.click();
    expect(screen.covered()).toBe(false);
  });

  it('should leave alone what was inert before, and blank only once when asked twice', () => {
    const { hideButton, screen } = render();
    const asleep = document.body.appendChild(document.createElement('div'));
    asleep.setAttribute('inert', '');

    hideButton.click();
    screen.blank();
    expect(document.querySelectorAll('kr-privacy-cover')).toHaveLength(1);
    screen.restore();

    expect(asleep.hasAttribute('inert')).toBe(true);
    asleep.remove();
  });
});
