// The products the picker lists: for now the repository's examples, bundled at build time. The
// runtime's products API replaces this module (see README.md).

const sources = import.meta.glob('../../../../examples/*.plazo', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface ExampleProduct {
  /** The file name without `.plazo`, used in the URL. */
  readonly slug: string;
  readonly text: string;
}

export const exampleProducts: readonly ExampleProduct[] = Object.entries(sources)
  .map(([path, text]) => ({ slug: path.slice(path.lastIndexOf('/') + 1, -'.plazo'.length), text }))
  .sort((a, b) => a.slug.localeCompare(b.slug));

export function exampleProduct(slug: string): ExampleProduct | undefined {
  return exampleProducts.find((p) => p.slug === slug);
}
