import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const sharedSource = fileURLToPath(new URL('../../shared/src', import.meta.url));

// Builds the iframe page into assets/, the folder a Zendesk app package serves. Fixed file names
// (no hashes) and relative URLs (`base: './'`), so the same assets work inside Zendesk, under
// `zcli apps:server` and in the workbench. The ZAF SDK is bundled from npm, not loaded from the CDN.
/**
 * `<link rel="modulepreload">` for the panel chunk the entry imports dynamically (`src/boot.ts`):
 * the browser fetches and compiles it while the small entry connects to Zendesk and starts the
 * context request. Vite preloads a dynamic import's dependencies only when `import()` runs.
 */
function preloadDynamicChunks(): Plugin {
  return {
    name: 'vitrine:preload-dynamic-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        return Object.values(ctx.bundle ?? {})
          .filter((output) => output.type === 'chunk' && output.isDynamicEntry)
          .map((chunk) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  plugins: [preloadDynamicChunks()],
  root: 'src',
  base: './',
  publicDir: 'static',
  resolve: {
    // The domain library's TypeScript source: ES modules the bundler can tree-shake, no build step.
    alias: [{ find: /^@vitrine\/shared\/(.*)$/, replacement: `${sharedSource}/$1` }],
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../assets',
    emptyOutDir: true,
    target: 'es2020',
    assetsDir: '.',
    sourcemap: false,
    rolldownOptions: {
      input: fileURLToPath(new URL('./src/iframe.html', import.meta.url)),
      output: {
        entryFileNames: 'main.js',
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
