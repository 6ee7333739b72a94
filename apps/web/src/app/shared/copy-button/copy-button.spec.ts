import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { provideKringIcons } from '../../core/icons/icons';
import { COPIED_FOR_MS, CopyButton } from './copy-button';

describe(CopyButton.name, () => {
  async function render(copyWorks: boolean) {
    const copied: string[] = [];
    const announced: string[] = [];
    TestBed.configureTestingModule({
      providers: [
        provideTranslateTesting(),
        provideKringIcons(),
        { provide: Clipboard, useValue: { copy: (text: string) => (copied.push(text), copyWorks) } },
        { provide: LiveAnnouncer, useValue: { announce: (message: string) => (announced.push(message), Promise.resolve()) } },
      ],
    });
    const fixture = TestBed.createComponent(CopyButton);
    fixture.componentRef.setInput('text', 'https://kring.example/set-password?token=abc');
    fixture.componentRef.setInput('labelKey', 'staffAdmin.link.copy');
    await fixture.whenStable();
    const button = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonHarness);
    return { fixture, button, copied, announced };
  }

  afterEach(() => vi.useRealTimers());

  it('should copy the text, say so on the button and to screen readers, then offer to copy again', async () => {
    const { button, copied, announced, fixture } = await render(true);
    expect(await button.getText()).toBe('Link kopiëren');
    const element = fixture.nativeElement as HTMLElement;
    vi.useFakeTimers();

    element.querySelector('button')?.click();
    fixture.detectChanges();

    expect(copied).toEqual(['https://kring.example/set-password?token=abc']);
    expect(announced).toEqual(['Gekopieerd. Je kan het nu plakken.']);
    expect(element.textContent?.trim()).toBe('Gekopieerd');
    vi.advanceTimersByTime(COPIED_FOR_MS);
    fixture.detectChanges();
    expect(element.textContent?.trim()).toBe('Link kopiëren');
  });

  it('should say how to copy by hand when the browser refuses', async () => {
    const { button, announced } = await render(false);

    await button.click();

    expect(announced).toEqual(['Kopiëren lukte niet. Selecteer de tekst en kopieer hem zelf.']);
    expect(await button.getText()).toBe('Link kopiëren');
  });
});
