import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { LocationView, RoomView } from '@kring/domain';
import type { PlaceFormData } from '../place-form-dialog/place-form-dialog';
import { PlaceFormDialog } from '../place-form-dialog/place-form-dialog';
import { PlacesStore } from '../places.store';
import type { RoomFormData } from '../room-form-dialog/room-form-dialog';
import { RoomFormDialog } from '../room-form-dialog/room-form-dialog';
import { LoadError } from '../../../shared/load-error/load-error';

const DIALOG = { maxWidth: '34rem', width: 'calc(100% - 32px)' };

/** `/planning/plaatsen`: the places where sessions happen, with their rooms; for admins and coordinators. */
@Component({
  selector: 'kr-places-page',
  imports: [LoadError, MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  providers: [PlacesStore],
  templateUrl: './places-page.html',
  styleUrl: './places-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlacesPage {
  private readonly store = inject(PlacesStore);
  private readonly dialog = inject(MatDialog);

  protected readonly list = this.store.list;
  protected readonly places = this.store.places;
  protected readonly saved = signal<string | null>(null);

  protected editPlace(place: LocationView | null): void {
    this.saved.set(null);
    this.dialog
      .open<PlaceFormDialog, PlaceFormData, boolean>(PlaceFormDialog, { ...DIALOG, data: { place, store: this.store } })
      .afterClosed()
      .subscribe((done) => done && this.saved.set(place ? 'planning.places.placeSaved' : 'planning.places.placeAdded'));
  }

  protected editRoom(place: LocationView, room: RoomView | null): void {
    this.saved.set(null);
    this.dialog
      .open<RoomFormDialog, RoomFormData, boolean>(RoomFormDialog, { ...DIALOG, data: { place, room, store: this.store } })
      .afterClosed()
      .subscribe((done) => done && this.saved.set(room ? 'planning.places.roomSaved' : 'planning.places.roomAdded'));
  }

  protected retry(): void {
    this.store.reload();
  }
}
