import { describe, expect, it } from 'vitest';
import { LOCALES } from '@kring/domain';
import { MessageKind, POSITION_SLOT, renderMessage, type MessageFacts } from './templates';

/**
 * Every message kind × locale × discreet or not, with the facts that change a text: the rendered texts
 * are kept in a file, so a change of wording (or of the way texts are made) shows as a diff to review.
 * A variant is kept only where it renders differently from the base facts.
 */
const base: Omit<MessageFacts, 'discreet'> = {
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

const variants: Record<string, Partial<MessageFacts>> = {
  base: {},
  'position 0': { position: 0 },
  'position 1': { position: 1 },
  'position 5': { position: 5 },
  'position slot': { position: POSITION_SLOT },
  'no reason': { reason: undefined },
  'no place': { place: '' },
  'no phone': { centrePhone: undefined },
  'no offer end': { offerUntil: null },
  'no earlier time': { previousStartsAt: undefined },
  'winter time': { startsAt: new Date('2027-12-07T18:05:00Z') },
};

describe('rendered texts', () => {
  it('should render every kind, locale and variant as in the snapshot file', async () => {
    const all: Record<string, unknown> = {};
    for (const kind of Object.values(MessageKind))
      for (const locale of LOCALES)
        for (const discreet of [false, true]) {
          const first = JSON.stringify(renderMessage(kind, locale, { ...base, discreet }));
          for (const [name, change] of Object.entries(variants)) {
            const rendered = renderMessage(kind, locale, { ...base, ...change, discreet });
            if (name !== 'base' && JSON.stringify(rendered) === first) continue;
            all[`${kind} ${locale}${discreet ? ' discreet' : ''} ${name}`] = rendered;
          }
        }
    await expect(JSON.stringify(all, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/templates.texts.json');
  });
});
