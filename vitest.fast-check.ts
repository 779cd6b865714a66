// Every package's vitest setup: property tests are deterministic (one fixed fast-check seed), so a
// run that passes passes again. FC_SEED=<n> explores another seed; a failure prints its seed.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20261127) });
