import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AGE_CHOICES } from '../shared/age-choices';
import { AgePicture } from '../shared/age-picture/age-picture';

/** "Wat zoek je?": the child's age, as pictures with labels; or every group. */
@Component({
  selector: 'kr-age-choice-page',
  imports: [AgePicture, RouterLink, TranslatePipe],
  templateUrl: './age-choice-page.html',
  styleUrl: './age-choice-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgeChoicePage {
  protected readonly choices = AGE_CHOICES;
}
