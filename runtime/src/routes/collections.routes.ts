// /api/v1/collections: queues per collection stage (from the end of day), the loans of a queue
// with amounts due, days past due, agent, last contact and whether a restructuring offer applies;
// assignments to agents (users of the institution); contact results and promises to pay, each on
// the business date it happened in the institution's time zone.
import type { ContextVariables } from '../http/app-env.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/principal.ts';
import { principalOf } from '../auth/auth.middleware.ts';
import { findAgentUser, resolveAgent } from '../collections/collection-agents.ts';
import { assignLoan, listQueues, loanContacts, queueLoans, recordContact } from '../collections/collections.repository.ts';
import { PROMISE_OUTCOMES } from '../collections/promise-outcome.ts';
import { ValidationError } from '../errors.ts';
import { reportCsv } from '../reports/portfolio-reports.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { DateSchema, PositiveMoneySchema } from './servicing-schemas.ts';

const LoanParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const Agent = z
  .string()
  .trim()
  .min(1)
  .max(320)
  .openapi({ description: 'The id or email of an active user of the institution; default the calling user (required when an API key calls)' });
const Row = z.record(z.string(), z.unknown());

const ContactBody = z
  .strictObject({
    agent: Agent.optional(),
    channel: z.enum(['phone', 'sms', 'whatsapp', 'email', 'visit', 'other']),
    result: z.enum(['no-answer', 'wrong-number', 'contacted', 'promise-to-pay', 'refused', 'paid', 'other']),
    notes: z.string().max(2000).optional(),
    promiseAmount: PositiveMoneySchema.optional(),
    promiseDate: DateSchema.optional(),
    contactedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'When the contact happened (ISO-8601 with offset, e.g. `2025-04-10T20:48:00-06:00`), not in the future; default now. Its date in the institution’s time zone is the contact’s business date (`contacted_on`)' }),
  })
  .openapi('CollectionContact');

/** The columns of a queue's CSV export, in order. */
const QUEUE_CSV_COLUMNS = [
  'loan_id', 'external_ref', 'product_code', 'status', 'stage', 'days_past_due', 'overdue_total', 'total_outstanding', 'next_due_date', 'next_due_amount',
  'agent', 'agent_name', 'last_contact_at', 'last_contact_result', 'promise_date', 'promise_amount', 'promise_paid', 'promise_outcome', 'restructuring_offer', 'as_of',
];

