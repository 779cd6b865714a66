// The manual journal entry form, Svelte-free: what a person typed (a date, a description, lines of
// account, debit and credit as text), checked as they type — every problem with the field it
// belongs to, the running totals of debits and credits in exact decimals — and the request the
// API takes. The runtime checks everything again (balanced, ≥ 2 lines, known accounts, not a
// loan's subledger account, not in a closed period); its refusals come back by field path
// (`problemsFromApi`). Amounts are decimal strings from end to end, never floats.
import { Dec } from '@plazo/engine';
import type { Account, ManualEntryInput } from '../api/accounting.ts';
import type { MessageKey } from '../i18n/messages.ts';

export interface LineDraft {
  account: string;
  debit: string;
  credit: string;
}

export interface EntryDraft {
  date: string;
  description: string;
  lines: LineDraft[];
}

/** A problem of one field: `date`, `description`, `lines` (the entry as a whole), `lines.2.debit`… */
export interface FieldProblem {
  readonly path: string;
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface EntryTotals {
  readonly debit: string;
  readonly credit: string;
  /** debit − credit: zero when the entry balances. */
  readonly difference: string;
}

export interface EntryCheck {
  readonly totals: EntryTotals;
  readonly balanced: boolean;
  readonly problems: readonly FieldProblem[];
  /** Nothing to fix: the entry can be proposed. */
  readonly ready: boolean;
}

export interface EntryContext {
  /** The chart of accounts (the picker's choices and what `account` may be). */
  readonly accounts: readonly Account[];
  /** Accounts only loan postings move (the subledger): refused here as the API refuses them. */
  readonly loanAccounts: ReadonlySet<string>;
  /** Decimals of the currency (2 for MXN). */
  readonly decimals: number;
  /** Closed months (`2025-01`): no entry may be dated inside one. */
  readonly closedPeriods?: readonly string[];
  /** The longest description the API takes. */
  readonly maxDescription?: number;
}

export const MAX_DESCRIPTION = 500;
/** The ledger's currency scale (MXN: cents). */
export const MONEY_DECIMALS = 2;
export const MIN_LINES = 2;

/** A blank form: today's date and two empty lines. */
export function emptyEntry(date: string): EntryDraft {
  return { date, description: '', lines: [blankLine(), blankLine()] };
}

export function blankLine(): LineDraft {
  return { account: '', debit: '', credit: '' };
}

const isBlank = (line: LineDraft) => line.account.trim() === '' && line.debit.trim() === '' && line.credit.trim() === '';

/**
 * A typed amount as a plain decimal string (`1,500.50` → `1500.50`), or null when it is not an
 * amount: digits with an optional point, thousands grouped by commas or not grouped, no sign.
 * An empty field is `''`.
 */
export function parseAmount(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t) && !/^\.\d+$/.test(t)) return null;
  const plain = t.replace(/,/g, '');
  return plain.startsWith('.') ? `0${plain}` : plain;
}

