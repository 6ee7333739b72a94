/** What to say about a review date the rules refuse (see `reviewDateProblem`). */
export function reviewDateKey(reason: string | undefined): string | null {
  if (!reason) return null;
  if (reason === 'review_date_past') return 'flags.log.errors.reviewByPast';
  if (reason === 'review_date_too_far') return 'flags.log.errors.reviewByTooFar';
  return 'flags.log.errors.reviewBy';
}
