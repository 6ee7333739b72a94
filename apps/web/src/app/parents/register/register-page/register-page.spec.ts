import type { RegisterRequest } from '@kring/domain';
import type { RenderedPage } from '../../../../testing/pages';
import { renderPage } from '../../../../testing/pages';
import { apiError } from '../../../../testing/staff';
import { provideParentIcons } from '../../shared/parent-icons';
import {
  BABY_GROUP_ID,
  CENTRE_URL,
  SESSION_IDS,
  TOKEN,
  makeCentreContact,
  makeGroupPage,
  makeRegisterResponse,
  makeRegistrationView,
  makeSeriesSessions,
} from '../../testing/parents';
import { RegisterPage } from './register-page';

const GROUP = `/api/v1/public/groups/${BABY_GROUP_ID}?locale=nl`;
const NOTICE = '/api/v1/public/privacy-notice?locale=nl';
const REGISTER = '/api/v1/public/registrations';

describe(RegisterPage.name, () => {
  let page: RenderedPage;

  async function open(url = `/groepen/${BABY_GROUP_ID}/inschrijven`, group = makeGroupPage()): Promise<void> {
    page = await renderPage(RegisterPage, {
      path: 'groepen/:groupId/inschrijven',
      url,
      providers: [provideParentIcons()],
    });
    page.http.expectOne(GROUP).flush(group);
    page.http
      .expectOne(NOTICE)
      .flush({ version: '2026-11', locale: 'nl', summary: 'We bewaren alleen wat nodig is.', text: 'De hele tekst.' });
    await page.settle();
  }

  const question = () => page.element.querySelector('h2[data-step-heading]')?.textContent?.trim();
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  async function type(selector: string, value: string): Promise<void> {
    const input = page.element.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await page.settle();
  }

  /** Walks the five steps as a parent does, up to the yes to the privacy notice. */
  async function answerAll(): Promise<void> {
    await type('kr-name-step input', 'Sara');
    await page.press('Verder');
    await type('kr-contact-step input', '0470 12 34 56');
    await page.press('Verder');
    const [month, year] = page.element.querySelectorAll<HTMLSelectElement>('kr-children-step select');
    month.value = '05';
    month.dispatchEvent(new Event('change'));
    year.value = '2026';
    year.dispatchEvent(new Event('change'));
    await page.settle();
    await page.press('Verder');
    page.element.querySelector<HTMLInputElement>('kr-needs-step mat-checkbox input')?.click();
    await page.settle();
    await page.press('Verder');
    page.element.querySelector<HTMLInputElement>('kr-consent-step mat-checkbox input')?.click();
    await page.settle();
  }

  afterEach(() => {
    page.http.match(CENTRE_URL); // the done page asks how to reach the centre
    page.http.verify();
    localStorage.clear();
  });

  it('should ask one question per step and show where the parent is', async () => {
    await open();

    expect(page.element.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Inschrijven voor Babybabbels');
    expect(text()).toContain('De hele reeks, vanaf');
    expect(text()).toContain('Stap 1 van 5');
    expect(question()).toBe('Hoe mogen we je noemen?');
    expect(page.element.querySelectorAll('kr-name-step input')).toHaveLength(1);
  });

  it('should say what to do next to the field, and not move on, when the name is empty', async () => {
    await open();

    await page.press('Verder');

    expect(question()).toBe('Hoe mogen we je noemen?');
    expect(page.element.querySelector('mat-error')?.textContent?.trim()).toBe('Vul je voornaam in. Een bijnaam mag ook.');
  });

  it('should refuse a phone number that cannot get an SMS, and take an e-mail instead when the parent prefers', async () => {
    await open();
    await type('kr-name-step input', 'Sara');
    await page.press('Verder');

    await type('kr-contact-step input', '0470 12');
    await page.press('Verder');
    expect(page.element.querySelector('mat-error')?.textContent).toContain('Naar dit nummer kunnen we geen sms sturen');

    await page.press('Ik heb liever een e-mail');
    expect(page.element.querySelector('kr-contact-step input')?.getAttribute('type')).toBe('email');
    expect(page.element.querySelector('mat-error')).toBeNull();
  });

  it('should ask for the year of a child next to it, and drop the message once the year is chosen', async () => {
    await open();
    await type('kr-name-step input', 'Sara');
    await page.press('Verder');
    await type('kr-contact-step input', 'sara@voorbeeld.be');
    await page.press('Ik heb liever een e-mail');
    await type('kr-contact-step input', 'sara@voorbeeld.be');
    await page.press('Verder');
    const [month, year] = page.element.querySelectorAll<HTMLSelectElement>('kr-children-step select');
    month.value = '05';
    month.dispatchEvent(new Event('change'));
    await page.settle();

    await page.press('Verder');
    expect(page.element.querySelector('#child-error-0')?.textContent?.trim()).toBe('Kies de maand en het jaar.');
    expect(month.getAttribute('aria-invalid')).toBe('true');

    year.value = '2026';
    year.dispatchEvent(new Event('change'));
    await page.settle();
    expect(page.element.querySelector('#child-error-0')).toBeNull();
    expect(month.getAttribute('aria-invalid')).toBe('false');
    await page.press('Verder');
    expect(question()).toBe('Wat kan je helpen om te komen?');
  });

  it('should register the family for the whole series, once, even when "Inschrijven" is pressed twice', async () => {
    await open();
    await answerAll();

    const submit = page.element.querySelector<HTMLButtonElement>('button[type=submit]');
    expect(submit?.textContent?.trim()).toBe('Inschrijven');
    submit?.click();
    submit?.click();
    await page.settle();

    const requests = page.http.match(REGISTER);
    expect(requests).toHaveLength(1);
    expect(requests[0].request.body).toEqual({
      groupId: BABY_GROUP_ID,
      displayName: 'Sara',
      phone: '0470 12 34 56',
      children: ['2026-05'],
      needs: ['childcare'],
      locale: 'nl',
      discreet: false,
      consentNoticeVersion: '2026-11',
      consentGiven: true,
      website: '',
    } satisfies RegisterRequest);
    expect(page.element.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(true);

    requests[0].flush(makeRegisterResponse());
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Je bent ingeschreven');
    expect(page.element.querySelector('[data-testid=registration-code]')?.textContent).toBe('A7F QWK');
    expect(text()).toContain('We sturen je een sms de dag ervoor.');
    expect(text()).toContain('Je krijgt ook meteen een sms met je code en een link.');
    const manage = [...page.element.querySelectorAll('a')].find((a) => a.textContent?.includes('Bekijk of verander'));
    expect(manage?.getAttribute('href')).toBe(`/mijn-inschrijving#token=${TOKEN}`);

    // Questions? One tap calls or mails the centre.
    page.http.expectOne(CENTRE_URL).flush(makeCentreContact());
    await page.settle();
    expect(text()).toContain('Vragen? Bel of mail ons gerust.');
    const contact = [...page.element.querySelectorAll('kr-centre-contact-links a')].map((a) => [
      a.textContent?.replace(/\s+/g, ' ').trim(),
      a.getAttribute('href'),
    ]);
    expect(contact).toEqual([
      ['Bel De Keerkring 03 123 45 67', 'tel:+3231234567'],
      ['Mail ons info@keerkring.be', 'mailto:info@keerkring.be'],
    ]);
  });

  it('should register for one date when the parent chose "Alleen deze keer"', async () => {
    await open(`/groepen/${BABY_GROUP_ID}/inschrijven?sessie=${SESSION_IDS[1]}`);
    await answerAll();

    await page.press('Inschrijven');

    const request = page.http.expectOne(REGISTER);
    expect(request.request.body.sessionId).toBe(SESSION_IDS[1]);
    expect(request.request.body.groupId).toBeUndefined();
    request.flush(makeRegisterResponse({ registrations: [makeRegistrationView({ sessionId: SESSION_IDS[1], series: false })] }));
  });

  it('should show the place on the waitlist and the fairness rule when the group is full', async () => {
    await open(undefined, makeGroupPage({ sessions: makeSeriesSessions({ seatsLeft: 0 }) }));
    expect(page.element.querySelector('h1')?.textContent).toContain('Op de wachtlijst voor');
    await answerAll();

    await page.press('Zet me op de wachtlijst');
    page.http
      .expectOne(REGISTER)
      .flush(makeRegisterResponse({ registrations: [makeRegistrationView({ status: 'waitlisted', waitlistPosition: 2 })] }));
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Je staat op de wachtlijst');
    expect(text()).toContain('Je bent nummer 2 op de wachtlijst');
    expect(text()).toContain('Een gezin schuift samen op');
  });

  it('should word a repeat like a new registration, without a code, dates or link', async () => {
    await open();
    await answerAll();

    await page.press('Inschrijven');
    page.http.expectOne(REGISTER).flush({ repeat: true, code: null, manageUrl: null, registrations: [] });
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Dank je, we hebben je inschrijving');
    expect(text()).toContain('We sturen je bevestiging naar dat nummer.');
    expect(page.element.querySelector('[data-testid=registration-code]')).toBeNull();
    expect(text()).not.toContain('Je data');
    expect([...page.element.querySelectorAll('a')].some((a) => a.getAttribute('href')?.includes('mijn-inschrijving'))).toBe(false);
  });

  it('should take the parent back to the phone step with a kind message when the API refuses the number', async () => {
    await open();
    await answerAll();

    await page.press('Inschrijven');
    page.http
      .expectOne(REGISTER)
      .flush(...apiError(400, 'validation_failed', { fields: [{ field: 'phone', code: 'invalid', message: 'x' }] }));
    await page.settle();

    expect(question()).toBe('Hoe kunnen we je een bericht sturen?');
    expect(page.element.querySelector('mat-error')?.textContent).toContain('Naar dit nummer kunnen we geen sms sturen');
    expect(page.element.querySelector<HTMLInputElement>('kr-contact-step input')?.value).toBe('0470 12 34 56');
  });

  it('should say kindly, in the parent’s language, how long to wait when there were too many registrations', async () => {
    await open();
    await answerAll();

    await page.press('Inschrijven');
    page.http.expectOne(REGISTER).flush(...apiError(429, 'too_many_requests', { headers: { 'Retry-After': '1800' } }));
    await page.settle();

    expect(page.element.querySelector('.problem')?.textContent).toContain(
      'Er kwamen net veel inschrijvingen van hier. Probeer het over 30 minuten opnieuw. Of vraag het aan een medewerker van De Keerkring of het Huis van het Kind: die kan je meteen inschrijven, ook aan de telefoon.',
    );
    expect(page.element.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(false);
  });

  it('should keep a field people never see, for bots only', async () => {
    await open();

    const honeypot = page.element.querySelector<HTMLInputElement>('#register-website');
    expect(honeypot?.closest('[aria-hidden=true]')).not.toBeNull();
    expect(honeypot?.tabIndex).toBe(-1);
    expect(honeypot?.getAttribute('autocomplete')).toBe('off');
  });

  it('should say registering is not possible when the group takes no registration', async () => {
    await open(undefined, makeGroupPage({ kind: 'drop_in', registrationMode: 'none' }));

    expect(page.element.querySelector('form')).toBeNull();
    expect(text()).toContain('Inschrijven kan hier nu niet meer.');
  });
});
