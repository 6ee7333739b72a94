import { Controller, Get, Header, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type SubjectAccessExport, type SubjectAccessRequestView } from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { UuidParam } from '../common/uuid-param';
import { SubjectAccessQuery } from './dto/subject-access.dto';
import { SubjectAccessService } from './subject-access.service';

/** Subject access (GDPR art. 15): the register of requests and the export for the family. Coordinators only. */
@ApiTags('subject-access')
@Controller()
@Staff(StaffRole.Coordinator)
export class SubjectAccessController {
  constructor(private readonly service: SubjectAccessService) {}

  @Post('families/:id/subject-access')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Everything Kring holds about the family, as JSON: after step-up, audited as subject_access; answers its open requests',
  })
  export(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Query() query: SubjectAccessQuery,
  ): Promise<SubjectAccessExport> {
    return this.service.exportFor(staff, id, query.locale);
  }

  @Post('families/:id/subject-access.pdf')
  @HttpCode(200)
  @Header('Content-Type', 'application/pdf')
  @Header('Content-Disposition', 'attachment; filename="kring-inzage.pdf"')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'The same export as a PDF in the family’s language (or ?locale=nl|en|fr|ar; Arabic right to left)' })
  async pdf(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Query() query: SubjectAccessQuery,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.service.pdfFor(staff, id, query.locale));
  }

  @Post('families/:id/subject-access-requests')
  @ApiOperation({ summary: 'Log the family’s request for access; the answer is due one month later' })
  logRequest(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<SubjectAccessRequestView> {
    return this.service.logRequest(staff, id);
  }

  @Get('subject-access-requests')
  @ApiOperation({ summary: 'Open requests, the first due first' })
  open(): Promise<SubjectAccessRequestView[]> {
    return this.service.openRequests();
  }
}
