import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AttendanceStatus, RosterFamily } from '@kring/domain';
import { provideKringIcons } from '../../core/icons/icons';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { ROOM_PATHS } from '../room-paths';
import { ANA, SESSION_ID, makeFamily } from '../room-testing';
import { RosterFamilyItem } from './roster-family';

@Component({
  imports: [RosterFamilyItem],
  template:
    '<kr-roster-family [family]="family()" [disabled]="disabled()" [ahead]="ahead()" [backTo]="backTo" (marked)="marks.push($event)" />',
})
class Host {
  readonly family = signal<RosterFamily>(makeFamily());
  readonly disabled = signal(false);
  readonly ahead = signal(false);
  readonly marks: AttendanceStatus[] = [];
  readonly backTo = ROOM_PATHS.roster(SESSION_ID);
}

describe(RosterFamilyItem.name, () => {
  function render() {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), provideKringIcons(), provideRouter([])] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const toggles = () => [...element.querySelectorAll<HTMLButtonElement>('[role="group"] button')];
    const toggle = (label: string) => toggles().find((b) => b.textContent?.trim() === label) as HTMLButtonElement;
    return { fixture, element, toggles, toggle };
  }

  it('should offer the three choices as toggles in a group named after the family', () => {
    const { element, toggles } = render();

    expect(element.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Aanwezigheid van Ana');
    expect(toggles().map((b) => [b.textContent?.trim(), b.getAttribute('aria-pressed')])).toEqual([
      ['Aanwezig', 'false'],
      ['Afwezig', 'false'],
      ['Verwittigd', 'false'],
    ]);
  });

  it('should tell which choice was tapped, and nothing when the current one is tapped again', () => {
    const { fixture, toggle } = render();

    toggle('Verwittigd').click();
    fixture.componentInstance.family.set(makeFamily({ status: 'excused' }));
    fixture.detectChanges();
    toggle('Verwittigd').click();
    toggle('Aanwezig').click();

    expect(fixture.componentInstance.marks).toEqual(['excused', 'present']);
    expect(toggle('Verwittigd').getAttribute('aria-pressed')).toBe('true');
  });

  it('should take only "verwittigd" before the session’s day', () => {
    const { fixture, toggle } = render();
    fixture.componentInstance.ahead.set(true);
    fixture.detectChanges();

    expect([toggle('Aanwezig').disabled, toggle('Afwezig').disabled, toggle('Verwittigd').disabled]).toEqual([true, true, false]);
    toggle('Aanwezig').click();
    toggle('Verwittigd').click();
    expect(fixture.componentInstance.marks).toEqual(['excused']);
  });

  it('should switch the toggles off when the list is closed', () => {
    const { fixture, toggles, toggle } = render();
    fixture.componentInstance.disabled.set(true);
    fixture.detectChanges();

    toggle('Aanwezig').click();

    expect(toggles().every((b) => b.disabled)).toBe(true);
    expect(fixture.componentInstance.marks).toEqual([]);
  });

  it('should offer a call without showing the number, and mark a family that walked in', () => {
    const { fixture, element } = render();
    fixture.componentInstance.family.set(makeFamily({ source: 'walk_in', childrenComing: 0 }));
    fixture.detectChanges();

    const call = element.querySelector('a[href^="tel:"]');
    expect(call?.getAttribute('aria-label')).toBe('Bel Ana');
    expect(element.textContent).not.toContain('470');
    expect(element.textContent).toContain('Nieuw vandaag');
  });

  it('should call a known family checked in by name known, not new today', () => {
    const { fixture, element } = render();
    fixture.componentInstance.family.set(makeFamily({ source: 'checked_in', childrenComing: 0 }));
    fixture.detectChanges();

    const chips = [...element.querySelectorAll('.chip')].map((c) => c.textContent?.trim());
    expect(chips).toEqual(['Bekend gezin']);
    expect(element.textContent).not.toContain('Nieuw vandaag');
  });

  it('should show no source for a registered family', () => {
    const { element } = render();
    expect(element.textContent).not.toContain('Bekend gezin');
    expect(element.textContent).not.toContain('Nieuw vandaag');
  });

  it('should lead to the family’s earlier sessions with a small link below the toggles, named after the family', () => {
    const { element } = render();

    const link = element.querySelector<HTMLAnchorElement>('a.family__history');
    expect(link?.textContent?.trim()).toBe('Eerdere bijeenkomsten');
    expect(link?.getAttribute('aria-label')).toBe('Eerdere bijeenkomsten van Ana');
    expect(link?.getAttribute('href')).toBe(ROOM_PATHS.familyHistory(ANA));
    expect(link?.getAttribute('href')).not.toContain('Ana');
    expect(element.querySelector('[role="group"]')?.compareDocumentPosition(link as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });
});
