// Vite configuration of the studio: SvelteKit, ES-module workers (the language worker imports
// the dsl and the engine), and file access to the workspace packages and examples in dev.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: 'es' },
  server: {
    // The workspace packages and examples (..) and the shared datasets beside the repository.
    fs: { allow: ['..', '../../shared'] },
    // In `vite dev`, the runtime's API (pnpm start) answers /api; without it the studio falls back to the bundled examples.
    proxy: { '/api': { target: process.env.PLAZO_API ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: { chunkSizeWarningLimit: 4000 },
});
