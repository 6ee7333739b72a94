import type { AuditEventView } from '@kring/domain';
import { STAFF_ROLES } from '@kring/domain';

/** The filter choices: an action prefix the API matches (`auth.sign_in.` …), or everything. */
export const AUDIT_ACTION_GROUPS = [
  { prefix: '', key: 'audit.groups.all' },
  { prefix: 'auth.sign_in.', key: 'audit.groups.signIn' },
  { prefix: 'auth.two_factor.', key: 'audit.groups.twoFactor' },
  { prefix: 'staff.', key: 'audit.groups.accounts' },
  { prefix: 'record.', key: 'audit.groups.reads' },
] as const;

/** A translator: the text for a key, or null when there is none. */
export type Translate = (key: string, params?: Record<string, unknown>) => string | null;

export interface DetailLine {
  label: string;
  value: string;
}

/** Details that are internal references, not something a person reads. */
const HIDDEN_DETAILS = new Set(['link']);

/** What happened, in plain words ("Aangemeld", "Account gemaakt"); the code itself when unknown. */
export function describeAction(action: string, t: Translate): string {
  return t(`audit.actions.${action}`) ?? action;
}

/** Which record: a translated kind and, for accounts, the person's name; else a short id. */
export function describeRecord(event: AuditEventView, t: Translate, names: ReadonlyMap<string, string>): string {
  if (!event.entity) return '';
  const kind = t(`audit.entities.${event.entity}`) ?? event.entity;
  if (!event.entityId) return kind;
  const name = event.entity === 'staff_user' ? names.get(event.entityId) : undefined;
  return `${kind}: ${name ?? event.entityId.slice(0, 8)}`;
}

/** The details as label and value lines, each in plain words where Kring knows them. */
export function describeDetails(event: AuditEventView, t: Translate): DetailLine[] {
  const lines: DetailLine[] = [];
  const label = (key: string) => t(`audit.details.${key}`) ?? key;
  for (const [key, value] of Object.entries(event.details ?? {})) {
    if (HIDDEN_DETAILS.has(key) || value === null || value === undefined) continue;
    lines.push({ label: label(key), value: describeValue(key, value, t) });
  }
  if (event.purpose) lines.push({ label: label('purpose'), value: event.purpose });
  if (event.ip) lines.push({ label: label('ip'), value: event.ip });
  return lines;
}

function describeValue(key: string, value: unknown, t: Translate): string {
  if (Array.isArray(value)) return value.map((item) => describeValue(key, item, t)).join(', ');
  if (typeof value === 'string') {
    if ((STAFF_ROLES as readonly string[]).includes(value)) return t(`roles.${value}`) ?? value;
    return t(`audit.values.${key}.${value}`) ?? value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
