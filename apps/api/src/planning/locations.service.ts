import { Injectable } from '@nestjs/common';
import { ErrorCode, FieldErrorCode, type LocationView } from '@kring/domain';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { SaveLocationDto, SaveRoomDto } from './dto/location.dto';
import { PlacesRepository } from './places.repository';

/** Places (Huizen van het Kind and others) and their rooms. */
@Injectable()
export class LocationsService {
  constructor(
    private readonly repo: PlacesRepository,
    private readonly transactions: Transactions,
  ) {}

  list(): Promise<LocationView[]> {
    return this.repo.listLocations();
  }

  create(dto: SaveLocationDto): Promise<LocationView> {
    return this.transactions.run(async () => {
      const id = await this.repo.insertLocation(clean(dto));
      return this.require(id);
    });
  }

  update(id: string, dto: SaveLocationDto): Promise<LocationView> {
    return this.transactions.run(async () => {
      await this.require(id);
      await this.repo.updateLocation(id, clean(dto));
      return this.require(id);
    });
  }

  addRoom(locationId: string, dto: SaveRoomDto): Promise<LocationView> {
    return this.transactions.run(async () => {
      await this.require(locationId);
      await this.assertRoomNameFree(locationId, dto.name);
      await this.repo.insertRoom(locationId, cleanRoom(dto));
      return this.require(locationId);
    });
  }

  updateRoom(locationId: string, roomId: string, dto: SaveRoomDto): Promise<LocationView> {
    return this.transactions.run(async () => {
      await this.assertRoomNameFree(locationId, dto.name, roomId);
      if (!(await this.repo.updateRoom(locationId, roomId, cleanRoom(dto)))) {
        throw new DomainError(ErrorCode.NotFound, 'There is no such room at this place.');
      }
      return this.require(locationId);
    });
  }

  private async assertRoomNameFree(locationId: string, name: string, exceptRoomId?: string): Promise<void> {
    if (await this.repo.roomNameTaken(locationId, name.trim(), exceptRoomId)) {
      throw new DomainError(ErrorCode.Conflict, 'This place already has a room with that name.', [
        { field: 'name', code: FieldErrorCode.Taken, message: 'This place already has a room with that name.' },
      ]);
    }
  }

  private async require(id: string): Promise<LocationView> {
    const location = await this.repo.location(id);
    if (!location) throw new DomainError(ErrorCode.NotFound, 'There is no such place.');
    return location;
  }
}

function clean(dto: SaveLocationDto) {
  return {
    name: dto.name.trim(),
    street: dto.street.trim(),
    postalCode: dto.postalCode.trim(),
    city: dto.city.trim(),
    accessibilityNotes: dto.accessibilityNotes?.trim() ?? '',
    active: dto.active ?? true,
  };
}

function cleanRoom(dto: SaveRoomDto) {
  return {
    name: dto.name.trim(),
    capacity: dto.capacity ?? null,
    accessibilityNotes: dto.accessibilityNotes?.trim() ?? '',
    active: dto.active ?? true,
  };
}
