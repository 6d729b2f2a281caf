import { defineConfig } from 'vitest/config';

// Unit tests: domain and protocol (pure), client data and sync on fake-indexeddb, the server
// through Fastify inject() against a real SQLite file. Element tests opt into happy-dom with a
// `// @vitest-environment happy-dom` line at the top of the file.
// With AISLE_TEST_PG_URL set (`.ci/postgres start` prints one), the server tests run a second
// time on PostgreSQL: each test app gets its own database on that server.
const postgresUrl = process.env.AISLE_TEST_PG_URL ?? '';

export default defineConfig({
  test: {
    // No root `include`: projects that extend the root concatenate its include with their own,
    // which ran every unit file again in server-postgres.
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      ...(postgresUrl === ''
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'server-postgres',
                include: ['test/unit/server/**/*.test.ts'],
                env: { AISLE_TEST_POSTGRES_URL: postgresUrl },
              },
            },
          ]),
    ],
  },
});
