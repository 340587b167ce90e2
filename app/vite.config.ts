import { fileURLToPath } from 'node:url';
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  server: { port: 3000 },
  // The two react-i18next calls the app makes, without the rest of the package (app/lib/react-i18n-lite.tsx).
  resolve: { alias: { 'react-i18next': fileURLToPath(new URL('./app/lib/react-i18n-lite.tsx', import.meta.url)) } },
  build: {
    // Browsers from late 2022 on (Vite 7's "baseline widely available"): class fields, optional
    // chaining and the like stay as written instead of being lowered for 2020 browsers, which
    // makes the volunteers page's JavaScript ~10 KB (gzipped) smaller. AG Grid 36 needs no older.
    target: ['chrome107', 'edge107', 'firefox104', 'safari16'],
    // terser packs the browser's JavaScript ~9 KB (gzipped) smaller than esbuild does on the
    // volunteers page, for ~20 s more client build; the server bundle is not minified at all.
    minify: isSsrBuild ? false : 'terser',
    terserOptions: { ecma: 2020, compress: { passes: 2 } },
  },
}));
