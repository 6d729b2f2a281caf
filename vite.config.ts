/**
 * Vite build of the PWA into dist/ (served by the store server). In development `npm run dev`
 * proxies the API to a server on :8080.
 *
 * vite-plugin-pwa in injectManifest mode: our own worker (src/sw/service-worker.ts) gets the
 * precache list, because the update must wait for the associate and an empty cart (generateSW
 * would need its skipWaiting/clientsClaim templates bent to do that) and Background Sync only
 * wakes the page. The manifest is public/manifest.webmanifest, linked by index.html.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

const api = {
  '/v0': 'http://localhost:8080',
  '/healthz': 'http://localhost:8080',
};

export default defineConfig({
  build: {
    outDir: 'dist',
    target: 'es2022',
    // No source maps in the served build (issue 11): they published the app's source.
    sourcemap: false,
    // dist/.vite/manifest.json: bench/bundle.ts follows it to the JavaScript of first paint.
    manifest: true,
  },
  // The status screen shows which build runs on the device.
  define: { 'import.meta.env.AISLE_VERSION': JSON.stringify(version) },
  server: { proxy: api },
  preview: { proxy: api },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'service-worker.ts',
      // Registered by src/sw/register.ts through workbox-window, never by an injected script.
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // The scanner chunk, its decoder Worker and zxing-wasm's .wasm (~1 MB) included.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // A classic script: module service workers are still missing in some browsers.
        rollupFormat: 'iife',
        sourcemap: false,
      },
    }),
  ],
});
