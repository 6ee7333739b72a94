import type { Locale, PrivacyNotice } from '@kring/domain';
import { PRIVACY_NOTICE_VERSION } from './registration.settings';

/** The privacy notice parents agree to, per language. A new text gets a new version. */
const NOTICES: Record<Locale, { summary: string; text: string }> = {
  nl: {
    summary: 'We bewaren alleen wat nodig is om je in te schrijven en je te verwittigen. We delen het met niemand.',
    text: 'De Keerkring bewaart je voornaam, je gsm-nummer of e-mailadres, de geboortemaand van je kinderen en wat je nodig hebt (zoals opvang of een tolk). We gebruiken dat alleen om je in te schrijven, je een herinnering te sturen en de groep goed voor te bereiden. We delen het met niemand. Na de laatste bijeenkomst wissen we je gegevens binnen twee jaar; tellingen zonder namen houden we langer. Je kan altijd vragen wat we over je bewaren, het laten verbeteren of laten wissen: bel of mail De Keerkring.',
  },
  en: {
    summary: 'We only keep what we need to register you and to send you messages. We share it with no one.',
    text: 'De Keerkring keeps your first name, your mobile number or e-mail address, the birth month of your children and what you need (such as childcare or an interpreter). We only use this to register you, send you a reminder and prepare the group well. We share it with no one. After the last meeting we delete your details within two years; counts without names we keep longer. You can always ask what we keep about you, have it corrected or deleted: call or e-mail De Keerkring.',
  },
  fr: {
    summary: 'Nous ne gardons que ce qu’il faut pour vous inscrire et vous prévenir. Nous ne le partageons avec personne.',
    text: 'De Keerkring garde votre prénom, votre numéro de portable ou votre adresse e-mail, le mois de naissance de vos enfants et vos besoins (garde d’enfants, interprète…). Nous les utilisons seulement pour vous inscrire, vous envoyer un rappel et bien préparer le groupe. Nous ne les partageons avec personne. Après la dernière rencontre, nous effaçons vos données dans les deux ans ; les comptages sans nom sont gardés plus longtemps. Vous pouvez toujours demander ce que nous gardons, le faire corriger ou effacer : appelez ou écrivez à De Keerkring.',
  },
  ar: {
    summary: 'نحتفظ فقط بما نحتاجه لتسجيلك وإرسال الرسائل إليك. لا نشاركه مع أحد.',
    text: 'تحتفظ De Keerkring باسمك الأول، ورقم هاتفك أو بريدك الإلكتروني، وشهر ولادة أطفالك، وما تحتاجه (مثل رعاية الأطفال أو مترجم). نستخدم ذلك فقط لتسجيلك وإرسال تذكير وتحضير المجموعة جيدًا. لا نشاركه مع أحد. بعد اللقاء الأخير نحذف بياناتك خلال سنتين؛ ونحتفظ بالأعداد بدون أسماء مدة أطول. يمكنك دائمًا أن تسأل عما نحتفظ به عنك، أو أن تطلب تصحيحه أو حذفه: اتصل بـ De Keerkring أو راسلها.',
  },
};

export function privacyNotice(locale: Locale): PrivacyNotice {
  return { version: PRIVACY_NOTICE_VERSION, locale, ...NOTICES[locale] };
}
