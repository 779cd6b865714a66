// The runtime's errors in the studio's words: a refused permission, a locked section, a taken code…
// as a sentence in the interface language ("Tu rol (analista de riesgo) no puede modificar
// precios"), from the error's code and details — never the API's English message when there is a
// better one. Codes without a sentence of their own keep the API's message.
import { periodLabel } from '../books/format.ts';
import { formatDate } from '../preview/display.ts';
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
    // ── the books: closing periods and deciding manual entries
    case 'earlier-period-open':
      return translate(locale, 'apiError.books.earlierPeriodOpen', { period: periodLabel(String(d?.period ?? ''), locale), open: periodLabel(String(d?.open ?? ''), locale) });
    case 'day-close-pending': {
      const params = { period: periodLabel(String(d?.period ?? ''), locale), through: formatDate(String(d?.through ?? ''), locale) };
      return typeof d?.lastDayClosed === 'string'
        ? translate(locale, 'apiError.books.dayClosePending', { ...params, last: formatDate(d.lastDayClosed, locale) })
        : translate(locale, 'apiError.books.dayCloseNever', params);
    }
    case 'manual-entries-pending':
      return translate(locale, 'apiError.books.manualEntriesPending', { period: periodLabel(String(d?.period ?? ''), locale), n: Array.isArray(d?.manualEntries) ? d.manualEntries.length : 0 });
    case 'period-already-closed':
      return translate(locale, 'apiError.books.periodAlreadyClosed', { period: periodLabel(String(d?.period ?? ''), locale) });
    case 'period-closed':
      return translate(locale, typeof d?.firstOpenDay === 'string' ? 'apiError.books.periodClosedFrom' : 'apiError.books.periodClosed', {
        period: periodLabel(String(d?.period ?? ''), locale),
        first: typeof d?.firstOpenDay === 'string' ? formatDate(d.firstOpenDay, locale) : '',
      });
    case 'manual-entry-not-pending':
      return translate(locale, d?.status === 'rejected' ? 'apiError.books.alreadyRejected' : 'apiError.books.alreadyApproved');
    case 'same-author':
      // A manual entry's maker-checker names the maker and the checker; a draft's has its own sentence.
      if (d && 'maker' in d && 'checker' in d) return translate(locale, 'apiError.books.sameAuthor');
      return translate(locale, 'apiError.code.same-author');
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
