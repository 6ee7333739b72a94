import { DateTime } from 'luxon';
import { PLANNING_ZONE, type Locale } from '@kring/domain';

export const MessageKind = {
  Confirmation: 'confirmation',
  Waitlisted: 'waitlisted',
  SeatOffered: 'seat_offered',
  Reminder: 'reminder',
  SessionCancelled: 'session_cancelled',
  RegistrationCancelled: 'registration_cancelled',
  /** The centre cancelled (the family asked by phone, or something came up): "we", with a way to ask. */
  RegistrationCancelledByCentre: 'registration_cancelled_by_centre',
  /** Staff moved the session in time or place: the new time and place (and, when confirmed, the updated .ics). */
  SessionChanged: 'session_changed',
  /** Someone registered again with this family's contact on the public form: its code and link, sent to the contact on file. */
  RegistrationAgain: 'registration_again',
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

/**
 * Stands for the waitlist position in a text rendered before the position is known; the statement
 * that places the registration writes the number in (see `outboxInsert`). A private-use character:
 * nobody types it.
 */
export const POSITION_SLOT = '\uE000';

export interface MessageFacts {
  name: string;
  groupTitle: string;
  startsAt: Date;
  place: string;
  code: string;
  manageUrl: string;
  /** The waitlist place, or `POSITION_SLOT` when the text is made before it is known. */
  position?: number | typeof POSITION_SLOT | null;
  offerUntil?: Date | null;
  reason?: string;
  /** The centre's phone number, for "call us" (see `KRING_CENTRE_PHONE`). */
  centrePhone?: string;
  /** For a session that changed: when it started before (what the family last heard). */
  previousStartsAt?: Date;
  /** Neutral wording: no group name, topic or staff's reason in any part; a neutral sender. Place and time stay. */
  discreet: boolean;
}

export interface RenderedMessage {
  subject: string;
  email: string;
  sms: string;
}

const LUXON_LOCALE: Record<Locale, string> = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE', ar: 'ar' };

const WHEN_CACHE = new Map<string, string>();

/** "dinsdag 9 december, 9.30 uur" — as people say it, in Brussels time. Remembered: many messages name the same session. */
export function when(at: Date, locale: Locale): string {
  const key = `${at.getTime()}:${locale}`;
  let said = WHEN_CACHE.get(key);
  if (said === undefined) {
    if (WHEN_CACHE.size >= 1000) WHEN_CACHE.clear();
    said = sayWhen(at, locale);
    WHEN_CACHE.set(key, said);
  }
  return said;
}

function sayWhen(at: Date, locale: Locale): string {
  const d = DateTime.fromJSDate(at, { zone: PLANNING_ZONE }).setLocale(LUXON_LOCALE[locale]);
  const time = locale === 'nl' ? `${d.toFormat('H.mm')} uur` : locale === 'fr' ? d.toFormat("H'h'mm") : d.toFormat('HH:mm');
  return `${d.toFormat('cccc d LLLL')}, ${time}`;
}

/** When a changed session started before. */
function before(f: MessageFacts, locale: Locale): string {
  return when(f.previousStartsAt ?? f.startsAt, locale);
}

type Texts = Record<MessageKind, (f: MessageFacts, w: string) => { subject: string; body: string; sms: string }>;

const NL: Texts = {
  confirmation: (f, w) => ({
    subject: `Je bent ingeschreven: ${f.groupTitle}`,
    body: `Dag ${f.name},\n\nJe bent ingeschreven voor ${f.groupTitle} op ${w} in ${f.place}.\nJe code is ${f.code}. Noem die aan de deur of aan de telefoon.\nWe sturen je de dag ervoor een herinnering.\n\nKan je niet komen of wil je iets veranderen? Dat kan hier: ${f.manageUrl}`,
    sms: `Je bent ingeschreven voor ${w}. Code ${f.code}. Aanpassen: ${f.manageUrl}`,
  }),
  waitlisted: (f, w) => ({
    subject: `Je staat op de wachtlijst: ${f.groupTitle}`,
    body: `Dag ${f.name},\n\nDe groep van ${w} is vol. Je staat op de wachtlijst, op plaats ${f.position}.\nKomt er een plaats vrij, dan sturen we je meteen een bericht.\nJe code is ${f.code}.\n\nVan de wachtlijst gaan kan hier: ${f.manageUrl}`,
    sms: `Je staat op de wachtlijst (plaats ${f.position}) voor ${w}. Code ${f.code}. ${f.manageUrl}`,
  }),
  seat_offered: (f, w) => ({
    subject: `Er is een plaats vrij: ${f.groupTitle}`,
    body: `Dag ${f.name},\n\nEr is een plaats vrij voor ${w}. We houden ze voor je vast tot ${f.offerUntil ? when(f.offerUntil, 'nl') : ''}.\nZeg ja of nee via: ${f.manageUrl}`,
    sms: `Er is een plaats vrij voor ${w}. Zeg ja voor ${f.offerUntil ? when(f.offerUntil, 'nl') : ''}: ${f.manageUrl}`,
  }),
  reminder: (f, w) => ({
    subject: `Tot morgen: ${f.groupTitle}`,
    body: `Dag ${f.name},\n\nWe zien je graag op ${w} in ${f.place}. Je code is ${f.code}.\nKan je toch niet? Laat het ons weten: ${f.manageUrl}`,
    sms: `Tot ${w} in ${f.place}. Kan je niet? ${f.manageUrl}`,
  }),
  session_cancelled: (f, w) => ({
    subject: `Gaat niet door: ${f.groupTitle} op ${w}`,
    body: `Dag ${f.name},\n\nJammer: de bijeenkomst van ${w} gaat niet door. ${f.reason ?? ''}\nJe andere inschrijvingen blijven gewoon staan: ${f.manageUrl}`,
    sms: `De bijeenkomst van ${w} gaat niet door. ${f.manageUrl}`,
  }),
  registration_cancelled: (f, w) => ({
    subject: `Je inschrijving is geannuleerd`,
    body: `Dag ${f.name},\n\nJe inschrijving voor ${w} is geannuleerd. Je bent altijd welkom om opnieuw in te schrijven.`,
    sms: `Je inschrijving voor ${w} is geannuleerd. Je bent altijd welkom.`,
  }),
  registration_cancelled_by_centre: (f, w) => ({
    subject: `We hebben je inschrijving geannuleerd`,
    body: `Dag ${f.name},\n\nWe hebben je inschrijving voor ${f.groupTitle} op ${w} geannuleerd.\nHeb je vragen, of klopt dit niet? Bel ons gerust${f.centrePhone ? ` op ${f.centrePhone}` : ''}, we helpen je graag.\nJe bent altijd welkom om opnieuw in te schrijven.`,
    sms: `We hebben je inschrijving voor ${w} geannuleerd. Vragen? Bel ons gerust${f.centrePhone ? `: ${f.centrePhone}` : '.'}`,
  }),
  session_changed: (f, w) => ({
    subject: `Gewijzigd: ${f.groupTitle}`,
    body: `Dag ${f.name},\n\nDe bijeenkomst van ${before(f, 'nl')} is veranderd. Ze is nu op ${w} in ${f.place}.\nJe code blijft ${f.code}.\n\nKan je op het nieuwe moment niet komen? Laat het ons weten: ${f.manageUrl}`,
    sms: `Je bijeenkomst van ${before(f, 'nl')} is veranderd: nu ${w}, ${f.place}. Kan je niet? ${f.manageUrl}`,
  }),
  registration_again: (f, w) => ({
    subject: `Je inschrijving: ${f.groupTitle}`,
    body: `Dag ${f.name},\n\nJe bent al ingeschreven voor ${f.groupTitle} op ${w} in ${f.place}. Hier is je code nog eens: ${f.code}.\nJe inschrijving bekijken of veranderen kan hier: ${f.manageUrl}\n\nHeb jij je niet opnieuw ingeschreven? Dan hoef je niets te doen. Vragen? Bel ons gerust${f.centrePhone ? ` op ${f.centrePhone}` : ''}.`,
    sms: `Je bent al ingeschreven voor ${w}. Code ${f.code}. Bekijken: ${f.manageUrl}`,
  }),
};

const EN: Texts = {
  confirmation: (f, w) => ({
    subject: `You are registered: ${f.groupTitle}`,
    body: `Hello ${f.name},\n\nYou are registered for ${f.groupTitle} on ${w} at ${f.place}.\nYour code is ${f.code}. Say it at the door or on the phone.\nWe will send you a reminder the day before.\n\nCan't come, or want to change something? You can do that here: ${f.manageUrl}`,
    sms: `You are registered for ${w}. Code ${f.code}. Change: ${f.manageUrl}`,
  }),
  waitlisted: (f, w) => ({
    subject: `You are on the waiting list: ${f.groupTitle}`,
    body: `Hello ${f.name},\n\nThe group on ${w} is full. You are on the waiting list, in place ${f.position}.\nWhen a place comes free, we will message you straight away.\nYour code is ${f.code}.\n\nTo leave the waiting list: ${f.manageUrl}`,
    sms: `You are on the waiting list (place ${f.position}) for ${w}. Code ${f.code}. ${f.manageUrl}`,
  }),
  seat_offered: (f, w) => ({
    subject: `A place is free: ${f.groupTitle}`,
    body: `Hello ${f.name},\n\nA place is free for ${w}. We keep it for you until ${f.offerUntil ? when(f.offerUntil, 'en') : ''}.\nSay yes or no here: ${f.manageUrl}`,
    sms: `A place is free for ${w}. Say yes before ${f.offerUntil ? when(f.offerUntil, 'en') : ''}: ${f.manageUrl}`,
  }),
  reminder: (f, w) => ({
    subject: `See you tomorrow: ${f.groupTitle}`,
    body: `Hello ${f.name},\n\nWe look forward to seeing you on ${w} at ${f.place}. Your code is ${f.code}.\nCan't come after all? Let us know: ${f.manageUrl}`,
    sms: `See you ${w} at ${f.place}. Can't come? ${f.manageUrl}`,
  }),
  session_cancelled: (f, w) => ({
    subject: `Not happening: ${f.groupTitle} on ${w}`,
    body: `Hello ${f.name},\n\nWe are sorry: the meeting on ${w} will not take place. ${f.reason ?? ''}\nYour other registrations stay as they are: ${f.manageUrl}`,
    sms: `The meeting on ${w} will not take place. ${f.manageUrl}`,
  }),
  registration_cancelled: (f, w) => ({
    subject: `Your registration is cancelled`,
    body: `Hello ${f.name},\n\nYour registration for ${w} is cancelled. You are always welcome to register again.`,
    sms: `Your registration for ${w} is cancelled. You are always welcome.`,
  }),
  registration_cancelled_by_centre: (f, w) => ({
    subject: `We have cancelled your registration`,
    body: `Hello ${f.name},\n\nWe have cancelled your registration for ${f.groupTitle} on ${w}.\nDo you have questions, or is this not right? Just call us${f.centrePhone ? ` on ${f.centrePhone}` : ''}, we are glad to help.\nYou are always welcome to register again.`,
    sms: `We have cancelled your registration for ${w}. Questions? Just call us${f.centrePhone ? `: ${f.centrePhone}` : '.'}`,
  }),
  session_changed: (f, w) => ({
    subject: `Changed: ${f.groupTitle}`,
    body: `Hello ${f.name},\n\nThe meeting of ${before(f, 'en')} has changed. It is now on ${w} at ${f.place}.\nYour code stays ${f.code}.\n\nCan't come at the new time? Let us know: ${f.manageUrl}`,
    sms: `Your meeting of ${before(f, 'en')} has changed: now ${w}, ${f.place}. Can't come? ${f.manageUrl}`,
  }),
  registration_again: (f, w) => ({
    subject: `Your registration: ${f.groupTitle}`,
    body: `Hello ${f.name},\n\nYou are already registered for ${f.groupTitle} on ${w} at ${f.place}. Here is your code again: ${f.code}.\nTo see or change your registration: ${f.manageUrl}\n\nDid you not register again? Then there is nothing you need to do. Questions? Just call us${f.centrePhone ? ` on ${f.centrePhone}` : ''}.`,
    sms: `You are already registered for ${w}. Code ${f.code}. See it: ${f.manageUrl}`,
  }),
};

const FR: Texts = {
  confirmation: (f, w) => ({
    subject: `Vous êtes inscrit·e : ${f.groupTitle}`,
    body: `Bonjour ${f.name},\n\nVous êtes inscrit·e à ${f.groupTitle} le ${w} à ${f.place}.\nVotre code est ${f.code}. Donnez-le à l'entrée ou au téléphone.\nNous vous enverrons un rappel la veille.\n\nVous ne pouvez pas venir ou voulez changer quelque chose ? C'est ici : ${f.manageUrl}`,
    sms: `Vous êtes inscrit·e pour le ${w}. Code ${f.code}. Modifier : ${f.manageUrl}`,
  }),
  waitlisted: (f, w) => ({
    subject: `Vous êtes sur la liste d'attente : ${f.groupTitle}`,
    body: `Bonjour ${f.name},\n\nLe groupe du ${w} est complet. Vous êtes sur la liste d'attente, à la place ${f.position}.\nSi une place se libère, nous vous écrivons tout de suite.\nVotre code est ${f.code}.\n\nQuitter la liste d'attente : ${f.manageUrl}`,
    sms: `Liste d'attente (place ${f.position}) pour le ${w}. Code ${f.code}. ${f.manageUrl}`,
  }),
  seat_offered: (f, w) => ({
    subject: `Une place est libre : ${f.groupTitle}`,
    body: `Bonjour ${f.name},\n\nUne place est libre pour le ${w}. Nous la gardons pour vous jusqu'au ${f.offerUntil ? when(f.offerUntil, 'fr') : ''}.\nRépondez ici : ${f.manageUrl}`,
    sms: `Une place est libre pour le ${w}. Répondez avant le ${f.offerUntil ? when(f.offerUntil, 'fr') : ''} : ${f.manageUrl}`,
  }),
  reminder: (f, w) => ({
    subject: `À demain : ${f.groupTitle}`,
    body: `Bonjour ${f.name},\n\nAu plaisir de vous voir le ${w} à ${f.place}. Votre code est ${f.code}.\nVous ne pouvez pas venir ? Dites-le-nous : ${f.manageUrl}`,
    sms: `À ${w}, ${f.place}. Empêché·e ? ${f.manageUrl}`,
  }),
  session_cancelled: (f, w) => ({
    subject: `Annulé : ${f.groupTitle} le ${w}`,
    body: `Bonjour ${f.name},\n\nDésolé : la rencontre du ${w} n'aura pas lieu. ${f.reason ?? ''}\nVos autres inscriptions restent valables : ${f.manageUrl}`,
    sms: `La rencontre du ${w} n'aura pas lieu. ${f.manageUrl}`,
  }),
  registration_cancelled: (f, w) => ({
    subject: `Votre inscription est annulée`,
    body: `Bonjour ${f.name},\n\nVotre inscription pour le ${w} est annulée. Vous êtes toujours le/la bienvenu·e pour vous réinscrire.`,
    sms: `Votre inscription pour le ${w} est annulée. Vous êtes toujours bienvenu·e.`,
  }),
  registration_cancelled_by_centre: (f, w) => ({
    subject: `Nous avons annulé votre inscription`,
    body: `Bonjour ${f.name},\n\nNous avons annulé votre inscription à ${f.groupTitle} le ${w}.\nVous avez des questions, ou ce n'est pas correct ? Appelez-nous${f.centrePhone ? ` au ${f.centrePhone}` : ''}, nous vous aidons volontiers.\nVous êtes toujours le/la bienvenu·e pour vous réinscrire.`,
    sms: `Nous avons annulé votre inscription pour le ${w}. Des questions ? Appelez-nous${f.centrePhone ? ` : ${f.centrePhone}` : '.'}`,
  }),
  session_changed: (f, w) => ({
    subject: `Modifié : ${f.groupTitle}`,
    body: `Bonjour ${f.name},\n\nLa rencontre du ${before(f, 'fr')} a changé. Elle a maintenant lieu le ${w} à ${f.place}.\nVotre code reste ${f.code}.\n\nVous ne pouvez pas venir au nouveau moment ? Dites-le-nous : ${f.manageUrl}`,
    sms: `Votre rencontre du ${before(f, 'fr')} a changé : maintenant le ${w}, ${f.place}. Empêché·e ? ${f.manageUrl}`,
  }),
  registration_again: (f, w) => ({
    subject: `Votre inscription : ${f.groupTitle}`,
    body: `Bonjour ${f.name},\n\nVous êtes déjà inscrit·e à ${f.groupTitle} le ${w} à ${f.place}. Voici encore votre code : ${f.code}.\nVoir ou modifier votre inscription : ${f.manageUrl}\n\nVous ne vous êtes pas réinscrit·e ? Vous n'avez rien à faire. Des questions ? Appelez-nous${f.centrePhone ? ` au ${f.centrePhone}` : ''}.`,
    sms: `Vous êtes déjà inscrit·e pour le ${w}. Code ${f.code}. Voir : ${f.manageUrl}`,
  }),
};

const AR: Texts = {
  confirmation: (f, w) => ({
    subject: `تم تسجيلك: ${f.groupTitle}`,
    body: `مرحبًا ${f.name}،\n\nتم تسجيلك في ${f.groupTitle} يوم ${w} في ${f.place}.\nرمزك هو ${f.code}. قل الرمز عند الباب أو في الهاتف.\nسنرسل لك تذكيرًا في اليوم السابق.\n\nلا تستطيع الحضور أو تريد تغيير شيء؟ من هنا: ${f.manageUrl}`,
    sms: `تم تسجيلك ليوم ${w}. الرمز ${f.code}. للتغيير: ${f.manageUrl}`,
  }),
  waitlisted: (f, w) => ({
    subject: `أنت على قائمة الانتظار: ${f.groupTitle}`,
    body: `مرحبًا ${f.name}،\n\nمجموعة يوم ${w} ممتلئة. أنت على قائمة الانتظار، في المكان ${f.position}.\nإذا أصبح مكان متاحًا، نرسل لك رسالة فورًا.\nرمزك هو ${f.code}.\n\nلمغادرة قائمة الانتظار: ${f.manageUrl}`,
    sms: `أنت على قائمة الانتظار (المكان ${f.position}) ليوم ${w}. الرمز ${f.code}. ${f.manageUrl}`,
  }),
  seat_offered: (f, w) => ({
    subject: `يوجد مكان متاح: ${f.groupTitle}`,
    body: `مرحبًا ${f.name}،\n\nيوجد مكان متاح ليوم ${w}. نحتفظ به لك حتى ${f.offerUntil ? when(f.offerUntil, 'ar') : ''}.\nأجب من هنا: ${f.manageUrl}`,
    sms: `يوجد مكان متاح ليوم ${w}. أجب قبل ${f.offerUntil ? when(f.offerUntil, 'ar') : ''}: ${f.manageUrl}`,
  }),
  reminder: (f, w) => ({
    subject: `نراك غدًا: ${f.groupTitle}`,
    body: `مرحبًا ${f.name}،\n\nيسعدنا أن نراك يوم ${w} في ${f.place}. رمزك هو ${f.code}.\nلا تستطيع الحضور؟ أخبرنا: ${f.manageUrl}`,
    sms: `نراك يوم ${w} في ${f.place}. لا تستطيع الحضور؟ ${f.manageUrl}`,
  }),
  session_cancelled: (f, w) => ({
    subject: `أُلغي اللقاء: ${f.groupTitle} يوم ${w}`,
    body: `مرحبًا ${f.name}،\n\nنأسف: لقاء يوم ${w} لن يُعقد. ${f.reason ?? ''}\nتسجيلاتك الأخرى باقية كما هي: ${f.manageUrl}`,
    sms: `لقاء يوم ${w} لن يُعقد. ${f.manageUrl}`,
  }),
  registration_cancelled: (f, w) => ({
    subject: `تم إلغاء تسجيلك`,
    body: `مرحبًا ${f.name}،\n\nتم إلغاء تسجيلك ليوم ${w}. مرحبًا بك دائمًا للتسجيل من جديد.`,
    sms: `تم إلغاء تسجيلك ليوم ${w}. مرحبًا بك دائمًا.`,
  }),
  registration_cancelled_by_centre: (f, w) => ({
    subject: `لقد ألغينا تسجيلك`,
    body: `مرحبًا ${f.name}،\n\nلقد ألغينا تسجيلك في ${f.groupTitle} يوم ${w}.\nهل لديك أسئلة، أو هناك خطأ؟ اتصل بنا${f.centrePhone ? ` على \u2066${f.centrePhone}\u2069` : ''}، يسعدنا أن نساعدك.\nمرحبًا بك دائمًا للتسجيل من جديد.`,
    sms: `لقد ألغينا تسجيلك ليوم ${w}. أسئلة؟ اتصل بنا${f.centrePhone ? `: \u2066${f.centrePhone}\u2069` : '.'}`,
  }),
  session_changed: (f, w) => ({
    subject: `تغيير: ${f.groupTitle}`,
    body: `مرحبًا ${f.name}،\n\nتغيّر لقاء يوم ${before(f, 'ar')}. أصبح الآن يوم ${w} في ${f.place}.\nرمزك يبقى ${f.code}.\n\nلا تستطيع الحضور في الموعد الجديد؟ أخبرنا: ${f.manageUrl}`,
    sms: `تغيّر لقاؤك يوم ${before(f, 'ar')}: الآن يوم ${w}، ${f.place}. لا تستطيع الحضور؟ ${f.manageUrl}`,
  }),
  registration_again: (f, w) => ({
    subject: `تسجيلك: ${f.groupTitle}`,
    body: `مرحبًا ${f.name}،\n\nأنت مسجل بالفعل في ${f.groupTitle} يوم ${w} في ${f.place}. هذا رمزك مرة أخرى: ${f.code}.\nلرؤية تسجيلك أو تغييره: ${f.manageUrl}\n\nلم تسجل من جديد؟ لا داعي لفعل أي شيء. أسئلة؟ اتصل بنا${f.centrePhone ? ` على \u2066${f.centrePhone}\u2069` : ''}.`,
    sms: `أنت مسجل بالفعل ليوم ${w}. الرمز ${f.code}. للرؤية: ${f.manageUrl}`,
  }),
};

const TEXTS: Record<Locale, Texts> = { nl: NL, en: EN, fr: FR, ar: AR };
/** Discreet SMS: no group, no topic, no place; the link says the rest. */
const DISCREET_SMS: Record<Locale, string> = {
  nl: 'Er is nieuws over je afspraak. Bekijk het hier: ',
  en: 'There is news about your appointment. See it here: ',
  fr: 'Il y a du nouveau pour votre rendez-vous. Voir ici : ',
  ar: 'هناك خبر عن موعدك. انظر هنا: ',
};
const DISCREET_SUBJECT: Record<Locale, string> = { nl: 'Je afspraak', en: 'Your appointment', fr: 'Votre rendez-vous', ar: 'موعدك' };
/** What a discreet family's e-mail calls the group: nothing of its name or topic. */
const DISCREET_TITLE: Record<Locale, string> = { nl: 'een afspraak', en: 'an appointment', fr: 'un rendez-vous', ar: 'موعد' };

export function renderMessage(kind: MessageKind, locale: Locale, facts: MessageFacts): RenderedMessage {
  // Discreet: the group's name and staff's reason (it may name the topic) stay out of the text too.
  const said = facts.discreet ? { ...facts, groupTitle: DISCREET_TITLE[locale], reason: undefined } : facts;
  const text = TEXTS[locale][kind](said, when(facts.startsAt, locale));
  if (!facts.discreet) return { subject: text.subject, email: text.body, sms: text.sms };
  return { subject: DISCREET_SUBJECT[locale], email: text.body, sms: `${DISCREET_SMS[locale]}${facts.manageUrl}` };
}

/** Sender name: the centre's own, or a neutral one for families who asked for discretion. */
export function senderName(discreet: boolean): string {
  return discreet ? 'Info' : 'De Keerkring';
}
