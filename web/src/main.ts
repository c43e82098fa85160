// The web console: Vue 3, Element Plus, vue-i18n, pinia, vue-router.
import 'element-plus/dist/index.css';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n/index.ts';
import { router } from './router.ts';
import { useSession } from './stores/session.ts';

const app = createApp(App).use(createPinia()).use(i18n).use(ElementPlus);
await useSession().resume();
app.use(router).mount('#app');
