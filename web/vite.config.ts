import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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
    // From the files as written: only then is every chunk final (Vite fills in the preload lists of lazily
    // loaded screens late in generateBundle, so copies made there would differ from the files they stand for).
    async writeBundle(options, bundle) {
      const dir = options.dir ?? join(root, 'dist');
      const brotli = promisify(brotliCompress);
      const gz = promisify(gzip);
      const files = Object.keys(bundle).filter((name) => /\.(js|css|html|svg)$/.test(name));
      // In parallel on libuv's threads: Brotli at its best quality takes a while on the main chunk.
      await Promise.all(
        files.map(async (fileName) => {
          const bytes = await readFile(join(dir, fileName));
          if (bytes.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            gz(bytes, { level: 9 }),
          ]);
          await Promise.all([
            writeFile(join(dir, `${fileName}.br`), br),
            writeFile(join(dir, `${fileName}.gz`), gzipped),
          ]);
        }),
      );
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
