import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import type { SetPasswordLink } from '@kring/domain';
import { SetPasswordLinkPanel } from '../set-password-link-panel/set-password-link-panel';

export interface SetPasswordLinkDialogData {
  link: SetPasswordLink;
  name: string;
}

/** Shows a new set-password link once, to copy and pass on. */
@Component({
  selector: 'kr-set-password-link-dialog',
  imports: [MatButtonModule, MatDialogModule, SetPasswordLinkPanel, TranslatePipe],
  templateUrl: './set-password-link-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetPasswordLinkDialog {
  protected readonly data = inject<SetPasswordLinkDialogData>(MAT_DIALOG_DATA);
}
