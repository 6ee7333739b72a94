import type { OutboxMessageView, Page } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { makeAdminSession } from '../../../testing/staff';
import { MessagesPage } from './messages-page';

const URL = '/api/v1/admin/messages?page=1&pageSize=20';
const page1 = (items: OutboxMessageView[]): Page<OutboxMessageView> => ({ items, total: items.length, page: 1, pageSize: 20 });
const message = (overrides: Partial<OutboxMessageView> = {}): OutboxMessageView => ({
  id: 'm1',
  kind: 'confirmation',
  channel: 'sms',
  recipient: '+32470123456',
  subject: null,
  body: 'Je bent ingeschreven voor dinsdag. Code AC3D4F.',
  status: 'sent',
  transport: 'preview',
  attempts: 1,
  createdAt: '2026-11-28T09:30:00.000Z',
  sentAt: '2026-11-28T09:30:05.000Z',
  ...overrides,
});

describe(MessagesPage.name, () => {
  let page: RenderedPage;

  async function open(answer: Page<OutboxMessageView>): Promise<void> {
    page = await renderPage(MessagesPage, { path: 'beheer/berichten', url: '/beheer/berichten', session: makeAdminSession() });
    page.http.expectOne(URL).flush(answer);
    await page.settle();
  }

  afterEach(() => page.http.verify());

  it('should show each message with its channel, recipient, status and text, and say when it was only kept', async () => {
    await open(
      page1([
        message(),
        message({
          id: 'm2',
          channel: 'email',
          recipient: 'an@voorbeeld.be',
          subject: 'Je bent ingeschreven: Babybabbels',
          status: 'failed',
          transport: 'smtp',
        }),
      ]),
    );
    const items = [...page.element.querySelectorAll('.message')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items[0]).toContain('Sms');
    expect(items[0]).toContain('Aan +32470123456');
    expect(items[0]).toContain('Alleen bewaard (geen verzenddienst ingesteld)');
    expect(items[0]).toContain('Code AC3D4F');
    expect(items[1]).toContain('E-mail');
    expect(items[1]).toContain('Mislukt');
    expect(items[1]).toContain('Je bent ingeschreven: Babybabbels');
    expect(items[1]).not.toContain('Alleen bewaard');
    expect(page.element.textContent).toContain('2 berichten');
    // Why a link shows no key: only the family may hold it.
    expect(page.element.textContent).toContain('staat hier als [verborgen]');
  });

  it('should say where messages will appear when there are none yet', async () => {
    await open(page1([]));
    expect(page.element.textContent).toContain('Nog geen berichten');
  });
});
