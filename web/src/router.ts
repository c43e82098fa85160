// Pages: /login, and every other page inside the shell (navigation, language,
// sign-out). Each area of the console lists its own pages in its routes.ts,
// with the navigation label (an i18n key), its group and the roles that may
// open it (admins open every page). A page that wants a session sends the user
// to /login first (and back afterwards); a page of another role goes to /.
import { createRouter, createWebHistory } from 'vue-router';
import type { Role } from './api/types.ts';
import { commsRoutes } from './pages/comms/routes.ts';
import { adminRoutes } from './pages/admin/routes.ts';
import { configRoutes } from './pages/config/routes.ts';
import { deskRoutes } from './pages/desk/routes.ts';
import { useSession } from './stores/session.ts';

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without signing in */
    public?: boolean;
    /** the navigation label's i18n key; pages without one are not in the navigation */
    nav?: string;
    /** the navigation group */
    group?: NavGroup;
    /** who may open it besides admins (none: everyone signed in) */
    roles?: Role[];
  }
}

export const NAV_GROUPS = ['desk', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export const shellRoutes = [...deskRoutes, ...commsRoutes, ...adminRoutes, ...configRoutes];

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/', component: () => import('./layout/ShellLayout.vue'), children: shellRoutes },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

/** Whether an account of this role may open a page with these roles. */
export function allowed(role: Role | undefined, roles: Role[] | undefined): boolean {
  return role === 'admin' || !roles || (role !== undefined && roles.includes(role));
}

router.beforeEach((to) => {
  const session = useSession();
  if (!to.meta.public && !session.signedIn) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  if (to.name === 'login' && session.signedIn) return { name: 'desk' };
  if (!allowed(session.account?.role, to.meta.roles)) return { name: 'desk' };
  return true;
});
