// The institution's PLD policy (a `policy` document of the Plazo language): its versions, the
// active one, and saving a new text — compiled by the language (422 with the diagnostics at
// file:line:col when it has errors), audited, idempotent (the same text again is no new version).
// A new version re-grades every client in the background (risk-grades.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '@plazo/dsl';
import type { PldPolicyIR } from '@plazo/engine';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Clock } from '../clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import type { Logger } from '../logger.ts';
import type { DiagnosticJson } from '../products/product-compiler.ts';
import type { WriteContext } from '../products/product-catalog.ts';

/** What the API shows of a policy version. */
export interface PolicyVersionView {
  readonly version: number;
  readonly text: string;
  readonly hash: string;
  readonly code: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface ActivePolicy extends PolicyVersionView {
  readonly id: string;
  readonly ir: PldPolicyIR;
}

/** A policy diagnostic: the dsl's, its message in the request's language, and `file:line:col: …`. */
export interface PolicyDiagnostic extends DiagnosticJson {
  readonly formatted: string;
}

/** The name diagnostics give the policy text (`pld.plazo:3:12: error …`). */
export const POLICY_FILE_NAME = 'pld.plazo';

/** Compiled IRs by hash: the same object each time, so the engine compiles a policy's rules once. */
const irs = new Map<string, PldPolicyIR>();

function irOf(hash: string, stored: unknown): PldPolicyIR {
  let ir = irs.get(hash);
  if (ir === undefined) {
    ir = stored as PldPolicyIR;
    if (irs.size > 32) irs.clear();
    irs.set(hash, ir);
  }
  return ir;
}

/** The active policy, or null before any was saved. */
export async function activePolicy(db: Executor): Promise<ActivePolicy | null> {
  const row = await db.selectFrom('pld_policy_versions').selectAll().where('active', '=', true).executeTakeFirst();
  if (!row) return null;
  const ir = irOf(row.hash, row.ir);
  return { id: row.id, version: row.version, text: row.text, hash: row.hash, code: ir.code, name: ir.name, createdAt: row.created_at, createdBy: row.created_by, ir };
}

export function policyView(p: ActivePolicy): PolicyVersionView {
  return { version: p.version, text: p.text, hash: p.hash, code: p.code, name: p.name, createdAt: p.createdAt, createdBy: p.createdBy };
}

/** Compiles a policy text: its IR, or null with the errors; diagnostics in `lang`. */
export async function compilePolicySource(text: string, lang: Lang = 'en'): Promise<{ ir: PldPolicyIR | null; diagnostics: PolicyDiagnostic[] }> {
  const dsl = await import('@plazo/dsl');
  const result = dsl.compilePolicyText(text);
  const diagnostics = result.diagnostics.map((original): PolicyDiagnostic => {
    const d = dsl.localizeDiagnostic(original, lang);
    return {
      severity: d.severity,
      code: d.code,
      message: d.message,
      range: d.range,
      ...(d.help === undefined ? {} : { help: d.help }),
      ...(d.id === undefined ? {} : { id: d.id, args: d.args ?? {} }),
      formatted: dsl.formatDiagnostic(POLICY_FILE_NAME, d),
    };
  });
  return { ir: result.ir ?? null, diagnostics };
}

export interface SavedPolicy {
  readonly policy: PolicyVersionView;
  /** False when the text was the active one already (nothing written). */
  readonly created: boolean;
  /** True when the new version grades differently (its IR changed): clients are re-graded. */
  readonly regrade: boolean;
  readonly diagnostics: readonly PolicyDiagnostic[];
}

/**
 * Saves a policy text as the new active version. 422 `policy-has-errors` with the diagnostics
 * when it does not compile; the active text sent again changes nothing (`created: false`).
 */
export async function savePolicy(db: Kysely<Database>, text: string, ctx: WriteContext & { lang?: Lang }): Promise<SavedPolicy> {
  const { ir, diagnostics } = await compilePolicySource(text, ctx.lang ?? 'en');
  if (ir === null) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw new AppError(422, 'policy-has-errors', `the policy does not compile: ${errors[0]?.formatted ?? 'errors'}`, { diagnostics });
  }
  return db.transaction().execute(async (tx) => {
    // One writer at a time: the active row (or, for the first policy, the table) is locked.
    const active = await tx.selectFrom('pld_policy_versions').select(['id', 'version', 'text', 'hash']).where('active', '=', true).forUpdate().executeTakeFirst();
    if (active && active.text === text) {
      const current = (await activePolicy(tx))!;
      return { policy: policyView(current), created: false, regrade: false, diagnostics };
    }
    const last = await tx.selectFrom('pld_policy_versions').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const id = uuidv7();
    if (active) await tx.updateTable('pld_policy_versions').set({ active: false }).where('id', '=', active.id).execute();
    await tx
      .insertInto('pld_policy_versions')
      .values({ id, version, text, ir: JSON.stringify(ir), hash: ir.hash, active: true, created_at: ctx.at, created_by: ctx.actor })
      .execute();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'activate', entityType: 'pld-policy', entityId: ir.code,
      before: active ? { version: active.version, hash: active.hash } : null,
      after: { version, hash: ir.hash, text },
      details: { version, hash: ir.hash, previousHash: active?.hash ?? null, rules: ir.unusual.map((r) => r.code) },
      requestId: ctx.requestId ?? null, at: ctx.at,
    });
    const saved = (await activePolicy(tx))!;
    return { policy: policyView(saved), created: true, regrade: active?.hash !== ir.hash, diagnostics };
  });
}

/**
 * First start: the bundled `pld.plazo` becomes the active policy when none was saved yet (saved by
 * the system, as the example products are published). Returns the version, or null.
 */
export async function loadDefaultPolicy(db: Kysely<Database>, dir: string, clock: Clock, logger: Logger): Promise<number | null> {
  if (await activePolicy(db)) return null;
  let text: string;
  try {
    text = await readFile(join(dir, POLICY_FILE_NAME), 'utf8');
  } catch {
    return null;
  }
  try {
    const saved = await savePolicy(db, text, { actor: 'system', at: clock.now().toISOString() });
    logger.info('PLD policy loaded', { file: POLICY_FILE_NAME, version: saved.policy.version, hash: saved.policy.hash });
    return saved.policy.version;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    logger.warn('PLD policy skipped', { file: POLICY_FILE_NAME, reason: error.message });
    return null;
  }
}
