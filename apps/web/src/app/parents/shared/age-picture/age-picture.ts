import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AgeChoiceId } from '../age-choices';

/**
 * A simple, friendly picture for each age (a pregnant belly, a baby, a toddler with a ball,
 * a preschooler with a balloon, an older child with a school bag). Decorative: the label says it.
 */
@Component({
  selector: 'kr-age-picture',
  templateUrl: './age-picture.html',
  styleUrl: './age-picture.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgePicture {
  readonly age = input.required<AgeChoiceId | 'all'>();
}
