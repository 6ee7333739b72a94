import { Module } from '@nestjs/common';
import { AdminReferralServicesController, ReferralServicesController } from './referral-services.controller';
import { ReferralServicesRepository } from './referral-services.repository';
import { ReferralServicesService } from './referral-services.service';

/** The directory of services families are referred to (issue 14). Referrals read it through `ReferralServicesService`. */
@Module({
  controllers: [AdminReferralServicesController, ReferralServicesController],
  providers: [ReferralServicesRepository, ReferralServicesService],
  exports: [ReferralServicesService],
})
export class ServicesDirectoryModule {}
