import type { Routes } from '@angular/router';
import {
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';

/**
 * `/bereik`: the funder report, for coordinators. Chart.js comes with this route only (never in the
 * first load), and only the parts the page draws (bars, a line, two scales, legend, tooltip).
 */
export const REPORT_ROUTES: Routes = [
  {
    path: '',
    title: 'reports.reach.title',
    providers: [
      provideCharts({
        registerables: [BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip],
      }),
    ],
    loadComponent: () => import('./reach-page/reach-page').then((m) => m.ReachPage),
  },
];
