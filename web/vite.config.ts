import { defineConfig } from 'vite';

// The page is served by `masar serve` under a strict CSP (script-src 'self', style-src 'self'):
// everything is bundled into files, nothing inline, no runtime network beyond the API.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Fonts are woff2 files of their own, never data: URLs inlined into the CSS.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    // Dev only: `npm run dev` proxies the API to a running `masar serve` (or web/dev/mock-server.mjs).
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/health': 'http://127.0.0.1:8080',
    },
  },
});