/** How many decimals a plain decimal string has. */
const decimalsOf = (plain: string) => (plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Checks the form: totals of what parses, and every problem by field. */
export function checkEntry(draft: EntryDraft, ctx: EntryContext): EntryCheck {
  const problems: FieldProblem[] = [];
  const known = new Map(ctx.accounts.map((a) => [a.code, a]));
  let debit = new Dec(0);
  let credit = new Dec(0);

  const date = draft.date.trim();
  if (date === '') problems.push({ path: 'date', key: 'books.me.err.dateRequired' });
  else if (!isIsoDate(date)) problems.push({ path: 'date', key: 'books.me.err.dateInvalid' });
  else if (ctx.closedPeriods?.includes(date.slice(0, 7))) problems.push({ path: 'date', key: 'books.me.err.closedPeriod', params: { period: date.slice(0, 7) } });

  const description = draft.description.trim();
  const max = ctx.maxDescription ?? MAX_DESCRIPTION;
  if (description === '') problems.push({ path: 'description', key: 'books.me.err.descriptionRequired' });
  else if (description.length > max) problems.push({ path: 'description', key: 'books.me.err.descriptionLong', params: { max } });

  let filled = 0;
  draft.lines.forEach((line, i) => {
    if (isBlank(line)) return;
    filled++;
    const at = (field: string) => `lines.${i}.${field}`;
    const code = line.account.trim();
    if (code === '') problems.push({ path: at('account'), key: 'books.me.err.accountRequired' });
    else if (!known.has(code)) problems.push({ path: at('account'), key: 'books.me.err.accountUnknown', params: { code } });
    else if (ctx.loanAccounts.has(code)) problems.push({ path: at('account'), key: 'books.me.err.accountSubledger', params: { code } });
    const sides: { field: 'debit' | 'credit'; value: string | null }[] = [
      { field: 'debit', value: parseAmount(line.debit) },
      { field: 'credit', value: parseAmount(line.credit) },
    ];
    let positive = 0;
    let amountProblem = false;
    for (const { field, value } of sides) {
      if (value === null) {
        problems.push({ path: at(field), key: 'books.me.err.amountInvalid' });
        amountProblem = true;
      } else if (value !== '' && decimalsOf(value) > ctx.decimals) {
        problems.push({ path: at(field), key: 'books.me.err.amountDecimals', params: { decimals: ctx.decimals } });
        amountProblem = true;
      } else if (value !== '' && !new Dec(value).isZero()) {
        positive++;
        if (field === 'debit') debit = debit.plus(value);
        else credit = credit.plus(value);
      }
    }
    if (!amountProblem && positive === 0) problems.push({ path: at('debit'), key: 'books.me.err.amountNone' });
    if (positive === 2) problems.push({ path: at('credit'), key: 'books.me.err.amountBoth' });
  });

  const difference = debit.minus(credit);
  const balanced = difference.isZero() && !debit.isZero();
  if (filled < MIN_LINES) problems.push({ path: 'lines', key: 'books.me.err.twoLines', params: { n: MIN_LINES } });
  else if (!difference.isZero()) problems.push({ path: 'lines', key: 'books.me.err.unbalanced', params: { difference: difference.abs().toFixed(ctx.decimals), side: difference.isPositive() ? 'debit' : 'credit' } });

  return {
    totals: { debit: debit.toFixed(ctx.decimals), credit: credit.toFixed(ctx.decimals), difference: difference.toFixed(ctx.decimals) },
    balanced,
    problems,
    ready: problems.length === 0 && balanced,
  };
}

/** The problems of one field (a field shows its own; `lines` shows above the totals). */
export function problemsAt(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  return problems.filter((p) => p.path === path);
}

/**
 * What the API takes: trimmed text, blank lines left out, each amount a plain decimal at the
 * currency's scale (`0.00` on the empty side). Call it on a form `checkEntry` found ready.
 */
export function entryRequest(draft: EntryDraft, decimals: number): ManualEntryInput {
  const amount = (text: string) => new Dec(parseAmount(text) || '0').toFixed(decimals);
  return {
    date: draft.date.trim(),
    description: draft.description.trim(),
    lines: draft.lines.filter((l) => !isBlank(l)).map((l) => ({ account: l.account.trim(), debit: amount(l.debit), credit: amount(l.credit) })),
  };
}

/**
 * The API's refusal (`details: [{ path, message }]`) as problems of the form's fields. The API's
 * paths count only the lines sent (blank ones are left out): `lines[1].debit` or `lines.1.debit`
 * is the second non-blank line of the form. The message is the API's own (in the language asked).
 */
export function problemsFromApi(details: unknown, draft: EntryDraft): { path: string; message: string }[] {
  if (!Array.isArray(details)) return [];
  const sent = draft.lines.map((l, i) => (isBlank(l) ? -1 : i)).filter((i) => i >= 0);
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    const normal = String(path ?? '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
    const m = /^lines\.(\d+)(\..+)?$/.exec(normal);
    if (m) {
      const row = sent[Number(m[1])];
      return [{ path: row === undefined ? 'lines' : `lines.${row}${m[2] ?? ''}`, message }];
    }
    return [{ path: normal === '' ? 'lines' : normal, message }];
  });
}