/** The calling user's id; 422 naming `assigned` when an API key calls (it has no loans of its own). */
function callingUser(c: ContextVariables): string {
  const p = principalOf(c);
  if (p.kind !== 'user') throw new ValidationError([{ path: 'assigned', message: '`me` needs a user calling, not an API key (give `agent`)' }]);
  return p.id;
}

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId'), timeZone: c.get('config').timeZone };
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
      summary: 'The loans of a queue, most days past due first, with status (written-off ones in castigo), amounts due, agent, last contact, latest promise to pay and its outcome, and `restructuring_offer`; filters; CSV export',
      description: '`restructuring_offer`: the product offers restructuring at the loan’s stage (as of the last close); GET /loans/{id}/restructuring-offer gives today’s terms.',
      ...guarded('collections:read'),
      request: {
        params: z.object({ queue: z.string().min(1).max(200).openapi({ param: { name: 'queue', in: 'path' } }) }),
        query: z.strictObject({
          agent: z.string().trim().min(1).max(320).optional().openapi({ param: { name: 'agent', in: 'query' }, description: 'A user id or email (or the text of an agent recorded before agents were users)' }),
          assigned: z.enum(['me', 'nobody']).optional().openapi({ param: { name: 'assigned', in: 'query' }, description: '`me`: the loans assigned to the calling user; `nobody`: the unassigned ones' }),
          dpdMin: z.coerce.number().int().min(0).optional().openapi({ param: { name: 'dpdMin', in: 'query' }, description: 'At least this many days past due' }),
          dpdMax: z.coerce.number().int().min(0).optional().openapi({ param: { name: 'dpdMax', in: 'query' }, description: 'At most this many days past due' }),
          promise: z.enum([...PROMISE_OUTCOMES, 'none']).optional().openapi({ param: { name: 'promise', in: 'query' }, description: 'The outcome of the loan’s latest promise to pay (kept, broken, pending), or `none` without one' }),
          stage: z.string().trim().min(1).max(200).optional().openapi({ param: { name: 'stage', in: 'query' }, description: 'The collection stage (a written-off loan is in its product’s write-off stage, e.g. `castigo`)' }),
          after: z.string().regex(/^\d+\/[0-9a-f-]{36}$/, '`dpd/loanId` of the last loan of the previous page').optional().openapi({ param: { name: 'after', in: 'query' } }),
          limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ param: { name: 'limit', in: 'query' } }),
          format: z.enum(['json', 'csv']).optional().openapi({ param: { name: 'format', in: 'query' }, description: '`csv`: every loan of the queue that passes the filters (no paging), as a CSV download' }),
        }),
      },
      responses: {
        200: {
          description: 'A page of loans (or, with format=csv, all of them as CSV)',
          content: { 'application/json': { schema: z.object({ queue: z.string(), loans: z.array(Row), nextAfter: z.string().nullable() }) }, 'text/csv': { schema: z.string() } },
        },
        ...errorResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const { queue } = c.req.valid('param');
      const q = c.req.valid('query');
      if (q.agent !== undefined && q.assigned !== undefined) throw new ValidationError([{ path: 'assigned', message: 'give `agent` or `assigned`, not both' }]);
      if (q.dpdMin !== undefined && q.dpdMax !== undefined && q.dpdMin > q.dpdMax) throw new ValidationError([{ path: 'dpdMin', message: `must not be more than dpdMax (${q.dpdMax})` }]);
      const after = q.after ? { dpd: Number(q.after.split('/')[0]), id: q.after.split('/')[1]! } : undefined;
      const agent = q.assigned === 'me' ? { userId: callingUser(c), text: '' } : q.agent === undefined ? undefined : { userId: (await findAgentUser(c.get('db'), q.agent))?.id, text: q.agent };
      const csv = q.format === 'csv';
      const filters = { agent, unassigned: q.assigned === 'nobody', dpdMin: q.dpdMin, dpdMax: q.dpdMax, promise: q.promise, stage: q.stage };
      const today = c.get('clock').today();
      const page = await queueLoans(c.get('db'), queue, { ...filters, today, timeZone: c.get('config').timeZone, ...(csv ? {} : { limit: q.limit, after }) });
      if (csv) {
        const body = reportCsv({ columns: QUEUE_CSV_COLUMNS, rows: page.loans as Record<string, string | number | null>[] });
        return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="cola-${queue.replace(/[^\w.-]+/g, '_')}-${today}.csv"` }) as never;
      }
      return c.json({ queue, ...page }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/loans/{id}/assignment',
      tags: ['collections'],
      summary: 'Assign a loan to a collection agent (an active user; default the caller)',
      ...guarded('collections:write'),
      request: { params: LoanParam, body: jsonBody(z.strictObject({ agent: Agent.optional() })) },
      responses: { 200: jsonResponse(Row, 'The assignment'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const agent = await resolveAgent(c.get('db'), c.req.valid('json').agent, principalOf(c));
      return c.json(await assignLoan(c.get('db'), c.req.valid('param').id, agent, ctxOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/loans/{id}/contacts',
      tags: ['collections'],
      summary: 'Record a contact result by an agent (a promise to pay needs promiseAmount and promiseDate)',
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
      const agent = await resolveAgent(c.get('db'), body.agent, principalOf(c));
      const contact = await recordContact(c.get('db'), c.req.valid('param').id, agent, body, ctxOf(c));
      return c.json({ contact }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/loans/{id}/contacts',
      tags: ['collections'],
      summary: 'A loan’s contacts and promises, newest first; a promise with what was paid on it and its outcome (kept, broken, pending)',
      ...guarded('collections:read'),
      request: { params: LoanParam },
      responses: { 200: jsonResponse(z.object({ contacts: z.array(Row) }), 'Contacts'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => c.json({ contacts: await loanContacts(c.get('db'), c.req.valid('param').id, { timeZone: c.get('config').timeZone, today: c.get('clock').today() }) }, 200),
  );
