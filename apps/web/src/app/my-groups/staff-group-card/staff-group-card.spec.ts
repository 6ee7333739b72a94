import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { StaffGroupSummary } from '@kring/domain';
import { makeSession, makeStaffGroup } from '../../../testing/staff';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { SessionStore } from '../../core/auth/session.store';
import { provideKringIcons } from '../../core/icons/icons';
import { StaffGroupCard } from './staff-group-card';

describe(StaffGroupCard.name, () => {
  async function render(group: StaffGroupSummary): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideTranslateTesting(), provideKringIcons()] });
    TestBed.inject(SessionStore).set(makeSession());
    const fixture = TestBed.createComponent(StaffGroupCard);
    fixture.componentRef.setInput('group', group);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const facts = (element: HTMLElement) =>
    Object.fromEntries(
      [...element.querySelectorAll('.fact')].map((fact) => [
        fact.querySelector('dt')?.textContent?.trim(),
        fact.querySelector('dd')?.textContent?.trim(),
      ]),
    );

  it('should show kind, audience, place, places, how parents join and who leads it', async () => {
    const element = await render(makeStaffGroup());

    expect(element.querySelector('h2')?.textContent).toBe('Babybabbels');
    expect([...element.querySelectorAll('.chip')].map((chip) => chip.textContent?.trim())).toEqual(['Vaste groep', '0 tot 1 jaar']);
    expect(facts(element)).toEqual({
      Waar: 'Huis van het Kind Sint-Niklaas',
      Plaatsen: '10 gezinnen',
      Deelnemen: 'Ouders schrijven zich in',
      Begeleiding: 'Gita Peeters',
    });
    expect(element.textContent).toContain('Jij begeleidt deze groep');
  });

  it('should say there is no maximum, nobody leads it yet and that it is not active', async () => {
    const element = await render(makeStaffGroup({ capacity: null, facilitators: [], active: false, registrationMode: 'none' }));

    expect(facts(element)).toMatchObject({ Plaatsen: 'Geen maximum', Begeleiding: 'Nog niemand', Deelnemen: 'Zonder inschrijven' });
    expect(element.textContent).toContain('Niet actief');
    expect(element.textContent).not.toContain('Jij begeleidt deze groep');
  });
});
