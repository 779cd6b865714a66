// The product picker's list: each example product's code, name, kind and description, read with
// the dsl parser on the server (the runtime's list, when there is one, is read in +page.ts).
import { parse } from '@plazo/dsl';
import { exampleProducts } from '$lib/products/example-products';
import type { PageServerLoad } from './$types';

export interface ProductSummary {
  readonly slug: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
}

export const load: PageServerLoad = () => {
  const products: ProductSummary[] = exampleProducts.map(({ slug, text }) => {
    const product = parse(text).file.product;
    return {
      slug,
      code: product?.code?.name || slug,
      name: product?.name?.value ?? slug,
      kind: product?.productKind?.name || 'consumer',
      description: product?.description?.value ?? product?.doc ?? '',
    };
  });
  return { bundled: products };
};
