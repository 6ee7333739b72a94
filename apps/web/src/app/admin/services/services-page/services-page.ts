import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { InterpolationParameters } from '@ngx-translate/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ReferralServiceView } from '@kring/domain';
import { SNACK_MS } from '../../../account/account-actions';
import { apiErrorMessageKey } from '../../../core/http/api-error';
import { LanguageService } from '../../../core/i18n/language.service';
import { languageName } from '../../../core/i18n/language-names';
import { confirmThen } from '../../../shared/confirm-dialog/confirm-dialog';
import { LoadError } from '../../../shared/load-error/load-error';
import { ReferralServicesAdminApi } from '../referral-services.api';
import type { ServiceFormDialogData } from '../service-form-dialog/service-form-dialog';
import { ServiceFormDialog } from '../service-form-dialog/service-form-dialog';

/**
 * `/beheer/diensten`: the services families can be referred to. Admins add and change them;
 * a service that stops is deactivated (never deleted), so referrals to it keep their history.
 */
@Component({
  selector: 'kr-services-page',
  imports: [LoadError, MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  templateUrl: './services-page.html',
  styleUrl: './services-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServicesPage {
  private readonly api = inject(ReferralServicesAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly locale = inject(LanguageService).locale;

  protected readonly list = rxResource({ stream: () => this.api.list() });
  protected readonly services = computed(() => (this.list.hasValue() ? this.list.value() : null));
  protected readonly activeCount = computed(() => this.services()?.filter((s) => s.active).length ?? 0);

  /** "Nederlands, Arabisch": the languages in the screen's language. */
  protected languages(service: ReferralServiceView): string {
    return service.languages.map((code) => languageName(code, this.locale())).join(', ');
  }

  protected create(): void {
    this.openForm({ mode: 'create' }, 'serviceDirectory.created');
  }

  protected edit(service: ReferralServiceView): void {
    this.openForm({ mode: 'edit', service }, 'serviceDirectory.saved');
  }

  protected setActive(service: ReferralServiceView, active: boolean): void {
    const params = { name: service.name };
    const key = active ? 'serviceDirectory.reactivate' : 'serviceDirectory.deactivate';
    confirmThen(
      this.dialog,
      { titleKey: `${key}.title`, textKey: `${key}.text`, confirmKey: `${key}.confirm`, params, tone: active ? 'normal' : 'danger' },
      () => this.api.update(service.id, { active }),
    ).subscribe({
      next: () => this.done(`${key}.done`, params),
      error: (error: unknown) => this.done(apiErrorMessageKey(error)),
    });
  }

  protected retry(): void {
    this.list.reload();
  }

  private openForm(data: ServiceFormDialogData, doneKey: string): void {
    this.dialog
      .open<ServiceFormDialog, ServiceFormDialogData, ReferralServiceView>(ServiceFormDialog, {
        data,
        maxWidth: '40rem',
        width: 'calc(100% - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.done(doneKey, { name: saved.name });
      });
  }

  private done(key: string, params?: InterpolationParameters): void {
    this.snackBar.open(String(this.translate.instant(key, params)), String(this.translate.instant('common.close')), {
      duration: SNACK_MS,
    });
    this.list.reload();
  }
}
