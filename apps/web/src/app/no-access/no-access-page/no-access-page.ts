import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { landingPath } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';

/** A page the signed-in person's roles do not open: said kindly, with the way to their own work. */
@Component({
  selector: 'kr-no-access-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  templateUrl: './no-access-page.html',
  styleUrl: './no-access-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoAccessPage {
  private readonly store = inject(SessionStore);

  protected readonly homePath = computed(() => {
    const session = this.store.session();
    return session ? landingPath(session) : '/';
  });
}
