import { defineConfig } from 'vitest/config';

// Unit tests: domain and protocol (pure), client data and sync on fake-indexeddb, the server
// through Fastify inject() against a real SQLite file. Element tests opt into happy-dom with a
// `// @vitest-environment happy-dom` line at the top of the file.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
