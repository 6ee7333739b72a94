import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatIconRegistry } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';
import { MORE_ICON_PATHS } from './icon-paths';
import { ICON_NAMESPACE, SHELL_ICON_NAMES, provideKringIcons } from './icons';

describe(provideKringIcons.name, () => {
  it('should make every Kring icon available as an svg, the shell’s at once and the others when first asked for', async () => {
    TestBed.configureTestingModule({ providers: [provideKringIcons()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    const registry = TestBed.inject(MatIconRegistry);

    for (const name of [...SHELL_ICON_NAMES, ...Object.keys(MORE_ICON_PATHS)]) {
      const svg = await firstValueFrom(registry.getNamedSvgIcon(name, ICON_NAMESPACE));
      expect(svg.querySelector('path')?.getAttribute('d'), name).toBeTruthy();
    }
  });

  it('should keep the icons of the first load few: those of the toolbar, the menu and the public links', () => {
    expect(SHELL_ICON_NAMES).toEqual(['menu', 'close', 'translate', 'check', 'expand', 'home', 'groups', 'person', 'login']);
    expect(Object.keys(MORE_ICON_PATHS)).not.toContain('menu');
  });

  it('should say so when an icon does not exist', async () => {
    TestBed.configureTestingModule({ providers: [provideKringIcons()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;

    await expect(firstValueFrom(TestBed.inject(MatIconRegistry).getNamedSvgIcon('nope', ICON_NAMESPACE))).rejects.toThrow(/nope/);
  });
});
