// SvelteKit configuration: adapter-node, so `studio/build/handler.js` is a middleware the runtime
// can mount beside its API on one port (see README.md); and the pages' Content-Security-Policy
// (`kit.csp`): SvelteKit adds a fresh nonce for its own inline script to each page's header.
// Scripts, workers, fetches, fonts and images come from this origin only; styles may be inline,
// because Monaco and Svelte write `<style>` elements and style attributes at run time. The runtime
// adds the other security headers (runtime/src/http/security-headers.ts).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
