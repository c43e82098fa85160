// The agent desktop's pages (group "desk" of the navigation).
import type { RouteRecordRaw } from 'vue-router';

export const deskRoutes: RouteRecordRaw[] = [
  { path: '', name: 'desk', component: () => import('./DeskPage.vue'), meta: { nav: 'desk.title', group: 'desk' } },
];
