// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface PageState {
      /** A client page opened right after the client was registered or changed: it says so. */
      clientSaved?: 'created' | 'updated';
    }
  }
}

export {};
