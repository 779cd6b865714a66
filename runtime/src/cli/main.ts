#!/usr/bin/env -S npx tsx
// Entry point of the `plazo` CLI (`pnpm plazo <command>` from the repository root).
import { runCli, processIo } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
