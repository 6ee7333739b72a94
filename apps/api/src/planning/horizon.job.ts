import { Injectable, Logger } from '@nestjs/common';
import { DAY_MS } from '@kring/domain';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { JobLedger } from '../database/job-ledger';
import { PlanningService } from './planning.service';

/** Every night, each series gets its sessions up to the horizon (once across all API processes). */
@Injectable()
export class HorizonJob {
  private readonly logger = new Logger(HorizonJob.name);

  constructor(
    private readonly ledger: JobLedger,
    private readonly planning: PlanningService,
    private readonly clock: Clock,
  ) {}

  @Cron('30 2 * * *', { name: 'planning-horizon', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'Extending the planning horizon failed; the next run retries');
    }
  }

  /** @returns how many groups were extended, or null when another process already did today's run. */
  async run(): Promise<number | null> {
    const now = this.clock.now();
    const outcome = await this.ledger.runOncePerPeriod('planning-horizon', now, DAY_MS, () => this.planning.extendHorizon(now));
    return outcome.ran ? outcome.result : null;
  }
}
