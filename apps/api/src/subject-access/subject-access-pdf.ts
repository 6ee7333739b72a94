import type { Locale, SubjectAccessExport } from '@kring/domain';
import { PdfWriter } from './pdf-writer';
import { SUBJECT_ACCESS_TEXTS } from './texts/texts';

const ZONE = 'Europe/Brussels';
/** Arabic with Latin digits: dates stay readable next to Latin names and codes. */
const intlLocale = (locale: Locale): string => (locale === 'ar' ? 'ar-u-nu-latn' : `${locale}-BE`);

/** The export as a PDF in the family's language (Arabic right to left), in words for the family. */
export function renderSubjectAccessPdf(data: SubjectAccessExport): Promise<Buffer> {
  const t = SUBJECT_ACCESS_TEXTS[data.locale];
  const w = new PdfWriter(data.locale === 'ar', `${t.title}: ${data.family.displayName}`);
  const day = new Intl.DateTimeFormat(intlLocale(data.locale), { dateStyle: 'long', timeZone: ZONE });
  const moment = new Intl.DateTimeFormat(intlLocale(data.locale), { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE });
  const month = new Intl.DateTimeFormat(intlLocale(data.locale), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const d = (iso: string) => day.format(new Date(iso));
  const at = (iso: string) => moment.format(new Date(iso));
  const word = (code: string | null) => (code === null ? '' : (t.words[code] ?? code.replace(/_/g, ' ')));
  const section = <T>(title: string, rows: T[], each: (row: T) => void, note?: string) => {
    w.heading(title);
    if (note) w.text(note, 9.5);
    if (rows.length === 0) w.text(t.nothing);
    rows.forEach(each);
  };

  w.title(t.title);
  w.text(t.intro);
  w.text(t.questions);
  w.text(`${t.made} ${at(data.generatedAt)}`, 9.5);

  const f = data.family;
  w.heading(t.sections.contact);
  w.field(t.labels.name, f.displayName);
  if (f.phone) w.field(t.labels.phone, f.phone);
  if (f.email) w.field(t.labels.email, f.email);
  w.field(t.labels.language, f.locale);
  w.field(t.labels.code, f.code);
  w.field(t.labels.since, d(f.createdAt));

  section(t.sections.children, data.children, (c) => w.text(`${t.labels.born} ${month.format(new Date(`${c.month}-01T00:00:00Z`))}`));
  section(t.sections.consents, data.consents, (c) =>
    w.text(`${c.purpose} (${c.noticeVersion}): ${t.labels.given} ${d(c.givenAt)}, ${word(c.method)}`),
  );
  section(t.sections.enrolments, data.enrolments, (e) =>
    w.text(`${e.groupTitle}: ${d(e.createdAt)}${e.cancelledAt ? `, ${t.labels.stopped} ${d(e.cancelledAt)}` : ''}`),
  );
  section(t.sections.registrations, data.registrations, (r) => w.text(`${at(r.sessionStartsAt)}, ${r.groupTitle}: ${word(r.status)}`));
  section(t.sections.attendance, data.attendance, (a) => w.text(`${at(a.sessionStartsAt)}, ${a.groupTitle}: ${word(a.status)}`));
  section(
    t.sections.messages,
    data.messages,
    (m) => {
      w.text(`${at(m.createdAt)}, ${word(m.channel)}${m.sentAt ? `, ${t.labels.sent} ${at(m.sentAt)}` : ''}`);
      if (m.erasedAt) w.text(`${t.labels.erased} ${d(m.erasedAt)}`, 9.5);
      else w.text([m.subject, m.body].filter(Boolean).join('\n'), 9.5);
    },
    t.notes.messages,
  );
  section(
    t.sections.flags,
    data.flags,
    (g) => {
      w.text(`${at(g.createdAt)}: ${word(g.category)} (${t.labels.status}: ${word(g.status)})`, 11);
      if (g.session) w.field(t.labels.session, `${at(g.session.startsAt)}, ${g.session.groupTitle}`);
      for (const key of ['fact', 'interpretation', 'strengths', 'parentWords', 'notDiscussedReason'] as const) {
        const value = g[key];
        if (value) w.field(t.fields[key], value);
      }
      for (const a of g.amendments)
        w.field(`${t.labels.added} (${t.fields[a.field as keyof typeof t.fields] ?? a.field}, ${d(a.at)})`, a.text);
      for (const s of g.statusChanges)
        w.text(`${d(s.at)}: ${t.labels.changed}: ${word(s.to)}${s.closeReason ? ` (${word(s.closeReason)})` : ''}`, 9.5);
      if (g.status !== 'closed') w.field(t.labels.review, d(`${g.reviewBy}T12:00:00Z`));
    },
    t.notes.flags,
  );
  section(
    t.sections.referrals,
    data.referrals,
    (r) => {
      w.text(`${d(r.createdAt)}: ${r.service} (${t.labels.status}: ${word(r.status)})`);
      if (r.sentAt) w.field(t.labels.sent, `${d(r.sentAt)}${r.sentChannel ? `, ${word(r.sentChannel)}` : ''}`);
      for (const s of r.steps) w.text(`${d(s.at)}: ${word(s.to)}`, 9.5);
      for (const o of r.linkOpens) w.text(`${at(o.at)}: ${word(o.link)}`, 9.5);
      for (const c of r.consents) w.field(`${t.labels.shared} (${d(c.givenAt)})`, c.fields.map((f) => word(f)).join(', '));
    },
    t.notes.referrals,
  );
  section(t.sections.holds, data.legalHolds, (h) =>
    w.text(`${d(h.setAt)}: ${h.reason}${h.liftedAt ? ` (${t.labels.lifted} ${d(h.liftedAt)})` : ''}`),
  );
  section(
    t.sections.accessLog,
    data.accessLog,
    (e) => w.text(`${at(e.at)}: ${word(e.record)}, ${t.labels.reason}: ${word(e.purpose.startsWith('other:') ? 'other' : e.purpose)}`, 9.5),
    t.notes.accessLog,
  );
  return w.finish();
}
