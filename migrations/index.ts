import { Foundation1764320000000 } from './1764320000000-foundation';

/** Every migration, oldest first. A new migration is added here; a landed one is never edited. */
export const MIGRATIONS = [Foundation1764320000000];
