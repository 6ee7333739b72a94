import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import type { RouterStateSnapshot } from '@angular/router';
import { TitleStrategy } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';

/**
 * Route `title`s are translation keys. The document title becomes
 * "<translated page title> · Kring" (or just "Kring") and follows language changes.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly translate = inject(TranslateService);
  /** `undefined` before the first navigation, `null` for a route without a title. */
  private readonly pageKey = signal<string | null | undefined>(undefined);
  private readonly appName = this.translate.translate('app.name');
  private readonly pageTitle = this.translate.translate(() => this.pageKey() ?? 'app.name');
  private readonly documentTitle = this.translate.translate('app.documentTitle', () => ({
    page: this.pageTitle(),
  }));

  constructor() {
    super();
    effect(() => {
      const key = this.pageKey();
      if (key === undefined) return;
      this.title.setTitle(String(key === null ? this.appName() : this.documentTitle()));
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set(this.buildTitle(snapshot) ?? null);
  }
}
