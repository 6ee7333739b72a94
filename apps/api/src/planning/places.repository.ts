import { Injectable } from '@nestjs/common';
import type { LocationView } from '@kring/domain';
import { Transactions } from '../database/transactions';

/** SQL for places and their rooms. */
@Injectable()
export class PlacesRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  listLocations(): Promise<LocationView[]> {
    return this.m.query(
      `SELECT l.id, l.name, l.street, l.postal_code AS "postalCode", l.city, l.accessibility_notes AS "accessibilityNotes", l.active,
              coalesce((SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'capacity', r.capacity,
                          'accessibilityNotes', r.accessibility_notes, 'active', r.active) ORDER BY r.name)
                          FROM room r WHERE r.location_id = l.id), '[]') AS rooms
         FROM location l ORDER BY l.active DESC, l.name`,
    );
  }

  async location(id: string): Promise<LocationView | undefined> {
    return (await this.listLocations()).find((l) => l.id === id);
  }

  async insertLocation(v: {
    name: string;
    street: string;
    postalCode: string;
    city: string;
    accessibilityNotes: string;
    active: boolean;
  }): Promise<string> {
    const [row] = await this.m.query(
      `INSERT INTO location (name, street, postal_code, city, accessibility_notes, active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [v.name, v.street, v.postalCode, v.city, v.accessibilityNotes, v.active],
    );
    return row.id;
  }

  async updateLocation(
    id: string,
    v: { name: string; street: string; postalCode: string; city: string; accessibilityNotes: string; active: boolean },
  ): Promise<void> {
    await this.m.query(
      `UPDATE location SET name = $2, street = $3, postal_code = $4, city = $5, accessibility_notes = $6, active = $7, updated_at = now() WHERE id = $1`,
      [id, v.name, v.street, v.postalCode, v.city, v.accessibilityNotes, v.active],
    );
  }

  async insertRoom(
    locationId: string,
    v: { name: string; capacity: number | null; accessibilityNotes: string; active: boolean },
  ): Promise<string> {
    const [row] = await this.m.query(
      `INSERT INTO room (location_id, name, capacity, accessibility_notes, active) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [locationId, v.name, v.capacity, v.accessibilityNotes, v.active],
    );
    return row.id;
  }

  async updateRoom(
    locationId: string,
    roomId: string,
    v: { name: string; capacity: number | null; accessibilityNotes: string; active: boolean },
  ): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `WITH changed AS (UPDATE room SET name = $3, capacity = $4, accessibility_notes = $5, active = $6 WHERE id = $2 AND location_id = $1 RETURNING id)
       SELECT id FROM changed`,
      [locationId, roomId, v.name, v.capacity, v.accessibilityNotes, v.active],
    );
    return rows.length > 0;
  }

  async roomNameTaken(locationId: string, name: string, exceptRoomId?: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `SELECT 1 FROM room WHERE location_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [locationId, name, exceptRoomId ?? null],
    );
    return rows.length > 0;
  }

  /** Whether the place exists and is in use, and (when given) the room is one of its rooms in use. */
  async placeAndRoom(locationId: string, roomId: string | null): Promise<{ location: boolean; room: boolean }> {
    const [row] = await this.m.query(
      `SELECT EXISTS (SELECT 1 FROM location WHERE id = $1 AND active) AS location,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM room WHERE id = $2 AND location_id = $1 AND active)) AS room`,
      [locationId, roomId],
    );
    return row;
  }
}
