import type { PublicGroupSummary } from '@kring/domain';

/** A public group as the API sends it; override what the test is about. */
export function makePublicGroup(overrides: Partial<PublicGroupSummary> = {}): PublicGroupSummary {
  return {
    id: '7d0f7f5e-4a59-4c51-9d55-0d5cf3f1a001',
    title: 'Babybabbels',
    description: 'Elke week praten ouders van baby’s samen over slapen, huilen en spelen.',
    locale: 'nl',
    kind: 'series',
    audience: '0-1',
    spokenLanguages: ['nl'],
    location: { name: 'Huis van het Kind Sint-Niklaas', city: 'Sint-Niklaas' },
    ...overrides,
  };
}
