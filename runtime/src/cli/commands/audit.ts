// `plazo audit verify | anchor | bind` on the runtime's database (DATABASE_URL or the embedded one).
// - verify [--anchor F [--public-key P]]: the chains, every bound row, and (given one) an anchor.
//   Exit 0 intact, 1 findings (each named: the stream and entry, or the table, row and what differs).
// - anchor [--out F]: verifies, then writes a signed digest of every stream head (Ed25519 key from
//   PLAZO_AUDIT_KEY or PLAZO_DATA_DIR, created on first use). Exit 1 when the log does not verify.
// - bind: binds the rows written before rows were bound (once, after upgrading). Exit 1 refused.
// Exit 2: bad usage, no database, an unusable key or anchor file.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import {
  AnchorFileError,
  keyFingerprint,
  loadPublicKey,
  loadSigningKey,
  parseAnchor,
  readAnchorState,
  signAnchor,
  signingKeyPath,
  type SigningKey,
} from '../../audit/audit-anchor.ts';
import { bindUnboundRows } from '../../audit/audit-bind.ts';
import { verifyAuditChain, type AuditVerification, type VerifyOptions } from '../../audit/audit-verify.ts';
import { loadConfig, type RuntimeConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { openRuntimeDatabase } from '../../db/runtime-database.ts';
import { parseCommandArgs, printJson, UsageError, type CliCommand, type CliIo } from '../command.ts';

const SUBCOMMANDS = ['verify', 'anchor', 'bind'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

export const command: CliCommand = {
  name: 'audit',
  summary:
    'Audit log operations: `verify` checks that no audit entry or bound row (users, API keys, product versions, loan events, journal entries and lines) was edited, inserted or deleted, and with `--anchor F` that no stream was cut back or deleted since that anchor; `anchor` writes a signed digest of every stream head; `bind` binds, once, the rows written before rows were bound.',
  usage: 'plazo audit verify [--anchor F [--public-key P]] [--json] | plazo audit anchor [--out F] [--json] | plazo audit bind [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, anchor: { type: 'string' }, 'public-key': { type: 'string' }, out: { type: 'string' } },
      true,
    );
    const sub = positionals[0] as Subcommand | undefined;
    if (sub === undefined) throw new UsageError('missing subcommand `verify`, `anchor` or `bind`');
    if (!SUBCOMMANDS.includes(sub) || positionals.length !== 1) throw new UsageError(`unknown subcommand \`${positionals.join(' ')}\``);
    if (sub !== 'verify' && (values.anchor !== undefined || values['public-key'] !== undefined)) throw new UsageError('--anchor and --public-key go with `verify`');
    if (sub !== 'anchor' && values.out !== undefined) throw new UsageError('--out goes with `anchor`');
    if (values['public-key'] !== undefined && values.anchor === undefined) throw new UsageError('--public-key checks an anchor: give --anchor F');

    let config: RuntimeConfig;
    let verifyOptions: VerifyOptions = {};
    let signingKey: SigningKey | null = null;
    try {
      config = loadConfig(process.env, io.cwd);
      if (sub === 'verify' && values.anchor !== undefined) verifyOptions = await anchorOptions(values.anchor, values['public-key'], config, io);
      if (sub === 'anchor') signingKey = await loadSigningKey(signingKeyPath(process.env, config.dataDir, io.cwd), { create: true });
    } catch (error) {
      if (error instanceof AnchorFileError) {
        io.stderr(`plazo audit: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    if (signingKey?.created) {
      io.stderr(
        `plazo audit: created the audit signing key ${signingKey.path} (Ed25519, mode 0600) and its public key ${signingKey.path}.pub, fingerprint ${keyFingerprint(signingKey.publicKey)}; keep the key off the database host and the public key with the anchors\n`,
      );
    }
    let database;
    try {
      database = await openRuntimeDatabase(config);
    } catch (error) {
      io.stderr(`plazo audit: ${(error as Error).message}\n`);
      return 2;
    }
    try {
      if (sub === 'verify') return await verify(database.db, verifyOptions, values.json === true, io);
      if (sub === 'anchor') return await anchor(database.db, signingKey!, values.out, values.json === true, io);
      return await bind(database.db, values.json === true, io);
    } catch (error) {
      if (error instanceof AnchorFileError) {
        io.stderr(`plazo audit: ${error.message}\n`);
        return 2;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};

/** The anchor and the key it must be signed with: --public-key, PLAZO_AUDIT_PUBLIC_KEY, or the signing key's public half. */
async function anchorOptions(file: string, publicKeyFile: string | undefined, config: RuntimeConfig, io: CliIo): Promise<VerifyOptions> {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AnchorFileError(`cannot read the anchor \`${file}\`: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const document = parseAnchor(text, file);
  const keyFile = publicKeyFile ?? process.env.PLAZO_AUDIT_PUBLIC_KEY;
  if (keyFile) return { anchor: { document, trustedKey: await loadPublicKey(resolve(io.cwd, keyFile)) } };
  const signing = await loadSigningKey(signingKeyPath(process.env, config.dataDir, io.cwd), { create: false });
  if (!signing) {
    throw new AnchorFileError(
      `cannot check the anchor's signature: give the signer's public key (--public-key P or PLAZO_AUDIT_PUBLIC_KEY; the anchor says it was signed by ${document.keyFingerprint}) or the signing key (PLAZO_AUDIT_KEY)`,
    );
  }
  return { anchor: { document, trustedKey: signing.publicKey } };
}

/** The whole check in one read-only snapshot, so writes committing meanwhile are not mistaken for tampering. */
async function inSnapshot<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

async function verify(db: Kysely<Database>, options: VerifyOptions, json: boolean, io: CliIo): Promise<number> {
  const result = await inSnapshot(db, (tx) => verifyAuditChain(tx, options));
  if (json) printJson(io, result);
  if (result.ok) {
    if (!json) io.stdout(intactText(result));
    return 0;
  }
  printFindings(result, io);
  return 1;
}

function intactText(result: AuditVerification): string {
  const lines = [`audit chain intact: ${result.entries} entries in ${result.streams} streams, last hash ${result.lastHash}`];
  lines.push(`bound rows, each matching its audit entry: ${coverageText(result)}`);
  for (const b of result.backfills) {
    lines.push(`  backfill ${b.streamSeq} of ${b.at} by ${b.actor}: ${Object.entries(b.rows).map(([t, n]) => `${t} ${n}`).join(', ')} (proven unchanged since then only)`);
  }
  if (result.anchor) {
    lines.push(`anchor of ${result.anchor.createdAt} (key ${result.anchor.keyFingerprint}): signature valid, all ${result.anchor.streams} anchored streams present and at or past their anchored entry`);
  }
  return lines.join('\n') + '\n';
}

function coverageText(result: AuditVerification): string {
  return result.rows.map((r) => `${r.table} ${r.bound + r.backfilled}${r.backfilled > 0 ? ` (${r.backfilled} by backfill)` : ''}`).join(', ');
}

function printFindings(result: AuditVerification, io: CliIo): void {
  for (const f of result.findings) io.stderr(`audit: error ${f.problem}: ${f.message}\n`);
  if (result.findingCount > result.findings.length) io.stderr(`audit: … and ${result.findingCount - result.findings.length} more\n`);
  const where = result.brokenAt ? `first broken link: entry ${result.brokenAt}` : `first: ${result.problem}`;
  io.stderr(`audit: ${result.findingCount} problem${result.findingCount === 1 ? '' : 's'} found (${where}); rows checked: ${result.rows.map((r) => `${r.table} ${r.rows}`).join(', ')}\n`);
}

async function anchor(db: Kysely<Database>, key: SigningKey, out: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const outcome = await inSnapshot(db, async (tx) => {
    const verification = await verifyAuditChain(tx);
    if (!verification.ok) return { verification, document: null };
    return { verification, document: signAnchor(await readAnchorState(tx), key, new Date().toISOString()) };
  });
  if (!outcome.document) {
    if (json) printJson(io, outcome.verification);
    printFindings(outcome.verification, io);
    io.stderr('plazo audit: not anchored: the log does not verify (an anchor would vouch for the tampering)\n');
    return 1;
  }
  const document = outcome.document;
  const text = JSON.stringify(document) + '\n';
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, out), text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AnchorFileError(`cannot write the anchor \`${out}\`: ${code === 'EEXIST' ? 'the file exists (anchors are never overwritten: name each one, e.g. by date)' : (code ?? (error as Error).message)}`);
  }
  const summary = {
    file: out,
    createdAt: document.createdAt,
    streams: document.counts.streams,
    entries: document.counts.entries,
    rows: document.counts.rows,
    headsDigest: document.headsDigest,
    keyFingerprint: document.keyFingerprint,
    publicKey: document.publicKey,
  };
  if (json) printJson(io, summary);
  else io.stdout(`anchored ${summary.streams} streams (${summary.entries} entries) at ${summary.createdAt} in ${out}; heads digest ${summary.headsDigest}; key ${summary.keyFingerprint}\n`);
  return 0;
}

async function bind(db: Kysely<Database>, json: boolean, io: CliIo): Promise<number> {
  let osUser: string | undefined;
  try {
    osUser = userInfo().username;
  } catch {
    osUser = undefined;
  }
  const result = await bindUnboundRows(db, { actor: 'system', at: new Date().toISOString(), details: { tool: 'plazo audit bind', ...(osUser ? { osUser } : {}) } });
  if (json) printJson(io, { refused: result.refused, bound: result.bound, entries: result.entries, verification: result.verification });
  if (result.refused) {
    printFindings(result.verification, io);
    io.stderr('plazo audit: nothing bound: the log or a bound row does not verify (binding now would launder the tampering)\n');
    return 1;
  }
  if (!json) {
    const total = Object.values(result.bound).reduce((a, b) => a + b, 0);
    io.stdout(
      total === 0
        ? 'nothing to bind: every row has its audit entry\n'
        : `bound ${total} rows written before rows were bound (${Object.entries(result.bound).map(([t, n]) => `${t} ${n}`).join(', ')}) in ${result.entries.length} backfill entries of stream audit-backfill\n`,
    );
  }
  return 0;
}
