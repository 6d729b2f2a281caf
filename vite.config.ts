/**
 * Vite build of the PWA into dist/ (served by the store server). In development `npm run dev`
 * proxies the API to a server on :8080. A later issue adds vite-plugin-pwa (injectManifest,
 * service worker in src/sw/).
 */
import { defineConfig } from 'vite';

const api = {
  '/v0': 'http://localhost:8080',
  '/healthz': 'http://localhost:8080',
};

export default defineConfig({
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
  server: { proxy: api },
  preview: { proxy: api },
});
