/** A session whose changes of time or place have settled and are to be told (see `SessionChanges`). */
export interface SettledChange {
  sessionId: string;
  /** The session's calendar sequence now: the SEQUENCE of the new .ics, and part of each message's key. */
  sequence: number;
  /** When it started before the first change its families have not heard of yet. */
  previousStartsAt: Date;
}

/**
 * What planning needs done for the families registered for a session. Registration provides it
 * (planning does not know families); every call runs inside the caller's transaction.
 */
export abstract class FamilyNotices {
  /** Offers seats a higher capacity freed to the families waiting, in order, exactly as after a cancellation. */
  abstract offerFreedSeats(sessionIds: string[]): Promise<void>;

  /** Tells every family with a live registration the session's new time and place. @returns messages written. */
  abstract sessionChanged(change: SettledChange): Promise<number>;
}
