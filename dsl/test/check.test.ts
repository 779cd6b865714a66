// The checker on real text: one mutation of a clean product per rule, asserting the code, the
// exact line:col of the offending token, and what the message names.
import { describe, expect, it } from 'vitest';
import { PRODUCT, diagnose, found, mutate, positionOf } from './check-helpers.ts';

/** Diagnostics of `text` with `code`, as `line:col code message`. */
function only(text: string, code: string): string[] {
  return found(diagnose(text), code);
}

describe('a clean product', () => {
  it('has no diagnostics at all', () => {
    expect(found(diagnose(PRODUCT))).toEqual([]);
  });
});

describe('names', () => {
  it('reports an unknown name at the name and suggests the closest field', () => {
    const text = mutate('when applicant.age > 70', 'when applicant.ages > 70');
    const [d, ...rest] = diagnose(text).filter((x) => x.code === 'unknown-name');
    expect(rest).toEqual([]);
    expect(found([d!])).toEqual([`${positionOf(text, 'applicant.ages')} unknown-name unknown name \`applicant.ages\``]);
    expect(d!.help).toBe('did you mean `applicant.age`?');
  });
  it('reports an unknown enum value with a suggestion', () => {
    const text = mutate('decline "UTILIZACION"', 'decline "ESTADO" when applicant.state = CDMXX\n    decline "UTILIZACION"');
    expect(only(text, 'unknown-enum-value')).toEqual([`${positionOf(text, 'CDMXX')} unknown-enum-value \`CDMXX\` is not a value of \`enum { CDMX, JAL, NL, other }\``]);
  });
  it('reports a let used before its definition', () => {
    const text = mutate('let capacity = applicant.net_income * 30% / 2', 'let capacity = dti * applicant.net_income');
    expect(only(text, 'let-order')[0]).toMatch(/^22:\d+ let-order `dti` is defined later, on line 23$/);
  });
  it('reports `score` outside rules and offers', () => {
    const text = mutate('let capacity = applicant.net_income * 30% / 2', 'let capacity = score');
    expect(only(text, 'score-unavailable')).toEqual([`${positionOf(text, 'score\n')} score-unavailable \`score\` is not available here`]);
  });
  it('reports a let that clashes with an input group', () => {
    const text = mutate('let capacity =', 'let bureau =');
    expect(only(text, 'name-clash')).toEqual([`${positionOf(text, 'bureau =')} name-clash \`bureau\` clashes with the input field \`bureau.score\``]);
  });
  it('reports duplicate fields, lets, fees, characteristics, bands and tests at the second name', () => {
    const text = [
      ['request.payments: integer\n', 'request.payments: integer\n    applicant.age: integer\n'],
      ['  /// Capacidad', '  let dti = 1\n  /// Capacidad'],
      ['fee apertura', 'fee apertura 100 upfront\n  fee apertura'],
      ['characteristic applicant.state {', 'characteristic employment.employer_in_agreement { true -> 1  false -> 0 }\n    characteristic applicant.state {'],
      ['band C when score >= 560', 'band C when score >= 560\n    band C when score >= 550'],
      ['test "edad"', 'test "empleado en convenio con buen buró"'],
    ].reduce((t, [from, to]) => mutate(from!, to!, t), PRODUCT);
    expect(only(text, 'duplicate-name')).toEqual([
      `${positionOf(text, 'applicant.age', 1)} duplicate-name input field \`applicant.age\` is declared twice`,
      `${positionOf(text, 'dti', 1)} duplicate-name \`dti\` is already defined`,
      `${positionOf(text, 'apertura', 1)} duplicate-name fee \`apertura\` is declared twice`,
      `${positionOf(text, 'employment.employer_in_agreement {', 1)} duplicate-name characteristic \`employment.employer_in_agreement\` is declared twice`,
      `${positionOf(text, 'C when score >= 550')} duplicate-name band \`C\` is declared twice`,
      `${positionOf(text, '"empleado en convenio con buen buró"', 1)} duplicate-name test \`empleado en convenio con buen buró\` is declared twice`,
    ]);
  });
  it('reports a reason code used for both decline and refer', () => {
    const text = mutate('refer "ANTIGUEDAD"', 'refer "EDAD"');
    expect(only(text, 'reason-conflict')).toEqual([`${positionOf(text, '"EDAD"', 1)} reason-conflict reason \`EDAD\` is a \`decline\` on line 42 and a \`refer\` here`]);
  });
});

