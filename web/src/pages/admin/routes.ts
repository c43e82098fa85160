// The administration pages (group "admin" of the navigation): accounts,
// queues and the blacklist for admins; customers for supervisors too.
import type { RouteRecordRaw } from 'vue-router';

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/accounts',
    name: 'admin-accounts',
    component: () => import('./AccountsPage.vue'),
    meta: { nav: 'admin.accounts.title', group: 'admin', roles: [] },
  },
  {
    path: 'admin/queues',
    name: 'admin-queues',
    component: () => import('./QueuesPage.vue'),
    meta: { nav: 'admin.queues.title', group: 'admin', roles: [] },
  },
  {
    path: 'admin/blacklist',
    name: 'admin-blacklist',
    component: () => import('./BlacklistPage.vue'),
    meta: { nav: 'admin.blacklist.title', group: 'admin', roles: [] },
  },
  {
    path: 'admin/customers',
    name: 'admin-customers',
    component: () => import('./CustomersPage.vue'),
    meta: { nav: 'admin.customers.title', group: 'admin', roles: ['supervisor'] },
  },
];
