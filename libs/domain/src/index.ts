export * from './lib/errors';
export * from './lib/locale';
export * from './lib/roles';
export * from './lib/groups';
export * from './lib/health';
export * from './lib/auth';
export * from './lib/staff';
export * from './lib/audit';
// Only the model: the rules (rrule + luxon) are `@kring/domain/recurrence` (src/recurrence.ts).
export * from './lib/recurrence-model';
export * from './lib/planning';
export * from './lib/registration';
export * from './lib/attendance';
export * from './lib/flags';
export * from './lib/flags-rules';
export * from './lib/flags-labelling';
