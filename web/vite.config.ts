// The web console's build: web/ is Vite's root, the bundle goes to web/dist,
// which the server serves at / (src/server/web.ts). `npm start` and `npm test`
// build it in their set-up (src/setup/build-web.mjs); `npm run web:dev` serves
// it with hot reload against a server on :8080.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    rollupOptions: { output: { manualChunks: { element: ['element-plus'], vue: ['vue', 'vue-router', 'pinia', 'vue-i18n'] } } },
  },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } } },
});
