import type { Routes } from '@angular/router';
import { CheckInPage } from './check-in-page/check-in-page';
import { LogFlagPage, leaveLogFlagPage } from '../flags/log-flag-page/log-flag-page';
import { FamilyHistoryPage } from './family-history-page/family-history-page';
import { RosterPage } from './roster-page/roster-page';
import { TallyPage } from './tally-page/tally-page';
import { TodayPage } from './today-page/today-page';

/** The room, under `/vandaag`: one chunk, so once opened every room page also opens offline. */
export const ROOM_ROUTES: Routes = [
  { path: '', title: 'room.today.title', component: TodayPage },
  // Noting a flag: in the room's chunk, so that without a connection it opens to say plainly that saving needs one.
  { path: 'gezin/:familyId/signaal', title: 'flags.log.title', component: LogFlagPage, canDeactivate: [leaveLogFlagPage] },
  { path: 'gezin/:familyId', title: 'room.history.title', component: FamilyHistoryPage },
  { path: ':sessionId/lijst', title: 'room.roster.title', component: RosterPage },
  { path: ':sessionId/telling', title: 'room.tally.title', component: TallyPage },
  { path: ':sessionId/namen', title: 'room.checkIn.title', component: CheckInPage },
];
