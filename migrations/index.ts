import { Foundation1764320000000 } from './1764320000000-foundation';
import { StaffAuthAudit1764330000000 } from './1764330000000-staff-auth-audit';
import { Planning1764340000000 } from './1764340000000-planning';
import { Registration1764350000000 } from './1764350000000-registration';
import { Attendance1764360000000 } from './1764360000000-attendance';
import { SeatPlacement1764370000000 } from './1764370000000-seat-placement';
import { SessionChanges1764380000000 } from './1764380000000-session-changes';
import { AuditChainKey1764390000000 } from './1764390000000-audit-chain-key';
import { Flags1764400000000 } from './1764400000000-flags';
import { AttendanceIndexes1764410000000 } from './1764410000000-attendance-indexes';
import { ServiceDirectory1764420000000 } from './1764420000000-service-directory';
import { Referrals1764430000000 } from './1764430000000-referrals';
import { Reports1764440000000 } from './1764440000000-reports';
import { Retention1764450000000 } from './1764450000000-retention';
import { SubjectAccess1764470000000 } from './1764470000000-subject-access';
import { ReferralDelivery1764460000000 } from './1764460000000-referral-delivery';

/** Every migration, oldest first. A new migration is added here; a landed one is never edited. */
export const MIGRATIONS = [
  Foundation1764320000000,
  StaffAuthAudit1764330000000,
  Planning1764340000000,
  Registration1764350000000,
  Attendance1764360000000,
  SeatPlacement1764370000000,
  SessionChanges1764380000000,
  AuditChainKey1764390000000,
  Flags1764400000000,
  AttendanceIndexes1764410000000,
  ServiceDirectory1764420000000,
  Referrals1764430000000,
  Reports1764440000000,
  Retention1764450000000,
  ReferralDelivery1764460000000,
  SubjectAccess1764470000000,
];
