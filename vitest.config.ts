import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests print real PDFs; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
