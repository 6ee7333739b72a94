import { describe, expect, it } from 'vitest';
import { LOCALES } from '@kring/domain';
import { MessageKind, renderMessage, senderName, type MessageFacts } from './templates';

const facts: Omit<MessageFacts, 'discreet'> = {
  name: 'Sara',
  groupTitle: 'Rouwgroep voor ouders',
  startsAt: new Date('2027-03-09T13:00:00Z'),
  previousStartsAt: new Date('2027-03-09T08:30:00Z'),
  place: 'Huis van het Kind, Markt 1, Temse',
  code: 'K7M2QX',
  manageUrl: 'https://kring.test/mijn-inschrijving#token=abc',
  position: 2,
  offerUntil: new Date('2027-03-08T12:00:00Z'),
  reason: 'De begeleider van de rouwgroep is ziek.',
  centrePhone: '03 123 45 67',
};

describe('renderMessage', () => {
  const every = LOCALES.flatMap((locale) => Object.values(MessageKind).map((kind) => [locale, kind] as const));

  it.each(every)('should name no group, topic or reason in any part for a discreet family (%s, %s)', (locale, kind) => {
    const message = renderMessage(kind, locale, { ...facts, discreet: true });
    expect(`${message.subject} ${message.email} ${message.sms}`).not.toMatch(/Rouwgroep|rouwgroep|ziek/);
    expect(senderName(true)).not.toMatch(/Keerkring/);
  });

  it.each(LOCALES)('should tell a changed session with its earlier and its new time (%s)', (locale) => {
    const message = renderMessage(MessageKind.SessionChanged, locale, { ...facts, discreet: false });
    expect(message.subject).toContain('Rouwgroep voor ouders');
    expect(message.email).toContain(facts.place);
    expect(message.email).toContain(facts.manageUrl);
    expect(message.email).toMatch(/9[.:h]30/);
    expect(message.email).toMatch(/14[.:h]00/);
    expect(message.sms).toMatch(/14[.:h]00/);
  });

  it('should keep place and time in a discreet family’s e-mail', () => {
    const message = renderMessage(MessageKind.SessionChanged, 'nl', { ...facts, discreet: true });
    expect(message.subject).toBe('Je afspraak');
    expect(message.email).toContain('De bijeenkomst van dinsdag 9 maart, 9.30 uur is veranderd. Ze is nu op dinsdag 9 maart, 14.00 uur');
    expect(message.email).toContain(facts.place);
  });
});
