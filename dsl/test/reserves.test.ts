// The `reserves` policy on real text (issue 15): parsed (rows by stage and days past due, or
// `expected loss pd … lgd …`), checked (rates 0%..100%, whole days, each stage rated exactly once
// for every day 0..∞ and never lower with more days, pd/lgd probabilities over the loan facts
// only), compiled to the IR's `reserves` (only when written: the hash of a product without it does
// not move), formatted after `collection`, locked for a risk analyst; and the tests' books
// expectations (`expect on DATE books stage vencida reserve N accrued N deferred N`).
import { describe, expect, it } from 'vitest';
import { compileText } from '../src/compile/compile.ts';
import { format } from '../src/format/format.ts';
import { localizeDiagnostic } from '../src/messages/catalogue.ts';
import { parse } from '../src/parse.ts';
import { lockedChanges } from '../src/sections/locked-changes.ts';
import { PRODUCT, diagnose, found, mutate, positionOf } from './check-helpers.ts';

const SOCAP = `  reserves {
    /// Tabla ilustrativa (SOCAP) sobre capital + interés devengado
    0 dpd 1%
    1 to 7 dpd 4%
    8 to 30 dpd 15%
    31 to 60 dpd 30%
    61 to 90 dpd 50%
    91 to 120 dpd 75%
    121 to 180 dpd 90%
    from 181 dpd 100%
    vencida from 0 dpd 100%
  }
`;

/** PRODUCT with a reserves section after its collection policy. */
function withReserves(section: string, text = PRODUCT): string {
  return mutate('  allocation penalties', `${section}\n  allocation penalties`, text);
}

/** PRODUCT with `reserves { rows }`, one row per line. */
function table(...rows: string[]): string {
  return withReserves(`  reserves {\n${rows.map((r) => `    ${r}\n`).join('')}  }\n`);
}

const WITH = withReserves(SOCAP);

/** 1-based `line:col` of `needle` inside the first occurrence of `context` in `text`. */
function positionIn(text: string, context: string, needle: string): string {
  const [line, col] = positionOf(text, context).split(':').map(Number) as [number, number];
  const at = context.indexOf(needle);
  if (at < 0) throw new Error(`\`${needle}\` is not in \`${context}\``);
  return `${line}:${col + at}`;
}

describe('reserves: parsing and the IR', () => {
  it('reads each row with its stage, days and rate, and the doc comment of the row under it', () => {
    const { file, diagnostics } = parse(WITH);
    expect(diagnostics).toEqual([]);
    const section = file.product!.sections.find((s) => s.kind === 'ReservesSection');
    expect(section?.kind).toBe('ReservesSection');
    if (section?.kind !== 'ReservesSection') return;
    expect(section.rows).toHaveLength(9);
    expect(section.rows[0]).toMatchObject({ kind: 'ReserveRow', from: { value: '0' }, open: false, rate: { value: '1', fraction: '0.01' }, doc: 'Tabla ilustrativa (SOCAP) sobre capital + interés devengado' });
    expect(section.rows[0]).not.toHaveProperty('to');
    expect(section.rows[1]).toMatchObject({ from: { value: '1' }, to: { value: '7' }, open: false });
    expect(section.rows[7]).toMatchObject({ from: { value: '181' }, open: true });
    expect(section.rows[8]).toMatchObject({ stage: { name: 'vencida' }, from: { value: '0' }, open: true, rate: { value: '100' } });
  });

  it('compiles the table to rows of whole days and fractions; absent when not written (same hash as before)', () => {
    const without = compileText(PRODUCT).ir!;
    expect(without).not.toHaveProperty('reserves');
    const { ir, diagnostics } = compileText(WITH);
    expect(diagnostics).toEqual([]);
    expect(ir!.reserves).toEqual({
      kind: 'table',
      rows: [
        { stage: null, fromDays: 0, toDays: 0, rate: '0.01' },
        { stage: null, fromDays: 1, toDays: 7, rate: '0.04' },
        { stage: null, fromDays: 8, toDays: 30, rate: '0.15' },
        { stage: null, fromDays: 31, toDays: 60, rate: '0.3' },
        { stage: null, fromDays: 61, toDays: 90, rate: '0.5' },
        { stage: null, fromDays: 91, toDays: 120, rate: '0.75' },
        { stage: null, fromDays: 121, toDays: 180, rate: '0.9' },
        { stage: null, fromDays: 181, toDays: null, rate: '1' },
        { stage: 'vencida', fromDays: 0, toDays: null, rate: '1' },
      ],
    });
    const { hash: _a, reserves: _b, ...rest } = ir!;
    const { hash: _c, ...restWithout } = without;
    expect(rest).toEqual(restWithout);
    expect(ir!.hash).not.toBe(without.hash);
  });

  it('compiles an expected loss to JSON Logic over the loan facts', () => {
    const text = withReserves('  reserves {\n    expected loss pd if loan.vencida then 100% else min(2% + loan.days_past_due * 1%, 100%) lgd 45%\n  }\n');
    const { ir, diagnostics } = compileText(text);
    expect(diagnostics).toEqual([]);
    expect(ir!.reserves).toEqual({
      kind: 'expected-loss',
      pd: { if: [{ var: 'loan.vencida' }, { decimal: '1' }, { min: [{ '+': [{ decimal: '0.02' }, { '*': [{ var: 'loan.days_past_due' }, { decimal: '0.01' }] }] }, { decimal: '1' }] }] },
      lgd: { decimal: '0.45' },
    });
  });

  it('keeps the words it added usable as names (they are soft keywords)', () => {
    const text = mutate('  let capacity = applicant.net_income * 30% / 2\n', '  let capacity = applicant.net_income * 30% / 2\n  let pd = 1\n  let loss = pd + 1\n  let books = loss\n  let reserve = books\n  let expected = reserve\n  let lgd = expected\n  let accrued = lgd\n  let deferred = accrued\n');
    expect(found(diagnose(text))).toEqual([]);
  });
});

