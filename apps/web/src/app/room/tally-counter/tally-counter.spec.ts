import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideKringIcons } from '../../core/icons/icons';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { TallyCounter } from './tally-counter';

@Component({
  imports: [TallyCounter],
  template: '<kr-tally-counter label="Volwassenen" [count]="count()" [disabled]="disabled()" (step)="steps.push($event)" />',
})
class Host {
  readonly count = signal(2);
  readonly disabled = signal(false);
  readonly steps: number[] = [];
}

describe(TallyCounter.name, () => {
  function render() {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), provideKringIcons()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = (label: string) => element.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
    return { fixture, element, plus: () => button('Eén meer: Volwassenen'), minus: () => button('Eén minder: Volwassenen') };
  }

  it('should name its buttons after the counter, say its name once, and show the count in a live region', () => {
    const { element, plus, minus } = render();

    expect(plus()).not.toBeNull();
    expect(minus()).not.toBeNull();
    expect(element.querySelector('[aria-live="polite"]')?.textContent?.trim()).toBe('2');
    // Said once, by the group's name: no hidden second "Volwassenen" beside the count.
    const group = element.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe('Volwassenen');
    const heard = [...(group?.querySelectorAll('span:not([aria-hidden="true"])') ?? [])].map((s) => s.textContent ?? '').join(' ');
    expect(heard).not.toContain('Volwassenen');
  });

  it('should step up and down by one per tap', () => {
    const { fixture, plus, minus } = render();

    plus()?.click();
    plus()?.click();
    minus()?.click();

    expect(fixture.componentInstance.steps).toEqual([1, 1, -1]);
  });

  it('should not step below zero, nor at all when switched off', () => {
    const { fixture, plus, minus } = render();
    fixture.componentInstance.count.set(0);
    fixture.detectChanges();

    expect(minus()?.disabled).toBe(true);
    fixture.componentInstance.disabled.set(true);
    fixture.detectChanges();
    plus()?.click();

    expect(plus()?.disabled).toBe(true);
    expect(fixture.componentInstance.steps).toEqual([]);
  });
});
