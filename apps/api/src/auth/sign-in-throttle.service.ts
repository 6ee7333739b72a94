import { Injectable } from '@nestjs/common';
import { ErrorCode, FREE_FAILURES_PER_ADDRESS, signInDelaySeconds } from '@kring/domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { SignInThrottleRepository } from './sign-in-throttle.repository';

/** Failures older than this no longer count: the streak starts again. */
const STREAK_RESET_MS = 60 * 60 * 1000;

/**
 * Growing waits after failed sign-ins and failed two-factor codes, per key (an account, an
 * address). The same for an account that does not exist, so the answer reveals nothing.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly repo: SignInThrottleRepository,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 (with Retry-After) while any of the keys must still wait. */
  async assertAllowed(keys: string[]): Promise<void> {
    const now = this.clock.now();
    const until = await this.repo.blockedUntil(keys, now);
    if (until) {
      const seconds = (until.getTime() - now.getTime()) / 1000;
      throw new DomainError(ErrorCode.TooManyRequests, 'Too many attempts. Please wait a moment and try again.', undefined, seconds);
    }
  }

  async recordFailure(keys: string[]): Promise<void> {
    const now = this.clock.now();
    for (const key of [...new Set(keys)]) {
      const failures = await this.repo.countFailure(key, now, new Date(now.getTime() - STREAK_RESET_MS));
      const wait = signInDelaySeconds(failures, key.startsWith('ip:') ? FREE_FAILURES_PER_ADDRESS : 3);
      await this.repo.blockUntil(key, wait > 0 ? new Date(now.getTime() + wait * 1000) : null);
    }
  }

  clear(key: string): Promise<void> {
    return this.repo.clear(key);
  }
}
