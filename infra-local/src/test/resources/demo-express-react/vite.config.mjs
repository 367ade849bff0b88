import { defineConfig } from 'vite';

// The page lives in web/ and is built into dist/, which the Express server serves.
export default defineConfig({
  root: 'web',
  build: { outDir: '../dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: {
    root: '.',
    include: ['web/**/*.test.{js,jsx}'],
    environment: 'jsdom',
  },
});
