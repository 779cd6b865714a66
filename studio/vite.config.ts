// Vite configuration of the studio: SvelteKit, ES-module workers (the language worker imports
// the dsl and the engine), and file access to the workspace packages and examples in dev.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
  build: { chunkSizeWarningLimit: 4000 },
});