describe('types', () => {
  it('refuses to compare money with a string, at the string', () => {
    const text = mutate('when applicant.age > 70', 'when applicant.net_income > "mucho"');
    const [d] = diagnose(text).filter((x) => x.code === 'type-mismatch');
    expect(found([d!])).toEqual([`${positionOf(text, '"mucho"')} type-mismatch cannot compare \`money\` with \`string\``]);
    expect(d!.help).toContain('a bare number like `5_000`');
  });
  it('refuses money * money and says what is valid', () => {
    const text = mutate('applicant.net_income * 30% / 2', 'applicant.net_income * applicant.net_income');
    const [d] = diagnose(text).filter((x) => x.code === 'type-mismatch');
    expect(d!.message).toBe('cannot multiply `money` by `money`');
    expect(d!.help).toContain('`money * percent`');
  });
  it('refuses a percent compared with a bare number', () => {
    const text = mutate('bureau.utilization > 90%', 'bureau.utilization > 0.9');
    expect(only(text, 'type-mismatch')).toEqual([`${positionOf(text, '0.9')} type-mismatch cannot compare \`percent\` with a bare number`]);
  });
  it('accepts a bare number against money, and money / money as a ratio (a percent)', () => {
    const text = mutate('when applicant.age > 70', 'when applicant.net_income < 5_000 or applicant.net_income / applicant.net_income > 200%');
    expect(found(diagnose(text), 'type-mismatch')).toEqual([]);
  });
  it('requires a boolean rule condition', () => {
    const text = mutate('when applicant.age > 70', 'when applicant.net_income');
    expect(only(text, 'type-mismatch')).toEqual([`${positionOf(text, 'applicant.net_income message')} type-mismatch the condition of rule \`EDAD\` must be \`boolean\`, found \`money\``]);
  });
  it('requires money for offer caps', () => {
    const text = mutate('installment <= capacity', 'installment <= applicant.age');
    expect(only(text, 'type-mismatch')).toEqual([`${positionOf(text, 'applicant.age\n')} type-mismatch the installment cap must be \`money\`, found \`integer\``]);
  });
  it('checks function arity and argument types', () => {
    const text = mutate('let capacity = applicant.net_income * 30% / 2', 'let capacity = min(applicant.net_income, 30%)');
    expect(only(text, 'type-mismatch')).toEqual([`${positionOf(text, '30%)')} type-mismatch \`min\` mixes \`money\` and \`percent\``]);
  });
});

describe('required parts', () => {
  it('reports each missing part at the product or section keyword', () => {
    const text = [
      ['  currency MXN\n', ''],
      ['    amount 5_000..150_000 step 500\n', ''],
      ['    method french\n', ''],
      ['    rate by band { A: 36%, B: 48%, C: 62% }\n', ''],
      ['    request.amount: money\n', ''],
    ].reduce((t, [from, to]) => mutate(from!, to!, t), PRODUCT);
    expect(found(diagnose(text), 'missing-currency', 'missing-amount-limit', 'missing-method', 'missing-rate', 'missing-input')).toEqual([
      `${positionOf(text, 'nomina_quincenal')} missing-currency product \`nomina_quincenal\` has no currency`,
      `${positionOf(text, 'input {')} missing-input the input schema lacks \`request.amount: money\``,
      `${positionOf(text, 'limits {')} missing-amount-limit \`limits\` has no amount range`,
      `${positionOf(text, 'pricing {')} missing-method \`pricing\` has no interest method`,
      `${positionOf(text, 'pricing {')} missing-rate \`pricing\` has no rate`,
    ]);
  });
  it('reports a product without limits or terms', () => {
    const text = mutate('    payments 6..48 semimonthly\n', '');
    expect(only(text, 'missing-term')).toEqual([`${positionOf(text, 'limits {')} missing-term \`limits\` allows no term`]);
  });
});

