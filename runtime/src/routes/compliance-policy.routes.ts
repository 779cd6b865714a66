// /api/v1/compliance/policy: the institution's PLD policy written in the Plazo language (the
// client risk-grade matrix and the unusual-operation rules). GET the active version
// (`compliance:review`); PUT a new text (`compliance:policy`): compiled by the language — 422
// `policy-has-errors` with the diagnostics at file:line:col — saved as the new active version,
// audited, idempotent (the active text again: 200, no new version), and every client re-graded
// in the background, in chunks.
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { activePolicy, policyView, savePolicy } from '../compliance/pld-policy.ts';
import { regradeInBackground, staleClientCount } from '../compliance/risk-grades.ts';
import { NotFoundError } from '../errors.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';

const PolicySchema = z
  .object({
    version: z.number().int(),
    text: z.string(),
    hash: z.string(),
    code: z.string(),
    name: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('PldPolicy');

const Regrade = z.object({ pending: z.number().int().openapi({ description: 'Clients not yet graded under this version (re-graded in the background)' }) });

const PolicyText = z.strictObject({ text: z.string().min(1).max(512 * 1024).openapi({ description: 'The policy document (`policy pld "…" { risk grade { … } unusual … }`)' }) }).openapi('PldPolicyText');

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId'), lang: c.get('lang') };
}

export const compliancePolicyRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['compliance'],
      summary: 'The active PLD policy: its text, version and hash, and how many clients wait to be re-graded under it',
      ...guarded('compliance:review'),
      responses: { 200: jsonResponse(z.object({ policy: PolicySchema, regrade: Regrade }), 'The active policy'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const db = c.get('db');
      const policy = await activePolicy(db);
      if (!policy) throw new NotFoundError('pld policy', 'active');
      return c.json({ policy: policyView(policy), regrade: { pending: await staleClientCount(db, policy.hash) } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags: ['compliance'],
      summary: 'Save a new PLD policy text as the active version (clients are re-graded in the background)',
      description:
        '422 `policy-has-errors` with `details.diagnostics` (each with `formatted`: `pld.plazo:line:col: severity code: message`, in the request’s language) when the text does not compile. The active text sent again: 200 with `created: false` and nothing written.',
      ...guarded('compliance:policy'),
      request: { body: jsonBody(PolicyText) },
      responses: {
        200: jsonResponse(z.object({ policy: PolicySchema, created: z.boolean(), regrade: Regrade, diagnostics: z.array(z.record(z.string(), z.unknown())) }), 'The active policy; warnings in `diagnostics`'),
        ...errorResponses(400, 401, 403, 413, 415, 422),
      },
    }),
    async (c) => {
      const db = c.get('db');
      const saved = await savePolicy(db, c.req.valid('json').text, ctxOf(c));
      const logger = c.get('logger');
      const clock = c.get('clock');
      if (saved.regrade) {
        regradeInBackground(db, () => clock.now(), (report) => {
          if (report instanceof Error) logger.warn('risk re-grade failed', { error: report.message });
          else logger.info('clients re-graded', { clients: report.clients, changed: report.changed, chunks: report.chunks, ms: Math.round(report.ms) });
        });
      }
      return c.json({ policy: saved.policy, created: saved.created, regrade: { pending: await staleClientCount(db, saved.policy.hash) }, diagnostics: saved.diagnostics } as never, 200);
    },
  );
