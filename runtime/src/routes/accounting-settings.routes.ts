// The books settings (ledger/books-settings.ts): when IVA on interest and charges is owed
// (collection or accrual) and the days past due of the transfer to cartera vencida. Reading takes
// `accounting:read`; setting them, `accounting:close-period` (the accountant who answers for the
// books). Audited; the next posting of each loan posts what a change moves.
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { booksSettings, setBooksSettings, settingsView } from '../ledger/books-settings.ts';

const Days = z.number().int().min(1).max(3650);
const SettingsSchema = z
  .object({
    ivaOn: z.enum(['collection', 'accrual']).openapi({ description: '`collection`: IVA is owed when the client pays (IVA por trasladar until then); `accrual`: when earned' }),
    vencidaDays: z.object({ single: Days, periodic: Days }).openapi({ description: 'Days past due that move a loan to cartera vencida: single payment of principal and interest, periodic payments' }),
    vencidaDaysDefault: z.boolean().openapi({ description: 'The CNBV figures (30 / 90), not set by the institution' }),
  })
  .openapi('BooksSettings');
const SettingsBody = z
  .strictObject({
    ivaOn: z.enum(['collection', 'accrual']),
    vencidaDays: z.strictObject({ single: Days, periodic: Days }).nullable().optional().openapi({ description: 'Null or absent: the CNBV figures' }),
  })
  .openapi('BooksSettingsInput');

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') };
}

export const accountingSettingsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/settings', tags: ['accounting'], summary: 'The books settings: IVA on collection or accrual, days to cartera vencida',
      ...guarded('accounting:read'),
      responses: { 200: jsonResponse(SettingsSchema, 'The settings in force'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(settingsView(await booksSettings(c.get('db'))), 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/settings', tags: ['accounting'], summary: 'Set the books settings. Audited; sending the same settings again changes nothing',
      ...guarded('accounting:close-period'),
      request: { body: jsonBody(SettingsBody) },
      responses: { 200: jsonResponse(SettingsSchema, 'The settings now in force'), ...errorResponses(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const saved = await setBooksSettings(c.get('db'), { ivaOn: body.ivaOn, vencidaDays: body.vencidaDays ?? null }, ctxOf(c));
      return c.json(settingsView(saved), 200);
    },
  );
