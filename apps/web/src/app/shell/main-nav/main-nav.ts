import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import type { IsActiveMatchOptions } from '@angular/router';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** The main navigation: only links that lead somewhere real. */
@Component({
  selector: 'kr-main-nav',
  imports: [MatIconModule, MatListModule, RouterLink, RouterLinkActive, TranslatePipe],
  templateUrl: './main-nav.html',
  styleUrl: './main-nav.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MainNav {
  /** Emits when a link is chosen, so a drawer on a phone can close. */
  readonly navigated = output<void>();

  /** "Start" and "Groepen vinden" share a path; the fragment tells them apart. */
  protected readonly exact: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    fragment: 'exact',
    matrixParams: 'ignored',
  };
}
