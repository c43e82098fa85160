// Pages: /login, and the agent desktop at /. A page that wants a session sends
// the user to /login first (and back afterwards).
import { createRouter, createWebHistory } from 'vue-router';
import { useSession } from './stores/session.ts';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/', name: 'desk', component: () => import('./pages/DeskPage.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach((to) => {
  const session = useSession();
  if (!to.meta.public && !session.signedIn) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  if (to.name === 'login' && session.signedIn) return { name: 'desk' };
  return true;
});
