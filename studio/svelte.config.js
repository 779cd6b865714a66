// SvelteKit configuration: adapter-node, so `studio/build/handler.js` is a middleware the runtime
// can mount beside its API on one port (see README.md).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
  },
};

export default config;
