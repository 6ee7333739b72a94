export * from './lib/errors';
export * from './lib/locale';
export * from './lib/roles';
export * from './lib/groups';
export * from './lib/health';
export * from './lib/auth';
export * from './lib/staff';
export * from './lib/audit';
