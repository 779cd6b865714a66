// Request and response schemas shared by several route modules (OpenAPI components).
import { z } from '@hono/zod-openapi';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password-policy.ts';
import { ROLES } from '../auth/permissions.ts';

export const RoleSchema = z.enum(ROLES).openapi('Role');
/** A UUID in any case, as its canonical lower-case form (ids are compared and named by it, e.g. audit streams). */
export const UuidSchema = z.uuid().toLowerCase();
export const ActorSchema = z.string().openapi({ description: '`system`, `user:<uuid>` or `api-key:<uuid>`', example: 'user:0b0e...' });

/** Who an actor reference is, for people (runtime/src/products/actor-names.ts). */
export const ActorDisplaySchema = z
  .object({
    kind: z.enum(['user', 'api-key', 'system', 'unknown']),
    name: z.string().openapi({ description: "The user's or the API key's name; the reference itself when unknown" }),
    email: z.string().nullable().openapi({ description: 'Users only' }),
  })
  .openapi('ActorDisplay', { description: 'Who an actor reference is, for people' });

export const TimestampSchema = z.string().openapi({ description: 'ISO-8601 UTC instant', example: '2025-01-06T16:00:00.000Z' });

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    canLogIn: z.boolean(),
    mustChangePassword: z.boolean().openapi({ description: 'An admin set the password: the user must choose their own at the next login' }),
    loginBlockedUntil: TimestampSchema.nullable()
      .optional()
      .openapi({ description: 'In the users list: until when too many failed logins block the account (null: not blocked); an admin lifts it with DELETE /api/v1/users/{id}/login-block' }),
    disabledAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
    createdBy: ActorSchema,
  })
  .openapi('User');

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ example: 'plz_AbCdEfGh' }),
    role: RoleSchema,
    owner: ActorSchema.nullable().openapi({ description: 'The person the key acts for in maker-checker (the user who issued it); null: the key itself (issued by the system)' }),
    userId: z.string().nullable().openapi({ description: 'The studio user the key belongs to (its role is theirs); null for a key for a program' }),
    createdAt: TimestampSchema,
    createdBy: ActorSchema,
    revokedAt: TimestampSchema.nullable(),
    revokedBy: ActorSchema.nullable(),
  })
  .openapi('ApiKey');

export const IdParamSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' }, example: '5f0c6d3e-8a7b-4c1d-9e2f-0a1b2c3d4e5f' }),
});

/** A new password; its strength beyond the length is checked with the user's email and name (password-policy.ts). */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH)
  .openapi({ description: `At least ${PASSWORD_MIN_LENGTH} characters, 6 different ones, not built on the user's email or name` });
