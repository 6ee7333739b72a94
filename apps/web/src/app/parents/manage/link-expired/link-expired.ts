import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CentreContactLinks } from '../../shared/centre-contact-links/centre-contact-links';

/** A link that no longer works: nothing changes, nobody is blamed, and the parent knows who to ask. */
@Component({
  selector: 'kr-link-expired',
  imports: [CentreContactLinks, MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  templateUrl: './link-expired.html',
  styleUrl: './link-expired.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinkExpired {}
