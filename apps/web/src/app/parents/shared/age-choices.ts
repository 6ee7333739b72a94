import type { Audience } from '@kring/domain';
import { Audience as A } from '@kring/domain';

/** What parents choose on "Wat zoek je?": an age, shown as a picture with a label. */
export const AGE_CHOICES = [
  { id: 'pregnancy', audiences: [A.Pregnancy] },
  { id: 'baby', audiences: [A.Age0To1] },
  { id: 'toddler', audiences: [A.Age1To3] },
  { id: 'preschooler', audiences: [A.Age3To6] },
  { id: 'older', audiences: [A.Age6To12, A.Age12To18] },
] as const satisfies ReadonlyArray<{ id: string; audiences: readonly Audience[] }>;

export type AgeChoiceId = (typeof AGE_CHOICES)[number]['id'];

export function ageChoice(id: string | null | undefined): (typeof AGE_CHOICES)[number] | null {
  return AGE_CHOICES.find((choice) => choice.id === id) ?? null;
}
