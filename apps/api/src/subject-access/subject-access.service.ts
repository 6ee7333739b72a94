import { Injectable } from '@nestjs/common';
import { ReadPurpose, subjectAccessDueAt, type Locale, type SubjectAccessExport, type SubjectAccessRequestView } from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { StepUpService } from '../auth/step-up.service';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { FlagReadingService } from '../flags/flag-reading.service';
import { renderSubjectAccessPdf } from './subject-access-pdf';
import { toExport, toRequestView } from './subject-access-views';
import { SubjectAccessRepository } from './subject-access.repository';

/**
 * Subject access: the register of requests and the export that answers them. The export is one
 * transaction: the family (404 first), step-up, the read audited with purpose `subject_access`, the
 * flags opened through the flags' own reading (each flag an audited read with the same purpose), every
 * other table read by the family's id, the access log last (so it shows this export too), and the
 * family's open requests marked done.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly repo: SubjectAccessRepository,
    private readonly flags: FlagReadingService,
    private readonly stepUp: StepUpService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  exportFor(staff: AuthenticatedStaff, familyId: string, locale: Locale | undefined): Promise<SubjectAccessExport> {
    return this.transactions.run(async () => {
      const family = await this.repo.familyOrThrow(familyId);
      await this.stepUp.assertSteppedUp(staff);
      const now = this.clock.now();
      const language = locale ?? (family.locale as Locale);
      await this.audit.recordRead('family', familyId, ReadPurpose.SubjectAccess);
      const { flags } = await this.flags.chronology(staff, familyId, { purpose: ReadPurpose.SubjectAccess }, language);
      const referrals = await this.repo.referralsOf(familyId);
      const referralIds = referrals.map((r) => r.id);
      const parts = {
        family,
        children: await this.repo.childrenOf(familyId),
        consents: await this.repo.consentsOf(familyId),
        enrolments: await this.repo.enrolmentsOf(familyId),
        registrations: await this.repo.registrationsOf(familyId),
        attendance: await this.repo.attendanceOf(familyId),
        messages: await this.repo.messagesOf(familyId),
        flags,
        referrals,
        referralSteps: await this.repo.referralStepsOf(referralIds),
        referralConsents: await this.repo.referralConsentsOf(referralIds),
        referralOpens: await this.repo.referralLinkOpensOf(referralIds),
        holds: await this.repo.holdsOf(familyId),
        reads: await this.repo.readsOf(familyId),
      };
      await this.repo.markDone(familyId, now);
      return toExport(parts, language, now);
    });
  }

  /** The same export as a PDF, drawn after the transaction that read and audited it. */
  async pdfFor(staff: AuthenticatedStaff, familyId: string, locale: Locale | undefined): Promise<Buffer> {
    return renderSubjectAccessPdf(await this.exportFor(staff, familyId, locale));
  }

  /** Logs a request: due one month from now. */
  logRequest(staff: AuthenticatedStaff, familyId: string): Promise<SubjectAccessRequestView> {
    return this.transactions.run(async () => {
      await this.repo.familyOrThrow(familyId);
      const now = this.clock.now();
      const id = await this.repo.insertRequest(familyId, staff.id, now, subjectAccessDueAt(now));
      return toRequestView(await this.repo.requestOrThrow(id), now);
    });
  }

  openRequests(): Promise<SubjectAccessRequestView[]> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      return (await this.repo.openRequests()).map((r) => toRequestView(r, now));
    });
  }
}
