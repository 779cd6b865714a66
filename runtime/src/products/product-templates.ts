// The templates a new product starts from: the `.plazo` files of examples/templates/ (one place,
// tested there: each compiles clean and passes its tests under any valid identity). Read once per
// process; each template's id is its file name, its name, kind, currency and description come
// from its own header.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProductSource } from './product-compiler.ts';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../examples/templates/', import.meta.url));

/** A template as the API lists it. */
export interface ProductTemplate {
  /** The file name without `.plazo` (`nomina`): what `POST /products` takes as `template`. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: 'consumer' | 'business';
  readonly currency: string;
  readonly source: string;
}

const cache = new Map<string, Promise<readonly ProductTemplate[]>>();

async function readTemplates(dir: string): Promise<readonly ProductTemplate[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.plazo')).sort();
  } catch {
    return [];
  }
  const templates: ProductTemplate[] = [];
  for (const file of files) {
    const source = await readFile(join(dir, file), 'utf8');
    const product = (await parseProductSource(source)).file.product;
    const id = file.replace(/\.plazo$/, '');
    templates.push({
      id,
      name: product?.name?.value ?? id,
      description: product?.description?.value ?? '',
      kind: product?.productKind?.name === 'business' ? 'business' : 'consumer',
      currency: product?.currency?.name || 'MXN',
      source,
    });
  }
  return Object.freeze(templates);
}

/** Every template in `dir` (default examples/templates/), by id; read once per process. */
export function listProductTemplates(dir = DEFAULT_TEMPLATES_DIR): Promise<readonly ProductTemplate[]> {
  let templates = cache.get(dir);
  if (!templates) {
    templates = readTemplates(dir);
    cache.set(dir, templates);
    // A failed read (the language could not load) is not kept: the next request tries again.
    templates.catch(() => cache.delete(dir));
  }
  return templates;
}

/** The template with this id, or undefined. */
export async function findProductTemplate(id: string, dir = DEFAULT_TEMPLATES_DIR): Promise<ProductTemplate | undefined> {
  return (await listProductTemplates(dir)).find((t) => t.id === id);
}
