import { Injectable } from '@nestjs/common';
import { StaffRole } from '@kring/domain';
import { Transactions } from '../database/transactions';
import { hashPassword } from '../staff/password-hasher';
import { DEMO_GROUPS, DEMO_LOCATION, DEMO_PASSWORD, DEMO_STAFF } from './demo-data';

@Injectable()
export class DemoDataService {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Loads the demo data when the database holds no places and no staff yet.
   * @returns the logins that were created, or an empty list when the database was not empty.
   */
  async seedIfEmpty(): Promise<Array<{ email: string; roles: string[] }>> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.transactions.run(async (m) => {
      // Serialise concurrent first starts on one database: the second waits, then sees data.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('kring:demo-data'))`);
      const [{ count }] = await m.query(
        'SELECT (SELECT count(*) FROM staff_user) + (SELECT count(*) FROM location) AS count',
      );
      if (Number(count) > 0) return [];

      const [location] = await m.query(
        `INSERT INTO location (name, street, postal_code, city, accessibility_notes)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [DEMO_LOCATION.name, DEMO_LOCATION.street, DEMO_LOCATION.postalCode, DEMO_LOCATION.city, DEMO_LOCATION.accessibilityNotes],
      );
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
                                     capacity, children_count_toward_capacity, registration_mode)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
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
          ],
        );
        await m.query('INSERT INTO group_facilitator (group_id, staff_user_id) VALUES ($1, $2)', [
          row.id,
          staffIds.get(StaffRole.GroupWorker),
        ]);
      }
      return DEMO_STAFF.map(({ email, roles }) => ({ email, roles: [...roles] }));
    });
  }
}
