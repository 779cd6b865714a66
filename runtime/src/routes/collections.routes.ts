// /api/v1/collections: queues per collection stage (from the end of day), the loans of a queue
// with amounts due, days past due, agent, last contact and whether a restructuring offer applies;
// assignments to agents; contact results and promises to pay.
import type { ContextVariables } from '../http/app-env.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/principal.ts';
import { principalOf } from '../auth/auth.middleware.ts';
import { assignLoan, listQueues, loanContacts, queueLoans, recordContact } from '../collections/collections.repository.ts';
import { ValidationError } from '../errors.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { DateSchema, PositiveMoneySchema } from './servicing-schemas.ts';

const LoanParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const Agent = z.string().trim().min(1).max(200);
const Row = z.record(z.string(), z.unknown());

const ContactBody = z
  .strictObject({
    agent: Agent,
    channel: z.enum(['phone', 'sms', 'whatsapp', 'email', 'visit', 'other']),
    result: z.enum(['no-answer', 'wrong-number', 'contacted', 'promise-to-pay', 'refused', 'paid', 'other']),
    notes: z.string().max(2000).optional(),
    promiseAmount: PositiveMoneySchema.optional(),
    promiseDate: DateSchema.optional(),
  })
  .openapi('CollectionContact');

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') };
}

export const collectionsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/queues',
      tags: ['collections'],
      summary: 'Collection queues: per queue and stage, loans, amount overdue, outstanding, days past due, how many are assigned, how many have a restructuring offer',
      ...guarded('collections:read'),
      responses: { 200: jsonResponse(z.object({ queues: z.array(Row) }), 'Queues'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ queues: await listQueues(c.get('db')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/queues/{queue}/loans',
      tags: ['collections'],
      summary: 'The loans of a queue, most days past due first, with amounts due, agent, last contact and `restructuring_offer`',
      description: '`restructuring_offer`: the product offers restructuring at the loan’s stage (as of the last close); GET /loans/{id}/restructuring-offer gives today’s terms.',
      ...guarded('collections:read'),
      request: {
        params: z.object({ queue: z.string().min(1).max(200).openapi({ param: { name: 'queue', in: 'path' } }) }),
        query: z.strictObject({
          agent: Agent.optional().openapi({ param: { name: 'agent', in: 'query' } }),
          after: z.string().regex(/^\d+\/[0-9a-f-]{36}$/, '`dpd/loanId` of the last loan of the previous page').optional().openapi({ param: { name: 'after', in: 'query' } }),
          limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ param: { name: 'limit', in: 'query' } }),
        }),
      },
      responses: { 200: jsonResponse(z.object({ queue: z.string(), loans: z.array(Row), nextAfter: z.string().nullable() }), 'A page of loans'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => {
      const { queue } = c.req.valid('param');
      const q = c.req.valid('query');
      const after = q.after ? { dpd: Number(q.after.split('/')[0]), id: q.after.split('/')[1]! } : undefined;
      const page = await queueLoans(c.get('db'), queue, { limit: q.limit, agent: q.agent, after });
      return c.json({ queue, ...page }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/loans/{id}/assignment',
      tags: ['collections'],
      summary: 'Assign a loan to a collection agent',
      ...guarded('collections:write'),
      request: { params: LoanParam, body: jsonBody(z.strictObject({ agent: Agent })) },
      responses: { 200: jsonResponse(Row, 'The assignment'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await assignLoan(c.get('db'), c.req.valid('param').id, c.req.valid('json').agent, ctxOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/loans/{id}/contacts',
      tags: ['collections'],
      summary: 'Record a contact result (a promise to pay needs promiseAmount and promiseDate)',
      ...guarded('collections:write'),
      request: { params: LoanParam, body: jsonBody(ContactBody) },
      responses: { 201: jsonResponse(z.object({ contact: Row }), 'The contact'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const promise = body.result === 'promise-to-pay';
      if (promise && (body.promiseAmount === undefined || body.promiseDate === undefined)) {
        throw new ValidationError([{ path: body.promiseAmount === undefined ? 'promiseAmount' : 'promiseDate', message: 'required for a promise to pay' }]);
      }
      if (!promise && (body.promiseAmount !== undefined || body.promiseDate !== undefined)) {
        throw new ValidationError([{ path: body.promiseAmount !== undefined ? 'promiseAmount' : 'promiseDate', message: 'only for result `promise-to-pay`' }]);
      }
      const contact = await recordContact(c.get('db'), c.req.valid('param').id, body, ctxOf(c));
      return c.json({ contact }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/loans/{id}/contacts',
      tags: ['collections'],
      summary: 'A loan’s contacts and promises, newest first',
      ...guarded('collections:read'),
      request: { params: LoanParam },
      responses: { 200: jsonResponse(z.object({ contacts: z.array(Row) }), 'Contacts'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => c.json({ contacts: await loanContacts(c.get('db'), c.req.valid('param').id) }, 200),
  );
