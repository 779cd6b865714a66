# Independent derivation of the golden schedules in this folder, written apart from the engine:
# Python, exact Fractions (no decimal precision limit), datetime for the calendar, the level
# payment from the closed form i/(1-(1+i)^-n) for equal periods and from linearity of the final
# balance in the payment for unequal ones, and the CAT by bisection in 60-digit Decimal.
# Run: python3 engine/test/golden/derive_golden.py  (rewrites the *.json files here)
import calendar, datetime, json, os
from decimal import Decimal, getcontext
from fractions import Fraction as F

getcontext().prec = 60
HERE = os.path.dirname(os.path.abspath(__file__))

# Mexican banking holidays 2025, typed from the CNBV calendar (the engine computes them).
HOLIDAYS_2025 = {datetime.date(2025, m, d) for m, d in [(1, 1), (2, 3), (3, 17), (4, 17), (4, 18), (5, 1), (9, 16), (11, 2), (11, 17), (12, 12), (12, 25)]}

def rnd(x, scale=2, mode='half-even'):
    q = x * 10**scale
    fl = q.numerator // q.denominator
    rem = q - fl
    if rem > F(1, 2) or (rem == F(1, 2) and (mode == 'half-up' or fl % 2 == 1)):
        fl += 1
    return F(fl, 10**scale)

def rnd_mult(x, step, mode='half-even'):
    return rnd(x / step, 0, mode) * step

def s(x, scale=2):
    q = x * 10**scale
    assert q.denominator == 1
    n = q.numerator
    sign = '-' if n < 0 else ''
    n = abs(n)
    return f"{sign}{n // 10**scale}.{n % 10**scale:0{scale}d}" if scale else f"{sign}{n}"

def d(t): return datetime.date.fromisoformat(t)

def add_months(date, k, anchor):
    m = date.month - 1 + k
    y, m = date.year + m // 12, m % 12 + 1
    return datetime.date(y, m, min(anchor, calendar.monthrange(y, m)[1]))

def semimonthly_after(date):
    last = calendar.monthrange(date.year, date.month)[1]
    if date.day < 15: return date.replace(day=15)
    if date.day < last: return date.replace(day=last)
    return (date.replace(day=1) + datetime.timedelta(days=32)).replace(day=15)

def due_dates(t):
    disb = d(t['disbursementDate'])
    fr = t['frequency']
    step = {'weekly': 7, 'biweekly': 14}.get(fr) if isinstance(fr, str) else fr['everyDays']
    if step: first = disb + datetime.timedelta(days=step)
    elif fr == 'monthly': first = add_months(disb, 1, disb.day)
    else:
        first = disb + datetime.timedelta(days=15)
        if not (first.day == 15 or first.day == calendar.monthrange(first.year, first.month)[1]): first = semimonthly_after(first)
    default_first = first
    if 'firstDueDate' in t: first = d(t['firstDueDate'])
    out = [first]
    for k in range(1, t['installments']):
        if step: out.append(first + datetime.timedelta(days=step * k))
        elif fr == 'monthly': out.append(add_months(first, k, first.day))
        else: out.append(semimonthly_after(out[-1]))
    bd = t.get('businessDays')
    if bd and bd['rule'] != 'none':
        delta = datetime.timedelta(days=1 if bd['rule'] == 'next' else -1)
        def busy(x): return x.weekday() >= 5 or x in HOLIDAYS_2025
        adj = []
        for x in out:
            while busy(x): x += delta
            adj.append(x)
        out = adj
    return disb, first != default_first, out

def ppy(fr):
    return F(365, fr['everyDays']) if isinstance(fr, dict) else F({'weekly': 52, 'biweekly': 26, 'semimonthly': 24, 'monthly': 12}[fr])

def d360(a, b):
    def last(x): return x.day == calendar.monthrange(x.year, x.month)[1]
    d1 = 30 if last(a) else min(a.day, 30)
    d2 = 30 if last(b) else min(b.day, 30)
    return (b.year - a.year) * 360 + (b.month - a.month) * 30 + d2 - d1

