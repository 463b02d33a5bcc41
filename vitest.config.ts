import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { communesIndex } from './scripts/communes-plugin.ts';

export default defineConfig({
  plugins: [preact(), communesIndex()],
  define: { __BUILD_ID__: JSON.stringify('test') },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/helpers/setup-unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'hub',
          include: ['tests/hub/**/*.test.ts'],
          environment: 'node',
          // scrypt at 2^14 instead of 2^17 to keep the suite fast (honoured only under vitest;
          // tests/hub/password-hash.test.ts checks the production default).
          env: { KARIOLE_TEST_SCRYPT_N: '16384' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          env: { KARIOLE_TEST_SCRYPT_N: '16384' },
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
