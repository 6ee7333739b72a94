import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { CentreApi } from '../../data/centre.api';

/**
 * "Bel De Keerkring 03 123 45 67" and "Mail ons info@…": one tap calls or writes. The number and
 * the address keep their left-to-right order on an Arabic page. Nothing shows until they are known.
 */
@Component({
  selector: 'kr-centre-contact-links',
  imports: [MatIconModule, TranslatePipe],
  templateUrl: './centre-contact-links.html',
  styleUrl: './centre-contact-links.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CentreContactLinks {
  protected readonly contact = inject(CentreApi).contact;
}
