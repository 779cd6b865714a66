// Where a worker's end of day spends its time, for the benchmark (bench/eod-worker.ts prints it):
// milliseconds per step (read, engine, each table written, the chunk's bookkeeping) and, when the
// PostgreSQL server runs on this machine and the benchmark asks, the CPU its backend spent on
// each step (from /proc/<backend pid>/schedstat). Costs two clock reads per step otherwise.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export const eodTimings = {
  /** Wall milliseconds per step. */
  steps: {} as Record<string, number>,
  /** Milliseconds of the database backend's CPU per step (only with measureBackendCpu). */
  backend: {} as Record<string, number>,
  checkpointsRewritten: 0,
  summariesRewritten: 0,
};

let backendPid: number | null = null;
let measuring = false;

/** Zeroes the figures; `backendCpu` also samples the PostgreSQL backend's CPU per step (server on this machine). */
export function resetEodTimings(options: { backendCpu?: boolean } = {}): void {
  eodTimings.steps = {};
  eodTimings.backend = {};
  eodTimings.checkpointsRewritten = 0;
  eodTimings.summariesRewritten = 0;
  measuring = options.backendCpu ?? false;
}

function backendCpuMs(): number {
  if (backendPid === null) return 0;
  try {
    return Number(readFileSync(`/proc/${backendPid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
}

/** Notes which backend serves `tx` (when measuring backend CPU). */
export async function noteBackend(tx: Executor): Promise<void> {
  if (!measuring) return;
  backendPid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx)).rows[0]!.pid;
}

/** Starts a step; the function returned ends it, adding its time (and its backend CPU) under `name`. */
export function startStep(name: string): () => void {
  const start = performance.now();
  const cpu = measuring ? backendCpuMs() : 0;
  return () => {
    eodTimings.steps[name] = (eodTimings.steps[name] ?? 0) + performance.now() - start;
    if (measuring) eodTimings.backend[name] = (eodTimings.backend[name] ?? 0) + backendCpuMs() - cpu;
  };
}

/** Runs a step, adding its time (and its backend CPU) under `name`. */
export async function timed<T>(name: string, f: () => Promise<T>): Promise<T> {
  const end = startStep(name);
  try {
    return await f();
  } finally {
    end();
  }
}

/** Adds the time of a synchronous step (the engine). */
export function timedSync<T>(name: string, f: () => T): T {
  const start = performance.now();
  try {
    return f();
  } finally {
    eodTimings.steps[name] = (eodTimings.steps[name] ?? 0) + performance.now() - start;
  }
}
