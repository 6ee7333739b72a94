import { TestBed } from '@angular/core/testing';
import { MatIconRegistry } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';
import { ICON_NAMES, ICON_NAMESPACE, registerKringIcons } from './icons';

describe(registerKringIcons.name, () => {
  it('should make every Kring icon available as an svg when registered', async () => {
    TestBed.runInInjectionContext(registerKringIcons);
    const registry = TestBed.inject(MatIconRegistry);

    for (const name of ICON_NAMES) {
      const svg = await firstValueFrom(registry.getNamedSvgIcon(name, ICON_NAMESPACE));
      expect(svg.querySelector('path')?.getAttribute('d')).toBeTruthy();
    }
  });
});
