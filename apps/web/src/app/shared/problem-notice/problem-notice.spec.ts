import { TestBed } from '@angular/core/testing';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { provideKringIcons } from '../../core/icons/icons';
import { ProblemNotice } from './problem-notice';

describe(ProblemNotice.name, () => {
  it('should alert with the error icon and the message in words, its parameters filled in', async () => {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), provideKringIcons()] });
    const fixture = TestBed.createComponent(ProblemNotice);
    fixture.componentRef.setInput('problem', { key: 'registrations.unskip.waitlisted', params: { name: 'Eva', position: '2' } });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    const alert = element.querySelector('div.notice.notice--error[role="alert"]');
    expect(alert?.querySelector(':scope > mat-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(alert?.querySelector(':scope > p')?.textContent?.trim()).toBe(
      'Eva komt toch. De bijeenkomst is vol: het gezin staat op de wachtlijst, als nummer 2.',
    );

    fixture.componentRef.setInput('problem', { key: 'errors.codes.not_found' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"] p')?.textContent?.trim()).toBe('We vinden dit niet (meer).');
  });
});
