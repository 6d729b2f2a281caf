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
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressDir } from './server/src/precompress.ts';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

const api = {
  '/v0': 'http://localhost:8080',
  '/healthz': 'http://localhost:8080',
};

/**
 * Brotli and gzip copies of every text file the build wrote (the service worker included),
 * for the server to send as they are (server/src/precompress.ts). Runs last, after
 * vite-plugin-pwa has written the worker; the copies match no precache glob.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'aisle-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const files = precompressDir(outDir);
        this.info(`precompressed ${files.length} files (brotli, gzip)`);
      },
    },
  };
}

export default defineConfig({
  build: {
    outDir: 'dist',
    target: 'es2022',
    // No source maps in the served build (issue 11): they published the app's source.
    sourcemap: false,
    // dist/.vite/manifest.json: bench/bundle.ts follows it to the JavaScript of first paint.
    manifest: true,
    rolldownOptions: {
      output: {
        // The modules the first paint and the lazy screens share would otherwise each be a
        // chunk of their own (ten small requests, each gzipped alone): Lit with its
        // decorators, context and localize in one, the app's small shared modules (log, money,
        // totals and discount rules, serial cleaning, the localization core) in another.
        codeSplitting: {
          groups: [
            { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ },
            {
              name: 'shared',
              test: /src[\\/](log|i18n[\\/](plural|localization|language-choice|locale-codes)|domain[\\/](serial-cleaning|cart-totals|money|discounts|sale-amounts|receipt-number))\.ts$/,
            },
          ],
        },
      },
    },
    // The polyfill serves browsers without <link rel="modulepreload"> (older than Chromium
    // 66, Safari 17, Firefox 115), which then fetch each chunk when imported instead: half a
    // kilobyte of first paint that no supported till needs.
    modulePreload: { polyfill: false },
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
    precompress(),
  ],
});
