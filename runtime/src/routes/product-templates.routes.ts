// /api/v1/product-templates: what a new product can start from (examples/templates/).
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, guarded, jsonResponse, newRouter } from '../http/openapi.ts';
import { listProductTemplates } from '../products/product-templates.ts';

const ProductTemplateSchema = z
  .object({
    id: z.string().openapi({ description: 'What `POST /products` takes as `template`', example: 'nomina' }),
    name: z.string().openapi({ example: 'Crédito de Nómina' }),
    description: z.string(),
    kind: z.enum(['consumer', 'business']),
    currency: z.string().openapi({ example: 'MXN' }),
    source: z.string().openapi({ description: 'The template text (its own code and name)' }),
  })
  .openapi('ProductTemplate');

export const productTemplatesRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['products'],
    summary: 'Templates a new product can start from',
    ...guarded('products:read'),
    responses: {
      200: jsonResponse(z.object({ templates: z.array(ProductTemplateSchema) }), 'Every template, by id'),
      ...errorResponses(401, 403, 503),
    },
  }),
  async (c) => c.json({ templates: [...(await listProductTemplates())] }, 200),
);
