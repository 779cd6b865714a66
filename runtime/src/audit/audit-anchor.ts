// Audit anchors: a signed digest of every stream head (stream, position, hash) and of the counts,
// written by `plazo audit anchor` and kept outside the database. The chain alone cannot see its
// newest entries deleted with the head rewound, or a whole stream deleted with its head: compared
// with an anchor, a stream behind it, rewritten from an anchored position, or gone is found.
// Signed with an Ed25519 key that lives outside the database (a file, created on first use, 0600).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { AuditFinding } from './audit-verify.ts';
import { canonicalJson } from './canonical-json.ts';
import { BOUND_TABLES } from './row-binding.ts';

export const ANCHOR_FORMAT = 'plazo-audit-anchor/1';
/** The signing key's file name in PLAZO_DATA_DIR when PLAZO_AUDIT_KEY does not name one. */
export const SIGNING_KEY_FILE = 'audit-anchor-key.pem';

/** What an anchor records: every stream's head (stream, position, hash) and the counts. */
export interface AnchorContent {
  readonly format: typeof ANCHOR_FORMAT;
  readonly createdAt: string;
  readonly counts: { readonly streams: number; readonly entries: number; readonly rows: Readonly<Record<string, number>> };
  /** SHA-256 over `<stream>\n<seq>\n<hash>\n` of every head, in stream order: one line to compare by eye. */
  readonly headsDigest: string;
  readonly heads: readonly (readonly [stream: string, seq: number, hash: string])[];
  /** The signer's public key (SPKI PEM) and its fingerprint (`sha256:<hex>` of the DER). */
  readonly publicKey: string;
  readonly keyFingerprint: string;
}

export interface AuditAnchor extends AnchorContent {
  /** Ed25519 signature (base64) over the canonical JSON of everything else. */
  readonly signature: string;
}

/** A key or anchor file that cannot be used: bad usage (exit 2), never a finding. */
export class AnchorFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnchorFileError';
  }
}

/** Where the signing key lives: PLAZO_AUDIT_KEY, else `<PLAZO_DATA_DIR>/audit-anchor-key.pem`. */
export function signingKeyPath(env: NodeJS.ProcessEnv, dataDir: string, cwd: string): string {
  return env.PLAZO_AUDIT_KEY ? resolve(cwd, env.PLAZO_AUDIT_KEY) : join(dataDir, SIGNING_KEY_FILE);
}

export function keyFingerprint(publicKey: KeyObject): string {
  return `sha256:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')}`;
}

export interface SigningKey {
  readonly path: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** True when this call created it (and wrote `<path>.pub`). */
  readonly created: boolean;
}

/**
 * The Ed25519 signing key at `path`; with `create`, made on first use (0600, its directory 0700)
 * with the public key beside it (`<path>.pub`). Refuses a key file others can read, or not Ed25519.
 * Null when absent and not `create`.
 */
export async function loadSigningKey(path: string, options: { create: boolean }): Promise<SigningKey | null> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new AnchorFileError(`cannot read the audit signing key \`${path}\`: ${(error as Error).message}`);
    if (!options.create) return null;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    try {
      await writeFile(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code === 'EEXIST') return loadSigningKey(path, { create: false });
      throw new AnchorFileError(`cannot create the audit signing key \`${path}\`: ${(writeError as Error).message}`);
    }
    await writeFile(`${path}.pub`, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
    return { path, privateKey, publicKey, created: true };
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new AnchorFileError(`the audit signing key \`${path}\` can be read by others (mode ${(mode & 0o777).toString(8)}): \`chmod 600 ${path}\``);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AnchorFileError(`\`${path}\` is not a private key: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new AnchorFileError(`\`${path}\` is a ${privateKey.asymmetricKeyType} key, not Ed25519`);
  return { path, privateKey, publicKey: createPublicKey(privateKey), created: false };
}

/** A public key from a PEM file (SPKI), or the public half of a private key file. */
export async function loadPublicKey(path: string): Promise<KeyObject> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AnchorFileError(`cannot read the public key \`${path}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const key = text.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(text)) : createPublicKey(text);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
    return key;
  } catch (error) {
    throw new AnchorFileError(`\`${path}\` is not an Ed25519 public key: ${(error as Error).message}`);
  }
}

/** Every stream head in stream order, and the counts an anchor records. Call inside one snapshot. */
export async function readAnchorState(db: Executor): Promise<Pick<AnchorContent, 'heads' | 'counts' | 'headsDigest'>> {
  const heads: [string, number, string][] = [];
  const digest = createHash('sha256');
  let entries = 0;
  let after: string | null = null;
  for (;;) {
    let query = db.selectFrom('audit_streams').select(['stream', 'last_seq', 'last_hash']).orderBy('stream').limit(5000);
    if (after !== null) query = query.where('stream', '>', after);
    const rows = await query.execute();
    for (const row of rows) {
      const seq = Number(row.last_seq);
      heads.push([row.stream, seq, row.last_hash]);
      digest.update(`${row.stream}\n${seq}\n${row.last_hash}\n`);
      entries += seq;
    }
    if (rows.length < 5000) break;
    after = rows.at(-1)!.stream;
  }
  const rows: Record<string, number> = {};
  for (const { table } of BOUND_TABLES) {
    const counted = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    rows[table] = Number(counted.rows[0]!.n);
  }
  return { heads, counts: { streams: heads.length, entries, rows }, headsDigest: digest.digest('hex') };
}

