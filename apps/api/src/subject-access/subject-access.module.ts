import { Module, type DynamicModule } from '@nestjs/common';
import { FlagBox } from '../flags/flag-box';
import { FlagHistoryRepository } from '../flags/flag-history.repository';
import { FlagReadingService } from '../flags/flag-reading.service';
import { FlagRepository } from '../flags/flag.repository';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessRepository } from './subject-access.repository';
import { SubjectAccessService } from './subject-access.service';

/**
 * Subject access: the family's whole record for the family. Flags are opened by the flags' own
 * reading service (its own FlagBox over the flag key, as referrals do), so their text is unsealed there.
 */
@Module({})
export class SubjectAccessModule {
  static forRoot(secretKey: Buffer, keyVersion: number): DynamicModule {
    return {
      module: SubjectAccessModule,
      controllers: [SubjectAccessController],
      providers: [
        { provide: FlagBox, useValue: new FlagBox(secretKey, keyVersion) },
        FlagRepository,
        FlagHistoryRepository,
        FlagReadingService,
        SubjectAccessRepository,
        SubjectAccessService,
      ],
    };
  }
}
