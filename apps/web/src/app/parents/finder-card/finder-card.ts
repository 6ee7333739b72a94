import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import type { FinderCard as Card } from '../finder-page/finder-cards';
import { seatPhrase, seatState } from '../shared/seats';
import { WhenPipe } from '../shared/when.pipe';

/**
 * One group in the list: name, a line of what it is, the next meeting, the place and the seats.
 * The name is the link, stretched over the whole card: one big target.
 */
@Component({
  selector: 'kr-finder-card',
  imports: [MatIconModule, RouterLink, TranslatePipe, WhenPipe],
  templateUrl: './finder-card.html',
  styleUrl: './finder-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinderCard {
  readonly card = input.required<Card>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly seats = computed(() => seatPhrase(this.card().next, this.locale()));
  protected readonly seatState = computed(() => seatState(this.card().next));
  /** "Huis van het Kind Sint-Niklaas" already says the city. */
  protected readonly place = computed(() => {
    const { name, city } = this.card().next.place;
    return city && !name.toLocaleLowerCase().includes(city.toLocaleLowerCase()) ? `${name}, ${city}` : name;
  });
}
