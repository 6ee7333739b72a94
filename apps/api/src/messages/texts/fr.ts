import type { MessageKey } from './nl';

/** The e-mail and SMS texts to families in French, as ICU MessageFormat: see nl.ts. */
export const fr: Record<MessageKey, string> = {
  'confirmation.subject': 'Vous êtes inscrit·e : {groupTitle}',
  'confirmation.email':
    "Bonjour {name},\n\nVous êtes inscrit·e à {discreet, select, yes {un rendez-vous} other {{groupTitle}}} le {when} à {place}.\nVotre code est {code}. Donnez-le à l'entrée ou au téléphone.\nNous vous enverrons un rappel la veille.\n\nVous ne pouvez pas venir ou voulez changer quelque chose ? C'est ici : {manageUrl}",
  'confirmation.sms': 'Vous êtes inscrit·e pour le {when}. Code {code}. Modifier : {manageUrl}',

  'waitlisted.subject': "Vous êtes sur la liste d'attente : {groupTitle}",
  'waitlisted.email':
    "Bonjour {name},\n\nLe groupe du {when} est complet. Vous êtes sur la liste d'attente, à la place {position}.\nSi une place se libère, nous vous écrivons tout de suite.\nVotre code est {code}.\n\nQuitter la liste d'attente : {manageUrl}",
  'waitlisted.sms': "Liste d'attente (place {position}) pour le {when}. Code {code}. {manageUrl}",

  'seat_offered.subject': 'Une place est libre : {groupTitle}',
  'seat_offered.email':
    "Bonjour {name},\n\nUne place est libre pour le {when}. Nous la gardons pour vous jusqu'au {offerUntil}.\nRépondez ici : {manageUrl}",
  'seat_offered.sms': 'Une place est libre pour le {when}. Répondez avant le {offerUntil} : {manageUrl}',

  'reminder.subject': 'À demain : {groupTitle}',
  'reminder.email':
    'Bonjour {name},\n\nAu plaisir de vous voir le {when} à {place}. Votre code est {code}.\nVous ne pouvez pas venir ? Dites-le-nous : {manageUrl}',
  'reminder.sms': 'À {when}, {place}. Empêché·e ? {manageUrl}',

  'session_cancelled.subject': 'Annulé : {groupTitle} le {when}',
  'session_cancelled.email':
    "Bonjour {name},\n\nDésolé : la rencontre du {when} n'aura pas lieu. {discreet, select, yes {} other {{reason}}}\nVos autres inscriptions restent valables : {manageUrl}",
  'session_cancelled.sms': "La rencontre du {when} n'aura pas lieu. {manageUrl}",

  'registration_cancelled.subject': 'Votre inscription est annulée',
  'registration_cancelled.email':
    'Bonjour {name},\n\nVotre inscription pour le {when} est annulée. Vous êtes toujours le/la bienvenu·e pour vous réinscrire.',
  'registration_cancelled.sms': 'Votre inscription pour le {when} est annulée. Vous êtes toujours bienvenu·e.',

  'registration_cancelled_by_centre.subject': 'Nous avons annulé votre inscription',
  'registration_cancelled_by_centre.email':
    "Bonjour {name},\n\nNous avons annulé votre inscription à {discreet, select, yes {un rendez-vous} other {{groupTitle}}} le {when}.\nVous avez des questions, ou ce n'est pas correct ? Appelez-nous{hasPhone, select, yes { au {centrePhone}} other {}}, nous vous aidons volontiers.\nVous êtes toujours le/la bienvenu·e pour vous réinscrire.",
  'registration_cancelled_by_centre.sms':
    'Nous avons annulé votre inscription pour le {when}. Des questions ? Appelez-nous{hasPhone, select, yes { : {centrePhone}} other {.}}',

  'session_changed.subject': 'Modifié : {groupTitle}',
  'session_changed.email':
    'Bonjour {name},\n\nLa rencontre du {before} a changé. Elle a maintenant lieu le {when} à {place}.\nVotre code reste {code}.\n\nVous ne pouvez pas venir au nouveau moment ? Dites-le-nous : {manageUrl}',
  'session_changed.sms': 'Votre rencontre du {before} a changé : maintenant le {when}, {place}. Empêché·e ? {manageUrl}',

  'registration_again.subject': 'Votre inscription : {groupTitle}',
  'registration_again.email':
    "Bonjour {name},\n\nVous êtes déjà inscrit·e à {discreet, select, yes {un rendez-vous} other {{groupTitle}}} le {when} à {place}. Voici encore votre code : {code}.\nVoir ou modifier votre inscription : {manageUrl}\n\nVous ne vous êtes pas réinscrit·e ? Vous n'avez rien à faire. Des questions ? Appelez-nous{hasPhone, select, yes { au {centrePhone}} other {}}.",
  'registration_again.sms': 'Vous êtes déjà inscrit·e pour le {when}. Code {code}. Voir : {manageUrl}',

  'referral_parent_link.text': 'Kring : quelque chose vous attend, à regarder à votre rythme.',

  'discreet.subject': 'Votre rendez-vous',
  'discreet.sms': 'Il y a du nouveau pour votre rendez-vous. Voir ici : {manageUrl}',
};
