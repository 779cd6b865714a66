// Failed logins per account (`account:<email>`) and per client address (`address:<ip>`): see
// src/auth/login-throttle.ts.
import type { Selectable } from 'kysely';
import type { Timestamp } from './columns.ts';

export interface LoginThrottlesTable {
  key: string;
  /** Failed attempts in a row (attempts in flight count until they succeed). */
  failures: number;
  first_failed_at: Timestamp;
  last_failed_at: Timestamp;
  /** Logins under this key are refused until then; null while under the threshold. */
  blocked_until: Timestamp | null;
}

export type LoginThrottleRow = Selectable<LoginThrottlesTable>;
