import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CopyButton } from '../../shared/copy-button/copy-button';

/** The file name of the downloaded codes. */
export const RECOVERY_CODES_FILE = 'kring-herstelcodes.txt';

/**
 * The recovery codes, shown once: copy, print or download them, and say they are kept
 * safely before going on.
 */
@Component({
  selector: 'kr-recovery-codes',
  imports: [CopyButton, MatButtonModule, MatCheckboxModule, MatIconModule, TranslatePipe],
  templateUrl: './recovery-codes.html',
  styleUrl: './recovery-codes.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesStep {
  private readonly document = inject(DOCUMENT);
  private readonly translate = inject(TranslateService);

  readonly codes = input.required<readonly string[]>();
  /** Whose codes, written at the top of the printed or downloaded list. */
  readonly email = input('');
  /** The person has kept the codes and goes on. */
  readonly done = output<void>();

  protected readonly saved = signal(false);
  protected readonly showSavedError = signal(false);
  protected readonly asText = computed(() =>
    [
      String(this.translate.instant('twoFactor.recovery.fileTitle', { email: this.email() })),
      '',
      ...this.codes(),
      '',
      String(this.translate.instant('twoFactor.recovery.fileNote')),
    ].join('\n'),
  );

  protected setSaved(saved: boolean): void {
    this.saved.set(saved);
    if (saved) this.showSavedError.set(false);
  }

  protected print(): void {
    const body = this.document.body;
    const view = this.document.defaultView;
    body.classList.add('printing-part');
    view?.addEventListener('afterprint', () => body.classList.remove('printing-part'), { once: true });
    view?.print();
  }

  protected download(): void {
    const view = this.document.defaultView;
    if (!view) return;
    const url = view.URL.createObjectURL(new Blob([this.asText()], { type: 'text/plain;charset=utf-8' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = RECOVERY_CODES_FILE;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 1000);
  }

  protected goOn(): void {
    if (!this.saved()) {
      this.showSavedError.set(true);
      return;
    }
    this.done.emit();
  }
}
