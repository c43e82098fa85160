// The agent's other pages (group "desk" of the navigation): call history, the
// address book, short messages, and the lines' and extensions' status.
import type { RouteRecordRaw } from 'vue-router';

export const commsRoutes: RouteRecordRaw[] = [
  {
    path: 'history',
    name: 'history',
    component: () => import('./HistoryPage.vue'),
    meta: { nav: 'history.title', group: 'desk', roles: ['agent', 'supervisor'] },
  },
  { path: 'contacts', name: 'contacts', component: () => import('./ContactsPage.vue'), meta: { nav: 'contacts.title', group: 'desk' } },
  {
    path: 'messages',
    name: 'messages',
    component: () => import('./MessagesPage.vue'),
    meta: { nav: 'messages.title', group: 'desk', roles: ['agent', 'supervisor'] },
  },
  { path: 'status', name: 'status', component: () => import('./StatusPage.vue'), meta: { nav: 'status.title', group: 'desk' } },
];
