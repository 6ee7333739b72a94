import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { PLANNING_ZONE, StaffRole } from '@kring/domain';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { DemoDataRepository } from './demo-data.repository';
import { PlanningService } from '../planning/planning.service';
import { hashPassword } from '../staff/password-hasher';
import { DEMO_GROUPS, DEMO_LOCATION, DEMO_PASSWORD, DEMO_STAFF } from './demo-data';

@Injectable()
export class DemoDataService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: DemoDataRepository,
    private readonly planning: PlanningService,
    private readonly clock: Clock,
  ) {}

  /**
   * Loads the demo data when the database holds no places and no staff yet.
   * @returns the logins that were created, or an empty list when the database was not empty.
   */
  async seedIfEmpty(): Promise<Array<{ email: string; roles: string[] }>> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.transactions.run(async () => {
      if (!(await this.repo.lockAndCheckEmpty())) return [];
      const locationId = await this.repo.insertLocation(DEMO_LOCATION);
      const rooms = new Map<string, string>();
      for (const name of new Set(DEMO_GROUPS.map((g) => g.room))) rooms.set(name, await this.repo.insertRoom(locationId, name));
      // The series start this week and run for a year, so the planning is never empty.
      const monday = DateTime.fromJSDate(this.clock.now(), { zone: PLANNING_ZONE }).startOf('week');
      const until = monday.plus({ years: 1 }).toFormat('yyyyMMdd');
      const staffIds = new Map<string, string>();
      for (const person of DEMO_STAFF) {
        const id = await this.repo.insertStaff({ ...person, passwordHash });
        for (const role of person.roles) staffIds.set(role, id);
      }
      for (const group of DEMO_GROUPS) {
        const groupId = await this.repo.insertGroup({
          ...group,
          locationId,
          roomId: rooms.get(group.room) ?? null,
          firstStartLocal: `${monday.plus({ days: group.weekday - 1 }).toISODate()}T${group.time}`,
          recurrenceRule: `${group.rule};UNTIL=${until}`,
        });
        const worker = staffIds.get(StaffRole.GroupWorker);
        if (worker) await this.repo.addFacilitator(groupId, worker);
      }
      await this.planning.extendHorizon(this.clock.now());
      return DEMO_STAFF.map(({ email, roles }) => ({ email, roles: [...roles] }));
    });
  }
}
