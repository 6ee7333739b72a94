import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { Audience } from '@kring/domain';
import { brusselsWallClock } from '../../../core/i18n/date-time';
import { LanguageService } from '../../../core/i18n/language.service';
import { monthName } from '../../shared/when';
import { MAX_CHILDREN, givenChildren } from '../registration-rules';
import { RegistrationFlow } from '../registration-flow';

/**
 * Step 3: the children, by birth month (or due month in pregnancy); no names. When the group
 * counts children toward its seats, also how many come along.
 */
@Component({
  selector: 'kr-children-step',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './children-step.html',
  styleUrl: './children-step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChildrenStep {
  private readonly flow = inject(RegistrationFlow);
  private readonly locale = inject(LanguageService).locale;

  protected readonly rows = this.flow.children;
  protected readonly comingControl = this.flow.form.controls.childrenComing;
  protected readonly errors = this.flow.errors;
  protected readonly max = MAX_CHILDREN;
  protected readonly expecting = computed(() => this.flow.context().audience === Audience.Pregnancy);
  protected readonly countsChildren = computed(() => this.flow.context().countsChildren);
  protected readonly months = computed(() =>
    Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), name: monthName(i + 1, this.locale()) })),
  );
  /** Next year (a due month) back to 18 years ago. */
  protected readonly years = Array.from({ length: 20 }, (_, i) => String(brusselsWallClock(new Date()).year + 1 - i));

  /** 0 … the number of children given, for "Hoeveel kinderen komen mee?". */
  protected comingChoices(): number[] {
    const given = Math.max(1, givenChildren(this.rows.getRawValue()).length);
    return Array.from({ length: given + 1 }, (_, i) => i);
  }

  protected add(): void {
    this.flow.addChild();
  }

  protected remove(row: number): void {
    this.flow.removeChild(row);
  }
}
