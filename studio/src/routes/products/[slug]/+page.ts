// The editor route runs only in the browser (Monaco and the language worker need a DOM and
// workers); the product text comes from the bundled examples.
import { error } from '@sveltejs/kit';
import { exampleProduct } from '$lib/products/example-products';
import type { PageLoad } from './$types';

export const ssr = false;

export const load: PageLoad = ({ params }) => {
  const product = exampleProduct(params.slug);
  if (!product) error(404, 'product not found');
  return { slug: product.slug, text: product.text };
};
