import type { MessageKey } from './nl';

/**
 * The e-mail and SMS texts to families in Arabic, as ICU MessageFormat: see nl.ts. The centre's phone
 * number sits between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE so it reads left to right.
 */
export const ar: Record<MessageKey, string> = {
  'confirmation.subject': 'تم تسجيلك: {groupTitle}',
  'confirmation.email':
    'مرحبًا {name}،\n\nتم تسجيلك في {discreet, select, yes {موعد} other {{groupTitle}}} يوم {when} في {place}.\nرمزك هو {code}. قل الرمز عند الباب أو في الهاتف.\nسنرسل لك تذكيرًا في اليوم السابق.\n\nلا تستطيع الحضور أو تريد تغيير شيء؟ من هنا: {manageUrl}',
  'confirmation.sms': 'تم تسجيلك ليوم {when}. الرمز {code}. للتغيير: {manageUrl}',

  'waitlisted.subject': 'أنت على قائمة الانتظار: {groupTitle}',
  'waitlisted.email':
    'مرحبًا {name}،\n\nمجموعة يوم {when} ممتلئة. أنت على قائمة الانتظار، في المكان {position}.\nإذا أصبح مكان متاحًا، نرسل لك رسالة فورًا.\nرمزك هو {code}.\n\nلمغادرة قائمة الانتظار: {manageUrl}',
  'waitlisted.sms': 'أنت على قائمة الانتظار (المكان {position}) ليوم {when}. الرمز {code}. {manageUrl}',

  'seat_offered.subject': 'يوجد مكان متاح: {groupTitle}',
  'seat_offered.email': 'مرحبًا {name}،\n\nيوجد مكان متاح ليوم {when}. نحتفظ به لك حتى {offerUntil}.\nأجب من هنا: {manageUrl}',
  'seat_offered.sms': 'يوجد مكان متاح ليوم {when}. أجب قبل {offerUntil}: {manageUrl}',

  'reminder.subject': 'نراك غدًا: {groupTitle}',
  'reminder.email': 'مرحبًا {name}،\n\nيسعدنا أن نراك يوم {when} في {place}. رمزك هو {code}.\nلا تستطيع الحضور؟ أخبرنا: {manageUrl}',
  'reminder.sms': 'نراك يوم {when} في {place}. لا تستطيع الحضور؟ {manageUrl}',

  'session_cancelled.subject': 'أُلغي اللقاء: {groupTitle} يوم {when}',
  'session_cancelled.email':
    'مرحبًا {name}،\n\nنأسف: لقاء يوم {when} لن يُعقد. {discreet, select, yes {} other {{reason}}}\nتسجيلاتك الأخرى باقية كما هي: {manageUrl}',
  'session_cancelled.sms': 'لقاء يوم {when} لن يُعقد. {manageUrl}',

  'registration_cancelled.subject': 'تم إلغاء تسجيلك',
  'registration_cancelled.email': 'مرحبًا {name}،\n\nتم إلغاء تسجيلك ليوم {when}. مرحبًا بك دائمًا للتسجيل من جديد.',
  'registration_cancelled.sms': 'تم إلغاء تسجيلك ليوم {when}. مرحبًا بك دائمًا.',

  'registration_cancelled_by_centre.subject': 'لقد ألغينا تسجيلك',
  'registration_cancelled_by_centre.email':
    'مرحبًا {name}،\n\nلقد ألغينا تسجيلك في {discreet, select, yes {موعد} other {{groupTitle}}} يوم {when}.\nهل لديك أسئلة، أو هناك خطأ؟ اتصل بنا{hasPhone, select, yes { على \u2066{centrePhone}\u2069} other {}}، يسعدنا أن نساعدك.\nمرحبًا بك دائمًا للتسجيل من جديد.',
  'registration_cancelled_by_centre.sms':
    'لقد ألغينا تسجيلك ليوم {when}. أسئلة؟ اتصل بنا{hasPhone, select, yes {: \u2066{centrePhone}\u2069} other {.}}',

  'session_changed.subject': 'تغيير: {groupTitle}',
  'session_changed.email':
    'مرحبًا {name}،\n\nتغيّر لقاء يوم {before}. أصبح الآن يوم {when} في {place}.\nرمزك يبقى {code}.\n\nلا تستطيع الحضور في الموعد الجديد؟ أخبرنا: {manageUrl}',
  'session_changed.sms': 'تغيّر لقاؤك يوم {before}: الآن يوم {when}، {place}. لا تستطيع الحضور؟ {manageUrl}',

  'registration_again.subject': 'تسجيلك: {groupTitle}',
  'registration_again.email':
    'مرحبًا {name}،\n\nأنت مسجل بالفعل في {discreet, select, yes {موعد} other {{groupTitle}}} يوم {when} في {place}. هذا رمزك مرة أخرى: {code}.\nلرؤية تسجيلك أو تغييره: {manageUrl}\n\nلم تسجل من جديد؟ لا داعي لفعل أي شيء. أسئلة؟ اتصل بنا{hasPhone, select, yes { على \u2066{centrePhone}\u2069} other {}}.',
  'registration_again.sms': 'أنت مسجل بالفعل ليوم {when}. الرمز {code}. للرؤية: {manageUrl}',

  'referral_parent_link.text': 'كرينغ: هناك شيء جاهز لتطّلع عليه في الوقت الذي يناسبك.',

  'discreet.subject': 'موعدك',
  'discreet.sms': 'هناك خبر عن موعدك. انظر هنا: {manageUrl}',
};