def year_fraction(basis, fr, a, b):
    if basis == 'period': return 1 / ppy(fr)
    if basis == 'actual/360': return F((b - a).days, 360)
    if basis == 'actual/365': return F((b - a).days, 365)
    return F(d360(a, b), 360)

def derive(t):
    sc, mode = t.get('decimals', 2), t.get('rounding', 'half-even')
    R = lambda x: rnd(x, sc, mode)
    P0, r = F(t['principal']), F(t['annualRate'])
    n, method, basis = t['installments'], t.get('method', 'french'), t.get('interestBasis', 'period')
    tax = t.get('tax') or {'rate': '0', 'on': []}
    tr = F(tax['rate'])
    gp = t.get('graceInstallments', {}).get('principal', 0)
    gi = t.get('graceInstallments', {}).get('interest', 0)
    disb, irregular, dates = due_dates(t)
    fracs, prev = [], disb
    for x in dates:
        fracs.append(year_fraction(basis, t['frequency'], prev, x)); prev = x
    def fee_amt(f, base):
        if 'amount' in f: return F(f['amount'])
        v = R(base * F(f['percent']))
        if 'min' in f: v = max(v, F(f['min']))
        if 'max' in f: v = min(v, F(f['max']))
        return v
    taxable = lambda f: 'fees' in tax['on'] and f.get('taxable', True)
    fees = t.get('fees', [])
    fin = [f for f in fees if f['timing'] == 'financed']
    P = P0 + sum((fee_amt(f, P0) for f in fin), F(0))
    ded = sum((fee_amt(f, P0) for f in fees if f['timing'] == 'deducted'), F(0))
    ded_tax = R(sum((fee_amt(f, P0) for f in fees if f['timing'] == 'deducted' and taxable(f)), F(0)) * tr)
    up = sum((fee_amt(f, P0) for f in fees if f['timing'] == 'upfront'), F(0))
    up_tax = R(sum((fee_amt(f, P0) for f in fees if f['timing'] == 'upfront' and taxable(f)), F(0)) * tr)
    fin_taxable = sum((fee_amt(f, P0) for f in fin if taxable(f)), F(0))
    step = F(t['installmentMultipleOf']) if 'installmentMultipleOf' in t else F(1, 10**sc)
    incl = tax.get('includedInInstallment', False) and 'interest' in tax['on']
    # principal parts and accrued interest
    parts, accr = [], []
    bal = P
    if method == 'flat':
        T = n / ppy(t['frequency']) if basis == 'period' else (F(d360(disb, dates[-1]), 360) if basis == '30/360' else F((dates[-1] - disb).days, 360 if basis == 'actual/360' else 365))
        total = R(P * r * T); per = R(P * r * T / n)
        level = rnd_mult((P + total - gp * per) / (n - gp), step, mode)
        for k in range(n):
            accr.append(total - per * (n - 1) if k == n - 1 else per)
            part = 0 if k < gp else (bal if k == n - 1 else level - per)
            parts.append(F(part)); bal -= part
    else:
        rest = fracs[gp:]
        g = 1 + tr if incl else F(1)
        if len(set(rest)) == 1:
            i = r * rest[0] * g; m = len(rest)
            A = P / m if i == 0 else P * i / (1 - (1 + i) ** -m)
        else:
            def final(a):
                b = P
                for f in rest: b = b * (1 + r * f * g) - a
                return b
            A = final(F(0)) / (final(F(0)) - final(F(1)))
        level = rnd_mult(A, step, mode)
        equal = R(P / (n - gp))
        for k in range(n):
            it = R(bal * r * fracs[k]); accr.append(it)
            if k < gp: part = F(0)
            elif k == n - 1: part = bal
            elif method == 'german': part = equal
            else: part = level - it - (R(it * tr) if incl else 0)
            parts.append(part); bal -= part
    rows, bal, deferred, pays = [], P, F(0), []
    per_inst = [f for f in fees if f['timing'] == 'per-installment']
    tot = dict(principal=F(0), interest=F(0), tax=F(0), fees=F(0))
    for k in range(n):
        if k < gi: deferred += accr[k]; interest = F(0)
        else: interest = accr[k] + deferred; deferred = F(0)
        fsum = F(0); ftax_base = fin_taxable if k == 0 else F(0)
        for f in per_inst:
            a = fee_amt(f, bal if f.get('of') == 'balance' else P); fsum += a
            if taxable(f): ftax_base += a
        ti = R(interest * tr) if 'interest' in tax['on'] else F(0)
        tf = R(ftax_base * tr) if 'fees' in tax['on'] else F(0)
        bal -= parts[k]
        pays.append(parts[k] + interest + fsum)
        tot['principal'] += parts[k]; tot['interest'] += interest; tot['tax'] += ti + tf; tot['fees'] += fsum
        rows.append(dict(number=k + 1, dueDate=dates[k].isoformat(), principal=s(parts[k], sc), interest=s(interest, sc), tax=s(ti + tf, sc),
                         fees=s(fsum, sc), total=s(parts[k] + interest + ti + tf + fsum, sc), balance=s(bal, sc), taxOnInterest=s(ti, sc), taxOnFees=s(tf, sc)))
    # CAT: bisection on the Banxico equation in Decimal
    # Periodic placement k/ppy unless every-N-days or a first due date other than the default.
    periodic = isinstance(t['frequency'], str) and not irregular
    times = [Decimal(k + 1) / Decimal(ppy(t['frequency']).numerator) for k in range(n)] if periodic else [Decimal((x - disb).days) / 365 for x in dates]
    net = Decimal(str(float(0))) + Decimal(P0.numerator) / Decimal(P0.denominator) - Decimal(ded.numerator) / ded.denominator - Decimal(up.numerator) / up.denominator
    B = [Decimal(p.numerator) / p.denominator for p in pays]
    def gap(i): return sum(b / (1 + i) ** tm for b, tm in zip(B, times)) - net
    lo, hi = Decimal('-0.99'), Decimal(1)
    while gap(hi) > 0: hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if gap(mid) > 0: lo = mid
        else: hi = mid
    cat = (lo * 100).quantize(Decimal('0.1'), rounding='ROUND_HALF_UP')
    grand = tot['principal'] + tot['interest'] + tot['tax'] + tot['fees']
    return dict(installments=rows, totals={k: s(v, sc) for k, v in tot.items()} | {'total': s(grand, sc)},
                disbursed=s(P0 - ded - ded_tax, sc), financed=s(P, sc), upfront=s(up + up_tax, sc), cat=str(cat))

