import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { PublicGroupSummary } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import { makePublicGroup } from '../../../testing/groups';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { LanguageService } from '../../core/i18n/language.service';
import { GroupCard } from './group-card';
import { provideKringIcons } from '../../core/icons/icons';

describe(GroupCard.name, () => {
  async function render(group: PublicGroupSummary): Promise<{
    fixture: ComponentFixture<GroupCard>;
    element: HTMLElement;
  }> {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), provideKringIcons()] });
    const fixture = TestBed.createComponent(GroupCard);
    fixture.componentRef.setInput('group', group);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const text = (element: HTMLElement, selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  afterEach(() => localStorage.clear());

  it('should show title, description and translated kind and audience when the group is a weekly baby group', async () => {
    const { element } = await render(makePublicGroup());

    expect(text(element, 'h3')).toBe('Babybabbels');
    expect(text(element, '.card__description')).toContain('ouders van baby’s');
    expect(text(element, '.tag--kind')).toBe('Vaste groep');
    expect(text(element, '.tag--audience')).toBe('0 tot 1 jaar');
  });

  it('should say "Inloop" and "Voor alle ouders" when the group is a drop-in for everyone', async () => {
    const { element } = await render(makePublicGroup({ kind: 'drop_in', audience: 'all' }));

    expect(text(element, '.tag--kind')).toBe('Inloop');
    expect(text(element, '.tag--audience')).toBe('Voor alle ouders');
  });

  it('should not repeat the city when the location name already says it', async () => {
    const { element } = await render(makePublicGroup());

    expect(text(element, '.fact__value')).toBe('Huis van het Kind Sint-Niklaas');
  });

  it('should show the city when the location name does not say it', async () => {
    const { element } = await render(makePublicGroup({ location: { name: 'Huis van het Kind De Klimop', city: 'Temse' } }));

    expect(text(element, '.fact__value')).toBe('Huis van het Kind De Klimop Temse');
  });

  it('should name the spoken languages in the page language when the group has several', async () => {
    const { element } = await render(makePublicGroup({ spokenLanguages: ['nl', 'ar'] }));

    expect(element.textContent).toContain('Nederlands, Arabisch');
    expect(element.textContent).toContain('Talen');
  });

  it('should mark the text as Dutch and say so when no translation exists for the page language', async () => {
    const { fixture, element } = await render(makePublicGroup({ locale: 'nl' }));

    await firstValueFrom(TestBed.inject(LanguageService).use('en'));
    await fixture.whenStable();

    expect(element.querySelector('h3')?.getAttribute('lang')).toBe('nl');
    expect(text(element, '.card__note')).toBe('This text is in Dutch.');
    expect(text(element, '.tag--kind')).toBe('Regular group');
  });

  it('should not add a language note when the text is in the page language', async () => {
    const { element } = await render(makePublicGroup({ locale: 'nl' }));

    expect(element.querySelector('.card__note')).toBeNull();
    expect(element.querySelector('h3')?.hasAttribute('lang')).toBe(false);
  });
});
