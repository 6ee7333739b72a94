import { Module, type DynamicModule } from '@nestjs/common';
import type { Env } from '../config/env';
import { FamilyNotices } from '../planning/family-notices';
import { PlanningModule } from '../planning/planning.module';
import { PublicFinderRepository } from './public-finder.repository';
import { PublicFinderService } from './public-finder.service';
import { PublicRateLimit } from './public-rate-limit';
import { PublicRegistrationController } from './public-registration.controller';
import { RegistrationJobs } from './registration-jobs';
import { FamiliesRepository } from './families.repository';
import { ManageLinkService } from './manage-link.service';
import { RegistrationJobsRepository } from './registration-jobs.repository';
import { RegistrationNotices } from './registration-notices';
import { RegistrationRepository } from './registration.repository';
import { RegistrationService } from './registration.service';
import { REGISTRATION_SETTINGS, registrationSettings } from './registration.settings';
import { SeatBook } from './seat-book';
import { SeriesChanges } from './series-changes';
import { SeriesEnrolmentsRepository } from './series-enrolments.repository';
import { SessionNotices } from './session-notices';
import { SessionsToRegisterRepository } from './sessions-to-register.repository';
import { StaffRegistrationsController } from './staff-registrations.controller';
import { StaffRegistrationsRepository } from './staff-registrations.repository';
import { StaffRegistrationsService } from './staff-registrations.service';

@Module({})
export class RegistrationModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: RegistrationModule,
      // Attendance makes walk-in families through the registration service; retention offers freed seats through the notices.
      global: true,
      imports: [PlanningModule],
      controllers: [PublicRegistrationController, StaffRegistrationsController],
      providers: [
        { provide: REGISTRATION_SETTINGS, useValue: registrationSettings(env) },
        RegistrationRepository,
        FamiliesRepository,
        SessionsToRegisterRepository,
        SeatBook,
        PublicRateLimit,
        RegistrationService,
        RegistrationNotices,
        ManageLinkService,
        SeriesChanges,
        RegistrationJobs,
        RegistrationJobsRepository,
        PublicFinderService,
        PublicFinderRepository,
        StaffRegistrationsService,
        StaffRegistrationsRepository,
        SeriesEnrolmentsRepository,
        // Planning tells families of changed sessions and offers freed seats through this.
        { provide: FamilyNotices, useClass: SessionNotices },
      ],
      exports: [RegistrationService, RegistrationNotices, SeatBook, FamilyNotices],
    };
  }
}
