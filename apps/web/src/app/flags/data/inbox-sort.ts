import type { FlagSummary, FlagUrgency } from '@kring/domain';

/** What the inbox can be sorted by. */
export const INBOX_SORTS = ['urgency', 'category', 'family', 'location', 'created', 'review'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
export interface InboxOrder {
  by: InboxSort;
  direction: 'asc' | 'desc';
}

/** The default order: the most urgent first, and among those the longest waiting. */
export const DEFAULT_ORDER: InboxOrder = { by: 'urgency', direction: 'desc' };

const URGENCY_RANK: Readonly<Record<FlagUrgency, number>> = { note: 0, discuss: 1, urgent: 2 };

function key(flag: FlagSummary, by: InboxSort): string | number {
  switch (by) {
    case 'urgency':
      return URGENCY_RANK[flag.urgency];
    case 'category':
      return flag.category;
    case 'family':
      return flag.family.displayName.toLocaleLowerCase();
    case 'location':
      return flag.location?.name.toLocaleLowerCase() ?? '';
    case 'created':
      return flag.createdAt;
    case 'review':
      return flag.reviewBy;
  }
}

/** The flags in this order; ties go to the one waiting longest (oldest first). */
export function sortInbox(flags: readonly FlagSummary[], order: InboxOrder): FlagSummary[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...flags].sort((a, b) => {
    const ka = key(a, order.by);
    const kb = key(b, order.by);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return a.createdAt.localeCompare(b.createdAt);
  });
}
