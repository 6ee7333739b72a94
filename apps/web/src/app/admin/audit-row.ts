import type { AuditEventView } from '@kring/domain';

/** One audit event, ready to show: when, who, what and which record in plain words. */
export interface AuditRow {
  id: string;
  occurredAt: string;
  who: string;
  what: string;
  record: string;
  event: AuditEventView;
}
