import { Injectable } from '@angular/core';

/** Everything the room keeps on the phone starts with this, then the owner's id: `kring.room.<userId>.…`. */
export const ROOM_STORAGE_PREFIX = 'kring.room';
/** Who last used the room on this device (so the lists open offline); cleared on signing out. */
export const ROOM_OWNER_KEY = `${ROOM_STORAGE_PREFIX}.owner`;

export interface RoomOwner {
  id: string;
  roles: readonly string[];
}

/**
 * The room's small local store (localStorage: synchronous, survives a reload and a closed tab,
 * and a few kilobytes of taps fit easily). Every read and write is guarded: a blocked or full
 * storage never breaks the screen, it only means less is remembered.
 */
@Injectable({ providedIn: 'root' })
export class RoomStorage {
  private readonly storage: Storage | null = openStorage();

  read<T>(key: string): T | null {
    try {
      const text = this.storage?.getItem(key);
      return text ? (JSON.parse(text) as T) : null;
    } catch {
      return null;
    }
  }

  /** False when it could not be written (storage full or blocked). */
  write(key: string, value: unknown): boolean {
    try {
      if (!this.storage) return false;
      this.storage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  }

  remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // nothing to do
    }
  }

  /** Every key that starts with `prefix`. */
  keys(prefix: string): string[] {
    if (!this.storage) return [];
    const keys: string[] = [];
    try {
      for (let i = 0; i < this.storage.length; i++) {
        const key = this.storage.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
    } catch {
      return [];
    }
    return keys;
  }

  owner(): RoomOwner | null {
    return this.read<RoomOwner>(ROOM_OWNER_KEY);
  }

  setOwner(owner: RoomOwner | null): void {
    if (owner) this.write(ROOM_OWNER_KEY, owner);
    else this.remove(ROOM_OWNER_KEY);
  }
}

/** The key of one thing of one owner: `kring.room.<userId>.<name>`. */
export function ownerKey(ownerId: string, name: string): string {
  return `${ROOM_STORAGE_PREFIX}.${ownerId}.${name}`;
}

function openStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
