// /api/v1/accounting/sat: the SAT electronic accounting files of a month (Anexo 24, version 1.3)
// as XML downloads — catálogo de cuentas, balanza de comprobación and, for a SAT request, the
// pólizas — with `accounting:read`; each download is audited (name, size, SHA-256). And the
// institution's RFC the files carry (`accounting:close-period` sets it, audited).
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { type SatFileKind } from '../accounting/sat/anexo24.ts';
import { polizasRequestProblems } from '../accounting/sat/polizas.ts';
import { generateSatFile, type SatFile, type SatFileRequest } from '../accounting/sat/sat-files.ts';
import { parseSatPeriod, PERIOD_PATTERN, type SatPeriod } from '../accounting/sat/sat-period.ts';
import { satSettings, setSatRfc } from '../accounting/sat/sat-settings.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';

const PeriodQuery = z
  .string()
  .max(7)
  .regex(PERIOD_PATTERN, 'a month `YYYY-MM` from 2015-01 to 2099-12')
  .openapi({ param: { name: 'period', in: 'query' }, example: '2025-01' });

const CatalogoQuery = z.strictObject({ period: PeriodQuery });
const BalanzaQuery = z.strictObject({
  period: PeriodQuery,
  tipoEnvio: z.enum(['N', 'C']).default('N').openapi({ param: { name: 'tipoEnvio', in: 'query' }, description: 'N normal (default), C complementaria (carries FechaModBal)' }),
});
const PolizasQuery = z
  .strictObject({
    period: PeriodQuery,
    tipoSolicitud: z.string().max(2).optional().openapi({ param: { name: 'tipoSolicitud', in: 'query' }, description: 'Required: AF, FC (with numOrden), DE, CO (with numTramite)' }),
    numOrden: z.string().max(13).optional().openapi({ param: { name: 'numOrden', in: 'query' }, example: 'ABC1234567/01' }),
    numTramite: z.string().max(14).optional().openapi({ param: { name: 'numTramite', in: 'query' }, example: 'AB123456789012' }),
  })
  .superRefine((q, ctx) => {
    for (const p of polizasRequestProblems(q)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });

const SettingsSchema = z
  .object({ rfc: z.string().nullable(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() })
  .openapi('SatSettings');
const SetRfcSchema = z.strictObject({ rfc: z.string().trim().min(1).max(20).openapi({ example: 'PLA010101AB1' }) }).openapi('SatRfcInput');

const XML_RESPONSE = { description: 'The XML file (UTF-8)', content: { 'application/xml': { schema: z.string() } } };

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId'), timeZone: c.get('config').timeZone };
}

/** `attachment` with the SAT name; RFCs may hold `Ñ`, so an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function xmlDownload(file: SatFile) {
  return {
    'content-type': 'application/xml; charset=utf-8',
    'content-disposition': attachmentDisposition(file.name),
    'x-content-sha256': file.sha256,
  };
}

function periodOf(value: string): SatPeriod {
  return parseSatPeriod(value)!; // the schema's pattern is parseSatPeriod's
}

function describe(kind: SatFileKind): string {
  return `Produces the ${kind} file of the month as the SAT's XML (version 1.3), named as the SAT's nomenclature says (Content-Disposition). Audited. 409 \`sat-rfc-missing\` until the institution's RFC is set, \`sat-accounts-unmapped\` while an account lacks its código agrupador${kind === 'catalogo' ? '' : ', `sat-currency` for entries not in MXN'}${kind === 'polizas' ? ', `sat-no-entries` for a month without entries' : ''}.`;
}

export const satRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/catalogo', tags: ['accounting'], summary: 'Catálogo de cuentas (CatalogoCuentas 1.3): every account with its código agrupador',
      description: describe('catalogo'),
      ...guarded('accounting:read'),
      request: { query: CatalogoQuery },
      responses: { 200: XML_RESPONSE, ...errorResponses(401, 403, 409, 422) },
    }),
    async (c) => {
      const request: SatFileRequest = { kind: 'catalogo', period: periodOf(c.req.valid('query').period) };
      const file = await generateSatFile(c.get('db'), request, ctxOf(c));
      return c.body(file.xml, 200, xmlDownload(file)) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/balanza', tags: ['accounting'], summary: 'Balanza de comprobación (BalanzaComprobacion 1.3) of a month',
      description: `${describe('balanza')} Balances are stated by each account's nature; results accounts start the year at zero (earlier years' results shown in retained earnings).`,
      ...guarded('accounting:read'),
      request: { query: BalanzaQuery },
      responses: { 200: XML_RESPONSE, ...errorResponses(401, 403, 409, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const file = await generateSatFile(c.get('db'), { kind: 'balanza', period: periodOf(q.period), tipoEnvio: q.tipoEnvio }, ctxOf(c));
      return c.body(file.xml, 200, xmlDownload(file)) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/polizas', tags: ['accounting'], summary: 'Pólizas del periodo (PolizasPeriodo 1.3): every journal entry of a month, for a SAT request',
      description: describe('polizas'),
      ...guarded('accounting:read'),
      request: { query: PolizasQuery },
      responses: { 200: XML_RESPONSE, ...errorResponses(401, 403, 409, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const request: SatFileRequest = {
        kind: 'polizas',
        period: periodOf(q.period),
        request: { tipoSolicitud: q.tipoSolicitud as 'AF' | 'FC' | 'DE' | 'CO', numOrden: q.numOrden, numTramite: q.numTramite },
      };
      const file = await generateSatFile(c.get('db'), request, ctxOf(c));
      return c.body(file.xml, 200, xmlDownload(file)) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/settings', tags: ['accounting'], summary: "The institution's RFC the SAT files carry (null until set)",
      ...guarded('accounting:read'),
      responses: { 200: jsonResponse(z.object({ settings: SettingsSchema }), 'The settings'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ settings: await satSettings(c.get('db')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/settings', tags: ['accounting'], summary: "Set the institution's RFC (a company's 12 characters or a person's 13). Audited",
      description: 'The same RFC again: 200 `changed: false`. A wrong check digit is accepted with a `warning` (some RFCs in use fail it); a generic RFC is refused.',
      ...guarded('accounting:close-period'),
      request: { body: jsonBody(SetRfcSchema) },
      responses: {
        200: jsonResponse(z.object({ settings: SettingsSchema, changed: z.boolean(), warning: z.string().nullable() }), 'The settings'),
        ...errorResponses(400, 401, 403, 415, 422),
      },
    }),
    async (c) => {
      const { changed, warning, ...settings } = await setSatRfc(c.get('db'), c.req.valid('json').rfc, ctxOf(c));
      return c.json({ settings, changed, warning }, 200);
    },
  );
