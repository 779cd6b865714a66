// /api/v1/clients: the KYC register of persons and companies — create, read (audited), change,
// search (names without accents in any order, CURP, RFC, phone, loan) and the ARCO export of all
// data held on a client. Reading takes `clients:read`, and each group of personal fields its own
// permission (clients/field-groups.ts: a group the caller may not read is left out and named in
// `redacted`); writing takes `clients:write`.
import { createRoute, z } from '@hono/zod-openapi';
import { CURP_STATES } from '@plazo/engine';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { roleHasPermission } from '../auth/permissions.ts';
import { createClient, type ClientChange, exportClient, readClient, searchClients, updateClient, warningsOf } from '../clients/clients.repository.ts';
import { clientActivity } from '../clients/client-activity.ts';
import type { ClientInput } from '../clients/client-record.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { IdParamSchema, UuidSchema } from './schemas.ts';
import { DateSchema, IdempotencyHeaders } from './servicing-schemas.ts';
import { hashOf } from '../audit/canonical-json.ts';
import { ForbiddenError } from '../errors.ts';
import { GROUP_PERMISSION, groupOfSearchFilter, isInGroup, readableGroups, redactClient } from '../clients/field-groups.ts';

const Name = z.string().trim().min(1).max(200);
const StateCode = z.enum(Object.keys(CURP_STATES) as [string, ...string[]]).openapi({ description: 'RENAPO state code (as in a CURP): `VZ`, `DF`, … `NE` born abroad' });
const RelatedPersonSchema = z.strictObject({ givenNames: Name, paternalSurname: Name, maternalSurname: Name.optional(), curp: z.string().max(40).optional() });
const AddressSchema = z
  .strictObject({
    street: Name,
    exteriorNumber: z.string().trim().min(1).max(40),
    interiorNumber: z.string().trim().min(1).max(40).optional(),
    colonia: Name,
    postalCode: z.string().regex(/^\d{5}$/, 'five digits'),
    municipality: Name,
    state: Name,
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 code').optional(),
  })
  .openapi('ClientAddress');

const fields = {
  givenNames: Name.optional(),
  paternalSurname: Name.optional(),
  maternalSurname: Name.optional(),
  legalName: Name.optional().openapi({ description: 'A company’s name (razón social)' }),
  legalRepresentative: RelatedPersonSchema.optional().openapi({ description: 'A company’s legal representative' }),
  birthDate: DateSchema.optional().openapi({ description: 'Default: from the CURP' }),
  birthState: StateCode.optional(),
  sex: z.enum(['H', 'M', 'X']).optional().openapi({ description: 'As in the CURP: H, M or X; default from the CURP' }),
  nationality: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166 alpha-2 code').optional(),
  curp: z.string().max(40).optional().openapi({ description: 'Refused (422 naming `curp` and the reason) unless well formed with a right check digit, and agreeing with birthDate and sex' }),
  rfc: z.string().max(40).optional().openapi({ description: '13 characters for a person, 12 for a company; a failing check digit is accepted with a warning' }),
  occupation: Name.optional(),
  email: z.email().max(320).optional(),
  phone: z.string().max(40).optional().openapi({ description: 'One phone (10 digits, optionally after +52); comes first in `phones`' }),
  phones: z.array(z.string().max(40)).max(10).optional(),
  address: AddressSchema.optional(),
  ownAccount: z.boolean().optional().openapi({ description: 'Acts on its own account (default true); otherwise beneficialOwner is required' }),
  beneficialOwner: RelatedPersonSchema.optional(),
  pep: z.boolean().optional().openapi({ description: 'Politically exposed person' }),
  channel: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'a word such as branch, online, agent, payroll').optional().openapi({ description: 'The channel the client came through (branch, online, agent, payroll…), read by the PLD risk matrix' }),
  disbursementAccount: z
    .strictObject({
      clabe: z.string().max(40).openapi({ description: 'Refused (422 naming `disbursementAccount.clabe` and the reason: `length`, `characters`, `bank`, `check-digit`) unless a valid CLABE' }),
      holderName: z.string().max(40).openapi({ description: 'The account holder as the bank has it (SPEI beneficiary name, at most 40 characters)' }),
    })
    .optional()
    .openapi('DisbursementAccount', { description: 'Where the client’s loans are disbursed by SPEI (field group `kyc`); read back with `bank`, named from the CLABE' }),
};

