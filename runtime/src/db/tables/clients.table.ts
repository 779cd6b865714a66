// Clients (persons and companies) and their phones: see migrations/2026-12-08-30-clients.ts.
import type { ColumnType, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Json, StoredJson, Timestamp } from './columns.ts';

export type ClientKind = 'person' | 'company';

export interface ClientsTable {
  id: string;
  kind: ClientKind;
  given_names: string | null;
  paternal_surname: string | null;
  maternal_surname: string | null;
  legal_name: string | null;
  /** The names as search compares them (engine normalizeName): `HERNANDEZ GARCIA GLORIA`. */
  name_search: string;
  birth_date: IsoDate | null;
  birth_state: string | null;
  sex: 'H' | 'M' | 'X' | null;
  nationality: string | null;
  curp: string | null;
  rfc: string | null;
  occupation: string | null;
  email: string | null;
  address: Json<StoredJson> | null;
  own_account: boolean;
  beneficial_owner: Json<StoredJson> | null;
  pep: boolean;
  legal_representative: Json<StoredJson> | null;
  /** The channel the client came through (branch, online, agent, payroll…): a fact of the PLD risk matrix. */
  channel: ColumnType<string | null, string | null | undefined, string | null>;
  /** The PLD risk grade (compliance/risk-grades.ts): null until a policy graded the client. */
  risk_grade: ColumnType<'low' | 'medium' | 'high' | null, never, 'low' | 'medium' | 'high' | null>;
  risk_points: ColumnType<string | null, never, string | null>;
  risk_grade_reasons: ColumnType<StoredJson | null, never, string | null>;
  risk_graded_at: ColumnType<Timestamp | null, never, string | null>;
  /** The hash of the policy that graded the client (stale after a policy change until re-graded). */
  risk_policy_hash: ColumnType<string | null, never, string | null>;
  /** The client's disbursement account (issue 16): a CLABE in the client's name and its holder as the bank knows it. */
  disbursement_clabe: ColumnType<string | null, string | null | undefined, string | null>;
  disbursement_holder: ColumnType<string | null, string | null | undefined, string | null>;
  /** The Idempotency-Key the creation was sent with, and the hash of that request's body. */
  idempotency_key: ColumnType<string | null, string | null | undefined, never>;
  request_hash: ColumnType<string | null, string | null | undefined, never>;
  created_at: Timestamp;
  created_by: ActorRef;
  updated_at: Timestamp;
  updated_by: ActorRef;
}

export interface ClientPhonesTable {
  client_id: string;
  /** 10 digits (a Mexican number without the country code). */
  phone: string;
  position: number;
}

export type ClientRow = Selectable<ClientsTable>;

/** Each word of a client's `name_search`, for indexed prefix search. */
export interface ClientNameWordsTable {
  word: string;
  client_id: string;
}
