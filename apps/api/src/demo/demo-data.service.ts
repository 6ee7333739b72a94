import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { PLANNING_ZONE, StaffRole } from '@kring/domain';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { PlanningService } from '../planning/planning.service';
import { hashPassword } from '../staff/password-hasher';
import { DEMO_GROUPS, DEMO_LOCATION, DEMO_PASSWORD, DEMO_STAFF } from './demo-data';

@Injectable()
export class DemoDataService {
  constructor(
    private readonly transactions: Transactions,
    private readonly planning: PlanningService,
    private readonly clock: Clock,
  ) {}

  /**
   * Loads the demo data when the database holds no places and no staff yet.
   * @returns the logins that were created, or an empty list when the database was not empty.
   */
  async seedIfEmpty(): Promise<Array<{ email: string; roles: string[] }>> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.transactions.run(async (m) => {
      // Serialise concurrent first starts on one database: the second waits, then sees data.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('kring:demo-data'))`);
      const [{ count }] = await m.query('SELECT (SELECT count(*) FROM staff_user) + (SELECT count(*) FROM location) AS count');
      if (Number(count) > 0) return [];

      const [location] = await m.query(
        `INSERT INTO location (name, street, postal_code, city, accessibility_notes)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [DEMO_LOCATION.name, DEMO_LOCATION.street, DEMO_LOCATION.postalCode, DEMO_LOCATION.city, DEMO_LOCATION.accessibilityNotes],
      );
      const rooms = new Map<string, string>();
      for (const name of new Set(DEMO_GROUPS.map((g) => g.room))) {
        const [room] = await m.query(`INSERT INTO room (location_id, name) VALUES ($1, $2) RETURNING id`, [location.id, name]);
        rooms.set(name, room.id);
      }
      // The series start this week and run for a year, so the planning is never empty.
      const monday = DateTime.fromJSDate(this.clock.now(), { zone: PLANNING_ZONE }).startOf('week');
      const until = monday.plus({ years: 1 }).toFormat('yyyyMMdd');
      const staffIds = new Map<string, string>();
      for (const person of DEMO_STAFF) {
        const [row] = await m.query(
          `INSERT INTO staff_user (email, display_name, roles, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
          [person.email, person.displayName, person.roles, passwordHash],
        );
        for (const role of person.roles) staffIds.set(role, row.id);
      }
      for (const group of DEMO_GROUPS) {
        const [row] = await m.query(
          `INSERT INTO parent_group (title, description, kind, audience, spoken_languages, default_location_id,
                                     capacity, children_count_toward_capacity, registration_mode,
                                     default_room_id, first_start_local, duration_minutes, recurrence_rule)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            group.title,
            group.description,
            group.kind,
            group.audience,
            group.spokenLanguages,
            location.id,
            group.capacity,
            group.childrenCountTowardCapacity,
            group.registrationMode,
            rooms.get(group.room),
            `${monday.plus({ days: group.weekday - 1 }).toISODate()}T${group.time}`,
            group.durationMinutes,
            `${group.rule};UNTIL=${until}`,
          ],
        );
        await m.query('INSERT INTO group_facilitator (group_id, staff_user_id) VALUES ($1, $2)', [
          row.id,
          staffIds.get(StaffRole.GroupWorker),
        ]);
      }
      await this.planning.extendHorizon(this.clock.now());
      return DEMO_STAFF.map(({ email, roles }) => ({ email, roles: [...roles] }));
    });
  }
}
