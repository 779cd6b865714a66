// The institution's lint thresholds in the service: `plazo.config.json` in the data directory is
// read at start (validated by the language), and checking a draft warns by its thresholds.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@plazo/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirLintConfig } from '../src/products/lint-config.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const NOMINA = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8').replace('product nomina "', 'product nomina_l "');

function dataDir(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plazo-data-'));
  if (config !== undefined) writeFileSync(join(dir, 'plazo.config.json'), config);
  return dir;
}

describe('plazo.config.json in the data directory', () => {
  it('gives the thresholds, the defaults when absent, and an error naming each bad field', async () => {
    expect(await dataDirLintConfig(dataDir(JSON.stringify({ lints: { maxAnnualRate: '30%' } })))).toMatchObject({ maxAnnualRate: '0.3', maxMoratoriumMultiple: '3' });
    expect(await dataDirLintConfig(dataDir())).toBeUndefined();
    const bad = dataDir(JSON.stringify({ lints: { maxAnnualRate: 0.3 } }));
    const error = await dataDirLintConfig(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([
      { path: `${join(bad, 'plazo.config.json')}: lints.maxAnnualRate`, message: 'must be a string such as "200%" (or false to turn the lint off), got the number 0.3: write "30%" if that is what you mean' },
    ]);
  });
});

describe.each(DATABASE_KINDS)('checking drafts with the institution thresholds on %s', (kind) => {
  let strict: Harness;
  let plain: Harness;
  beforeAll(async () => {
    strict = await startHarness(kind, { lints: { maxAnnualRate: '0.3' } });
    plain = await startHarness(kind);
  });
  afterAll(async () => {
    await strict?.destroy();
    await plain?.destroy();
  });

  it('warns about the rates above the institution threshold, and only with it', async () => {
    const rateWarnings = async (h: Harness) => {
      const created = await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'nomina_l', name: 'Nómina', source: NOMINA } });
      expect(created.status).toBe(201);
      const check = await h.request('POST', '/api/v1/products/nomina_l/draft/check', { key: h.keys['risk-analyst'] });
      expect(check.status).toBe(200);
      expect(check.body.ok).toBe(true);
      return (check.body.diagnostics as { code: string; message: string }[]).filter((d) => d.code === 'rate-high').map((d) => d.message);
    };
    expect(await rateWarnings(strict)).toEqual([
      'the rate `36%` is above the 30% a year the institution flags as usurious',
      'the rate `38%` is above the 30% a year the institution flags as usurious',
      'the rate `48%` is above the 30% a year the institution flags as usurious',
    ]);
    expect(await rateWarnings(plain)).toEqual([]);
  });
});
