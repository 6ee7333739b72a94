import { Module, type DynamicModule } from '@nestjs/common';
import { FamilyFlagsController } from './family-flags.controller';
import { FlagAlerts } from './flag-alerts';
import { FlagBox } from './flag-box';
import { FlagFollowUpService } from './flag-follow-up.service';
import { FlagHistoryRepository } from './flag-history.repository';
import { FlagJobs } from './flag-jobs';
import { FlagListsService } from './flag-lists.service';
import { FlagReadingService } from './flag-reading.service';
import { FlagReferrals } from './flag-referrals';
import { FlagRepository } from './flag.repository';
import { FlagUpkeepRepository } from './flag-upkeep.repository';
import { FlagsController } from './flags.controller';
import { LogFlagService } from './log-flag.service';

/** Discreet follow-up flags: logging, lists, reading (step-up, purpose, audit), follow-up, alerts and the daily jobs. */
@Module({})
export class FlagsModule {
  static forRoot(secretKey: Buffer, keyVersion: number): DynamicModule {
    return {
      module: FlagsModule,
      controllers: [FlagsController, FamilyFlagsController],
      providers: [
        { provide: FlagBox, useValue: new FlagBox(secretKey, keyVersion) },
        FlagRepository,
        FlagHistoryRepository,
        FlagUpkeepRepository,
        FlagAlerts,
        LogFlagService,
        FlagListsService,
        FlagReadingService,
        FlagReferrals,
        FlagFollowUpService,
        FlagJobs,
      ],
      // What other contexts may use of flags: the sealing box (referral text shares the flag key), the
      // reading service (subject access) and how a referral's flags follow it. Never the repositories.
      exports: [FlagBox, FlagReadingService, FlagReferrals],
      global: true,
    };
  }
}
