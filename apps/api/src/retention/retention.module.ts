import { Module, type DynamicModule } from '@nestjs/common';
import type { Env } from '../config/env';
import { FamilyErasureService } from './family-erasure.service';
import { FamilyPrivacyController } from './family-privacy.controller';
import { LegalHoldsService } from './legal-holds.service';
import { RetentionJob } from './retention.job';
import { RetentionRepository } from './retention.repository';
import { RETENTION_SETTINGS, retentionSettings } from './retention.settings';

/** Keeping only what is needed: the nightly retention job, legal holds and "forget me". */
@Module({})
export class RetentionModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: RetentionModule,
      controllers: [FamilyPrivacyController],
      providers: [
        { provide: RETENTION_SETTINGS, useValue: retentionSettings(env) },
        RetentionRepository,
        RetentionJob,
        LegalHoldsService,
        FamilyErasureService,
      ],
    };
  }
}
