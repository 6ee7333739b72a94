import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { logFlagLink } from '../log-flag-page/log-flag-link';

/**
 * "Meer" on a family (the roster, a family's history): a small menu whose one item, "Signaal
 * noteren", leads to noting a flag. Never on screen by default: it takes a deliberate tap, and
 * nothing in the room shows whether a family has a flag.
 */
@Component({
  selector: 'kr-flag-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, RouterLink, TranslatePipe],
  template: `
    <button
      mat-button
      type="button"
      class="more"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'flags.menu.moreOf' | translate: { name: familyName() }"
    >
      <mat-icon svgIcon="kr:more" aria-hidden="true" />
      {{ 'flags.menu.more' | translate }}
    </button>
    <mat-menu #menu="matMenu">
      <a mat-menu-item [routerLink]="link().path" [state]="link().state">
        <mat-icon svgIcon="kr:edit" aria-hidden="true" />
        <span>{{ 'flags.menu.log' | translate }}</span>
      </a>
    </mat-menu>
  `,
  styles: ':host { display: inline-block; } .more { min-block-size: 48px; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagMenu {
  readonly familyId = input.required<string>();
  readonly familyName = input.required<string>();
  /** Where "back" on the flag page leads (the page this menu is on). */
  readonly backTo = input.required<string>();
  /** The session, when opened from its roster. */
  readonly sessionId = input<string | undefined>(undefined);

  protected readonly link = computed(() =>
    logFlagLink(this.familyId(), { familyName: this.familyName(), back: this.backTo(), sessionId: this.sessionId() }),
  );
}
