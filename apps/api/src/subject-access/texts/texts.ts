import type { Locale } from '@kring/domain';
import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

/** The words of the subject-access PDF, for the family: one file per language, the same keys in each. */
export interface SubjectAccessTexts {
  title: string;
  intro: string;
  questions: string;
  made: string;
  nothing: string;
  sections: Record<
    | 'contact'
    | 'children'
    | 'consents'
    | 'enrolments'
    | 'registrations'
    | 'attendance'
    | 'messages'
    | 'flags'
    | 'referrals'
    | 'holds'
    | 'accessLog',
    string
  >;
  /** Notes under some sections. */
  notes: { messages: string; flags: string; referrals: string; accessLog: string };
  labels: Record<
    | 'name'
    | 'phone'
    | 'email'
    | 'language'
    | 'code'
    | 'since'
    | 'born'
    | 'given'
    | 'stopped'
    | 'status'
    | 'sent'
    | 'erased'
    | 'about'
    | 'review'
    | 'added'
    | 'changed'
    | 'reason'
    | 'lifted'
    | 'session'
    | 'shared',
    string
  >;
  /** Flag fields as the family reads them. */
  fields: Record<'fact' | 'interpretation' | 'strengths' | 'parentWords' | 'notDiscussedReason' | 'general', string>;
  /** Codes in words (registration, attendance, flag and referral statuses, categories, purposes, channels...). */
  words: Record<string, string>;
}

export const SUBJECT_ACCESS_TEXTS: Readonly<Record<Locale, SubjectAccessTexts>> = { nl, en, fr, ar };
