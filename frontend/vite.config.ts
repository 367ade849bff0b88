/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves the app with hot reload and sends API calls to a running `scripts/dev`,
// so the browser sees one origin (no CORS) exactly as when the gateway serves the built app.
const api = process.env.SAMOKODER_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/v1': api, '/health': api },
  },
  build: {
    // scripts/bundle-size.mjs reads it to find the chunks a route loads first
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React and the router in a chunk of their own: it changes only when they are upgraded,
          // so browsers keep it cached across releases of the app. (Not all of node_modules: the
          // highlighter must stay in its lazily loaded chunk.)
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/ }],
        },
      },
    },
  },
  test: {
    restoreMocks: true,
    unstubGlobals: true,
    // logic runs in plain Node (fast); components get a DOM
    projects: [
      { extends: true, test: { name: 'logic', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'dom', include: ['src/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['src/testing/setup-dom.ts'] },
      },
    ],
  },
});
