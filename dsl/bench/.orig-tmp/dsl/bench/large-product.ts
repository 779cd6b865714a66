// A generated product of about 5,000 lines, shaped like real ones (many fields, derived values,
// rules, scorecard characteristics and tests), for the parse/check/compile benchmark.

/** The text of a valid product with roughly `lines` lines. */
export function largeProduct(lines = 5_000): string {
  const scale = Math.max(1, Math.round(lines / 12.6));
  const fields = 2 * scale;
  const out: string[] = ['/// Producto generado para medir el compilador', 'product generado "Producto generado" {', '  currency MXN', '', '  input {'];
  for (let i = 0; i < fields; i++) out.push(`    applicant.x${i}: integer 0..1_000 optional       // campo ${i}`);
  out.push('    applicant.income: money', '    request.amount: money', '    request.payments: integer', '  }', '');
  for (let i = 0; i < scale; i++) out.push(`  let d${i} = if applicant.x${i} is present then applicant.x${i} * 2 + 1 else 0`);
  out.push('', '  limits {', '    amount 1_000..50_000 step 500', '    payments 6..24 semimonthly', '  }', '');
  out.push('  pricing {', '    method french', '    basis period', '    rate by band { A: 36%, B: 48% }', '    iva 16% on interest, fees', '    rounding 2 half-even', '  }', '');
  out.push('  fee apertura 2% of amount min 100 financed iva', '', '  eligibility {');
  for (let i = 0; i < 2 * scale; i++) out.push(`    decline "R${i}" when applicant.x${i} is present and applicant.x${i} > 990 message "Regla ${i}"`);
  out.push('  }', '', '  scorecard {', '    base 600');
  for (let i = 0; i < scale; i++) {
    out.push(`    characteristic applicant.x${i} {`, '      missing -> 0', '      ..249 -> -10 reason "BAJO"', '      250..499 -> 0', '      500..749 -> +10', '      750.. -> +20', '    }');
  }
  out.push('    band A when score >= 600', '    band B when score >= 0', '    otherwise decline "SCORE"', '  }', '');
  out.push('  offer {', '    installment <= applicant.income * 30%', '    amount <= by band { A: 50_000, B: 20_000 }', '  }', '');
  out.push('  penalties {', '    moratorium 1.5x ordinary on overdue principal iva', '  }', '');
  out.push('  allocation penalties, moratorium, iva, interest, fees, principal', '  prepayment reduce term', '');
  for (let i = 0; i < Math.round(scale / 8); i++) {
    out.push(`  test "caso ${i}" {`, `    given applicant.x0 = ${i}, applicant.income = 20_000, request.amount = 10_000, request.payments = 12`, '    expect approve', '  }');
  }
  out.push('}', '');
  return out.join('\n');
}
