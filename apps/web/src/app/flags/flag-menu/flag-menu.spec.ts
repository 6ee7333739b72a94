import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { makeSession } from '../../../testing/staff';
import { ROOM_PATHS } from '../../room/room-paths';
import { FAMILY_ID } from '../flags-testing';
import { FlagMenu } from './flag-menu';

@Component({
  imports: [FlagMenu],
  template: `<kr-flag-menu [familyId]="familyId" familyName="Ana" [backTo]="back" sessionId="6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01" />`,
})
class Host {
  readonly familyId = FAMILY_ID;
  readonly back = ROOM_PATHS.roster('6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01');
}

describe(FlagMenu.name, () => {
  let page: RenderedPage;

  it('should keep "Signaal noteren" out of sight until "Meer" is tapped, and carry only the name and ids along', async () => {
    page = await renderPage(Host, {
      path: 'vandaag',
      url: '/vandaag',
      session: makeSession(),
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    expect(document.body.textContent).not.toContain('Signaal noteren');
    const more = page.element.querySelector<HTMLButtonElement>('button[aria-label="Meer voor Ana"]');
    expect(more?.textContent?.trim()).toBe('Meer');
    more?.click();
    await page.settle();
    const item = document.querySelector<HTMLAnchorElement>('a[mat-menu-item]');
    expect(item?.textContent?.trim()).toBe('Signaal noteren');
    expect(item?.getAttribute('href')).toBe(`/vandaag/gezin/${FAMILY_ID}/signaal`);
    item?.click();
    await page.settle();
    expect(page.router.url).toBe(`/vandaag/gezin/${FAMILY_ID}/signaal`);
    expect(TestBed.inject(Location).getState()).toMatchObject({
      familyName: 'Ana',
      back: ROOM_PATHS.roster('6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01'),
    });
  });
});