describe('ranges', () => {
  it('reports an inverted amount range and a step that does not divide it', () => {
    expect(only(mutate('5_000..150_000 step 500', '150_000..5_000 step 500'), 'range-inverted')).toHaveLength(1);
    const text = mutate('5_000..150_000 step 500', '5_000..150_300 step 500');
    const [d] = diagnose(text).filter((x) => x.code === 'step-mismatch');
    expect(found([d!])).toEqual([`${positionOf(text, '500\n')} step-mismatch step 500 does not divide the range 5000..150300: 145300 is not a multiple of 500`]);
    expect(d!.help).toContain('`5000..150000`');
  });
  it('reports an inverted input range', () => {
    const text = mutate('integer 18..99', 'integer 99..18');
    expect(only(text, 'range-inverted')).toEqual([`${positionOf(text, '99..18')} range-inverted the range of \`applicant.age\` is empty: 99 is not below 18`]);
  });
  it('reports a given value outside the declared range', () => {
    const text = mutate('bureau.score = 710', 'bureau.score = 900');
    expect(only(text, 'out-of-declared-range')).toEqual([`${positionOf(text, '900')} out-of-declared-range \`bureau.score\` = 900 is outside its declared range 300..850`]);
  });
  it('warns about a bin entirely outside the declared range', () => {
    const text = mutate('680.. -> +50', '680..999 -> +50\n      1000.. -> +60');
    expect(only(text, 'bin-unreachable')).toEqual([`${positionOf(text, '1000..')} bin-unreachable this bin lies outside the declared range 300..850 of \`bureau.score\``]);
  });
});

describe('scorecard bins', () => {
  it('names the integer values a gap leaves uncovered', () => {
    const text = mutate('580..679 -> 0', '600..679 -> 0');
    expect(only(text, 'bin-gap')).toEqual([`${positionOf(text, '600..679')} bin-gap values 580..599 of \`bureau.score\` are not covered`]);
  });
  it('names the values two bins share', () => {
    const text = mutate('580..679 -> 0', '580..689 -> 0');
    expect(only(text, 'bin-overlap')).toEqual([`${positionOf(text, '680..')} bin-overlap values 680..689 of \`bureau.score\` are covered by two bins`]);
  });
  it('finds the open gap between `..579` and `580..` on a money field and suggests `..<580`', () => {
    const text = mutate('    band A', '    characteristic applicant.net_income { ..9_999 -> -10  10_000.. -> 10 }\n    band A');
    const [d] = diagnose(text).filter((x) => x.code === 'bin-gap');
    expect(found([d!])).toEqual([`${positionOf(text, '10_000..')} bin-gap values above 9999 and below 10000 of \`applicant.net_income\` are not covered`]);
    expect(d!.help).toContain('`..<10000`');
  });
  it('lets `..<580` and `580..` meet exactly on a money field', () => {
    const text = mutate('    band A', '    characteristic applicant.net_income { ..<10_000 -> -10  10_000.. -> 10 }\n    band A');
    expect(found(diagnose(text), 'bin-gap', 'bin-overlap')).toEqual([]);
  });
  it('covers percent fields in percents', () => {
    const text = mutate('    band A', '    characteristic bureau.utilization { missing -> 0  ..<30% -> 10  35%..<45% -> 0  45%.. -> -20 }\n    band A');
    expect(only(text, 'bin-gap')).toEqual([`${positionOf(text, '35%..<45%')} bin-gap values 30%..<35% of \`bureau.utilization\` are not covered`]);
  });
  it('names enum values no bin covers', () => {
    const text = mutate('NL -> 5  otherwise -> 0', 'NL -> 5');
    expect(only(text, 'bin-gap')).toEqual([`${positionOf(text, 'applicant.state {')} bin-gap value \`other\` of \`applicant.state\` is not covered`]);
  });
  it('requires a `missing` bin for an optional characteristic', () => {
    const text = mutate('      missing -> -40 reason "SIN_HISTORIAL"\n', '');
    expect(only(text, 'missing-bin-required')).toEqual([`${positionOf(text, 'bureau.score {')} missing-bin-required \`bureau.score\` is optional but no bin handles it missing`]);
  });
  it('refuses range bins on an enum', () => {
    const text = mutate('NL -> 5', '1..3 -> 5');
    expect(only(text, 'bin-type')).toEqual([`${positionOf(text, '1..3')} bin-type \`applicant.state\` is enum: its bins are values, not ranges`]);
  });
});

