// The language of a request's messages: the first of Spanish or English its `Accept-Language`
// prefers (by q-value, then order), English when it names neither or sends none — API clients
// that do not ask get English; the studio asks for its interface language.
import type { Lang } from '@plazo/dsl';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.ts';

/** The language an `Accept-Language` value asks for among Spanish and English; English by default. */
export function requestLanguage(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranked) {
    if (tag === 'es' || tag.startsWith('es-')) return 'es';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** Sets the `lang` variable every handler and the error handler write messages in. */
export const negotiateLanguage = createMiddleware<AppEnv>(async (c, next) => {
  c.set('lang', requestLanguage(c.req.header('accept-language')));
  c.header('Vary', 'Accept-Language', { append: true });
  await next();
});
