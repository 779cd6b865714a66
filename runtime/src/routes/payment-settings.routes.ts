// /api/v1/payment-settings: the institution's payment reference scheme (mod10 Luhn or mod97
// ISO 7064), prefix and body length, and its CLABE range. Reading takes `bank:read`; setting,
// `bank:configure`. Audited; a new scheme applies to loans opened from then on (references given
// stay valid and searchable); a CLABE range gives every loan without a CLABE its own (the backfill
// runs after the settings are saved, in batches; sending the settings again resumes it).
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { backfillPaymentKeys } from '../banking/payment-keys.ts';
import { paymentSettings, paymentSettingsView, setPaymentSettings } from '../banking/payment-settings.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';

const ClabeRangeSchema = z
  .object({ bank: z.string(), plaza: z.string(), fixed: z.string() })
  .openapi('ClabeRange', { description: "A SPEI participant's range: bank code (3 digits), plaza (3 digits), fixed leading account digits (0 to 10)" });
const SettingsSchema = z
  .object({
    scheme: z.enum(['mod10', 'mod97']).openapi({ description: '`mod10`: Luhn, one check digit; `mod97`: ISO 7064 MOD 97-10, two check digits' }),
    prefix: z.string().openapi({ description: 'Digits opening every reference (may be empty)' }),
    bodyLength: z.number().int().openapi({ description: "Digits of the loan's number, zero-padded" }),
    clabeRange: ClabeRangeSchema.nullable(),
    isDefault: z.boolean().openapi({ description: 'Nobody set them: the defaults (mod97, no prefix, 10 digits, no CLABE range)' }),
    next: z.object({ accountNumber: z.number().int(), paymentReference: z.string().nullable(), clabe: z.string().nullable() }).openapi({ description: 'What the next loan opened would get' }),
    backfilled: z.object({ references: z.number().int(), clabes: z.number().int() }).optional().openapi({ description: 'Keys the backfill gave after this change' }),
  })
  .openapi('PaymentSettings');
const SettingsBody = z
  .strictObject({
    scheme: z.enum(['mod10', 'mod97']),
    prefix: z.string().max(20).default(''),
    bodyLength: z.number().int().min(1).max(38),
    clabeRange: z.strictObject({ bank: z.string().max(3), plaza: z.string().max(3), fixed: z.string().max(10).default('') }).nullable().default(null),
  })
  .openapi('PaymentSettingsInput');

export const paymentSettingsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/', tags: ['banking'], summary: 'The payment reference scheme and CLABE range, with what the next loan would get',
      ...guarded('bank:read'),
      responses: { 200: jsonResponse(SettingsSchema, 'The settings in force'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await paymentSettingsView(c.get('db'), await paymentSettings(c.get('db'))), 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/', tags: ['banking'],
      summary: 'Set the payment reference scheme and CLABE range. Audited; the same settings again change nothing but resume the backfill',
      description: '422 with field paths (`prefix`, `bodyLength`, `clabeRange.bank`, `clabeRange.plaza`, `clabeRange.fixed`) when malformed, or when the next loan\'s number would not fit.',
      ...guarded('bank:configure'),
      request: { body: jsonBody(SettingsBody) },
      responses: { 200: jsonResponse(SettingsSchema, 'The settings now in force'), ...errorResponses(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const db = c.get('db');
      const saved = await setPaymentSettings(
        db,
        { format: { scheme: body.scheme, prefix: body.prefix, bodyLength: body.bodyLength }, clabeRange: body.clabeRange },
        { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') },
      );
      const backfilled = await backfillPaymentKeys(db);
      return c.json({ ...(await paymentSettingsView(db, saved)), backfilled }, 200);
    },
  );
