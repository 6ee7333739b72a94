import { Injectable } from '@nestjs/common';
import { ErrorCode, pickLocalized, type Locale, type StaffGroupSummary } from '@kring/domain';
import { GroupScopes } from '../access/group-scope';
import type { AuthenticatedStaff } from '../auth/session.service';
import { DomainError } from '../common/domain-error';
import { GroupsRepository, type StaffGroupRow } from './groups.repository';

@Injectable()
export class StaffGroupsService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly scopes: GroupScopes,
  ) {}

  async list(staff: AuthenticatedStaff, locale: Locale): Promise<StaffGroupSummary[]> {
    return (await this.groups.findForStaff(this.scopes.for(staff))).map((row) => toSummary(row, locale));
  }

  facilitators(): Promise<Array<{ id: string; displayName: string }>> {
    return this.groups.facilitators();
  }

  async get(staff: AuthenticatedStaff, id: string, locale: Locale): Promise<StaffGroupSummary> {
    const row = await this.groups.findOneForStaff(this.scopes.for(staff), id);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'There is no such group among yours.');
    return toSummary(row, locale);
  }
}

function toSummary(row: StaffGroupRow, locale: Locale): StaffGroupSummary {
  return {
    id: row.id,
    title: pickLocalized(row.title, locale).text,
    kind: row.kind,
    audience: row.audience,
    location: { id: row.location_id, name: row.location_name },
    capacity: row.capacity,
    registrationMode: row.registration_mode,
    facilitators: row.facilitators,
    active: row.active,
  };
}
