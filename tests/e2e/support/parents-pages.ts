import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

/** The words the Arabic parent pages use (parents/ar.json), so the journey reads like the screen. */
export const AR = {
  language: 'العربية',
  whatAreYouLookingFor: 'عمّ تبحث؟',
  baby: /رضيع/,
  registerSeries: /^(التسجيل في السلسلة كلها|ضعني في قائمة الانتظار)$/,
  firstName: 'اسمك الأول',
  phone: 'رقم هاتفك المحمول',
  month: 'الشهر',
  year: 'السنة',
  next: 'التالي',
  interpreter: 'مترجم',
  readMore: 'اقرأ المزيد',
  agree: 'نعم، أوافق',
  submit: /^(سجّلني|ضعني في قائمة الانتظار)$/,
  done: /^(تم تسجيلك|أنت في قائمة الانتظار)$/,
  hello: (name: string) => `مرحبًا ${name}`,
  skip: 'لا أستطيع هذه المرة',
  skipConfirm: 'نعم، لا أستطيع هذه المرة',
  skipped: 'ليس هذه المرة',
  unskip: 'أستطيع الحضور هذه المرة',
  /** Back in, or (the week filled up meanwhile) on the waitlist: said plainly either way. */
  unskipped: /رائع، أنت مسجَّل من جديد|هذه المرة ممتلئة الآن/,
  centrePhone: /03 123 45 67/,
  stopSeries: 'التوقف عن هذه السلسلة',
  stopConfirm: 'نعم، أتوقف',
  /** The demo groups' titles in Arabic (the demo data has every text in every parent language). */
  babyGroup: 'دردشة حول الرضّع',
  dropInGroup: 'صباح الزيارة الحرّة',
  stopped: 'توقفت عن دردشة حول الرضّع',
  cancelled: 'أُلغي التسجيل',
  expired: 'هذا الرابط لم يعد يعمل',
} as const;

/** A mobile number nobody else in this run uses (the API treats the same number within minutes as a repeat). */
export function uniquePhone(): string {
  const digits = String(Date.now() % 1_000_000).padStart(6, '0');
  return `0470 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
}

/** The parent pages as a parent uses them: big buttons and links, one question per screen. */
export class ParentPages {
  constructor(private readonly page: Page) {}

  readonly html = (): Locator => this.page.locator('html');
  readonly heading = (): Locator => this.page.getByRole('heading', { level: 1 });
  readonly main = (): Locator => this.page.getByRole('main');

  async checkA11y(context: string): Promise<void> {
    await expectNoSeriousA11yViolations(this.page, context);
  }

  async openLanguageChoice(): Promise<void> {
    await this.page.goto('/groepen');
    await expect(this.heading()).toBeVisible();
  }

  async chooseLanguage(name: string): Promise<void> {
    await this.main().getByRole('button', { name, exact: true }).click();
    await expect(this.page).toHaveURL(/\/groepen\/zoeken$/);
  }

  /** The card (list item) of a group in the list, by its name. */
  groupCard(title: string): Locator {
    return this.main()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) });
  }

  async next(label: string): Promise<void> {
    await this.main().getByRole('button', { name: label, exact: true }).click();
  }

  /** Presses the final button twice in a row, like a tired thumb, and returns the API's answer. */
  async submitTwice(label: RegExp): Promise<{ response: Response; posts: () => number }> {
    let posts = 0;
    this.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/public/registrations')) posts += 1;
    });
    const answer = this.page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/api/v1/public/registrations'),
    );
    await this.main().getByRole('button', { name: label }).dblclick();
    return { response: await answer, posts: () => posts };
  }

  /** Confirms in the dialog and waits until the change is saved. */
  async confirm(label: string): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
