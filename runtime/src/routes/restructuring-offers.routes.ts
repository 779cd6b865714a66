// /api/v1/loans/{id}/restructuring-offer: the restructuring offer the loan's product makes at the
// collection stage the loan is in today (`offer restructure` in its collection policy), computed
// by the engine — and accepting it, which records the offered restructure like
// POST /loans/{id}/restructure does.
import { createRoute, z } from '@hono/zod-openapi';
import { acceptOfferRequest, restructuringOffer } from '../collections/restructuring-offers.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { eventResponses, record } from './loans.routes.ts';
import { IdParamSchema } from './schemas.ts';
import { FrequencySchema, IdempotencyHeaders } from './servicing-schemas.ts';

const OfferSchema = z
  .object({
    loanId: z.string(),
    date: z.string().openapi({ description: 'Today: the offer is for a restructure dated today' }),
    stage: z.string().openapi({ description: 'The collection stage that makes the offer' }),
    offer: z.object({ installments: z.number().int(), frequency: FrequencySchema, annualRate: z.string() }).openapi({ description: 'The new schedule’s count, frequency and nominal annual rate' }),
    principal: z.string().openapi({ description: 'Everything owed today (principal, interest to the day, fees, penalties, IVA, less credit): the new principal' }),
    terms: z.record(z.string(), z.unknown()).openapi({ description: 'The new LoanTerms' }),
    schedule: z.record(z.string(), z.unknown()).openapi({ description: 'The new schedule (installments, totals, CAT)' }),
    cat: z.string().openapi({ description: 'CAT of the new schedule, percent with one decimal, without IVA' }),
  })
  .openapi('RestructuringOffer');

export const restructuringOffersRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/restructuring-offer',
      tags: ['loans'],
      summary: 'The restructuring offer the product makes the loan at its collection stage today: new terms, schedule and CAT',
      description:
        '404 `no-restructuring-offer` when the loan’s stage makes none (details: `stage`, `offeredAt`); 409 `loan-not-disbursed`, `loan-not-active`.',
      ...guarded('loans:read'),
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(OfferSchema, 'The offer'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await restructuringOffer(c.get('db'), c.req.valid('param').id, c.get('clock').today()), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/restructuring-offer',
      tags: ['loans'],
      summary: 'Accept today’s restructuring offer: the offered restructure is recorded as a loan event (idempotent with `Idempotency-Key`)',
      description: 'The offer is computed again from the loan as it stands when the event is written; the same errors as GET when there is none.',
      ...guarded('loans:restructure'),
      request: { params: IdParamSchema, headers: IdempotencyHeaders, body: jsonBody(z.strictObject({}).openapi('AcceptRestructuringOffer')) },
      responses: eventResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return record(c, id, await acceptOfferRequest(c.get('db'), id, c.req.valid('header')['idempotency-key']));
    },
  );
