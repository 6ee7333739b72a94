import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../../core/i18n/language.service';
import { FieldErrorPipe } from '../../shared/field-error.pipe';
import type { GroupForm } from '../group-form.model';
import { DESCRIPTION_MAX, TITLE_MAX } from '../group-form.model';

type TextsForm = GroupForm['controls']['title'];

/** Title and description: Dutch (required), and optionally English, French and Arabic. */
@Component({
  selector: 'kr-group-texts',
  imports: [FieldErrorPipe, MatExpansionModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './group-texts.html',
  styleUrl: './group-texts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupTexts {
  readonly title = input.required<TextsForm>();
  readonly description = input.required<TextsForm>();

  protected readonly uiLocale = inject(LanguageService).locale;
  protected readonly others = ['en', 'fr', 'ar'] as const;
  protected readonly titleMax = TITLE_MAX;
  protected readonly descriptionMax = DESCRIPTION_MAX;

  /** Whether any other language has text (then the panel starts open). */
  protected hasOtherLanguages(): boolean {
    return this.others.some((l) => this.title().controls[l].value || this.description().controls[l].value);
  }
}
