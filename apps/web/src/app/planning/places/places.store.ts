import { Injectable, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { LocationView, SaveLocationRequest, SaveRoomRequest } from '@kring/domain';
import type { Observable } from 'rxjs';
import { tap } from 'rxjs';
import { LocationsApi } from '../data-access/locations.api';

/** The places and their rooms, kept up to date as they are changed. Provided by the page. */
@Injectable()
export class PlacesStore {
  private readonly api = inject(LocationsApi);

  readonly list = rxResource({ stream: () => this.api.list() });
  readonly places = computed(() =>
    (this.list.hasValue() ? this.list.value() : [])
      .slice()
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name)),
  );

  savePlace(id: string | null, request: SaveLocationRequest): Observable<LocationView> {
    return (id ? this.api.update(id, request) : this.api.create(request)).pipe(tap((place) => this.replace(place)));
  }

  saveRoom(placeId: string, roomId: string | null, request: SaveRoomRequest): Observable<LocationView> {
    return (roomId ? this.api.updateRoom(placeId, roomId, request) : this.api.addRoom(placeId, request)).pipe(
      tap((place) => this.replace(place)),
    );
  }

  reload(): void {
    this.list.reload();
  }

  private replace(place: LocationView): void {
    const current = this.list.hasValue() ? this.list.value() : [];
    const exists = current.some((p) => p.id === place.id);
    this.list.set(exists ? current.map((p) => (p.id === place.id ? place : p)) : [...current, place]);
  }
}
