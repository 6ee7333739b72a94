import { Inject, Injectable, Logger } from '@nestjs/common';
import { DAY_MS } from '@kring/domain';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { JobLedger } from '../database/job-ledger';
import { AttendanceRepository } from './attendance.repository';
import { ATTENDANCE_SETTINGS, type AttendanceSettings } from './attendance.settings';

/** Days beyond the edit period that tap ids are kept (a reopened session may get old taps late). */
const SYNC_ID_MARGIN_DAYS = 60;

/** Nightly, once across processes: names leave attendance older than the retention period; old tap ids are forgotten. */
@Injectable()
export class AttendanceRetentionJob {
  private readonly logger = new Logger(AttendanceRetentionJob.name);

  constructor(
    private readonly ledger: JobLedger,
    private readonly repo: AttendanceRepository,
    private readonly clock: Clock,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
  ) {}

  @Cron('0 4 * * *', { name: 'attendance-retention', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'Anonymising attendance failed; tomorrow retries');
    }
  }

  /**
   * Forgets the ids of taps applied long ago (a phone replays its queue within days, never after the
   * session has closed, so only recent ids are needed to recognise a replay), then takes the names
   * off attendance older than the retention period; the counts stay. Answers how many marks lost
   * their name, or null when another process ran this period.
   */
  async run(): Promise<number | null> {
    const now = this.clock.now();
    const outcome = await this.ledger.runOncePerPeriod('attendance-retention', now, DAY_MS, async () => {
      await this.repo.forgetTapIdsBefore(now, this.settings.editDays + SYNC_ID_MARGIN_DAYS);
      return this.repo.anonymiseBefore(now, this.settings.retentionMonths);
    });
    return outcome.ran ? outcome.result : null;
  }
}
