import { stringify } from 'csv-stringify/sync';
import { REACH_MEASURES, type Locale, type ReachMeasure, type ReachReport, type ReachRow } from '@kring/domain';

type Words = Record<ReachMeasure | 'section' | 'row' | 'attendanceRate' | 'total' | 'month' | 'location' | 'group', string>;

/** The CSV's headings, in the staff languages (Dutch, else English or French). */
const WORDS: Record<'nl' | 'en' | 'fr', Words> = {
  nl: {
    section: 'Indeling',
    row: 'Rij',
    total: 'Totaal',
    month: 'Maand',
    location: 'Plaats',
    group: 'Groep',
    families: 'Gezinnen',
    newFamilies: 'Nieuwe gezinnen',
    returningFamilies: 'Terugkerende gezinnen',
    first1000Families: 'Gezinnen in de eerste 1000 dagen',
    sessionsHeld: 'Bijeenkomsten',
    present: 'Aanwezig',
    marked: 'Aanwezigheid genoteerd',
    attendanceRate: 'Aanwezigheid (%)',
    adults: 'Inloop: volwassenen',
    childrenPregnancy: 'Inloop: zwanger',
    children0To1: 'Inloop: kinderen 0-1',
    children1To3: 'Inloop: kinderen 1-3',
    children3To6: 'Inloop: kinderen 3-6',
    children6Plus: 'Inloop: kinderen 6+',
    firstVisits: 'Inloop: eerste bezoek',
  },
  en: {
    section: 'Breakdown',
    row: 'Row',
    total: 'Total',
    month: 'Month',
    location: 'Place',
    group: 'Group',
    families: 'Families',
    newFamilies: 'New families',
    returningFamilies: 'Returning families',
    first1000Families: 'Families in the first 1000 days',
    sessionsHeld: 'Sessions held',
    present: 'Present',
    marked: 'Attendance recorded',
    attendanceRate: 'Attendance (%)',
    adults: 'Drop-in: adults',
    childrenPregnancy: 'Drop-in: pregnant',
    children0To1: 'Drop-in: children 0-1',
    children1To3: 'Drop-in: children 1-3',
    children3To6: 'Drop-in: children 3-6',
    children6Plus: 'Drop-in: children 6+',
    firstVisits: 'Drop-in: first visit',
  },
  fr: {
    section: 'Répartition',
    row: 'Ligne',
    total: 'Total',
    month: 'Mois',
    location: 'Lieu',
    group: 'Groupe',
    families: 'Familles',
    newFamilies: 'Nouvelles familles',
    returningFamilies: 'Familles qui reviennent',
    first1000Families: 'Familles dans les 1000 premiers jours',
    sessionsHeld: 'Rencontres tenues',
    present: 'Présents',
    marked: 'Présences notées',
    attendanceRate: 'Présence (%)',
    adults: 'Accueil libre : adultes',
    childrenPregnancy: 'Accueil libre : grossesse',
    children0To1: 'Accueil libre : enfants 0-1',
    children1To3: 'Accueil libre : enfants 1-3',
    children3To6: 'Accueil libre : enfants 3-6',
    children6Plus: 'Accueil libre : enfants 6+',
    firstVisits: 'Accueil libre : première visite',
  },
};

function words(locale: Locale): Words {
  return locale === 'en' || locale === 'fr' ? WORDS[locale] : WORDS.nl;
}

export function totalLabel(locale: Locale): string {
  return words(locale).total;
}

/**
 * The report as CSV: the same (suppressed) counts as the page, one line per row, headings in the
 * reader's language. A label a spreadsheet would read as a formula is quoted as text.
 */
export function reachCsv(report: ReachReport, locale: Locale): string {
  const w = words(locale);
  const line = (section: string, row: ReachRow) => [
    section,
    safeText(row.label),
    ...REACH_MEASURES.map((m) => row.counts[m]),
    row.attendanceRate ?? '',
  ];
  const records = [
    line(w.total, report.total),
    ...report.byMonth.map((r) => line(w.month, r)),
    ...report.byLocation.map((r) => line(w.location, r)),
    ...report.byGroup.map((r) => line(w.group, r)),
  ];
  return stringify(records, { header: true, columns: [w.section, w.row, ...REACH_MEASURES.map((m) => w[m]), w.attendanceRate], bom: true });
}

function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
