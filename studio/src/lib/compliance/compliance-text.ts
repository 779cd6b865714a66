// The compliance screens' words for what the runtime answers in its own terms: a refused list
// file's rows ("Línea 4: «31/02/1956» no es una fecha"), a hit's score and birth-date agreement.
import type { ListProblem, ScreeningHit } from '../api/compliance.ts';
import { translate, type Locale, type MessageKey } from '../i18n/messages.ts';
import { formatDate, formatPercent } from '../preview/display.ts';

/** How many refused rows the upload form lists before "and N more". */
export const PROBLEMS_SHOWN = 20;

/** A refused row of a list file in the interface language, with its line; the runtime's message when it gives no reason. */
export function listProblemText(locale: Locale, problem: ListProblem): string {
  const header = (problem.header ?? []).join(', ');
  const text = problem.reason
    ? translate(locale, `pld.problem.${problem.reason}` as MessageKey, { value: problem.value ?? '', fields: problem.fields ?? '', expected: problem.expected ?? '', column: problem.column ?? '', header })
    : problem.message.replace(/^line \d+: /, '');
  return problem.line === undefined ? text : translate(locale, 'pld.problem.line', { line: problem.line, text });
}

/** The refused rows as lines to show: the first PROBLEMS_SHOWN, then how many more. */
export function listProblemLines(locale: Locale, problems: readonly ListProblem[]): string[] {
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => listProblemText(locale, p));
  if (problems.length > PROBLEMS_SHOWN) lines.push(translate(locale, 'pld.problem.more', { n: problems.length - PROBLEMS_SHOWN }));
  return lines;
}

/** `0.9250` → `92.5%`. */
export function scoreText(score: string): string {
  return formatPercent(score);
}

/** A date that may be a year alone (lists give `1970`): the year as is, a day formatted. */
function dayOrYear(value: string | null, locale: Locale): string {
  if (value === null) return '—';
  return /^\d{4}$/.test(value) ? value : formatDate(value.slice(0, 10), locale);
}

/** "Coincide el año: cliente 5 may 1970, lista 1970". */
export function birthText(locale: Locale, hit: Pick<ScreeningHit, 'birthDate' | 'clientBirthDate' | 'entryBirthDate' | 'subject'>): string {
  const agreement = translate(locale, `pld.hit.birth.${hit.birthDate}` as MessageKey);
  if (hit.subject !== 'client' || (hit.clientBirthDate === null && hit.entryBirthDate === null)) return agreement;
  return translate(locale, 'pld.hit.birthOf', { agreement, client: dayOrYear(hit.clientBirthDate, locale), entry: dayOrYear(hit.entryBirthDate, locale) });
}
