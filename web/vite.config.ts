import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API server in development; CHILDGRID_API overrides it (e.g. a second server on another port).
const apiTarget = process.env.CHILDGRID_API ?? 'http://127.0.0.1:8080';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
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
