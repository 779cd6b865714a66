// The date a posting takes. A journal entry is dated on its economic date — the day the fact
// happened — unless that day falls in a closed accounting period: then it is dated on the first
// open day (the day after the last closed month) and keeps its economic date beside it
// (`journal_entries.economic_date`). The database refuses any entry dated inside a closed period
// (SQLSTATE PZ020, migration 2026-12-10-30), so a writer that read the first open day before a
// close committed fails whole and reads again.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface PostingDates {
  /** `journal_entries.entry_date`: the economic date, or the first open day when that is later. */
  readonly entryDate: string;
  /** `journal_entries.economic_date`: the economic date when the entry is dated later, else null. */
  readonly economicDate: string | null;
}

/**
 * The dates of a posting whose fact happened on `economicDate`, given the first open day (null
 * while no period is closed).
 *
 * @example
 * postingDates('2025-01-20', '2025-02-01') // { entryDate: '2025-02-01', economicDate: '2025-01-20' }
 * postingDates('2025-02-03', '2025-02-01') // { entryDate: '2025-02-03', economicDate: null }
 */
export function postingDates(economicDate: string, firstOpenDay: string | null): PostingDates {
  if (firstOpenDay !== null && economicDate < firstOpenDay) return { entryDate: firstOpenDay, economicDate };
  return { entryDate: economicDate, economicDate: null };
}

/** The first open day as an SQL expression (text `YYYY-MM-DD` or null), to read with other facts in one statement. */
export function firstOpenDaySql(): RawBuilder<string | null> {
  return sql<string | null>`plazo_first_open_day()::text`;
}

/** The first day open to postings: the day after the last closed month, or null while none is closed. */
export async function firstOpenDay(db: Executor): Promise<string | null> {
  const { rows } = await sql<{ day: string | null }>`select ${firstOpenDaySql()} as day`.execute(db);
  return rows[0]?.day ?? null;
}
