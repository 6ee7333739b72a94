/**
 * Refusals that several contexts give in the same words, worded once. A context's own repeated
 * refusals live in its `<context>.errors.ts`.
 */
export const NO_SESSION_IN_YOUR_GROUPS = 'No such session in your groups.';
export const NO_FAMILY_IN_YOUR_GROUPS = 'No such family in your groups.';
export const NO_SUCH_GROUP = 'There is no such group.';
export const FAMILY_NOT_FOUND = 'We could not find that family.';
export const NO_SUCH_FAMILY = 'There is no such family.';
export const NO_ACCESS = 'You do not have access to this.';
export const TWO_FACTOR_FIRST = 'Finish the two-factor step first.';
export const CODE_NOT_RIGHT = 'That code is not right, or it has expired.';
/** A parent's link (manage link, referral link) that is unknown, expired or replaced: whom to ask instead. */
export const linkDoesNotWork = (centreName: string) =>
  `This link does not work (any more). Call ${centreName} or ask at the Huis van het Kind: we gladly help.`;
