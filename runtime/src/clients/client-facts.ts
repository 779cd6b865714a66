// The facts of a client at a date (issue 14), which fill a product's derived inputs
// (`group.cycle: integer 1..50 from client.cycle`): birth facts from the record, and the client's
// history with the institution from its loans and their servicing state, in one statement.
// Every fact of the language's table (@plazo/dsl CLIENT_FACTS) is computed here:
// - `client.age`: full years from the birth date to the date, as the language's `years_between`;
// - `client.prior_loans`: the client's loans opened on or before the date, in any state but
//   cancelled (a cancelled loan was never lent);
// - `client.cycle`: those paid off on or before the date, plus 1 (a written-off loan does not
//   advance the cycle);
// - `client.active_loans`: those still open at the date (pending or active, or closed after it);
// - `client.worst_dpd`: the worst days past due any of them reached, as the end-of-day close
//   records it (loan_summaries.max_days_past_due, as of each loan's last close); 0 when never late.
import { yearsBetween, type ClientFacts } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { ValidationError } from '../errors.ts';

interface FactsRow {
  birth_date: string | null;
  sex: string | null;
  birth_state: string | null;
  nationality: string | null;
  pep: boolean;
  prior_loans: number;
  paid_off: number;
  active_loans: number;
  worst_dpd: number;
}

/** The facts of client `clientId` at `asOf` (YYYY-MM-DD), by fact name; 422 naming `clientId` when there is no such client. */
export async function clientFactsAt(db: Executor, clientId: string, asOf: string): Promise<ClientFacts> {
  const { rows } = await sql<FactsRow>`
    select c.birth_date::text as birth_date, c.sex, c.birth_state, c.nationality, c.pep,
           count(l.id)::int as prior_loans,
           count(l.id) filter (where l.status = 'paid-off' and l.closed_on <= ${asOf}::date)::int as paid_off,
           count(l.id) filter (where l.status in ('pending', 'active') or l.closed_on > ${asOf}::date)::int as active_loans,
           coalesce(max(s.max_days_past_due), 0)::int as worst_dpd
    from clients c
    left join loans l on l.client_id = c.id and l.status <> 'cancelled' and l.opened_on <= ${asOf}::date
    left join loan_summaries s on s.loan_id = l.id
    where c.id = ${clientId}::uuid
    group by c.id
  `.execute(db);
  const row = rows[0];
  if (!row) throw new ValidationError([{ path: 'clientId', message: `no client \`${clientId}\`` }]);
  return factsOf(row, asOf);
}

function factsOf(row: FactsRow, asOf: string): ClientFacts {
  return {
    'client.birth_date': row.birth_date,
    'client.age': row.birth_date === null ? null : yearsBetween(row.birth_date, asOf),
    'client.sex': row.sex,
    'client.birth_state': row.birth_state,
    'client.nationality': row.nationality,
    'client.pep': row.pep,
    'client.cycle': Number(row.paid_off) + 1,
    'client.prior_loans': Number(row.prior_loans),
    'client.active_loans': Number(row.active_loans),
    'client.worst_dpd': Number(row.worst_dpd),
  };
}
