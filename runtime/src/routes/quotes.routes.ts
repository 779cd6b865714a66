// /api/v1/quotes: a schedule and its CAT without storing anything — for a product and a loan
// request (the product's pricing), or for explicit LoanTerms.
import { createRoute, z } from '@hono/zod-openapi';
import { generateSchedule, loanTermsFor, parseLoanTerms, type Frequency, type LoanTerms } from '@plazo/engine';
import { ValidationError } from '../errors.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { withEngineInput } from '../http/engine-errors.ts';
import { resolveVersion } from '../products/product-versions.ts';
import { boundedObject, DateSchema, FrequencySchema, PositiveMoneySchema, ProductCodeSchema, VersionNumberSchema } from './servicing-schemas.ts';

const QuoteRequestSchema = z
  .strictObject({
    product: ProductCodeSchema.optional(),
    version: VersionNumberSchema.optional(),
    request: z
      .strictObject({
        amount: PositiveMoneySchema,
        payments: z.number().int().min(1).max(1000),
        frequency: FrequencySchema.optional().openapi({ description: "Default: the product's first" }),
      })
      .optional(),
    band: z.string().min(1).max(64).optional().openapi({ description: 'Risk band for rate tables keyed by band' }),
    asOf: DateSchema.optional().openapi({ description: 'Disbursement date; default today' }),
    terms: boundedObject('Explicit LoanTerms (DESIGN.md), validated by the engine').optional(),
  })
  .superRefine((v, ctx) => {
    const byProduct = v.product !== undefined || v.request !== undefined;
    if (v.terms !== undefined && byProduct) ctx.addIssue({ code: 'custom', path: ['terms'], message: 'send either `terms` or `product` and `request`, not both' });
    else if (v.terms === undefined) {
      if (v.product === undefined) ctx.addIssue({ code: 'custom', path: ['product'], message: 'required (or send `terms`)' });
      if (v.request === undefined) ctx.addIssue({ code: 'custom', path: ['request'], message: 'required (or send `terms`)' });
    }
  })
  .openapi('QuoteRequest');

const ScheduleSchema = z.object({
  installments: z.array(z.record(z.string(), z.unknown())),
  totals: z.record(z.string(), z.string()),
  disbursed: z.string(),
  financed: z.string(),
  upfront: z.string(),
  cat: z.string().openapi({ description: 'CAT in percent, one decimal, without IVA' }),
  catExact: z.string(),
  totalToPay: z.string(),
  totalCost: z.string(),
}).passthrough();

export const quotesRoutes = newRouter().openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['quotes'],
    summary: 'Quote a schedule and CAT (nothing is stored)',
    description: 'Either `{ product, version?, request: { amount, payments, frequency? }, band?, asOf? }` or `{ terms }`. Invalid terms: 422 with `terms.…` paths.',
    ...guarded('quotes:read'),
    request: { body: jsonBody(QuoteRequestSchema) },
    responses: {
      200: jsonResponse(
        z.object({ product: z.object({ code: z.string(), version: z.number().int() }).nullable(), terms: z.record(z.string(), z.unknown()), schedule: ScheduleSchema }),
        'The terms and their schedule',
      ),
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    let terms: LoanTerms;
    let product: { code: string; version: number } | null = null;
    if (body.terms !== undefined) {
      const raw = body.terms;
      terms = withEngineInput(() => parseLoanTerms(raw), { prefix: 'terms', message: 'the loan terms are not valid' });
    } else {
      const pinned = await resolveVersion(c.get('db'), body.product!, body.version, { forNewBusiness: false });
      product = { code: pinned.code, version: pinned.version };
      const req = body.request!;
      const frequency = (req.frequency ?? pinned.ir.limits.terms[0]?.frequency) as Frequency | undefined;
      if (frequency === undefined) throw new ValidationError([{ path: 'request.frequency', message: 'required: the product names no frequency' }]);
      const asOf = body.asOf ?? c.get('clock').today();
      terms = withEngineInput(() => loanTermsFor(pinned.ir, { amount: req.amount, payments: req.payments, frequency }, body.band ?? null, asOf), {
        mapPath: (p) => (p === 'pricing.rate' ? 'band' : p === 'limits.firstPaymentDays' ? 'asOf' : `request.${p}`),
        message: 'the product cannot price this request',
      });
    }
    const schedule = withEngineInput(() => generateSchedule(terms), { prefix: 'terms', message: 'the loan terms are not valid' });
    return c.json({ product, terms: terms as unknown as Record<string, unknown>, schedule: schedule as unknown as z.infer<typeof ScheduleSchema> }, 200);
  },
);
