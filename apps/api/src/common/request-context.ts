import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';

export interface RequestState {
  ip?: string;
  userAgent?: string;
  staffUserId?: string;
  sessionId?: string;
}

/**
 * Who is asking, for the length of one request: set by the context middleware (address) and the
 * access guard (signed-in person), read by the audit trail. Outside a request every field is empty.
 */
@Injectable()
export class RequestContext {
  private readonly storage = new AsyncLocalStorage<RequestState>();

  run<T>(state: RequestState, work: () => T): T {
    return this.storage.run(state, work);
  }

  private get state(): RequestState | undefined {
    return this.storage.getStore();
  }

  get ip(): string | undefined {
    return this.state?.ip;
  }
  get userAgent(): string | undefined {
    return this.state?.userAgent;
  }
  get staffUserId(): string | undefined {
    return this.state?.staffUserId;
  }
  get sessionId(): string | undefined {
    return this.state?.sessionId;
  }

  /** Called once the person is known (the access guard). */
  setStaff(staffUserId: string, sessionId: string): void {
    const state = this.state;
    if (state) {
      state.staffUserId = staffUserId;
      state.sessionId = sessionId;
    }
  }
}
