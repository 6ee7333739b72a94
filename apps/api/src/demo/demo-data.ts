import { StaffRole, type StaffRole as Role } from '@kring/domain';

/**
 * What a newcomer finds in an empty database: one Huis van het Kind, a weekly group,
 * a drop-in (their texts in every language the parent pages speak), and a staff account for
 * each role. README.md lists the same logins.
 */
export const DEMO_PASSWORD = 'kring-demo-2026';

export const DEMO_STAFF: ReadonlyArray<{ email: string; displayName: string; roles: Role[] }> = [
  { email: 'beheer@demo.kring.be', displayName: 'Bram Beheer', roles: [StaffRole.Admin] },
  { email: 'coordinator@demo.kring.be', displayName: 'Chris Coördinator', roles: [StaffRole.Coordinator] },
  { email: 'groepswerker@demo.kring.be', displayName: 'Gita Groepswerker', roles: [StaffRole.GroupWorker] },
];

export const DEMO_LOCATION = {
  name: 'Huis van het Kind Sint-Niklaas',
  street: 'Kazernestraat 10',
  postalCode: '9100',
  city: 'Sint-Niklaas',
  accessibilityNotes: 'Gelijkvloers, ingang zonder drempel, plaats voor kinderwagens.',
};

export const DEMO_GROUPS = [
  {
    title: { nl: 'Babybabbels', en: 'Baby chats', fr: 'Papotes bébé', ar: 'دردشة حول الرضّع' },
    description: {
      nl: 'Elke week praten ouders met een baby samen over slapen, huilen, eten en alles wat nieuw is. Je baby is welkom.',
      en: 'Every week, parents with a baby talk together about sleep, crying, feeding and everything that is new. Your baby is welcome.',
      fr: 'Chaque semaine, des parents de bébé parlent ensemble du sommeil, des pleurs, des repas et de tout ce qui est nouveau. Votre bébé est le bienvenu.',
      ar: 'كل أسبوع يتحدث آباء وأمهات لديهم رضيع معًا عن النوم والبكاء والأكل وكل ما هو جديد. طفلك مرحَّب به.',
    },
    kind: 'series',
    audience: '0-1',
    spokenLanguages: ['nl', 'en'],
    room: 'Babyhoek',
    /** Every Thursday, 09:30–11:00. */
    weekday: 4,
    time: '09:30',
    durationMinutes: 90,
    rule: 'FREQ=WEEKLY;BYDAY=TH',
    capacity: 10,
    childrenCountTowardCapacity: false,
    registrationMode: 'open',
  },
  {
    title: { nl: 'Inloopmoment', en: 'Drop-in morning', fr: "Matinée d'accueil", ar: 'صباح الزيارة الحرّة' },
    description: {
      nl: 'Kom binnen wanneer het jou past, met of zonder kinderen. Er is koffie, speelgoed en tijd voor een babbel.',
      en: 'Come in when it suits you, with or without children. There is coffee, toys and time for a chat.',
      fr: 'Passez quand cela vous convient, avec ou sans enfants. Il y a du café, des jouets et du temps pour discuter.',
      ar: 'تعال متى ناسبك، مع أطفالك أو بدونهم. هناك قهوة وألعاب ووقت للحديث.',
    },
    kind: 'drop_in',
    audience: 'all',
    spokenLanguages: ['nl', 'fr', 'ar'],
    room: 'Grote zaal',
    /** Every Tuesday, 09:00–11:30. */
    weekday: 2,
    time: '09:00',
    durationMinutes: 150,
    rule: 'FREQ=WEEKLY;BYDAY=TU',
    capacity: null,
    childrenCountTowardCapacity: false,
    registrationMode: 'none',
  },
] as const;
