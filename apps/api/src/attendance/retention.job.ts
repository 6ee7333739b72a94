import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { JobLedger } from '../database/job-ledger';
import { AttendanceService } from './attendance.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Nightly, once across processes: names leave attendance older than the retention period; old tap ids are forgotten. */
@Injectable()
export class AttendanceRetentionJob {
  private readonly logger = new Logger(AttendanceRetentionJob.name);

  constructor(
    private readonly ledger: JobLedger,
    private readonly attendance: AttendanceService,
    private readonly clock: Clock,
  ) {}

  @Cron('0 4 * * *', { name: 'attendance-retention', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'Anonymising attendance failed; tomorrow retries');
    }
  }

  async run(): Promise<number | null> {
    const outcome = await this.ledger.runOncePerPeriod('attendance-retention', this.clock.now(), DAY_MS, async () => {
      await this.attendance.forgetOldTapIds();
      return this.attendance.anonymise();
    });
    return outcome.ran ? outcome.result : null;
  }
}