function signedBytes(content: AnchorContent): Buffer {
  return Buffer.from(canonicalJson(content), 'utf8');
}

/** Signs the state as an anchor. */
export function signAnchor(state: Pick<AnchorContent, 'heads' | 'counts' | 'headsDigest'>, key: SigningKey, createdAt: string): AuditAnchor {
  const content: AnchorContent = {
    format: ANCHOR_FORMAT,
    createdAt,
    counts: state.counts,
    headsDigest: state.headsDigest,
    heads: state.heads,
    publicKey: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyFingerprint: keyFingerprint(key.publicKey),
  };
  return { ...content, signature: sign(null, signedBytes(content), key.privateKey).toString('base64') };
}

/** Parses an anchor document; AnchorFileError when it is not one. */
export function parseAnchor(text: string, source: string): AuditAnchor {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AnchorFileError(`\`${source}\` is not valid JSON: ${(error as Error).message}`);
  }
  const a = value as Partial<AuditAnchor> | null;
  const wellFormed =
    a !== null &&
    typeof a === 'object' &&
    a.format === ANCHOR_FORMAT &&
    typeof a.createdAt === 'string' &&
    typeof a.signature === 'string' &&
    typeof a.publicKey === 'string' &&
    typeof a.keyFingerprint === 'string' &&
    typeof a.headsDigest === 'string' &&
    typeof a.counts === 'object' &&
    a.counts !== null &&
    Array.isArray(a.heads) &&
    a.heads.every((h) => Array.isArray(h) && h.length === 3 && typeof h[0] === 'string' && Number.isSafeInteger(h[1]) && (h[1] as number) >= 1 && typeof h[2] === 'string');
  if (!wellFormed) throw new AnchorFileError(`\`${source}\` is not a Plazo audit anchor (${ANCHOR_FORMAT})`);
  return a as AuditAnchor;
}

/** Null when `anchor` was signed by `trusted`; else why it is refused. */
export function anchorSignatureProblem(anchor: AuditAnchor, trusted: KeyObject): string | null {
  const { signature, ...content } = anchor;
  const fingerprint = keyFingerprint(trusted);
  if (anchor.keyFingerprint !== fingerprint) {
    return `the anchor of ${anchor.createdAt} says it was signed by key ${anchor.keyFingerprint}, not by the trusted key ${fingerprint}`;
  }
  const ok = verify(null, signedBytes(content as AnchorContent), trusted, Buffer.from(signature, 'base64'));
  return ok ? null : `the anchor of ${anchor.createdAt} does not carry a valid signature of key ${fingerprint}: it was altered or forged`;
}

/**
 * Compares the database with a (signature-checked) anchor: every anchored stream must still
 * exist, be at least as long, and hold the anchored entry at the anchored position.
 */
export async function compareWithAnchor(db: Executor, anchor: AuditAnchor): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  const PAGE = 1000;
  for (let i = 0; i < anchor.heads.length; i += PAGE) {
    const page = anchor.heads.slice(i, i + PAGE).map(([stream, seq, hash]) => ({ stream, seq, hash }));
    const { rows } = await sql<{ stream: string; seq: number; hash: string; last_seq: number | null; row_hash: string | null; global_seq: number | null }>`
      select t.stream, t.seq, t.hash, h.last_seq, a.row_hash, a.seq as global_seq
      from json_to_recordset(${JSON.stringify(page)}::json) as t(stream text, seq bigint, hash text)
      left join audit_streams h on h.stream = t.stream
      left join audit_log a on a.stream = t.stream and a.stream_seq = t.seq
      order by t.stream
    `.execute(db);
    for (const row of rows) {
      const seq = Number(row.seq);
      const head = row.last_seq === null ? null : Number(row.last_seq);
      const at = `the anchor of ${anchor.createdAt}`;
      if (head === null && row.row_hash === null) {
        findings.push({
          problem: 'stream-deleted',
          stream: row.stream,
          streamSeq: seq,
          message: `stream ${row.stream} is gone: ${at} recorded it with ${seq} entries; the whole stream (entries and head) was deleted`,
        });
      } else if (head !== null && head < seq) {
        findings.push({
          problem: 'truncated',
          stream: row.stream,
          streamSeq: head + 1,
          message: `stream ${row.stream} ends at entry ${head} but ${at} recorded ${seq}: entries ${head + 1}–${seq} were deleted and the head rewound`,
        });
      } else if (row.row_hash !== row.hash) {
        findings.push({
          problem: 'rewritten',
          stream: row.stream,
          streamSeq: seq,
          ...(row.global_seq === null ? {} : { brokenAt: Number(row.global_seq) }),
          message: `entry ${row.stream} #${seq} is not the one ${at} recorded (${row.row_hash === null ? 'it is missing' : 'its hash differs'}): the stream was rewritten from there`,
        });
      }
    }
  }
  return findings;
}
