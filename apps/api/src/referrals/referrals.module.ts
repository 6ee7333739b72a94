import { Module, type DynamicModule } from '@nestjs/common';
import { PublicReferralsController } from './public-referrals.controller';
import { ReferralBoardService } from './referral-board.service';
import { ReferralDeliveryService } from './referral-delivery.service';
import { ReferralJobs } from './referral-jobs';
import { ReferralLinksRepository } from './referral-links.repository';
import { ReferralPackets } from './referral-packets';
import { ReferralParentService } from './referral-parent.service';
import { ReferralReadingService } from './referral-reading.service';
import { ReferralStepper } from './referral-stepper';
import { ReferralStepsService } from './referral-steps.service';
import { ReferralUpkeepRepository } from './referral-upkeep.repository';
import { ReferralRepository } from './referral.repository';
import { ReferralsController } from './referrals.controller';

/**
 * Referrals: the state machine's steps (guards in libs/domain, the trigger in the database), consent,
 * the packet and its approval, delivery, exceptions with four eyes, follow-up, and the parent's side.
 * Referral text is sealed like flag text (the flags context's FlagBox, the same flag key); the referral's
 * flags follow it through the flags context (`FlagReferrals`), inside the referral's transaction.
 */
@Module({})
export class ReferralsModule {
  static forRoot(): DynamicModule {
    return {
      module: ReferralsModule,
      controllers: [ReferralsController, PublicReferralsController],
      providers: [
        ReferralRepository,
        ReferralLinksRepository,
        ReferralUpkeepRepository,
        ReferralStepper,
        ReferralPackets,
        ReferralBoardService,
        ReferralStepsService,
        ReferralReadingService,
        ReferralDeliveryService,
        ReferralParentService,
        ReferralJobs,
      ],
    };
  }
}
