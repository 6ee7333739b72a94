import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { LocationView, SaveLocationRequest, SaveRoomRequest } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** Places (Huizen van het Kind and others) with their rooms. */
@Injectable({ providedIn: 'root' })
export class LocationsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/locations`;

  list(): Observable<LocationView[]> {
    return this.http.get<LocationView[]>(this.url);
  }

  create(request: SaveLocationRequest): Observable<LocationView> {
    return this.http.post<LocationView>(this.url, request);
  }

  update(id: string, request: SaveLocationRequest): Observable<LocationView> {
    return this.http.patch<LocationView>(`${this.url}/${encodeURIComponent(id)}`, request);
  }

  addRoom(locationId: string, request: SaveRoomRequest): Observable<LocationView> {
    return this.http.post<LocationView>(`${this.url}/${encodeURIComponent(locationId)}/rooms`, request);
  }

  updateRoom(locationId: string, roomId: string, request: SaveRoomRequest): Observable<LocationView> {
    return this.http.patch<LocationView>(`${this.url}/${encodeURIComponent(locationId)}/rooms/${encodeURIComponent(roomId)}`, request);
  }
}