describe('reserves: formatting', () => {
  it('goes after collection, one row per line in source order, and is stable', () => {
    const moved = mutate('  allocation penalties', '  allocation penalties', mutate('  input {', `${SOCAP.replace('1 to 7 dpd 4%', '1   to 7  dpd 4%').replace('from 181', 'from   181')}\n  input {`));
    const { text, diagnostics } = format(moved);
    expect(diagnostics).toEqual([]);
    expect(text).toContain(`  collection {`);
    expect(text.indexOf('  reserves {')).toBeGreaterThan(text.indexOf('  collection {'));
    expect(text.indexOf('  reserves {')).toBeLessThan(text.indexOf('  allocation '));
    expect(text).toContain(SOCAP);
    expect(format(text).text).toBe(text);
    expect(compileText(text).ir!.hash).toBe(compileText(WITH).ir!.hash);
  });

  it('writes an expected loss on one line', () => {
    const text = withReserves('  reserves {\n    expected   loss pd (2%)   lgd loan.accrued_interest/loan.exposure\n  }\n');
    expect(format(text).text).toContain('  reserves {\n    expected loss pd (2%) lgd loan.accrued_interest / loan.exposure\n  }\n');
  });
});

describe('reserves: checks', () => {
  it('takes the DOMAIN.md table, rates of 0% and 100%, and a table without stages', () => {
    expect(found(diagnose(WITH))).toEqual([]);
    expect(found(diagnose(table('0 to 30 dpd 0%', 'from 31 dpd 100%')))).toEqual([]);
    expect(found(diagnose(table('vigente from 0 dpd 1%', 'vencida from 0 dpd 100%')))).toEqual([]);
  });

  it('refuses an empty section, a second section and a second expected loss', () => {
    const empty = withReserves('  reserves {\n  }\n');
    expect(found(diagnose(empty))).toEqual([`${positionOf(empty, 'reserves {')} reserves-empty \`reserves\` has no rows`]);
    const twice = withReserves('  reserves {\n    from 0 dpd 2%\n  }\n', WITH);
    expect(found(diagnose(twice), 'duplicate-section')).toEqual([`${positionOf(twice, 'reserves {', 1)} duplicate-section \`reserves\` appears twice`]);
    const two = withReserves('  reserves {\n    expected loss pd 2% lgd 45%\n    expected loss pd 3% lgd 45%\n  }\n');
    expect(found(diagnose(two), 'duplicate-setting').map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual([`${positionOf(two, 'expected loss pd 3%')} duplicate-setting`]);
  });

  it('refuses a table and an expected loss together', () => {
    const text = withReserves('  reserves {\n    from 0 dpd 2%\n    expected loss pd 2% lgd 45%\n  }\n');
    expect(found(diagnose(text))).toEqual([`${positionOf(text, 'expected loss')} reserves-mixed \`expected loss\` and a table of rates (from line ${positionOf(text, 'from 0 dpd').split(':')[0]}) in one \`reserves\``]);
  });

  it('holds rates to 0%..100% and days to whole numbers from 0, in order', () => {
    const text = table('0 to 30 dpd 101%', '31 to 30.5 dpd 50%', 'from 60 to 40 dpd 60%');
    expect(diagnose(text).some((d) => d.code === 'unexpected-token')).toBe(true); // `from N to M` is not a row
    const rates = table('0 to 30 dpd 101%', '31 to 30.5 dpd 50%', '40 to 35 dpd 60%', 'from 41 dpd 100%');
    expect(found(diagnose(rates))).toEqual([
      `${positionOf(rates, '101%')} invalid-number a reserve rate is from 0% to 100% of the exposure, found \`101%\``,
      `${positionOf(rates, '30.5')} invalid-number days past due are whole numbers from 0, found \`30.5\``,
      `${positionOf(rates, '35 dpd')} range-inverted the row runs from 40 to 35 days past due`,
    ]);
    const percent = table('0 dpd 1', 'from 1 dpd 100%');
    expect(found(diagnose(percent))).toEqual([`${positionOf(percent, '1\n')} missing-percent a percent needs \`%\`: \`1%\``]);
  });

  it('still checks coverage and order around a row whose rate is wrong', () => {
    const text = table('0 to 30 dpd 150%', '31 to 60 dpd 20%', '61 to 90 dpd 10%');
    expect(found(diagnose(text))).toEqual([
      `${positionOf(text, '150%')} invalid-number a reserve rate is from 0% to 100% of the exposure, found \`150%\``,
      `${positionOf(text, '61 to 90')} reserve-gap days 91.. past due have no reserve rate`,
      `${positionIn(text, '61 to 90 dpd 10%', '10%')} reserve-decreasing the reserve rate falls from 20% to 10% at days 61..90 past due`,
    ]);
  });

  it('reports days with two rates and days with none, naming the stage when rows name one', () => {
    const overlap = table('0 to 10 dpd 1%', '8 to 30 dpd 15%', 'from 31 dpd 100%');
    expect(found(diagnose(overlap))).toEqual([`${positionOf(overlap, '8 to 30')} reserve-overlap days 8..10 past due have two reserve rates`]);
    const gaps = table('1 to 7 dpd 4%', '10 to 30 dpd 15%', '31 to 90 dpd 50%');
    expect(found(diagnose(gaps))).toEqual([
      `${positionOf(gaps, '1 to 7')} reserve-gap days 0 past due have no reserve rate`,
      `${positionOf(gaps, '10 to 30')} reserve-gap days 8..9 past due have no reserve rate`,
      `${positionOf(gaps, '31 to 90 dpd 50%')} reserve-gap days 91.. past due have no reserve rate`,
    ]);
    const staged = table('vigente 0 to 30 dpd 1%', 'vigente 20 to 40 dpd 2%', '41 to 89 dpd 50%', 'vencida from 90 dpd 100%');
    expect(found(diagnose(staged))).toEqual([
      `${positionOf(staged, '20 to 40')} reserve-overlap days 20..30 past due of \`vigente\` loans have two reserve rates`,
      `${positionOf(staged, '41 to 89')} reserve-gap days 90.. past due of \`vigente\` loans have no reserve rate`,
      `${positionOf(staged, '41 to 89')} reserve-gap days 0..40 past due of \`vencida\` loans have no reserve rate`,
    ]);
    const fine = table('vigente 0 to 30 dpd 1%', 'vigente 31 to 40 dpd 2%', '41 to 89 dpd 50%', 'from 90 dpd 100%', 'vencida 0 to 40 dpd 50%');
    expect(found(diagnose(fine))).toEqual([]);
  });

  it('refuses a rate lower than the rate of fewer days, per stage (a stage row wins over an unqualified one)', () => {
    const falling = table('0 to 30 dpd 15%', '31 to 60 dpd 10%', 'from 61 dpd 100%');
    expect(found(diagnose(falling))).toEqual([`${positionIn(falling, '31 to 60 dpd 10%', '10%')} reserve-decreasing the reserve rate falls from 15% to 10% at days 31..60 past due`]);
    // vencida takes 50% to day 30, then the unqualified 31..60 at 30%: its reserve would fall.
    const staged = table('0 to 30 dpd 1%', '31 to 60 dpd 30%', 'from 61 dpd 100%', 'vencida 0 to 30 dpd 50%');
    expect(found(diagnose(staged))).toEqual([`${positionIn(staged, '31 to 60 dpd 30%', '30%')} reserve-decreasing the reserve rate falls from 50% to 30% at days 31..60 past due of \`vencida\` loans`]);
    const d = diagnose(staged).find((x) => x.code === 'reserve-decreasing')!;
    expect(d.help).toBe(`a loan further past due is no less likely to be lost: write a rate at least that of the row on line ${positionOf(staged, 'vencida 0').split(':')[0]}`);
    expect(compileText(staged).ir).toBeUndefined();
  });

  it('names a stage it does not know, and warns of an unqualified row no loan takes', () => {
    const misspelt = table('vencdia from 0 dpd 100%', 'from 0 dpd 1%');
    expect(found(diagnose(misspelt))).toEqual([`${positionOf(misspelt, 'vencdia')} unknown-option unknown book stage \`vencdia\``]);
    expect(diagnose(misspelt)[0]!.help).toBe('did you mean `vencida`?');
    const shadowed = table('vigente from 0 dpd 1%', 'vencida from 0 dpd 100%', '0 to 30 dpd 5%');
    const warnings = diagnose(shadowed);
    expect(found(warnings)).toEqual([`${positionOf(shadowed, '0 to 30')} reserve-row-unreachable no loan takes this row: the \`vigente\` and \`vencida\` rows already rate all its days`]);
    expect(warnings[0]!.severity).toBe('warning');
    expect(compileText(shadowed).ir).toBeDefined();
  });

  it('types pd and lgd as probabilities over the loan facts only', () => {
    const el = (pd: string, lgd = '45%') => withReserves(`  reserves {\n    expected loss pd ${pd} lgd ${lgd}\n  }\n`);
    for (const ok of ['2%', '0.02', '1', 'loan.accrued_interest / loan.exposure', 'if loan.restructured and loan.days_past_due > 30 then 80% else 5%', 'min(1, loan.days_past_due / 360)']) {
      expect(found(diagnose(el(ok))), ok).toEqual([]);
    }
    const money = el('loan.principal');
    expect(found(diagnose(money))).toEqual([`${positionOf(money, 'loan.principal')} type-mismatch \`pd\` must be a percent or a number from 0 to 1, found \`money\``]);
    const misspelt = el('2%', 'loan.days_past_du / 100');
    expect(found(diagnose(misspelt))).toEqual([`${positionOf(misspelt, 'loan.days_past_du')} unknown-name unknown fact \`loan.days_past_du\``]);
    expect(diagnose(misspelt)[0]!.help).toBe('did you mean `loan.days_past_due`?');
    const input = el('applicant.age / 100');
    expect(found(diagnose(input))).toEqual([`${positionOf(input, 'applicant.age / 100')} unknown-name unknown fact \`applicant.age\``]);
    const builtins = el('if today > 2025-01-01 then 1% else 2%', 'score');
    expect(found(diagnose(builtins))).toEqual([
      `${positionOf(builtins, 'today')} unknown-name unknown fact \`today\``,
      `${positionIn(builtins, 'lgd score', 'score')} unknown-name unknown fact \`score\``,
    ]);
    const outside = el('if loan.vencida then 150% else -1%', '2');
    expect(found(diagnose(outside))).toEqual([
      `${positionOf(outside, '150%')} invalid-number \`pd\` \`150%\` is outside 0..1 (0%..100%)`,
      `${positionOf(outside, '-1%')} invalid-number \`pd\` \`-1%\` is outside 0..1 (0%..100%)`,
      `${positionIn(outside, 'lgd 2', '2')} invalid-number \`lgd\` \`2\` is outside 0..1 (0%..100%)`,
    ]);
  });

  it('says it all in Spanish, at the same code and place', () => {
    const staged = table('0 to 30 dpd 1%', '31 to 60 dpd 30%', 'from 61 dpd 100%', 'vencida 0 to 30 dpd 50%');
    const d = diagnose(staged).find((x) => x.code === 'reserve-decreasing')!;
    const es = localizeDiagnostic(d, 'es');
    expect(es.message).toBe('el porcentaje de reserva baja de 50% a 30% en los días 31..60 de atraso de los créditos en `vencida`');
    expect(es.range).toEqual(d.range);
    const gap = localizeDiagnostic(diagnose(table('1 to 7 dpd 4%', 'from 8 dpd 100%'))[0]!, 'es');
    expect(`${gap.code}: ${gap.message}`).toBe('reserve-gap: los días 0 de atraso no tienen porcentaje de reserva');
  });
});

describe('reserves: section rights', () => {
  it('is a part of its own: a risk analyst (eligibility, scorecard, tests) may not change it', () => {
    const changed = WITH.replace('8 to 30 dpd 15%', '8 to 30 dpd 20%');
    const changes = lockedChanges(WITH, changed, ['eligibility', 'scorecard', 'test']);
    expect(changes.map((c) => [c.part, c.kind, c.change])).toEqual([['reserves', 'reserves', 'changed']]);
    expect(changes[0]!.range!.start.line + 1).toBe(Number(positionOf(changed, '8 to 30').split(':')[0]));
    expect(lockedChanges(PRODUCT, WITH, ['eligibility', 'scorecard', 'test']).map((c) => [c.part, c.change])).toEqual([['reserves', 'added']]);
    expect(lockedChanges(WITH, changed, ['reserves'])).toEqual([]);
  });
});

describe('books expectations in tests', () => {
  const TEST = `  test "deja de pagar" {
    given applicant.age = 35, applicant.net_income = 24_000, employment.months = 30,
          employment.employer_in_agreement = true, bureau.score = 710,
          request.amount = 50_000, request.payments = 24, applicant.state = CDMX
    disburse 2025-01-06
    expect on 2025-06-30 books stage vencida reserve 1_234.56 accrued 12.34 deferred 100.00
    expect on 2025-02-28 books reserve 0
  }
`;
  const text = mutate('  test "edad" {', `${TEST}\n  test "edad" {`, WITH);

  it('parses any subset after `books`, checks and compiles to books expectations', () => {
    expect(found(diagnose(text))).toEqual([]);
    const ir = compileText(text).ir!;
    expect(ir.tests.find((t) => t.name === 'deja de pagar')!.expect).toEqual([
      { kind: 'books', on: '2025-06-30', stage: 'vencida', reserve: '1234.56', accrued: '12.34', deferred: '100' },
      { kind: 'books', on: '2025-02-28', reserve: '0' },
    ]);
    expect(format(text).text).toContain('    expect on 2025-06-30 books stage vencida reserve 1_234.56 accrued 12.34 deferred 100.00\n    expect on 2025-02-28 books reserve 0\n');
  });

  it('names an unknown book stage, a figure given twice and a missing disbursement', () => {
    const stage = text.replace('books stage vencida', 'books stage vencido');
    expect(found(diagnose(stage))).toEqual([`${positionOf(stage, 'vencido')} unknown-option unknown book stage \`vencido\``]);
    const twice = text.replace('books reserve 0', 'books reserve 0 reserve 1');
    expect(found(diagnose(twice)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual([`${positionIn(twice, 'reserve 0 reserve 1', '1')} duplicate-setting`]);
    const undisbursed = text.replace('    disburse 2025-01-06\n', '');
    expect(found(diagnose(undisbursed), 'missing-disburse')).toEqual([
      `${positionOf(undisbursed, 'on 2025-06-30 books')} missing-disburse a books expectation needs \`disburse DATE\``,
      `${positionOf(undisbursed, 'on 2025-02-28 books')} missing-disburse a books expectation needs \`disburse DATE\``,
    ]);
    const mixed = text.replace('books reserve 0', 'books reserve 0 dpd 3');
    expect(diagnose(mixed).some((d) => d.code === 'unexpected-token')).toBe(true);
  });
});