CASES = {
  'french-weekly-period': dict(principal='10000.00', annualRate='0.60', installments=16, frequency='weekly', method='french', interestBasis='period', disbursementDate='2025-01-06', tax={'rate': '0.16', 'on': ['interest', 'fees']}, fees=[{'name': 'apertura', 'amount': '300.00', 'timing': 'deducted'}]),
  'french-biweekly-period-iva': dict(principal='8000.00', annualRate='0.85', installments=12, frequency='biweekly', disbursementDate='2025-03-03', tax={'rate': '0.16', 'on': ['interest']}),
  'french-semimonthly-actual360-irregular': dict(principal='15000.00', annualRate='0.48', installments=12, frequency='semimonthly', interestBasis='actual/360', disbursementDate='2025-01-06', firstDueDate='2025-01-31', tax={'rate': '0.16', 'on': ['interest']}),
  'french-monthly-actual365-month-end': dict(principal='20000.00', annualRate='0.36', installments=6, frequency='monthly', interestBasis='actual/365', disbursementDate='2024-12-31'),
  'french-monthly-30-360': dict(principal='12000.00', annualRate='0.42', installments=6, frequency='monthly', interestBasis='30/360', disbursementDate='2025-01-31'),
  'french-every10days-period': dict(principal='5000.00', annualRate='0.90', installments=9, frequency={'everyDays': 10}, disbursementDate='2025-02-01'),
  'french-monthly-multiple-of-5-half-up': dict(principal='15000.00', annualRate='0.55', installments=12, frequency='monthly', disbursementDate='2025-01-15', installmentMultipleOf='5', rounding='half-up'),
  'flat-weekly-period': dict(principal='6000.00', annualRate='0.70', installments=20, frequency='weekly', method='flat', disbursementDate='2025-01-06', tax={'rate': '0.16', 'on': ['interest', 'fees']}, fees=[{'name': 'apertura', 'percent': '0.03', 'timing': 'upfront'}]),
  'flat-monthly-actual360': dict(principal='10000.00', annualRate='0.36', installments=5, frequency='monthly', method='flat', interestBasis='actual/360', disbursementDate='2025-01-10'),
  'german-biweekly-period': dict(principal='9000.00', annualRate='0.65', installments=10, frequency='biweekly', method='german', disbursementDate='2025-01-06', tax={'rate': '0.16', 'on': ['interest']}),
  'german-monthly-actual360': dict(principal='30000.00', annualRate='0.30', installments=6, frequency='monthly', method='german', interestBasis='actual/360', disbursementDate='2025-01-31'),
  'bullet-every15days-actual360': dict(principal='3000.00', annualRate='1.20', installments=1, frequency={'everyDays': 15}, method='bullet', interestBasis='actual/360', disbursementDate='2025-01-10', firstDueDate='2025-01-31', tax={'rate': '0.16', 'on': ['interest', 'fees']}, fees=[{'name': 'disposición', 'amount': '150.00', 'timing': 'upfront'}]),
  'bullet-monthly-period': dict(principal='5000.00', annualRate='0.96', installments=1, frequency='monthly', method='bullet', disbursementDate='2025-01-31'),
  'french-weekly-grace': dict(principal='7000.00', annualRate='0.78', installments=10, frequency='weekly', disbursementDate='2025-01-06', graceInstallments={'principal': 2, 'interest': 1}, tax={'rate': '0.16', 'on': ['interest']}),
  'french-biweekly-iva-inclusive': dict(principal='10000.00', annualRate='0.60', installments=8, frequency='biweekly', disbursementDate='2025-01-06', tax={'rate': '0.16', 'on': ['interest'], 'includedInInstallment': True}),
  'french-weekly-financed-fee-per-installment': dict(principal='10000.00', annualRate='0.60', installments=8, frequency='weekly', disbursementDate='2025-01-06', tax={'rate': '0.16', 'on': ['interest', 'fees']}, fees=[{'name': 'apertura', 'percent': '0.05', 'max': '400.00', 'timing': 'financed'}, {'name': 'seguro', 'percent': '0.002', 'of': 'balance', 'min': '5.00', 'timing': 'per-installment', 'taxable': False}, {'name': 'administración', 'amount': '10.00', 'timing': 'per-installment'}]),
  'french-monthly-business-days-next': dict(principal='10000.00', annualRate='0.40', installments=12, frequency='monthly', interestBasis='actual/360', disbursementDate='2024-12-16', firstDueDate='2025-01-01', businessDays={'rule': 'next', 'calendar': 'mx'}),
  'german-weekly-business-days-previous-scale0': dict(principal='9999', annualRate='0.52', installments=7, frequency='weekly', method='german', interestBasis='actual/365', disbursementDate='2025-04-10', decimals=0, businessDays={'rule': 'previous'}),
}

if __name__ == '__main__':
    for name, terms in CASES.items():
        with open(os.path.join(HERE, f'{name}.json'), 'w') as fh:
            json.dump({'terms': terms, 'expected': derive(terms)}, fh, indent=2, ensure_ascii=False)
            fh.write('\n')
        print(name)
