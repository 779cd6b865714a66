// The audit log becomes one hash chain per entity stream (`loan:<id>`, `decision:<id>`,
// `user:<id>`...) instead of one global chain whose single head row serialized every write in
// the service. Each entry gets its stream and its position in it (`stream_seq`, 1, 2, 3... with
// no gaps); its hash covers its content and the previous entry of its stream; `audit_streams`
// holds each stream's last position and hash (so deleting a stream's newest entries is noticed).
// `seq` stays as a global locator for listing, now drawn from a sequence (gaps allowed).
//
// Existing entries are converted: the old global chain is verified first with the old hash
// rule (the conversion refuses to re-hash a chain that is already broken, which would launder
// the tampering), then each entry is placed in its entity's stream and re-hashed.
// Frozen in time: the hash rules are copied here, not imported; never edit this file once shipped.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

const GENESIS = '0'.repeat(64);
const PAGE = 1000;

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`);
  return `{${members.join(',')}}`;
}

function sha256(value: unknown): string {
  return createHash('sha256').update(canonical(value), 'utf8').digest('hex');
}

interface OldRow {
  seq: number | string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_hash: string | null;
  after_hash: string | null;
  details: unknown;
  request_id: string | null;
  prev_hash: string;
  row_hash: string;
  created_at: string | Date;
  created_by: string;
}

/** ISO-8601 UTC with milliseconds, whatever the driver returned. */
function iso(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  let text = value.replace(' ', 'T');
  if (/[+-]\d\d$/.test(text)) text += ':00';
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** The global chain's hash rule (migration 01). */
function oldHash(row: OldRow): string {
  return sha256({
    seq: Number(row.seq),
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    before_hash: row.before_hash,
    after_hash: row.after_hash,
    details: row.details,
    request_id: row.request_id,
    prev_hash: row.prev_hash,
    created_at: iso(row.created_at),
    created_by: row.created_by,
  });
}

/** The per-stream hash rule (this migration on): `seq` is a locator, not part of the chain. */
function streamHash(row: OldRow, stream: string, streamSeq: number, prevHash: string): string {
  return sha256({
    stream,
    stream_seq: streamSeq,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    before_hash: row.before_hash,
    after_hash: row.after_hash,
    details: row.details,
    request_id: row.request_id,
    prev_hash: prevHash,
    created_at: iso(row.created_at),
    created_by: row.created_by,
  });
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_log add column stream text collate "C", add column stream_seq bigint;
    create table audit_streams (
      stream text collate "C" primary key,
      last_seq bigint not null check (last_seq >= 1),
      last_hash text not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
  `.execute(db);

  // Verify the global chain, then convert it a page at a time.
  const heads = new Map<string, { seq: number; hash: string; at: string; by: string }>();
  let expectedSeq = 1;
  let prevHash = GENESIS;
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  for (;;) {
    const { rows } = await sql<OldRow>`select * from audit_log where seq >= ${expectedSeq} order by seq limit ${PAGE}`.execute(db);
    const updates: { seq: number; stream: string; n: number; prev: string; hash: string }[] = [];
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq || row.prev_hash !== prevHash || oldHash(row) !== row.row_hash) {
        throw new Error(
          `the audit chain is already broken at entry ${expectedSeq}; refusing to convert it to per-entity streams (run \`plazo audit verify\` on the previous version and investigate)`,
        );
      }
      prevHash = row.row_hash;
      expectedSeq = seq + 1;
      const stream = `${row.entity_type}:${row.entity_id}`;
      const head = heads.get(stream);
      const n = (head?.seq ?? 0) + 1;
      const prev = head?.hash ?? GENESIS;
      const hash = streamHash(row, stream, n, prev);
      heads.set(stream, { seq: n, hash, at: iso(row.created_at), by: row.created_by });
      updates.push({ seq, stream, n, prev, hash });
    }
    if (updates.length > 0) {
      const values = sql.join(updates.map((u) => sql`(${u.seq}::bigint, ${u.stream}, ${u.n}::bigint, ${u.prev}, ${u.hash})`));
      await sql`
        update audit_log a set stream = v.stream, stream_seq = v.n, prev_hash = v.prev, row_hash = v.hash
        from (values ${values}) as v(seq, stream, n, prev, hash) where a.seq = v.seq
      `.execute(db);
    }
    if (rows.length < PAGE) break;
  }
  const { rows: oldHead } = await sql<{ last_seq: number | string; last_hash: string }>`select last_seq, last_hash from audit_head where id = 1`.execute(db);
  const checked = expectedSeq - 1;
  if (!oldHead[0] || Number(oldHead[0].last_seq) !== checked || oldHead[0].last_hash !== prevHash) {
    throw new Error(
      `the audit chain ends at entry ${checked} but its head records ${oldHead[0]?.last_seq ?? 'nothing'}: entries were deleted; refusing to convert it to per-entity streams`,
    );
  }
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
  const entries = [...heads];
  for (let i = 0; i < entries.length; i += PAGE) {
    const values = sql.join(entries.slice(i, i + PAGE).map(([stream, h]) => sql`(${stream}, ${h.seq}, ${h.hash}, ${h.at}::timestamptz, ${h.by})`));
    await sql`insert into audit_streams (stream, last_seq, last_hash, created_at, created_by) values ${values}`.execute(db);
  }

  await sql`
    alter table audit_log
      alter column stream set not null,
      alter column stream_seq set not null,
      add constraint audit_log_stream_seq_positive check (stream_seq >= 1);
    create unique index audit_log_stream_position on audit_log (stream, stream_seq);
    create sequence audit_log_seq_seq owned by audit_log.seq;
    select setval('audit_log_seq_seq', coalesce((select max(seq) from audit_log), 0) + 1, false);
    alter table audit_log alter column seq set default nextval('audit_log_seq_seq');
    drop table audit_head;
    -- Heads move forward on append and are never deleted.
    create trigger audit_streams_no_delete before delete on audit_streams
      for each row execute function plazo_reject_change();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The per-stream hashes cannot be turned back into the global chain's: down only restores the
  // shape (for development databases).
  await sql`
    create table audit_head (
      id smallint primary key check (id = 1),
      last_seq bigint not null,
      last_hash text not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    insert into audit_head (id, last_seq, last_hash, created_at, created_by)
      values (1, coalesce((select max(seq) from audit_log), 0), repeat('0', 64), now(), 'system');
    alter table audit_log alter column seq drop default;
    drop sequence audit_log_seq_seq;
    drop table audit_streams;
    alter table audit_log drop column stream_seq, drop column stream;
  `.execute(db);
}
