import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { provideKringIcons } from '../../core/icons/icons';
import { LoadError } from './load-error';

describe(LoadError.name, () => {
  async function render(inputs: Record<string, unknown>) {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), provideKringIcons()] });
    const fixture = TestBed.createComponent(LoadError);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    let retried = 0;
    fixture.componentInstance.retry.subscribe(() => retried++);
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, retried: () => retried };
  }

  const notFound = new HttpErrorResponse({ status: 404, error: { code: 'not_found', message: 'not_found' } });

  it('should alert with the title, the reason in words and a retry button that asks again', async () => {
    const { element, retried } = await render({ titleKey: 'myGroups.error', error: notFound });

    expect(element.querySelector('[role="alert"] h2')?.textContent?.trim()).toBe('We kunnen je groepen nu niet tonen');
    expect(element.querySelector('.notice__body p')?.textContent?.trim()).toBe('We vinden dit niet (meer).');
    element.querySelector('button')?.click();
    expect(retried()).toBe(1);
  });

  it('should show the title alone when no error is given, and no button when retrying cannot help', async () => {
    const { element } = await render({ titleKey: 'messages.error', retryable: false });

    expect(element.querySelector('h2')?.textContent?.trim()).toBe('We konden de berichten niet laden.');
    expect(element.querySelector('.notice__body p')).toBeNull();
    expect(element.querySelector('button')).toBeNull();
  });
});
