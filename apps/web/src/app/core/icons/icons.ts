import type { EnvironmentProviders } from '@angular/core';
import { Injectable, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import type { Observable } from 'rxjs';
import { defer, switchMap } from 'rxjs';

/**
 * The icons Kring uses, inlined (Material Icons, Apache 2.0) so nothing is fetched from a font server.
 * Use them as `<mat-icon svgIcon="kr:menu" aria-hidden="true" />`. Only the shell's few are here; the rest
 * (icon-paths.ts) come with the first page that asks for one (KringIconRegistry).
 */
const SHELL_ICON_PATHS: Readonly<Record<string, string>> = {
  menu: 'M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z',
  close: 'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z',
  translate:
    'M12.87 15.07l-2.54-2.51.03-.03c1.74-1.94 2.98-4.17 3.71-6.53H17V4h-7V2H8v2H1v1.99h11.17C11.5 7.92 10.44 9.75 9 11.35 8.07 10.32 7.3 9.19 6.69 8h-2c.73 1.63 1.73 3.17 2.98 4.56l-5.09 5.02L4 19l5-5 3.11 3.11.76-2.04zM18.5 10h-2L12 22h2l1.12-3h4.75L21 22h2l-4.5-12zm-2.62 7l1.62-4.33L19.12 17h-3.24z',
  check: 'M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z',
  expand: 'M16.59 8.59 12 13.17 7.41 8.59 6 10l6 6 6-6z',
  home: 'M10 20v-6h4v6h5v-8h3L12 3 2 12h3v8z',
  groups:
    'M16 11c1.66 0 2.99-1.34 2.99-3S17.66 5 16 5c-1.66 0-3 1.34-3 3s1.34 3 3 3zm-8 0c1.66 0 2.99-1.34 2.99-3S9.66 5 8 5C6.34 5 5 6.34 5 8s1.34 3 3 3zm0 2c-2.33 0-7 1.17-7 3.5V19h14v-2.5c0-2.33-4.67-3.5-7-3.5zm8 0c-.29 0-.62.02-.97.05 1.16.84 1.97 1.97 1.97 3.45V19h6v-2.5c0-2.33-4.67-3.5-7-3.5z',
  person: 'M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z',
  login: 'M11 7 9.6 8.4l2.6 2.6H2v2h10.2l-2.6 2.6L11 17l5-5-5-5zm9 12h-8v2h8c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2h-8v2h8v14z',
};

export const ICON_NAMESPACE = 'kr';
export const SHELL_ICON_NAMES = Object.keys(SHELL_ICON_PATHS);

function registerPaths(registry: MatIconRegistry, sanitizer: DomSanitizer, paths: Readonly<Record<string, string>>): void {
  for (const [name, path] of Object.entries(paths)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${path}"/></svg>`;
    registry.addSvgIconLiteralInNamespace(ICON_NAMESPACE, name, sanitizer.bypassSecurityTrustHtml(svg));
  }
}

/**
 * Material's registry, which loads Kring's other icons (icon-paths.ts) the first time one of them is
 * asked for: a `<mat-icon>` waits for its icon anyway, so it simply shows a moment later.
 */
@Injectable()
export class KringIconRegistry extends MatIconRegistry {
  private readonly domSanitizer = inject(DomSanitizer);
  private more?: Promise<void>;

  override getNamedSvgIcon(name: string, namespace = ''): Observable<SVGElement> {
    if (namespace !== ICON_NAMESPACE || name in SHELL_ICON_PATHS) return super.getNamedSvgIcon(name, namespace);
    return defer(() => this.loadMore()).pipe(switchMap(() => super.getNamedSvgIcon(name, namespace)));
  }

  private loadMore(): Promise<void> {
    this.more ??= import('./icon-paths').then(
      ({ MORE_ICON_PATHS }) => registerPaths(this, this.domSanitizer, MORE_ICON_PATHS),
      (error: unknown) => {
        this.more = undefined; // offline, say: the next icon tries again
        throw error;
      },
    );
    return this.more;
  }
}

/** Registers the shell's icons with Material; call from an app initializer. */
export function registerKringIcons(): void {
  registerPaths(inject(MatIconRegistry), inject(DomSanitizer), SHELL_ICON_PATHS);
}

/** Kring's icons, from when the app (or a test bed) starts. */
export function provideKringIcons(): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: MatIconRegistry, useClass: KringIconRegistry }, provideAppInitializer(registerKringIcons)]);
}
