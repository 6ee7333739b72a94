import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import type { ReachMeasure, ReachRow } from '@kring/domain';
import { chartValue } from '../data/report-format';

/** One series of a chart: a measure, its label (translated), drawn as bars (stacked when `stack` is set) or a line. */
export interface ReachSeries {
  measure: ReachMeasure;
  label: string;
  kind: 'bar' | 'line';
  stack?: string;
}

/** A table column: a measure, or the attendance rate. */
export interface ReachColumn {
  key: ReachMeasure | 'attendanceRate';
  label: string;
}

const COLOURS = ['#3f6f8f', '#9bc1d9', '#b5562b', '#6d8f3f'];

/**
 * A chart of some rows with, for screen readers and whoever prefers it, the same numbers as a table.
 * The canvas is hidden from assistive technology; the table is always in the page (visually hidden
 * while the chart shows). Suppressed counts are gaps in the chart and "< 5" or "x" in the table.
 */
@Component({
  selector: 'kr-reach-chart',
  imports: [BaseChartDirective, MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './reach-chart.html',
  styleUrl: './reach-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The chart's height follows its rows; a custom property, so the template needs no inline style.
  host: { '[style.--chart-height.px]': 'height()' },
})
export class ReachChart {
  /** The figure's caption (translated). */
  readonly caption = input.required<string>();
  readonly rowHeader = input.required<string>();
  readonly rows = input.required<Array<{ label: string; row: ReachRow }>>();
  readonly series = input.required<ReachSeries[]>();
  readonly columns = input.required<ReachColumn[]>();
  /** Bars across (for many long names, e.g. groups). */
  readonly horizontal = input(false);

  protected readonly asTable = signal(false);

  protected readonly data = computed<ChartConfiguration<'bar' | 'line'>['data']>(() => ({
    labels: this.rows().map((r) => r.label),
    datasets: this.series().map((s, i) => ({
      type: s.kind,
      label: s.label,
      data: this.rows().map((r) => chartValue(r.row.counts[s.measure])),
      backgroundColor: COLOURS[i % COLOURS.length],
      borderColor: COLOURS[i % COLOURS.length],
      stack: s.stack,
      spanGaps: false,
    })),
  }));

  protected readonly options = computed<ChartConfiguration<'bar' | 'line'>['options']>(() => ({
    indexAxis: this.horizontal() ? 'y' : 'x',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      x: { stacked: !this.horizontal() && this.series().some((s) => s.stack), beginAtZero: true, ticks: { precision: 0 } },
      y: { stacked: !this.horizontal() && this.series().some((s) => s.stack), beginAtZero: true, ticks: { precision: 0 } },
    },
    plugins: { legend: { position: 'bottom' } },
  }));

  /** Enough height for every bar when they run across. */
  protected readonly height = computed(() => (this.horizontal() ? Math.max(200, 40 + this.rows().length * 28) : 280));

  protected cell(row: ReachRow, key: ReachColumn['key']): string {
    if (key === 'attendanceRate') return row.attendanceRate === null ? '–' : `${row.attendanceRate}%`;
    return String(row.counts[key]);
  }
}
