import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API server in development; CHILDGRID_API overrides it (e.g. a second server on another port).
const apiTarget = process.env.CHILDGRID_API ?? 'http://127.0.0.1:8080';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

/**
 * Write `.br` and `.gz` copies of the text files beside them, so the server can send them compressed
 * without compressing on every request (@fastify/static `preCompressed: true`). On a slow district link
 * the script is the first thing an officer waits for: about 280 kB as built, about 75 kB as Brotli.
 */
function precompress(): Plugin {
  return {
    name: 'childgrid:precompress',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(file.fileName)) continue;
        const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        if (bytes.length < 1024) continue;
        const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        this.emitFile({ type: 'asset', fileName: `${file.fileName}.br`, source: brotli });
        this.emitFile({
          type: 'asset',
          fileName: `${file.fileName}.gz`,
          source: gzipSync(bytes, { level: 9 }),
        });
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Station PCs are old: stay with widely supported syntax.
    target: 'es2020',
    sourcemap: false,
  },
  server: { proxy },
  preview: { proxy },
});