describe('bands', () => {
  it('reports cutoffs that do not descend', () => {
    const text = mutate('band B when score >= 600', 'band B when score >= 650');
    expect(only(text, 'band-order')).toEqual([`${positionOf(text, '650')} band-order band \`B\` starts at 650, not below band \`A\` at 640`]);
  });
  it('reports reachable scores below the lowest band when nothing handles them', () => {
    const text = mutate('    otherwise decline "SCORE_BAJO" message "Puntaje insuficiente"\n', '');
    // base 600, lowest bins -60 + 0 + 0 = 540; the lowest band starts at 560.
    expect(only(text, 'band-coverage')).toEqual([`${positionOf(text, '560')} band-coverage scores 540..<560 fall below the lowest band \`C\` and nothing handles them`]);
  });
  it('warns about a band above the highest reachable score', () => {
    const text = mutate('band A when score >= 640', 'band A when score >= 900');
    expect(only(text, 'band-unreachable')).toEqual([`${positionOf(text, '900')} band-unreachable band \`A\` needs a score of 900 but the highest reachable score is 670`]);
  });
  it('reports bands unknown to, or missing from, rate tables and offers', () => {
    const text = mutate('A: 150_000, B: 80_000, C: 30_000', 'A: 150_000, D: 80_000', mutate('C: 62%', 'Z: 62%'));
    // `Z` is probably a misspelt `C`: the table is not also reported as missing `C`.
    expect(found(diagnose(text), 'unknown-band', 'band-missing')).toEqual([
      `${positionOf(text, 'Z: 62%')} unknown-band unknown band \`Z\``,
      `${positionOf(text, 'amount <= by band')} band-missing band \`B\` has no maximum amount`,
      `${positionOf(text, 'amount <= by band')} band-missing band \`C\` has no maximum amount`,
      `${positionOf(text, 'D: 80_000')} unknown-band unknown band \`D\``,
    ]);
  });
  it('reports a band with no rate', () => {
    const text = mutate('C: 62%', 'B: 62%');
    expect(only(text, 'band-missing')).toEqual([`${positionOf(text, 'band {')} band-missing band \`C\` has no rate`]);
  });
  it('names payments a rate table leaves without a rate', () => {
    const text = mutate('rate by band { A: 36%, B: 48%, C: 62% }', 'rate by band, payments { A, ..: 36%  B, ..: 48%  C, 6..24: 62%  C, 31..: 70% }');
    expect(only(text, 'rate-gap')).toEqual([`${positionOf(text, 'payments {')} rate-gap payments 25..30 for band \`C\` have no rate`]);
  });
});

describe('eligibility', () => {
  it('warns about a rule the declared ranges make unreachable', () => {
    const text = mutate('applicant.age > 70', 'applicant.age > 120');
    const [d] = diagnose(text).filter((x) => x.code === 'rule-unreachable');
    expect(found([d!])).toEqual([`${positionOf(text, 'applicant.age > 120')} rule-unreachable rule \`EDAD\` can never fire`]);
    expect(d!.help).toBe('its condition is never true: `applicant.age` is declared 18..99');
  });
  it('warns about a rule that fires for everyone', () => {
    const text = mutate('applicant.age > 70', 'applicant.age >= 18');
    expect(only(text, 'rule-always-fires')).toEqual([`${positionOf(text, 'applicant.age >= 18')} rule-always-fires rule \`EDAD\` fires for every application`]);
  });
  it('warns about a condition repeated from an earlier rule', () => {
    const text = mutate('employment.months < 6', 'applicant.age > 70');
    expect(only(text, 'rule-duplicate')).toEqual([`${positionOf(text, 'applicant.age > 70', 1)} rule-duplicate this condition repeats rule \`EDAD\` on line 42`]);
  });
  it('warns when an optional input is read without a presence guard', () => {
    const text = mutate('bureau.utilization is present and bureau.utilization > 90%', 'bureau.utilization > 90%');
    expect(only(text, 'unguarded-optional')).toEqual([
      `${positionOf(text, 'bureau.utilization > 90%')} unguarded-optional \`bureau.utilization\` is optional: when it is missing, the comparison is false and this rule does not fire`,
    ]);
  });
});

describe('regulation', () => {
  it('warns about a late fee with moratorium interest, citing Banxico 22/2010', () => {
    const text = mutate('  penalties {\n', '  penalties {\n    late fee 150 grace 3 days iva\n');
    const [d] = diagnose(text).filter((x) => x.code === 'late-fee-with-moratorium');
    expect(found([d!])).toEqual([`${positionOf(text, 'late fee')} late-fee-with-moratorium a late fee together with moratorium interest`]);
    expect(d!.help).toContain('Banxico Circular 22/2010');
  });
  it('warns about a consumer product without IVA on interest, citing LIVA art. 15', () => {
    const text = mutate('iva 16% on interest, fees', 'iva 16% on fees');
    const [d] = diagnose(text).filter((x) => x.code === 'iva-missing');
    expect(found([d!])).toEqual([`${positionOf(text, 'iva 16% on fees')} iva-missing interest carries no IVA on this consumer product`]);
    expect(d!.help).toContain('LIVA art. 15');
    expect(only(mutate('kind consumer', 'kind business', text), 'iva-missing')).toEqual([]);
  });
});

