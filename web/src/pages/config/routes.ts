// Administration of the call flow (group "admin" of the navigation): IVR
// flows, schedules and holidays (admins), lines and spans (read-only, also
// technicians and supervisors).
import type { RouteRecordRaw } from 'vue-router';

export const configRoutes: RouteRecordRaw[] = [
  {
    path: 'ivr',
    name: 'ivr',
    component: () => import('./IvrFlowsPage.vue'),
    meta: { nav: 'ivr.title', group: 'admin', roles: ['admin'] },
  },
  {
    path: 'schedules',
    name: 'schedules',
    component: () => import('./SchedulesPage.vue'),
    meta: { nav: 'schedules.title', group: 'admin', roles: ['admin'] },
  },
  {
    path: 'lines',
    name: 'lines',
    component: () => import('./LinesPage.vue'),
    meta: { nav: 'lines.title', group: 'admin', roles: ['admin', 'technician', 'supervisor'] },
  },
];
