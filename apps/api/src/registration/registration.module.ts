import { Module, type DynamicModule } from '@nestjs/common';
import type { Env } from '../config/env';
import { PlanningModule } from '../planning/planning.module';
import { PublicRateLimit } from './public-rate-limit';
import { PublicRegistrationController } from './public-registration.controller';
import { RegistrationJobs } from './registration-jobs';
import { RegistrationRepository } from './registration.repository';
import { RegistrationService } from './registration.service';
import { REGISTRATION_SETTINGS, registrationSettings } from './registration.settings';
import { SeatBook } from './seat-book';

@Module({})
export class RegistrationModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [PlanningModule],
      controllers: [PublicRegistrationController],
      providers: [
        { provide: REGISTRATION_SETTINGS, useValue: registrationSettings(env) },
        RegistrationRepository,
        SeatBook,
        PublicRateLimit,
        RegistrationService,
        RegistrationJobs,
      ],
      exports: [RegistrationService, SeatBook],
    };
  }
}