describe('collection and allocation', () => {
  it('names overlapping and uncovered days past due', () => {
    const text = mutate('from 31 to 90 dpd', 'from 25 to 80 dpd');
    expect(found(diagnose(text), 'stage-overlap', 'stage-gap')).toEqual([
      `${positionOf(text, '25 to 80')} stage-overlap days 25..30 past due are in stages \`temprana\` and \`tardia\``,
      `${positionOf(text, '91 dpd')} stage-gap days 81..90 past due are in no stage`,
    ]);
  });
  it('checks the terms of a restructuring offer: whole payments in range, a sane rate, set once', () => {
    const text = mutate('offer restructure', 'offer restructure payments 12.5 rate 1200%');
    expect(found(diagnose(text), 'invalid-number')).toEqual([
      `${positionOf(text, '12.5')} invalid-number a restructuring offer takes a whole number of payments from 1 to 1000, found \`12.5\``,
      `${positionOf(text, '1200%')} invalid-number the rate \`1200%\` is above 1000%`,
    ]);
    const twice = mutate('offer restructure', 'offer restructure payments 6 rate 30% payments 12');
    expect(found(diagnose(twice), 'duplicate-setting')).toEqual([`${positionOf(twice, 'payments 12')} duplicate-setting \`payments\` is set twice in \`offer restructure\``]);
    expect(found(diagnose(mutate('offer restructure', 'offer restructure payments 12 semimonthly rate 30%')))).toEqual([]);
  });
  it('refuses more than one payment for a bullet product and warns about an offer on a day', () => {
    const bullet = mutate('method french', 'method bullet', mutate('offer restructure', 'offer restructure payments 4'));
    expect(found(diagnose(bullet), 'restructure-bullet')).toEqual([
      `${positionOf(bullet, '4\n')} restructure-bullet a bullet product repays in one payment: it cannot restructure into 4 payments`,
    ]);
    const onDay = mutate('at -3 days notify whatsapp "recordatorio_pago"', 'at -3 days notify whatsapp "recordatorio_pago" offer restructure');
    expect(found(diagnose(onDay), 'offer-outside-stage')).toEqual([
      `${positionOf(onDay, 'offer restructure')} offer-outside-stage \`offer restructure\` on a day is never offered: offers belong to the stage a loan is in`,
    ]);
  });
  it('reports a component listed twice and components left out', () => {
    const text = mutate('allocation penalties, moratorium, iva, interest, fees, principal', 'allocation penalties, interest, iva, interest, principal');
    expect(found(diagnose(text), 'allocation-duplicate', 'allocation-incomplete')).toEqual([
      `${positionOf(text, 'allocation penalties')} allocation-incomplete allocation does not list \`moratorium\`, \`fees\``,
      `${positionOf(text, 'interest, principal')} allocation-duplicate \`interest\` is listed twice`,
    ]);
  });
});

describe('tests in the product', () => {
  it('reports unknown given fields, values of the wrong type and missing required inputs', () => {
    const text = mutate('applicant.age = 35, applicant.net_income = 24_000', 'applicant.edad = 35, applicant.net_income = "mucho"');
    expect(found(diagnose(text), 'unknown-name', 'type-mismatch', 'test-missing-input')).toEqual([
      `${positionOf(text, '"empleado')} test-missing-input test \`empleado en convenio con buen buró\` does not give \`applicant.age\``,
      `${positionOf(text, 'applicant.edad')} unknown-name unknown input \`applicant.edad\``,
      `${positionOf(text, '"mucho"')} type-mismatch \`applicant.net_income\` is \`money\`, given \`"mucho"\``,
    ]);
  });
  it('reports expectations naming unknown bands and reasons', () => {
    const text = mutate('expect band A', 'expect band Q', mutate('reasons "EDAD", "CONVENIO"', 'reasons "EDAD", "CONVENI"'));
    expect(found(diagnose(text), 'unknown-band', 'unknown-reason')).toEqual([
      `${positionOf(text, 'Q\n')} unknown-band unknown band \`Q\``,
      `${positionOf(text, '"CONVENI"')} unknown-reason no rule or bin gives reason \`CONVENI\``,
    ]);
  });
});
