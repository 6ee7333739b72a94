import { Module, type DynamicModule } from '@nestjs/common';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessRepository } from './subject-access.repository';
import { SubjectAccessService } from './subject-access.service';

/**
 * Subject access: the family's whole record for the family. Flags are opened by the flags context's
 * own reading service (exported by FlagsModule), so their text is unsealed there.
 */
@Module({})
export class SubjectAccessModule {
  static forRoot(): DynamicModule {
    return {
      module: SubjectAccessModule,
      controllers: [SubjectAccessController],
      providers: [SubjectAccessRepository, SubjectAccessService],
    };
  }
}
