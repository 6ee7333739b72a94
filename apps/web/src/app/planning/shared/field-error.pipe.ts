import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { TranslateService } from '@ngx-translate/core';
import { errorKeyOf } from './form-errors';

/**
 * What to tell a person about a field's first error, in their language: the field's own message
 * (`<prefix>.<error>`, e.g. `planning.group.errors.endTime.endBeforeStart`), else a general one
 * for that kind of error (`planning.errors.<error>`), else "this is not right yet". The API's
 * reasons come as `server.<reason>`.
 * `{{ control.errors | krFieldError: 'planning.group.errors.capacity' : locale() }}`
 */
@Pipe({ name: 'krFieldError' })
export class FieldErrorPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(errors: ValidationErrors | null | undefined, prefix: string, locale: string): string {
    const key = errorKeyOf(errors ?? null);
    if (!key) return '';
    for (const candidate of [`${prefix}.${key}`, `planning.errors.${key}`]) {
      const text = String(this.translate.instant(candidate, undefined, locale));
      if (text !== candidate) return text;
    }
    return String(this.translate.instant('forms.errors.invalid', undefined, locale));
  }
}
