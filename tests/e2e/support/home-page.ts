import { expect, type Locator, type Page } from '@playwright/test';

/** The home page as a person uses it: headings, the group cards, the language menu. */
export class HomePageModel {
  constructor(private readonly page: Page) {}

  readonly html = (): Locator => this.page.locator('html');
  readonly banner = (): Locator => this.page.getByRole('banner');
  readonly mainHeading = (): Locator => this.page.getByRole('heading', { level: 1 });
  readonly groupsSection = (): Locator => this.page.locator('section#groups');

  /** The card (list item) of the group with this title. */
  groupCard(title: string): Locator {
    return this.groupsSection()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.mainHeading()).toBeVisible();
  }

  /** Waits until the groups from the API are shown (not the loading state). */
  async waitForGroups(): Promise<void> {
    await expect(this.groupsSection().getByRole('heading', { level: 3 }).first()).toBeVisible();
  }

  async chooseLanguage(currentLabel: RegExp, language: string): Promise<void> {
    await this.banner().getByRole('button', { name: currentLabel }).click();
    await this.page.getByRole('menuitemradio', { name: language }).click();
  }
}
