// Maker-checker (four eyes): what one person prepared, another person decides. People are
// compared, not credentials — a user is one person, an API key acts for the person who owns it
// (principal.ts `personOf`, carried in WriteContext.person). Manual journal entries, product
// approval requests and disbursement batches refuse their maker this one way.
import type { ActorRef } from '../db/tables/columns.ts';
import { AppError } from '../errors.ts';
import type { WriteContext } from '../products/product-catalog.ts';

/** The person acting in `ctx` (whom maker-checker compares); the actor when no person is known. */
export const personIn = (ctx: WriteContext): ActorRef => ctx.person ?? ctx.actor;

/** 403 `same-author` (details `{ maker, checker }`) when the person acting is the maker. */
export function refuseMaker(maker: ActorRef, ctx: WriteContext, message: string): void {
  if (personIn(ctx) === maker) throw new AppError(403, 'same-author', `maker-checker: ${message}`, { maker, checker: personIn(ctx) });
}
