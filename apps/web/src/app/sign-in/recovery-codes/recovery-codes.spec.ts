import { Clipboard } from '@angular/cdk/clipboard';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { provideKringIcons } from '../../core/icons/icons';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { RecoveryCodesStep } from './recovery-codes';

const CODES = ['k7m2q-x4ht9', 'ab2cd-ef3gh', 'zz7zz-yy6yy'];

@Component({
  imports: [RecoveryCodesStep],
  template: '<kr-recovery-codes [codes]="codes" email="bram@keerkring.be" (done)="done.set(true)" />',
})
class Host {
  readonly codes = CODES;
  readonly done = signal(false);
}

describe(RecoveryCodesStep.name, () => {
  let fixture: ComponentFixture<Host>;
  let element: HTMLElement;
  let copied: string[];

  beforeEach(async () => {
    copied = [];
    TestBed.configureTestingModule({
      providers: [
        provideTranslateTesting(),
        provideKringIcons(),
        { provide: Clipboard, useValue: { copy: (text: string) => copied.push(text) > 0 } },
      ],
    });
    fixture = TestBed.createComponent(Host);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const button = (text: string | RegExp) => TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonHarness.with({ text }));

  it('should list every code once with a clear "keep these safe" message', () => {
    const codes = [...element.querySelectorAll('li.code')].map((li) => li.textContent?.trim());

    expect(codes).toEqual(CODES);
    expect(element.textContent).toContain('Je ziet deze codes maar één keer.');
  });

  it('should copy all codes with a title saying whose they are', async () => {
    await (await button(/Codes kopiëren/)).click();

    expect(copied[0]).toContain('Kring – herstelcodes voor bram@keerkring.be');
    for (const code of CODES) expect(copied[0]).toContain(code);
  });

  it('should download the codes as a text file', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:codes';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('kring-herstelcodes.txt');
    });

    await (await button(/Downloaden als tekst/)).click();

    expect(click).toHaveBeenCalledTimes(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    expect(text).toContain('ab2cd-ef3gh');
    expect(created[0].type).toContain('text/plain');
  });

  it('should print only the codes', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      expect(document.body.classList.contains('printing-part')).toBe(true);
    });

    await (await button('Afdrukken')).click();

    expect(print).toHaveBeenCalled();
  });

  it('should not go on until the person says the codes are kept', async () => {
    await (await button('Verder naar Kring')).click();

    expect(fixture.componentInstance.done()).toBe(false);
    expect(element.querySelector('#saved-error')?.textContent).toContain('Vink dit aan als je de codes bewaard hebt.');

    await (await TestbedHarnessEnvironment.loader(fixture).getHarness(MatCheckboxHarness)).check();
    await (await button('Verder naar Kring')).click();

    expect(fixture.componentInstance.done()).toBe(true);
  });
});
