// The runtime's errors in the studio's words: a refused permission, a locked section, a taken code…
// as a sentence in the interface language ("Tu rol (analista de riesgo) no puede modificar
// precios"), from the error's code and details — never the API's English message when there is a
// better one. Codes without a sentence of their own keep the API's message.
import { catalog, translate, type Locale, type MessageKey } from './messages.ts';

/** What the studio knows of a runtime error (ApiError has these). */
export interface ApiErrorLike {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

type Details = Record<string, unknown> | null | undefined;

/** The message for a key built from the API's words (a role, a permission, a part), if the catalog has it. */
function text(locale: Locale, key: string, params?: Readonly<Record<string, string | number>>): string | undefined {
  return Object.hasOwn(catalog[locale], key) ? translate(locale, key as MessageKey, params) : undefined;
}

/** "a, b y c" in the locale. */
export function joinList(locale: Locale, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${translate(locale, 'list.and')}${items[items.length - 1]}`;
}

function roleNoun(locale: Locale, role: unknown): string {
  return (typeof role === 'string' && text(locale, `roleNoun.${role}`)) || String(role);
}

function partNames(locale: Locale, parts: readonly unknown[]): string {
  const names = [...new Set(parts.map((p) => (typeof p === 'string' && text(locale, `part.${p}`)) || String(p)))];
  return joinList(locale, names);
}

/**
 * The error as a sentence for people, in `locale`.
 * @example describeApiError('es', { status: 403, code: 'forbidden', message: '…', details: { permission: 'products:publish', role: 'risk-analyst' } })
 * // "Tu rol (analista de riesgo) no puede publicar productos."
 */
export function describeApiError(locale: Locale, error: ApiErrorLike): string {
  const d = (typeof error.details === 'object' && error.details !== null ? error.details : null) as Details;
  switch (error.code) {
    case 'offline':
      return translate(locale, 'apiError.offline');
    case 'unauthenticated':
      return translate(locale, 'apiError.unauthenticated');
    case 'forbidden': {
      const action = (typeof d?.permission === 'string' && text(locale, `perm.${d.permission}`)) || String(d?.permission ?? '');
      return translate(locale, 'apiError.forbidden', { role: roleNoun(locale, d?.role), action });
    }
    case 'section-locked': {
      const changes = Array.isArray(d?.changes) ? (d.changes as { part?: unknown; kind?: unknown }[]) : [];
      const role = roleNoun(locale, d?.role);
      if (changes.length === 0) {
        const editable = Array.isArray(d?.editable) ? (d.editable as unknown[]) : [];
        return translate(locale, 'apiError.sectionLockedCreate', { role, parts: partNames(locale, editable) });
      }
      return translate(locale, 'apiError.sectionLocked', { role, parts: partNames(locale, changes.map((c) => c.kind ?? c.part)) });
    }
    case 'product-exists':
      return translate(locale, 'apiError.productExists', { code: String(d?.code ?? ''), name: String(d?.name ?? d?.code ?? '') });
    case 'no-published-version':
      return translate(locale, 'apiError.noPublishedVersion', { code: String(d?.code ?? '') });
    case 'email-taken':
      return translate(locale, 'apiError.emailTaken', { email: String(d?.email ?? '') });
    case 'first-run-done':
      return translate(locale, 'apiError.firstRunDone');
    case 'last-admin':
      return translate(locale, 'apiError.lastAdmin');
    case 'cannot-disable-self':
      return translate(locale, 'apiError.cannotDisableSelf');
    case 'already-disabled':
      return translate(locale, 'apiError.alreadyDisabled');
    case 'already-enabled':
      return translate(locale, 'apiError.alreadyEnabled');
    case 'user-disabled':
      return translate(locale, 'apiError.userDisabled');
    case 'validation-failed': {
      const problems = Array.isArray(error.details) ? (error.details as { path?: unknown; message?: unknown }[]) : [];
      if (problems.length === 0) return error.message;
      const fields = problems.map((p) => {
        const field = String(p.path ?? '').split(/[.[]/)[0] ?? '';
        return `${text(locale, `field.${field}`) ?? field}: ${String(p.message ?? '')}`;
      });
      return translate(locale, 'apiError.validation', { fields: fields.join('; ') });
    }
    default: {
      // A code with a sentence of its own (`apiError.code.<code>`), else the API's message.
      const tests = Array.isArray(d?.tests) ? (d.tests as { name?: unknown }[]).map((t) => `“${String(t.name ?? '')}”`) : [];
      return text(locale, `apiError.code.${error.code}`, { names: joinList(locale, tests), status: String(d?.status ?? '') }) ?? error.message;
    }
  }
}
