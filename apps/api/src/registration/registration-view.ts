import { closedOnline, pickLocalized, RegistrationStatus, SessionStatus, type Locale, type RegistrationView } from '@kring/domain';
import type { RegistrationRow } from './registration.repository';

/** A registration as the family sees it (on the link, and in the answer to registering). */
export function toView(r: RegistrationRow, locale: Locale, now: Date): RegistrationView {
  const skippedAhead = r.status === RegistrationStatus.Skipped && r.session_status === SessionStatus.Planned && r.starts_at > now;
  return {
    id: r.id,
    sessionId: r.session_id,
    group: { id: r.group_id, title: pickLocalized(r.group_title, locale).text },
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    place: { name: r.location_name, street: r.location_street, city: r.location_city },
    status: r.status,
    waitlistPosition: r.waitlist_position,
    offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
    series: r.enrolment_id !== null,
    comeAfterAll: skippedAhead ? (closedOnline(r.starts_at, r.closes_hours_before ?? null, now) ? 'call' : 'online') : null,
  };
}