const NewClientSchema = z.strictObject({ kind: z.enum(['person', 'company']), ...fields }).openapi('NewClient');
// A change may clear a field: `null` (a required one — a person's names, a company's legal name — is then refused).
const ClientChangeSchema = z
  .strictObject({ kind: z.enum(['person', 'company']).optional(), ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.nullable()])) as { [K in keyof typeof fields]: z.ZodNullable<(typeof fields)[K]> } })
  .openapi('ClientChange', { description: 'Any field but `kind`; `null` clears it' });
const Issue = z.object({ path: z.string(), reason: z.string(), message: z.string() });
const ClientSchema = z.record(z.string(), z.unknown()).openapi('Client', { description: 'A client’s KYC record: id, kind, names, birth facts, CURP, RFC, contact, address, own account / beneficial owner, PEP; `redacted` names the field groups (`identity`, `contact`, `kyc`) left out because the caller lacks their permission' });
const WrittenClient = z.object({ client: ClientSchema, warnings: z.array(Issue).openapi({ description: 'Accepted, worth a look: RFC check digit, codes that do not match the names or birth state' }) });

const SearchQuery = z.strictObject({
  q: z.string().max(200).optional().openapi({ param: { name: 'q', in: 'query' }, description: 'Names, any order; accents and case ignored; every word must appear' }),
  curp: z.string().max(40).optional().openapi({ param: { name: 'curp', in: 'query' } }),
  rfc: z.string().max(40).optional().openapi({ param: { name: 'rfc', in: 'query' } }),
  phone: z.string().max(40).optional().openapi({ param: { name: 'phone', in: 'query' } }),
  loan: UuidSchema.optional().openapi({ param: { name: 'loan', in: 'query' }, description: 'A loan’s id: its client' }),
  after: UuidSchema.optional().openapi({ param: { name: 'after', in: 'query' }, description: 'The last id of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: 'limit', in: 'query' } }),
});

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId'), lang: c.get('lang') ?? 'en' };
}

/** The record as the caller may read it: groups it lacks the permission of left out and named in `redacted`. */
function asReadBy<T extends object>(c: ContextVariables, client: T) {
  return redactClient(client, readableGroups(principalOf(c).role));
}

/** `phone` and `phones` as one list, `phone` first (`phone: null` clears nothing by itself; `phones: null` clears them). */
function withPhones<T extends { phone?: string | null | undefined; phones?: string[] | null | undefined }>(body: T): Omit<T, 'phone'> {
  const { phone, ...rest } = body;
  return phone === undefined || phone === null ? rest : { ...rest, phones: [phone, ...(body.phones ?? [])] };
}

export const clientsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['clients'],
      summary: 'Register a client (person or company)',
      description: 'Idempotent with an `Idempotency-Key` (another body with the key: 409 `idempotency-key-reused`). 422 `validation-failed` whose details name the field and the `reason` (a CURP’s `check-digit`, `birth-date`, `sex`, `state`…, or `birth-date-mismatch` / `sex-mismatch` against the record); 409 `client-exists` naming the client with the same CURP.',
      ...guarded('clients:write'),
      request: { headers: IdempotencyHeaders, body: jsonBody(NewClientSchema) },
      responses: { 201: jsonResponse(WrittenClient, 'The client and any warnings (a resend with the same Idempotency-Key and body: the first client, `Idempotent-Replayed: true`)'), ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      const idempotency = key === undefined ? undefined : { key, requestHash: hashOf(body) };
      const { replayed, ...written } = await createClient(c.get('db'), withPhones(body) as ClientInput, ctxOf(c), idempotency);
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json({ ...written, client: asReadBy(c, written.client) } as never, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['clients'],
      summary: 'Search clients by names (accents and case ignored), CURP, RFC, phone or loan; oldest first, a page at a time. Audited.',
      ...guarded('clients:read'),
      request: { query: SearchQuery },
      responses: { 200: jsonResponse(z.object({ clients: z.array(ClientSchema), nextAfter: z.string().nullable() }), 'A page of clients'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      // A filter on a group's field would tell its value: it takes the group's permission.
      const readable = readableGroups(principalOf(c).role);
      for (const filter of ['curp', 'rfc', 'phone'] as const) {
        const group = groupOfSearchFilter(filter);
        if (query[filter] !== undefined && !readable.includes(group)) throw new ForbiddenError(GROUP_PERMISSION[group], principalOf(c).role);
      }
      const found = await searchClients(c.get('db'), query, ctxOf(c));
      return c.json({ ...found, clients: found.clients.map((client) => redactClient(client, readable)) } as never, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['clients'],
      summary: 'A client’s record and what the checks warn about it now (the read is audited)',
      ...guarded('clients:read'),
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(z.object({ client: ClientSchema, warnings: WrittenClient.shape.warnings }), 'The client'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const client = await readClient(c.get('db'), c.req.valid('param').id, ctxOf(c));
      const shown = asReadBy(c, client);
      // Warnings name fields: only those of the groups shown.
      const warnings = warningsOf(client, c.get('lang') ?? 'en').filter((w) => !shown.redacted.some((g) => isInGroup(w.path, g)));
      return c.json({ client: shown, warnings } as never, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['clients'],
      summary: 'Change fields of a client; the record after the change is checked whole (as on creation)',
      ...guarded('clients:write'),
      request: { params: IdParamSchema, body: jsonBody(ClientChangeSchema) },
      responses: { 200: jsonResponse(WrittenClient, 'The client and any warnings'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const written = await updateClient(c.get('db'), c.req.valid('param').id, withPhones(c.req.valid('json')) as ClientChange, ctxOf(c));
      return c.json({ ...written, client: asReadBy(c, written.client) } as never, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/activity',
      tags: ['clients'],
      summary: 'A client’s decisions, loans, documents, payments and collection contacts, and for `compliance:review` their PLD alerts, newest first (the 360 view). Audited.',
      ...guarded('clients:read'),
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(
          z.object({
            decisions: z.array(z.object({ id: z.string(), product: z.object({ code: z.string(), version: z.number().int() }), outcome: z.enum(['approve', 'refer', 'decline']), asOf: z.string(), createdAt: z.string() })),
            loans: z.array(z.record(z.string(), z.unknown()).openapi({ description: 'A loan as GET /loans/{id} shows it' })),
            documents: z.array(z.record(z.string(), z.unknown()).openapi({ description: 'A document as GET /clients/{id}/documents lists it' })),
            payments: z
              .array(z.object({ id: z.string(), loanId: z.string(), date: z.string(), amount: z.string(), method: z.string(), reference: z.string().nullable(), reversed: z.boolean() }))
              .openapi({ description: 'Payments on the client’s loans, newest first, at most 200; `reversed` when a payment reversal undid it; no method sent counts as `transfer`' }),
            contacts: z
              .array(z.object({ id: z.string(), loanId: z.string(), channel: z.string(), result: z.string(), notes: z.string().nullable(), promiseAmount: z.string().nullable(), promiseDate: z.string().nullable(), contactedAt: z.string(), agentName: z.string() }))
              .openapi({ description: 'Collection contacts logged on the client’s loans, newest first, at most 200' }),
            alerts: z
              .array(z.object({ id: z.string(), kind: z.string(), code: z.string(), status: z.string(), detectedAt: z.string(), deadline: z.string() }))
              .optional()
              .openapi({ description: 'The client’s PLD alerts, newest first, at most 200 — only for a caller with `compliance:review`; otherwise absent' }),
          }),
          'The client’s decisions, loans, documents, payments, contacts (and PLD alerts)',
        ),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => c.json((await clientActivity(c.get('db'), c.req.valid('param').id, ctxOf(c), { alerts: roleHasPermission(principalOf(c).role, 'compliance:review') })) as never, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/export',
      tags: ['clients'],
      summary: 'Everything held on a client (ARCO access): the record, decisions with applications, loans with events, the record’s audit trail. Audited.',
      ...guarded('clients:read'),
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(
          z.object({ exportedAt: z.string(), client: ClientSchema, decisions: z.array(z.record(z.string(), z.unknown())), loans: z.array(z.record(z.string(), z.unknown())), documents: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'Metadata of the documents (kind, name, type, size, SHA-256, uploader); bytes at each `href`' }), audit: z.array(z.record(z.string(), z.unknown())) }),
          'The export',
        ),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const exported = await exportClient(c.get('db'), c.req.valid('param').id, ctxOf(c));
      return c.json({ ...exported, client: asReadBy(c, exported.client) } as never, 200);
    },
  );
