// /api/v1/decisions: the engine's decision on an application under a published product version,
// stored with the version, the inputs and the trace; read back by id.
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf, personOf } from '../auth/principal.ts';
import { findDecision, takeDecision } from '../decisions/decision-service.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { IdParamSchema, UuidSchema } from './schemas.ts';
import { boundedObject, DateSchema, ProductCodeSchema, VersionNumberSchema } from './servicing-schemas.ts';

export const DecisionSchema = z
  .object({
    id: z.string(),
    clientId: z.string().nullable(),
    productVersion: z.number().int(),
    expiresOn: z.string().openapi({ description: 'Last day a loan may be opened from the offer' }),
    createdAt: z.string(),
    createdBy: z.string(),
    applicationId: z.string().optional().openapi({ description: 'A referred decision: its application in the review queue (`/api/v1/applications/{id}`)' }),
    product: z.object({ code: z.string(), name: z.string(), hash: z.string(), irVersion: z.number() }),
    asOf: z.string(),
    outcome: z.enum(['approve', 'refer', 'decline']),
    reasons: z.array(z.record(z.string(), z.unknown())),
    offer: z.record(z.string(), z.unknown()).nullable(),
    trace: z.array(z.record(z.string(), z.unknown())),
    derivedInputs: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .optional()
      .openapi({ description: 'The inputs the product derives from the client record (`from client.…`), by path, with the value each took; absent when none', example: { 'applicant.birth_date': '1956-04-27' } }),
  })
  .passthrough()
  .openapi('Decision', { description: "The engine's decision record (score, band, request, application, eligibility...) with its id and version" });

const NewDecisionSchema = z
  .strictObject({
    product: ProductCodeSchema,
    version: VersionNumberSchema.optional().openapi({ description: 'Default: the latest published version' }),
    application: boundedObject("The applicant's data, as the product's `input` block declares it"),
    asOf: DateSchema.optional().openapi({ description: "Decision date; default today in the lender's time zone" }),
    clientId: UuidSchema.optional().openapi({ description: 'The client the application is for (422 when there is no such client)' }),
  })
  .openapi('NewDecision');

export const decisionsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['decisions'],
      summary: 'Decide an application and store the decision',
      description:
        '422 `validation-failed` with `application.…` paths for an invalid application (a field the product derives from the client record given in it, or `clientId` missing for such a product); 409 `product-retired` or `product-not-published`.',
      ...guarded('decisions:write'),
      request: { body: jsonBody(NewDecisionSchema) },
      responses: { 201: jsonResponse(z.object({ decision: DecisionSchema }), 'The decision'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const decision = await takeDecision(
        c.get('db'),
        { product: body.product, version: body.version, application: body.application, asOf: body.asOf ?? c.get('clock').today(), clientId: body.clientId },
        { actor: actorOf(principalOf(c)), person: personOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') },
      );
      return c.json({ decision } as never, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['decisions'],
      summary: 'A stored decision with its application and trace',
      ...guarded('decisions:read'),
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(z.object({ decision: DecisionSchema, application: z.record(z.string(), z.unknown()) }), 'The decision and the application as sent'),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { row, view } = await findDecision(c.get('db'), id);
      return c.json({ decision: view, application: row.application } as never, 200);
    },
  );
