// ../node_modules/.pnpm/decimal.js@10.6.0/node_modules/decimal.js/decimal.mjs
var EXP_LIMIT = 9e15;
var MAX_DIGITS = 1e9;
var NUMERALS = "0123456789abcdef";
var LN10 = "2.3025850929940456840179914546843642076011014886287729760333279009675726096773524802359972050895982983419677840422862486334095254650828067566662873690987816894829072083255546808437998948262331985283935053089653777326288461633662222876982198867465436674744042432743651550489343149393914796194044002221051017141748003688084012647080685567743216228355220114804663715659121373450747856947683463616792101806445070648000277502684916746550586856935673420670581136429224554405758925724208241314695689016758940256776311356919292033376587141660230105703089634572075440370847469940168269282808481184289314848524948644871927809676271275775397027668605952496716674183485704422507197965004714951050492214776567636938662976979522110718264549734772662425709429322582798502585509785265383207606726317164309505995087807523710333101197857547331541421808427543863591778117054309827482385045648019095610299291824318237525357709750539565187697510374970888692180205189339507238539205144634197265287286965110862571492198849978748873771345686209167058";
var PI = "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679821480865132823066470938446095505822317253594081284811174502841027019385211055596446229489549303819644288109756659334461284756482337867831652712019091456485669234603486104543266482133936072602491412737245870066063155881748815209209628292540917153643678925903600113305305488204665213841469519415116094330572703657595919530921861173819326117931051185480744623799627495673518857527248912279381830119491298336733624406566430860213949463952247371907021798609437027705392171762931767523846748184676694051320005681271452635608277857713427577896091736371787214684409012249534301465495853710507922796892589235420199561121290219608640344181598136297747713099605187072113499999983729780499510597317328160963185950244594553469083026425223082533446850352619311881710100031378387528865875332083814206171776691473035982534904287554687311595628638823537875937519577818577805321712268066130019278766111959092164201989380952572010654858632789";
var DEFAULTS = {
  // These values must be integers within the stated ranges (inclusive).
  // Most of these values can be changed at run-time using the `Decimal.config` method.
  // The maximum number of significant digits of the result of a calculation or base conversion.
  // E.g. `Decimal.config({ precision: 20 });`
  precision: 20,
  // 1 to MAX_DIGITS
  // The rounding mode used when rounding to `precision`.
  //
  // ROUND_UP         0 Away from zero.
  // ROUND_DOWN       1 Towards zero.
  // ROUND_CEIL       2 Towards +Infinity.
  // ROUND_FLOOR      3 Towards -Infinity.
  // ROUND_HALF_UP    4 Towards nearest neighbour. If equidistant, up.
  // ROUND_HALF_DOWN  5 Towards nearest neighbour. If equidistant, down.
  // ROUND_HALF_EVEN  6 Towards nearest neighbour. If equidistant, towards even neighbour.
  // ROUND_HALF_CEIL  7 Towards nearest neighbour. If equidistant, towards +Infinity.
  // ROUND_HALF_FLOOR 8 Towards nearest neighbour. If equidistant, towards -Infinity.
  //
  // E.g.
  // `Decimal.rounding = 4;`
  // `Decimal.rounding = Decimal.ROUND_HALF_UP;`
  rounding: 4,
  // 0 to 8
  // The modulo mode used when calculating the modulus: a mod n.
  // The quotient (q = a / n) is calculated according to the corresponding rounding mode.
  // The remainder (r) is calculated as: r = a - n * q.
  //
  // UP         0 The remainder is positive if the dividend is negative, else is negative.
  // DOWN       1 The remainder has the same sign as the dividend (JavaScript %).
  // FLOOR      3 The remainder has the same sign as the divisor (Python %).
  // HALF_EVEN  6 The IEEE 754 remainder function.
  // EUCLID     9 Euclidian division. q = sign(n) * floor(a / abs(n)). Always positive.
  //
  // Truncated division (1), floored division (3), the IEEE 754 remainder (6), and Euclidian
  // division (9) are commonly used for the modulus operation. The other rounding modes can also
  // be used, but they may not give useful results.
  modulo: 1,
  // 0 to 9
  // The exponent value at and beneath which `toString` returns exponential notation.
  // JavaScript numbers: -7
  toExpNeg: -7,
  // 0 to -EXP_LIMIT
  // The exponent value at and above which `toString` returns exponential notation.
  // JavaScript numbers: 21
  toExpPos: 21,
  // 0 to EXP_LIMIT
  // The minimum exponent value, beneath which underflow to zero occurs.
  // JavaScript numbers: -324  (5e-324)
  minE: -EXP_LIMIT,
  // -1 to -EXP_LIMIT
  // The maximum exponent value, above which overflow to Infinity occurs.
  // JavaScript numbers: 308  (1.7976931348623157e+308)
  maxE: EXP_LIMIT,
  // 1 to EXP_LIMIT
  // Whether to use cryptographically-secure random number generation, if available.
  crypto: false
  // true/false
};
var inexact;
var quadrant;
var external = true;
var decimalError = "[DecimalError] ";
var invalidArgument = decimalError + "Invalid argument: ";
var precisionLimitExceeded = decimalError + "Precision limit exceeded";
var cryptoUnavailable = decimalError + "crypto unavailable";
var tag = "[object Decimal]";
var mathfloor = Math.floor;
var mathpow = Math.pow;
var isBinary = /^0b([01]+(\.[01]*)?|\.[01]+)(p[+-]?\d+)?$/i;
var isHex = /^0x([0-9a-f]+(\.[0-9a-f]*)?|\.[0-9a-f]+)(p[+-]?\d+)?$/i;
var isOctal = /^0o([0-7]+(\.[0-7]*)?|\.[0-7]+)(p[+-]?\d+)?$/i;
var isDecimal = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
var BASE = 1e7;
var LOG_BASE = 7;
var MAX_SAFE_INTEGER = 9007199254740991;
var LN10_PRECISION = LN10.length - 1;
var PI_PRECISION = PI.length - 1;
var P = { toStringTag: tag };
P.absoluteValue = P.abs = function() {
  var x = new this.constructor(this);
  if (x.s < 0) x.s = 1;
  return finalise(x);
};
P.ceil = function() {
  return finalise(new this.constructor(this), this.e + 1, 2);
};
P.clampedTo = P.clamp = function(min2, max2) {
  var k, x = this, Ctor = x.constructor;
  min2 = new Ctor(min2);
  max2 = new Ctor(max2);
  if (!min2.s || !max2.s) return new Ctor(NaN);
  if (min2.gt(max2)) throw Error(invalidArgument + max2);
  k = x.cmp(min2);
  return k < 0 ? min2 : x.cmp(max2) > 0 ? max2 : new Ctor(x);
};
P.comparedTo = P.cmp = function(y) {
  var i, j, xdL, ydL, x = this, xd = x.d, yd = (y = new x.constructor(y)).d, xs = x.s, ys = y.s;
  if (!xd || !yd) {
    return !xs || !ys ? NaN : xs !== ys ? xs : xd === yd ? 0 : !xd ^ xs < 0 ? 1 : -1;
  }
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (x.e !== y.e) return x.e > y.e ^ xs < 0 ? 1 : -1;
  xdL = xd.length;
  ydL = yd.length;
  for (i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) {
    if (xd[i] !== yd[i]) return xd[i] > yd[i] ^ xs < 0 ? 1 : -1;
  }
  return xdL === ydL ? 0 : xdL > ydL ^ xs < 0 ? 1 : -1;
};
P.cosine = P.cos = function() {
  var pr, rm, x = this, Ctor = x.constructor;
  if (!x.d) return new Ctor(NaN);
  if (!x.d[0]) return new Ctor(1);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + LOG_BASE;
  Ctor.rounding = 1;
  x = cosine(Ctor, toLessThanHalfPi(Ctor, x));
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return finalise(quadrant == 2 || quadrant == 3 ? x.neg() : x, pr, rm, true);
};
P.cubeRoot = P.cbrt = function() {
  var e, m, n2, r, rep, s, sd, t, t3, t3plusx, x = this, Ctor = x.constructor;
  if (!x.isFinite() || x.isZero()) return new Ctor(x);
  external = false;
  s = x.s * mathpow(x.s * x, 1 / 3);
  if (!s || Math.abs(s) == 1 / 0) {
    n2 = digitsToString(x.d);
    e = x.e;
    if (s = (e - n2.length + 1) % 3) n2 += s == 1 || s == -2 ? "0" : "00";
    s = mathpow(n2, 1 / 3);
    e = mathfloor((e + 1) / 3) - (e % 3 == (e < 0 ? -1 : 2));
    if (s == 1 / 0) {
      n2 = "5e" + e;
    } else {
      n2 = s.toExponential();
      n2 = n2.slice(0, n2.indexOf("e") + 1) + e;
    }
    r = new Ctor(n2);
    r.s = x.s;
  } else {
    r = new Ctor(s.toString());
  }
  sd = (e = Ctor.precision) + 3;
  for (; ; ) {
    t = r;
    t3 = t.times(t).times(t);
    t3plusx = t3.plus(x);
    r = divide(t3plusx.plus(x).times(t), t3plusx.plus(t3), sd + 2, 1);
    if (digitsToString(t.d).slice(0, sd) === (n2 = digitsToString(r.d)).slice(0, sd)) {
      n2 = n2.slice(sd - 3, sd + 1);
      if (n2 == "9999" || !rep && n2 == "4999") {
        if (!rep) {
          finalise(t, e + 1, 0);
          if (t.times(t).times(t).eq(x)) {
            r = t;
            break;
          }
        }
        sd += 4;
        rep = 1;
      } else {
        if (!+n2 || !+n2.slice(1) && n2.charAt(0) == "5") {
          finalise(r, e + 1, 1);
          m = !r.times(r).times(r).eq(x);
        }
        break;
      }
    }
  }
  external = true;
  return finalise(r, e, Ctor.rounding, m);
};
P.decimalPlaces = P.dp = function() {
  var w, d2 = this.d, n2 = NaN;
  if (d2) {
    w = d2.length - 1;
    n2 = (w - mathfloor(this.e / LOG_BASE)) * LOG_BASE;
    w = d2[w];
    if (w) for (; w % 10 == 0; w /= 10) n2--;
    if (n2 < 0) n2 = 0;
  }
  return n2;
};
P.dividedBy = P.div = function(y) {
  return divide(this, new this.constructor(y));
};
P.dividedToIntegerBy = P.divToInt = function(y) {
  var x = this, Ctor = x.constructor;
  return finalise(divide(x, new Ctor(y), 0, 1, 1), Ctor.precision, Ctor.rounding);
};
P.equals = P.eq = function(y) {
  return this.cmp(y) === 0;
};
P.floor = function() {
  return finalise(new this.constructor(this), this.e + 1, 3);
};
P.greaterThan = P.gt = function(y) {
  return this.cmp(y) > 0;
};
P.greaterThanOrEqualTo = P.gte = function(y) {
  var k = this.cmp(y);
  return k == 1 || k === 0;
};
P.hyperbolicCosine = P.cosh = function() {
  var k, n2, pr, rm, len, x = this, Ctor = x.constructor, one = new Ctor(1);
  if (!x.isFinite()) return new Ctor(x.s ? 1 / 0 : NaN);
  if (x.isZero()) return one;
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + 4;
  Ctor.rounding = 1;
  len = x.d.length;
  if (len < 32) {
    k = Math.ceil(len / 3);
    n2 = (1 / tinyPow(4, k)).toString();
  } else {
    k = 16;
    n2 = "2.3283064365386962890625e-10";
  }
  x = taylorSeries(Ctor, 1, x.times(n2), new Ctor(1), true);
  var cosh2_x, i = k, d8 = new Ctor(8);
  for (; i--; ) {
    cosh2_x = x.times(x);
    x = one.minus(cosh2_x.times(d8.minus(cosh2_x.times(d8))));
  }
  return finalise(x, Ctor.precision = pr, Ctor.rounding = rm, true);
};
P.hyperbolicSine = P.sinh = function() {
  var k, pr, rm, len, x = this, Ctor = x.constructor;
  if (!x.isFinite() || x.isZero()) return new Ctor(x);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + 4;
  Ctor.rounding = 1;
  len = x.d.length;
  if (len < 3) {
    x = taylorSeries(Ctor, 2, x, x, true);
  } else {
    k = 1.4 * Math.sqrt(len);
    k = k > 16 ? 16 : k | 0;
    x = x.times(1 / tinyPow(5, k));
    x = taylorSeries(Ctor, 2, x, x, true);
    var sinh2_x, d5 = new Ctor(5), d16 = new Ctor(16), d20 = new Ctor(20);
    for (; k--; ) {
      sinh2_x = x.times(x);
      x = x.times(d5.plus(sinh2_x.times(d16.times(sinh2_x).plus(d20))));
    }
  }
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return finalise(x, pr, rm, true);
};
P.hyperbolicTangent = P.tanh = function() {
  var pr, rm, x = this, Ctor = x.constructor;
  if (!x.isFinite()) return new Ctor(x.s);
  if (x.isZero()) return new Ctor(x);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + 7;
  Ctor.rounding = 1;
  return divide(x.sinh(), x.cosh(), Ctor.precision = pr, Ctor.rounding = rm);
};
P.inverseCosine = P.acos = function() {
  var x = this, Ctor = x.constructor, k = x.abs().cmp(1), pr = Ctor.precision, rm = Ctor.rounding;
  if (k !== -1) {
    return k === 0 ? x.isNeg() ? getPi(Ctor, pr, rm) : new Ctor(0) : new Ctor(NaN);
  }
  if (x.isZero()) return getPi(Ctor, pr + 4, rm).times(0.5);
  Ctor.precision = pr + 6;
  Ctor.rounding = 1;
  x = new Ctor(1).minus(x).div(x.plus(1)).sqrt().atan();
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return x.times(2);
};
P.inverseHyperbolicCosine = P.acosh = function() {
  var pr, rm, x = this, Ctor = x.constructor;
  if (x.lte(1)) return new Ctor(x.eq(1) ? 0 : NaN);
  if (!x.isFinite()) return new Ctor(x);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(Math.abs(x.e), x.sd()) + 4;
  Ctor.rounding = 1;
  external = false;
  x = x.times(x).minus(1).sqrt().plus(x);
  external = true;
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return x.ln();
};
P.inverseHyperbolicSine = P.asinh = function() {
  var pr, rm, x = this, Ctor = x.constructor;
  if (!x.isFinite() || x.isZero()) return new Ctor(x);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + 2 * Math.max(Math.abs(x.e), x.sd()) + 6;
  Ctor.rounding = 1;
  external = false;
  x = x.times(x).plus(1).sqrt().plus(x);
  external = true;
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return x.ln();
};
P.inverseHyperbolicTangent = P.atanh = function() {
  var pr, rm, wpr, xsd, x = this, Ctor = x.constructor;
  if (!x.isFinite()) return new Ctor(NaN);
  if (x.e >= 0) return new Ctor(x.abs().eq(1) ? x.s / 0 : x.isZero() ? x : NaN);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  xsd = x.sd();
  if (Math.max(xsd, pr) < 2 * -x.e - 1) return finalise(new Ctor(x), pr, rm, true);
  Ctor.precision = wpr = xsd - x.e;
  x = divide(x.plus(1), new Ctor(1).minus(x), wpr + pr, 1);
  Ctor.precision = pr + 4;
  Ctor.rounding = 1;
  x = x.ln();
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return x.times(0.5);
};
P.inverseSine = P.asin = function() {
  var halfPi, k, pr, rm, x = this, Ctor = x.constructor;
  if (x.isZero()) return new Ctor(x);
  k = x.abs().cmp(1);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  if (k !== -1) {
    if (k === 0) {
      halfPi = getPi(Ctor, pr + 4, rm).times(0.5);
      halfPi.s = x.s;
      return halfPi;
    }
    return new Ctor(NaN);
  }
  Ctor.precision = pr + 6;
  Ctor.rounding = 1;
  x = x.div(new Ctor(1).minus(x.times(x)).sqrt().plus(1)).atan();
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return x.times(2);
};
P.inverseTangent = P.atan = function() {
  var i, j, k, n2, px, t, r, wpr, x2, x = this, Ctor = x.constructor, pr = Ctor.precision, rm = Ctor.rounding;
  if (!x.isFinite()) {
    if (!x.s) return new Ctor(NaN);
    if (pr + 4 <= PI_PRECISION) {
      r = getPi(Ctor, pr + 4, rm).times(0.5);
      r.s = x.s;
      return r;
    }
  } else if (x.isZero()) {
    return new Ctor(x);
  } else if (x.abs().eq(1) && pr + 4 <= PI_PRECISION) {
    r = getPi(Ctor, pr + 4, rm).times(0.25);
    r.s = x.s;
    return r;
  }
  Ctor.precision = wpr = pr + 10;
  Ctor.rounding = 1;
  k = Math.min(28, wpr / LOG_BASE + 2 | 0);
  for (i = k; i; --i) x = x.div(x.times(x).plus(1).sqrt().plus(1));
  external = false;
  j = Math.ceil(wpr / LOG_BASE);
  n2 = 1;
  x2 = x.times(x);
  r = new Ctor(x);
  px = x;
  for (; i !== -1; ) {
    px = px.times(x2);
    t = r.minus(px.div(n2 += 2));
    px = px.times(x2);
    r = t.plus(px.div(n2 += 2));
    if (r.d[j] !== void 0) for (i = j; r.d[i] === t.d[i] && i--; ) ;
  }
  if (k) r = r.times(2 << k - 1);
  external = true;
  return finalise(r, Ctor.precision = pr, Ctor.rounding = rm, true);
};
P.isFinite = function() {
  return !!this.d;
};
P.isInteger = P.isInt = function() {
  return !!this.d && mathfloor(this.e / LOG_BASE) > this.d.length - 2;
};
P.isNaN = function() {
  return !this.s;
};
P.isNegative = P.isNeg = function() {
  return this.s < 0;
};
P.isPositive = P.isPos = function() {
  return this.s > 0;
};
P.isZero = function() {
  return !!this.d && this.d[0] === 0;
};
P.lessThan = P.lt = function(y) {
  return this.cmp(y) < 0;
};
P.lessThanOrEqualTo = P.lte = function(y) {
  return this.cmp(y) < 1;
};
P.logarithm = P.log = function(base) {
  var isBase10, d2, denominator, k, inf, num, sd, r, arg = this, Ctor = arg.constructor, pr = Ctor.precision, rm = Ctor.rounding, guard = 5;
  if (base == null) {
    base = new Ctor(10);
    isBase10 = true;
  } else {
    base = new Ctor(base);
    d2 = base.d;
    if (base.s < 0 || !d2 || !d2[0] || base.eq(1)) return new Ctor(NaN);
    isBase10 = base.eq(10);
  }
  d2 = arg.d;
  if (arg.s < 0 || !d2 || !d2[0] || arg.eq(1)) {
    return new Ctor(d2 && !d2[0] ? -1 / 0 : arg.s != 1 ? NaN : d2 ? 0 : 1 / 0);
  }
  if (isBase10) {
    if (d2.length > 1) {
      inf = true;
    } else {
      for (k = d2[0]; k % 10 === 0; ) k /= 10;
      inf = k !== 1;
    }
  }
  external = false;
  sd = pr + guard;
  num = naturalLogarithm(arg, sd);
  denominator = isBase10 ? getLn10(Ctor, sd + 10) : naturalLogarithm(base, sd);
  r = divide(num, denominator, sd, 1);
  if (checkRoundingDigits(r.d, k = pr, rm)) {
    do {
      sd += 10;
      num = naturalLogarithm(arg, sd);
      denominator = isBase10 ? getLn10(Ctor, sd + 10) : naturalLogarithm(base, sd);
      r = divide(num, denominator, sd, 1);
      if (!inf) {
        if (+digitsToString(r.d).slice(k + 1, k + 15) + 1 == 1e14) {
          r = finalise(r, pr + 1, 0);
        }
        break;
      }
    } while (checkRoundingDigits(r.d, k += 10, rm));
  }
  external = true;
  return finalise(r, pr, rm);
};
P.minus = P.sub = function(y) {
  var d2, e, i, j, k, len, pr, rm, xd, xe, xLTy, yd, x = this, Ctor = x.constructor;
  y = new Ctor(y);
  if (!x.d || !y.d) {
    if (!x.s || !y.s) y = new Ctor(NaN);
    else if (x.d) y.s = -y.s;
    else y = new Ctor(y.d || x.s !== y.s ? x : NaN);
    return y;
  }
  if (x.s != y.s) {
    y.s = -y.s;
    return x.plus(y);
  }
  xd = x.d;
  yd = y.d;
  pr = Ctor.precision;
  rm = Ctor.rounding;
  if (!xd[0] || !yd[0]) {
    if (yd[0]) y.s = -y.s;
    else if (xd[0]) y = new Ctor(x);
    else return new Ctor(rm === 3 ? -0 : 0);
    return external ? finalise(y, pr, rm) : y;
  }
  e = mathfloor(y.e / LOG_BASE);
  xe = mathfloor(x.e / LOG_BASE);
  xd = xd.slice();
  k = xe - e;
  if (k) {
    xLTy = k < 0;
    if (xLTy) {
      d2 = xd;
      k = -k;
      len = yd.length;
    } else {
      d2 = yd;
      e = xe;
      len = xd.length;
    }
    i = Math.max(Math.ceil(pr / LOG_BASE), len) + 2;
    if (k > i) {
      k = i;
      d2.length = 1;
    }
    d2.reverse();
    for (i = k; i--; ) d2.push(0);
    d2.reverse();
  } else {
    i = xd.length;
    len = yd.length;
    xLTy = i < len;
    if (xLTy) len = i;
    for (i = 0; i < len; i++) {
      if (xd[i] != yd[i]) {
        xLTy = xd[i] < yd[i];
        break;
      }
    }
    k = 0;
  }
  if (xLTy) {
    d2 = xd;
    xd = yd;
    yd = d2;
    y.s = -y.s;
  }
  len = xd.length;
  for (i = yd.length - len; i > 0; --i) xd[len++] = 0;
  for (i = yd.length; i > k; ) {
    if (xd[--i] < yd[i]) {
      for (j = i; j && xd[--j] === 0; ) xd[j] = BASE - 1;
      --xd[j];
      xd[i] += BASE;
    }
    xd[i] -= yd[i];
  }
  for (; xd[--len] === 0; ) xd.pop();
  for (; xd[0] === 0; xd.shift()) --e;
  if (!xd[0]) return new Ctor(rm === 3 ? -0 : 0);
  y.d = xd;
  y.e = getBase10Exponent(xd, e);
  return external ? finalise(y, pr, rm) : y;
};
P.modulo = P.mod = function(y) {
  var q, x = this, Ctor = x.constructor;
  y = new Ctor(y);
  if (!x.d || !y.s || y.d && !y.d[0]) return new Ctor(NaN);
  if (!y.d || x.d && !x.d[0]) {
    return finalise(new Ctor(x), Ctor.precision, Ctor.rounding);
  }
  external = false;
  if (Ctor.modulo == 9) {
    q = divide(x, y.abs(), 0, 3, 1);
    q.s *= y.s;
  } else {
    q = divide(x, y, 0, Ctor.modulo, 1);
  }
  q = q.times(y);
  external = true;
  return x.minus(q);
};
P.naturalExponential = P.exp = function() {
  return naturalExponential(this);
};
P.naturalLogarithm = P.ln = function() {
  return naturalLogarithm(this);
};
P.negated = P.neg = function() {
  var x = new this.constructor(this);
  x.s = -x.s;
  return finalise(x);
};
P.plus = P.add = function(y) {
  var carry, d2, e, i, k, len, pr, rm, xd, yd, x = this, Ctor = x.constructor;
  y = new Ctor(y);
  if (!x.d || !y.d) {
    if (!x.s || !y.s) y = new Ctor(NaN);
    else if (!x.d) y = new Ctor(y.d || x.s === y.s ? x : NaN);
    return y;
  }
  if (x.s != y.s) {
    y.s = -y.s;
    return x.minus(y);
  }
  xd = x.d;
  yd = y.d;
  pr = Ctor.precision;
  rm = Ctor.rounding;
  if (!xd[0] || !yd[0]) {
    if (!yd[0]) y = new Ctor(x);
    return external ? finalise(y, pr, rm) : y;
  }
  k = mathfloor(x.e / LOG_BASE);
  e = mathfloor(y.e / LOG_BASE);
  xd = xd.slice();
  i = k - e;
  if (i) {
    if (i < 0) {
      d2 = xd;
      i = -i;
      len = yd.length;
    } else {
      d2 = yd;
      e = k;
      len = xd.length;
    }
    k = Math.ceil(pr / LOG_BASE);
    len = k > len ? k + 1 : len + 1;
    if (i > len) {
      i = len;
      d2.length = 1;
    }
    d2.reverse();
    for (; i--; ) d2.push(0);
    d2.reverse();
  }
  len = xd.length;
  i = yd.length;
  if (len - i < 0) {
    i = len;
    d2 = yd;
    yd = xd;
    xd = d2;
  }
  for (carry = 0; i; ) {
    carry = (xd[--i] = xd[i] + yd[i] + carry) / BASE | 0;
    xd[i] %= BASE;
  }
  if (carry) {
    xd.unshift(carry);
    ++e;
  }
  for (len = xd.length; xd[--len] == 0; ) xd.pop();
  y.d = xd;
  y.e = getBase10Exponent(xd, e);
  return external ? finalise(y, pr, rm) : y;
};
P.precision = P.sd = function(z) {
  var k, x = this;
  if (z !== void 0 && z !== !!z && z !== 1 && z !== 0) throw Error(invalidArgument + z);
  if (x.d) {
    k = getPrecision(x.d);
    if (z && x.e + 1 > k) k = x.e + 1;
  } else {
    k = NaN;
  }
  return k;
};
P.round = function() {
  var x = this, Ctor = x.constructor;
  return finalise(new Ctor(x), x.e + 1, Ctor.rounding);
};
P.sine = P.sin = function() {
  var pr, rm, x = this, Ctor = x.constructor;
  if (!x.isFinite()) return new Ctor(NaN);
  if (x.isZero()) return new Ctor(x);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + LOG_BASE;
  Ctor.rounding = 1;
  x = sine(Ctor, toLessThanHalfPi(Ctor, x));
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return finalise(quadrant > 2 ? x.neg() : x, pr, rm, true);
};
P.squareRoot = P.sqrt = function() {
  var m, n2, sd, r, rep, t, x = this, d2 = x.d, e = x.e, s = x.s, Ctor = x.constructor;
  if (s !== 1 || !d2 || !d2[0]) {
    return new Ctor(!s || s < 0 && (!d2 || d2[0]) ? NaN : d2 ? x : 1 / 0);
  }
  external = false;
  s = Math.sqrt(+x);
  if (s == 0 || s == 1 / 0) {
    n2 = digitsToString(d2);
    if ((n2.length + e) % 2 == 0) n2 += "0";
    s = Math.sqrt(n2);
    e = mathfloor((e + 1) / 2) - (e < 0 || e % 2);
    if (s == 1 / 0) {
      n2 = "5e" + e;
    } else {
      n2 = s.toExponential();
      n2 = n2.slice(0, n2.indexOf("e") + 1) + e;
    }
    r = new Ctor(n2);
  } else {
    r = new Ctor(s.toString());
  }
  sd = (e = Ctor.precision) + 3;
  for (; ; ) {
    t = r;
    r = t.plus(divide(x, t, sd + 2, 1)).times(0.5);
    if (digitsToString(t.d).slice(0, sd) === (n2 = digitsToString(r.d)).slice(0, sd)) {
      n2 = n2.slice(sd - 3, sd + 1);
      if (n2 == "9999" || !rep && n2 == "4999") {
        if (!rep) {
          finalise(t, e + 1, 0);
          if (t.times(t).eq(x)) {
            r = t;
            break;
          }
        }
        sd += 4;
        rep = 1;
      } else {
        if (!+n2 || !+n2.slice(1) && n2.charAt(0) == "5") {
          finalise(r, e + 1, 1);
          m = !r.times(r).eq(x);
        }
        break;
      }
    }
  }
  external = true;
  return finalise(r, e, Ctor.rounding, m);
};
P.tangent = P.tan = function() {
  var pr, rm, x = this, Ctor = x.constructor;
  if (!x.isFinite()) return new Ctor(NaN);
  if (x.isZero()) return new Ctor(x);
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + 10;
  Ctor.rounding = 1;
  x = x.sin();
  x.s = 1;
  x = divide(x, new Ctor(1).minus(x.times(x)).sqrt(), pr + 10, 0);
  Ctor.precision = pr;
  Ctor.rounding = rm;
  return finalise(quadrant == 2 || quadrant == 4 ? x.neg() : x, pr, rm, true);
};
P.times = P.mul = function(y) {
  var carry, e, i, k, r, rL, t, xdL, ydL, x = this, Ctor = x.constructor, xd = x.d, yd = (y = new Ctor(y)).d;
  y.s *= x.s;
  if (!xd || !xd[0] || !yd || !yd[0]) {
    return new Ctor(!y.s || xd && !xd[0] && !yd || yd && !yd[0] && !xd ? NaN : !xd || !yd ? y.s / 0 : y.s * 0);
  }
  e = mathfloor(x.e / LOG_BASE) + mathfloor(y.e / LOG_BASE);
  xdL = xd.length;
  ydL = yd.length;
  if (xdL < ydL) {
    r = xd;
    xd = yd;
    yd = r;
    rL = xdL;
    xdL = ydL;
    ydL = rL;
  }
  r = [];
  rL = xdL + ydL;
  for (i = rL; i--; ) r.push(0);
  for (i = ydL; --i >= 0; ) {
    carry = 0;
    for (k = xdL + i; k > i; ) {
      t = r[k] + yd[i] * xd[k - i - 1] + carry;
      r[k--] = t % BASE | 0;
      carry = t / BASE | 0;
    }
    r[k] = (r[k] + carry) % BASE | 0;
  }
  for (; !r[--rL]; ) r.pop();
  if (carry) ++e;
  else r.shift();
  y.d = r;
  y.e = getBase10Exponent(r, e);
  return external ? finalise(y, Ctor.precision, Ctor.rounding) : y;
};
P.toBinary = function(sd, rm) {
  return toStringBinary(this, 2, sd, rm);
};
P.toDecimalPlaces = P.toDP = function(dp, rm) {
  var x = this, Ctor = x.constructor;
  x = new Ctor(x);
  if (dp === void 0) return x;
  checkInt32(dp, 0, MAX_DIGITS);
  if (rm === void 0) rm = Ctor.rounding;
  else checkInt32(rm, 0, 8);
  return finalise(x, dp + x.e + 1, rm);
};
P.toExponential = function(dp, rm) {
  var str, x = this, Ctor = x.constructor;
  if (dp === void 0) {
    str = finiteToString(x, true);
  } else {
    checkInt32(dp, 0, MAX_DIGITS);
    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);
    x = finalise(new Ctor(x), dp + 1, rm);
    str = finiteToString(x, true, dp + 1);
  }
  return x.isNeg() && !x.isZero() ? "-" + str : str;
};
P.toFixed = function(dp, rm) {
  var str, y, x = this, Ctor = x.constructor;
  if (dp === void 0) {
    str = finiteToString(x);
  } else {
    checkInt32(dp, 0, MAX_DIGITS);
    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);
    y = finalise(new Ctor(x), dp + x.e + 1, rm);
    str = finiteToString(y, false, dp + y.e + 1);
  }
  return x.isNeg() && !x.isZero() ? "-" + str : str;
};
P.toFraction = function(maxD) {
  var d2, d0, d1, d22, e, k, n2, n0, n1, pr, q, r, x = this, xd = x.d, Ctor = x.constructor;
  if (!xd) return new Ctor(x);
  n1 = d0 = new Ctor(1);
  d1 = n0 = new Ctor(0);
  d2 = new Ctor(d1);
  e = d2.e = getPrecision(xd) - x.e - 1;
  k = e % LOG_BASE;
  d2.d[0] = mathpow(10, k < 0 ? LOG_BASE + k : k);
  if (maxD == null) {
    maxD = e > 0 ? d2 : n1;
  } else {
    n2 = new Ctor(maxD);
    if (!n2.isInt() || n2.lt(n1)) throw Error(invalidArgument + n2);
    maxD = n2.gt(d2) ? e > 0 ? d2 : n1 : n2;
  }
  external = false;
  n2 = new Ctor(digitsToString(xd));
  pr = Ctor.precision;
  Ctor.precision = e = xd.length * LOG_BASE * 2;
  for (; ; ) {
    q = divide(n2, d2, 0, 1, 1);
    d22 = d0.plus(q.times(d1));
    if (d22.cmp(maxD) == 1) break;
    d0 = d1;
    d1 = d22;
    d22 = n1;
    n1 = n0.plus(q.times(d22));
    n0 = d22;
    d22 = d2;
    d2 = n2.minus(q.times(d22));
    n2 = d22;
  }
  d22 = divide(maxD.minus(d0), d1, 0, 1, 1);
  n0 = n0.plus(d22.times(n1));
  d0 = d0.plus(d22.times(d1));
  n0.s = n1.s = x.s;
  r = divide(n1, d1, e, 1).minus(x).abs().cmp(divide(n0, d0, e, 1).minus(x).abs()) < 1 ? [n1, d1] : [n0, d0];
  Ctor.precision = pr;
  external = true;
  return r;
};
P.toHexadecimal = P.toHex = function(sd, rm) {
  return toStringBinary(this, 16, sd, rm);
};
P.toNearest = function(y, rm) {
  var x = this, Ctor = x.constructor;
  x = new Ctor(x);
  if (y == null) {
    if (!x.d) return x;
    y = new Ctor(1);
    rm = Ctor.rounding;
  } else {
    y = new Ctor(y);
    if (rm === void 0) {
      rm = Ctor.rounding;
    } else {
      checkInt32(rm, 0, 8);
    }
    if (!x.d) return y.s ? x : y;
    if (!y.d) {
      if (y.s) y.s = x.s;
      return y;
    }
  }
  if (y.d[0]) {
    external = false;
    x = divide(x, y, 0, rm, 1).times(y);
    external = true;
    finalise(x);
  } else {
    y.s = x.s;
    x = y;
  }
  return x;
};
P.toNumber = function() {
  return +this;
};
P.toOctal = function(sd, rm) {
  return toStringBinary(this, 8, sd, rm);
};
P.toPower = P.pow = function(y) {
  var e, k, pr, r, rm, s, x = this, Ctor = x.constructor, yn = +(y = new Ctor(y));
  if (!x.d || !y.d || !x.d[0] || !y.d[0]) return new Ctor(mathpow(+x, yn));
  x = new Ctor(x);
  if (x.eq(1)) return x;
  pr = Ctor.precision;
  rm = Ctor.rounding;
  if (y.eq(1)) return finalise(x, pr, rm);
  e = mathfloor(y.e / LOG_BASE);
  if (e >= y.d.length - 1 && (k = yn < 0 ? -yn : yn) <= MAX_SAFE_INTEGER) {
    r = intPow(Ctor, x, k, pr);
    return y.s < 0 ? new Ctor(1).div(r) : finalise(r, pr, rm);
  }
  s = x.s;
  if (s < 0) {
    if (e < y.d.length - 1) return new Ctor(NaN);
    if ((y.d[e] & 1) == 0) s = 1;
    if (x.e == 0 && x.d[0] == 1 && x.d.length == 1) {
      x.s = s;
      return x;
    }
  }
  k = mathpow(+x, yn);
  e = k == 0 || !isFinite(k) ? mathfloor(yn * (Math.log("0." + digitsToString(x.d)) / Math.LN10 + x.e + 1)) : new Ctor(k + "").e;
  if (e > Ctor.maxE + 1 || e < Ctor.minE - 1) return new Ctor(e > 0 ? s / 0 : 0);
  external = false;
  Ctor.rounding = x.s = 1;
  k = Math.min(12, (e + "").length);
  r = naturalExponential(y.times(naturalLogarithm(x, pr + k)), pr);
  if (r.d) {
    r = finalise(r, pr + 5, 1);
    if (checkRoundingDigits(r.d, pr, rm)) {
      e = pr + 10;
      r = finalise(naturalExponential(y.times(naturalLogarithm(x, e + k)), e), e + 5, 1);
      if (+digitsToString(r.d).slice(pr + 1, pr + 15) + 1 == 1e14) {
        r = finalise(r, pr + 1, 0);
      }
    }
  }
  r.s = s;
  external = true;
  Ctor.rounding = rm;
  return finalise(r, pr, rm);
};
P.toPrecision = function(sd, rm) {
  var str, x = this, Ctor = x.constructor;
  if (sd === void 0) {
    str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);
  } else {
    checkInt32(sd, 1, MAX_DIGITS);
    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);
    x = finalise(new Ctor(x), sd, rm);
    str = finiteToString(x, sd <= x.e || x.e <= Ctor.toExpNeg, sd);
  }
  return x.isNeg() && !x.isZero() ? "-" + str : str;
};
P.toSignificantDigits = P.toSD = function(sd, rm) {
  var x = this, Ctor = x.constructor;
  if (sd === void 0) {
    sd = Ctor.precision;
    rm = Ctor.rounding;
  } else {
    checkInt32(sd, 1, MAX_DIGITS);
    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);
  }
  return finalise(new Ctor(x), sd, rm);
};
P.toString = function() {
  var x = this, Ctor = x.constructor, str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);
  return x.isNeg() && !x.isZero() ? "-" + str : str;
};
P.truncated = P.trunc = function() {
  return finalise(new this.constructor(this), this.e + 1, 1);
};
P.valueOf = P.toJSON = function() {
  var x = this, Ctor = x.constructor, str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);
  return x.isNeg() ? "-" + str : str;
};
function digitsToString(d2) {
  var i, k, ws, indexOfLastWord = d2.length - 1, str = "", w = d2[0];
  if (indexOfLastWord > 0) {
    str += w;
    for (i = 1; i < indexOfLastWord; i++) {
      ws = d2[i] + "";
      k = LOG_BASE - ws.length;
      if (k) str += getZeroString(k);
      str += ws;
    }
    w = d2[i];
    ws = w + "";
    k = LOG_BASE - ws.length;
    if (k) str += getZeroString(k);
  } else if (w === 0) {
    return "0";
  }
  for (; w % 10 === 0; ) w /= 10;
  return str + w;
}
function checkInt32(i, min2, max2) {
  if (i !== ~~i || i < min2 || i > max2) {
    throw Error(invalidArgument + i);
  }
}
function checkRoundingDigits(d2, i, rm, repeating) {
  var di, k, r, rd;
  for (k = d2[0]; k >= 10; k /= 10) --i;
  if (--i < 0) {
    i += LOG_BASE;
    di = 0;
  } else {
    di = Math.ceil((i + 1) / LOG_BASE);
    i %= LOG_BASE;
  }
  k = mathpow(10, LOG_BASE - i);
  rd = d2[di] % k | 0;
  if (repeating == null) {
    if (i < 3) {
      if (i == 0) rd = rd / 100 | 0;
      else if (i == 1) rd = rd / 10 | 0;
      r = rm < 4 && rd == 99999 || rm > 3 && rd == 49999 || rd == 5e4 || rd == 0;
    } else {
      r = (rm < 4 && rd + 1 == k || rm > 3 && rd + 1 == k / 2) && (d2[di + 1] / k / 100 | 0) == mathpow(10, i - 2) - 1 || (rd == k / 2 || rd == 0) && (d2[di + 1] / k / 100 | 0) == 0;
    }
  } else {
    if (i < 4) {
      if (i == 0) rd = rd / 1e3 | 0;
      else if (i == 1) rd = rd / 100 | 0;
      else if (i == 2) rd = rd / 10 | 0;
      r = (repeating || rm < 4) && rd == 9999 || !repeating && rm > 3 && rd == 4999;
    } else {
      r = ((repeating || rm < 4) && rd + 1 == k || !repeating && rm > 3 && rd + 1 == k / 2) && (d2[di + 1] / k / 1e3 | 0) == mathpow(10, i - 3) - 1;
    }
  }
  return r;
}
function convertBase(str, baseIn, baseOut) {
  var j, arr = [0], arrL, i = 0, strL = str.length;
  for (; i < strL; ) {
    for (arrL = arr.length; arrL--; ) arr[arrL] *= baseIn;
    arr[0] += NUMERALS.indexOf(str.charAt(i++));
    for (j = 0; j < arr.length; j++) {
      if (arr[j] > baseOut - 1) {
        if (arr[j + 1] === void 0) arr[j + 1] = 0;
        arr[j + 1] += arr[j] / baseOut | 0;
        arr[j] %= baseOut;
      }
    }
  }
  return arr.reverse();
}
function cosine(Ctor, x) {
  var k, len, y;
  if (x.isZero()) return x;
  len = x.d.length;
  if (len < 32) {
    k = Math.ceil(len / 3);
    y = (1 / tinyPow(4, k)).toString();
  } else {
    k = 16;
    y = "2.3283064365386962890625e-10";
  }
  Ctor.precision += k;
  x = taylorSeries(Ctor, 1, x.times(y), new Ctor(1));
  for (var i = k; i--; ) {
    var cos2x = x.times(x);
    x = cos2x.times(cos2x).minus(cos2x).times(8).plus(1);
  }
  Ctor.precision -= k;
  return x;
}
var divide = /* @__PURE__ */ (function() {
  function multiplyInteger(x, k, base) {
    var temp, carry = 0, i = x.length;
    for (x = x.slice(); i--; ) {
      temp = x[i] * k + carry;
      x[i] = temp % base | 0;
      carry = temp / base | 0;
    }
    if (carry) x.unshift(carry);
    return x;
  }
  function compare(a, b, aL, bL) {
    var i, r;
    if (aL != bL) {
      r = aL > bL ? 1 : -1;
    } else {
      for (i = r = 0; i < aL; i++) {
        if (a[i] != b[i]) {
          r = a[i] > b[i] ? 1 : -1;
          break;
        }
      }
    }
    return r;
  }
  function subtract2(a, b, aL, base) {
    var i = 0;
    for (; aL--; ) {
      a[aL] -= i;
      i = a[aL] < b[aL] ? 1 : 0;
      a[aL] = i * base + a[aL] - b[aL];
    }
    for (; !a[0] && a.length > 1; ) a.shift();
  }
  return function(x, y, pr, rm, dp, base) {
    var cmp, e, i, k, logBase, more, prod, prodL, q, qd, rem, remL, rem0, sd, t, xi, xL, yd0, yL, yz, Ctor = x.constructor, sign2 = x.s == y.s ? 1 : -1, xd = x.d, yd = y.d;
    if (!xd || !xd[0] || !yd || !yd[0]) {
      return new Ctor(
        // Return NaN if either NaN, or both Infinity or 0.
        !x.s || !y.s || (xd ? yd && xd[0] == yd[0] : !yd) ? NaN : (
          // Return ±0 if x is 0 or y is ±Infinity, or return ±Infinity as y is 0.
          xd && xd[0] == 0 || !yd ? sign2 * 0 : sign2 / 0
        )
      );
    }
    if (base) {
      logBase = 1;
      e = x.e - y.e;
    } else {
      base = BASE;
      logBase = LOG_BASE;
      e = mathfloor(x.e / logBase) - mathfloor(y.e / logBase);
    }
    yL = yd.length;
    xL = xd.length;
    q = new Ctor(sign2);
    qd = q.d = [];
    for (i = 0; yd[i] == (xd[i] || 0); i++) ;
    if (yd[i] > (xd[i] || 0)) e--;
    if (pr == null) {
      sd = pr = Ctor.precision;
      rm = Ctor.rounding;
    } else if (dp) {
      sd = pr + (x.e - y.e) + 1;
    } else {
      sd = pr;
    }
    if (sd < 0) {
      qd.push(1);
      more = true;
    } else {
      sd = sd / logBase + 2 | 0;
      i = 0;
      if (yL == 1) {
        k = 0;
        yd = yd[0];
        sd++;
        for (; (i < xL || k) && sd--; i++) {
          t = k * base + (xd[i] || 0);
          qd[i] = t / yd | 0;
          k = t % yd | 0;
        }
        more = k || i < xL;
      } else {
        k = base / (yd[0] + 1) | 0;
        if (k > 1) {
          yd = multiplyInteger(yd, k, base);
          xd = multiplyInteger(xd, k, base);
          yL = yd.length;
          xL = xd.length;
        }
        xi = yL;
        rem = xd.slice(0, yL);
        remL = rem.length;
        for (; remL < yL; ) rem[remL++] = 0;
        yz = yd.slice();
        yz.unshift(0);
        yd0 = yd[0];
        if (yd[1] >= base / 2) ++yd0;
        do {
          k = 0;
          cmp = compare(yd, rem, yL, remL);
          if (cmp < 0) {
            rem0 = rem[0];
            if (yL != remL) rem0 = rem0 * base + (rem[1] || 0);
            k = rem0 / yd0 | 0;
            if (k > 1) {
              if (k >= base) k = base - 1;
              prod = multiplyInteger(yd, k, base);
              prodL = prod.length;
              remL = rem.length;
              cmp = compare(prod, rem, prodL, remL);
              if (cmp == 1) {
                k--;
                subtract2(prod, yL < prodL ? yz : yd, prodL, base);
              }
            } else {
              if (k == 0) cmp = k = 1;
              prod = yd.slice();
            }
            prodL = prod.length;
            if (prodL < remL) prod.unshift(0);
            subtract2(rem, prod, remL, base);
            if (cmp == -1) {
              remL = rem.length;
              cmp = compare(yd, rem, yL, remL);
              if (cmp < 1) {
                k++;
                subtract2(rem, yL < remL ? yz : yd, remL, base);
              }
            }
            remL = rem.length;
          } else if (cmp === 0) {
            k++;
            rem = [0];
          }
          qd[i++] = k;
          if (cmp && rem[0]) {
            rem[remL++] = xd[xi] || 0;
          } else {
            rem = [xd[xi]];
            remL = 1;
          }
        } while ((xi++ < xL || rem[0] !== void 0) && sd--);
        more = rem[0] !== void 0;
      }
      if (!qd[0]) qd.shift();
    }
    if (logBase == 1) {
      q.e = e;
      inexact = more;
    } else {
      for (i = 1, k = qd[0]; k >= 10; k /= 10) i++;
      q.e = i + e * logBase - 1;
      finalise(q, dp ? pr + q.e + 1 : pr, rm, more);
    }
    return q;
  };
})();
function finalise(x, sd, rm, isTruncated) {
  var digits, i, j, k, rd, roundUp, w, xd, xdi, Ctor = x.constructor;
  out: if (sd != null) {
    xd = x.d;
    if (!xd) return x;
    for (digits = 1, k = xd[0]; k >= 10; k /= 10) digits++;
    i = sd - digits;
    if (i < 0) {
      i += LOG_BASE;
      j = sd;
      w = xd[xdi = 0];
      rd = w / mathpow(10, digits - j - 1) % 10 | 0;
    } else {
      xdi = Math.ceil((i + 1) / LOG_BASE);
      k = xd.length;
      if (xdi >= k) {
        if (isTruncated) {
          for (; k++ <= xdi; ) xd.push(0);
          w = rd = 0;
          digits = 1;
          i %= LOG_BASE;
          j = i - LOG_BASE + 1;
        } else {
          break out;
        }
      } else {
        w = k = xd[xdi];
        for (digits = 1; k >= 10; k /= 10) digits++;
        i %= LOG_BASE;
        j = i - LOG_BASE + digits;
        rd = j < 0 ? 0 : w / mathpow(10, digits - j - 1) % 10 | 0;
      }
    }
    isTruncated = isTruncated || sd < 0 || xd[xdi + 1] !== void 0 || (j < 0 ? w : w % mathpow(10, digits - j - 1));
    roundUp = rm < 4 ? (rd || isTruncated) && (rm == 0 || rm == (x.s < 0 ? 3 : 2)) : rd > 5 || rd == 5 && (rm == 4 || isTruncated || rm == 6 && // Check whether the digit to the left of the rounding digit is odd.
    (i > 0 ? j > 0 ? w / mathpow(10, digits - j) : 0 : xd[xdi - 1]) % 10 & 1 || rm == (x.s < 0 ? 8 : 7));
    if (sd < 1 || !xd[0]) {
      xd.length = 0;
      if (roundUp) {
        sd -= x.e + 1;
        xd[0] = mathpow(10, (LOG_BASE - sd % LOG_BASE) % LOG_BASE);
        x.e = -sd || 0;
      } else {
        xd[0] = x.e = 0;
      }
      return x;
    }
    if (i == 0) {
      xd.length = xdi;
      k = 1;
      xdi--;
    } else {
      xd.length = xdi + 1;
      k = mathpow(10, LOG_BASE - i);
      xd[xdi] = j > 0 ? (w / mathpow(10, digits - j) % mathpow(10, j) | 0) * k : 0;
    }
    if (roundUp) {
      for (; ; ) {
        if (xdi == 0) {
          for (i = 1, j = xd[0]; j >= 10; j /= 10) i++;
          j = xd[0] += k;
          for (k = 1; j >= 10; j /= 10) k++;
          if (i != k) {
            x.e++;
            if (xd[0] == BASE) xd[0] = 1;
          }
          break;
        } else {
          xd[xdi] += k;
          if (xd[xdi] != BASE) break;
          xd[xdi--] = 0;
          k = 1;
        }
      }
    }
    for (i = xd.length; xd[--i] === 0; ) xd.pop();
  }
  if (external) {
    if (x.e > Ctor.maxE) {
      x.d = null;
      x.e = NaN;
    } else if (x.e < Ctor.minE) {
      x.e = 0;
      x.d = [0];
    }
  }
  return x;
}
function finiteToString(x, isExp, sd) {
  if (!x.isFinite()) return nonFiniteToString(x);
  var k, e = x.e, str = digitsToString(x.d), len = str.length;
  if (isExp) {
    if (sd && (k = sd - len) > 0) {
      str = str.charAt(0) + "." + str.slice(1) + getZeroString(k);
    } else if (len > 1) {
      str = str.charAt(0) + "." + str.slice(1);
    }
    str = str + (x.e < 0 ? "e" : "e+") + x.e;
  } else if (e < 0) {
    str = "0." + getZeroString(-e - 1) + str;
    if (sd && (k = sd - len) > 0) str += getZeroString(k);
  } else if (e >= len) {
    str += getZeroString(e + 1 - len);
    if (sd && (k = sd - e - 1) > 0) str = str + "." + getZeroString(k);
  } else {
    if ((k = e + 1) < len) str = str.slice(0, k) + "." + str.slice(k);
    if (sd && (k = sd - len) > 0) {
      if (e + 1 === len) str += ".";
      str += getZeroString(k);
    }
  }
  return str;
}
function getBase10Exponent(digits, e) {
  var w = digits[0];
  for (e *= LOG_BASE; w >= 10; w /= 10) e++;
  return e;
}
function getLn10(Ctor, sd, pr) {
  if (sd > LN10_PRECISION) {
    external = true;
    if (pr) Ctor.precision = pr;
    throw Error(precisionLimitExceeded);
  }
  return finalise(new Ctor(LN10), sd, 1, true);
}
function getPi(Ctor, sd, rm) {
  if (sd > PI_PRECISION) throw Error(precisionLimitExceeded);
  return finalise(new Ctor(PI), sd, rm, true);
}
function getPrecision(digits) {
  var w = digits.length - 1, len = w * LOG_BASE + 1;
  w = digits[w];
  if (w) {
    for (; w % 10 == 0; w /= 10) len--;
    for (w = digits[0]; w >= 10; w /= 10) len++;
  }
  return len;
}
function getZeroString(k) {
  var zs = "";
  for (; k--; ) zs += "0";
  return zs;
}
function intPow(Ctor, x, n2, pr) {
  var isTruncated, r = new Ctor(1), k = Math.ceil(pr / LOG_BASE + 4);
  external = false;
  for (; ; ) {
    if (n2 % 2) {
      r = r.times(x);
      if (truncate(r.d, k)) isTruncated = true;
    }
    n2 = mathfloor(n2 / 2);
    if (n2 === 0) {
      n2 = r.d.length - 1;
      if (isTruncated && r.d[n2] === 0) ++r.d[n2];
      break;
    }
    x = x.times(x);
    truncate(x.d, k);
  }
  external = true;
  return r;
}
function isOdd(n2) {
  return n2.d[n2.d.length - 1] & 1;
}
function maxOrMin(Ctor, args, n2) {
  var k, y, x = new Ctor(args[0]), i = 0;
  for (; ++i < args.length; ) {
    y = new Ctor(args[i]);
    if (!y.s) {
      x = y;
      break;
    }
    k = x.cmp(y);
    if (k === n2 || k === 0 && x.s === n2) {
      x = y;
    }
  }
  return x;
}
function naturalExponential(x, sd) {
  var denominator, guard, j, pow2, sum2, t, wpr, rep = 0, i = 0, k = 0, Ctor = x.constructor, rm = Ctor.rounding, pr = Ctor.precision;
  if (!x.d || !x.d[0] || x.e > 17) {
    return new Ctor(x.d ? !x.d[0] ? 1 : x.s < 0 ? 0 : 1 / 0 : x.s ? x.s < 0 ? 0 : x : 0 / 0);
  }
  if (sd == null) {
    external = false;
    wpr = pr;
  } else {
    wpr = sd;
  }
  t = new Ctor(0.03125);
  while (x.e > -2) {
    x = x.times(t);
    k += 5;
  }
  guard = Math.log(mathpow(2, k)) / Math.LN10 * 2 + 5 | 0;
  wpr += guard;
  denominator = pow2 = sum2 = new Ctor(1);
  Ctor.precision = wpr;
  for (; ; ) {
    pow2 = finalise(pow2.times(x), wpr, 1);
    denominator = denominator.times(++i);
    t = sum2.plus(divide(pow2, denominator, wpr, 1));
    if (digitsToString(t.d).slice(0, wpr) === digitsToString(sum2.d).slice(0, wpr)) {
      j = k;
      while (j--) sum2 = finalise(sum2.times(sum2), wpr, 1);
      if (sd == null) {
        if (rep < 3 && checkRoundingDigits(sum2.d, wpr - guard, rm, rep)) {
          Ctor.precision = wpr += 10;
          denominator = pow2 = t = new Ctor(1);
          i = 0;
          rep++;
        } else {
          return finalise(sum2, Ctor.precision = pr, rm, external = true);
        }
      } else {
        Ctor.precision = pr;
        return sum2;
      }
    }
    sum2 = t;
  }
}
function naturalLogarithm(y, sd) {
  var c, c0, denominator, e, numerator, rep, sum2, t, wpr, x1, x2, n2 = 1, guard = 10, x = y, xd = x.d, Ctor = x.constructor, rm = Ctor.rounding, pr = Ctor.precision;
  if (x.s < 0 || !xd || !xd[0] || !x.e && xd[0] == 1 && xd.length == 1) {
    return new Ctor(xd && !xd[0] ? -1 / 0 : x.s != 1 ? NaN : xd ? 0 : x);
  }
  if (sd == null) {
    external = false;
    wpr = pr;
  } else {
    wpr = sd;
  }
  Ctor.precision = wpr += guard;
  c = digitsToString(xd);
  c0 = c.charAt(0);
  if (Math.abs(e = x.e) < 15e14) {
    while (c0 < 7 && c0 != 1 || c0 == 1 && c.charAt(1) > 3) {
      x = x.times(y);
      c = digitsToString(x.d);
      c0 = c.charAt(0);
      n2++;
    }
    e = x.e;
    if (c0 > 1) {
      x = new Ctor("0." + c);
      e++;
    } else {
      x = new Ctor(c0 + "." + c.slice(1));
    }
  } else {
    t = getLn10(Ctor, wpr + 2, pr).times(e + "");
    x = naturalLogarithm(new Ctor(c0 + "." + c.slice(1)), wpr - guard).plus(t);
    Ctor.precision = pr;
    return sd == null ? finalise(x, pr, rm, external = true) : x;
  }
  x1 = x;
  sum2 = numerator = x = divide(x.minus(1), x.plus(1), wpr, 1);
  x2 = finalise(x.times(x), wpr, 1);
  denominator = 3;
  for (; ; ) {
    numerator = finalise(numerator.times(x2), wpr, 1);
    t = sum2.plus(divide(numerator, new Ctor(denominator), wpr, 1));
    if (digitsToString(t.d).slice(0, wpr) === digitsToString(sum2.d).slice(0, wpr)) {
      sum2 = sum2.times(2);
      if (e !== 0) sum2 = sum2.plus(getLn10(Ctor, wpr + 2, pr).times(e + ""));
      sum2 = divide(sum2, new Ctor(n2), wpr, 1);
      if (sd == null) {
        if (checkRoundingDigits(sum2.d, wpr - guard, rm, rep)) {
          Ctor.precision = wpr += guard;
          t = numerator = x = divide(x1.minus(1), x1.plus(1), wpr, 1);
          x2 = finalise(x.times(x), wpr, 1);
          denominator = rep = 1;
        } else {
          return finalise(sum2, Ctor.precision = pr, rm, external = true);
        }
      } else {
        Ctor.precision = pr;
        return sum2;
      }
    }
    sum2 = t;
    denominator += 2;
  }
}
function nonFiniteToString(x) {
  return String(x.s * x.s / 0);
}
function parseDecimal(x, str) {
  var e, i, len;
  if ((e = str.indexOf(".")) > -1) str = str.replace(".", "");
  if ((i = str.search(/e/i)) > 0) {
    if (e < 0) e = i;
    e += +str.slice(i + 1);
    str = str.substring(0, i);
  } else if (e < 0) {
    e = str.length;
  }
  for (i = 0; str.charCodeAt(i) === 48; i++) ;
  for (len = str.length; str.charCodeAt(len - 1) === 48; --len) ;
  str = str.slice(i, len);
  if (str) {
    len -= i;
    x.e = e = e - i - 1;
    x.d = [];
    i = (e + 1) % LOG_BASE;
    if (e < 0) i += LOG_BASE;
    if (i < len) {
      if (i) x.d.push(+str.slice(0, i));
      for (len -= LOG_BASE; i < len; ) x.d.push(+str.slice(i, i += LOG_BASE));
      str = str.slice(i);
      i = LOG_BASE - str.length;
    } else {
      i -= len;
    }
    for (; i--; ) str += "0";
    x.d.push(+str);
    if (external) {
      if (x.e > x.constructor.maxE) {
        x.d = null;
        x.e = NaN;
      } else if (x.e < x.constructor.minE) {
        x.e = 0;
        x.d = [0];
      }
    }
  } else {
    x.e = 0;
    x.d = [0];
  }
  return x;
}
function parseOther(x, str) {
  var base, Ctor, divisor, i, isFloat, len, p, xd, xe;
  if (str.indexOf("_") > -1) {
    str = str.replace(/(\d)_(?=\d)/g, "$1");
    if (isDecimal.test(str)) return parseDecimal(x, str);
  } else if (str === "Infinity" || str === "NaN") {
    if (!+str) x.s = NaN;
    x.e = NaN;
    x.d = null;
    return x;
  }
  if (isHex.test(str)) {
    base = 16;
    str = str.toLowerCase();
  } else if (isBinary.test(str)) {
    base = 2;
  } else if (isOctal.test(str)) {
    base = 8;
  } else {
    throw Error(invalidArgument + str);
  }
  i = str.search(/p/i);
  if (i > 0) {
    p = +str.slice(i + 1);
    str = str.substring(2, i);
  } else {
    str = str.slice(2);
  }
  i = str.indexOf(".");
  isFloat = i >= 0;
  Ctor = x.constructor;
  if (isFloat) {
    str = str.replace(".", "");
    len = str.length;
    i = len - i;
    divisor = intPow(Ctor, new Ctor(base), i, i * 2);
  }
  xd = convertBase(str, base, BASE);
  xe = xd.length - 1;
  for (i = xe; xd[i] === 0; --i) xd.pop();
  if (i < 0) return new Ctor(x.s * 0);
  x.e = getBase10Exponent(xd, xe);
  x.d = xd;
  external = false;
  if (isFloat) x = divide(x, divisor, len * 4);
  if (p) x = x.times(Math.abs(p) < 54 ? mathpow(2, p) : Decimal.pow(2, p));
  external = true;
  return x;
}
function sine(Ctor, x) {
  var k, len = x.d.length;
  if (len < 3) {
    return x.isZero() ? x : taylorSeries(Ctor, 2, x, x);
  }
  k = 1.4 * Math.sqrt(len);
  k = k > 16 ? 16 : k | 0;
  x = x.times(1 / tinyPow(5, k));
  x = taylorSeries(Ctor, 2, x, x);
  var sin2_x, d5 = new Ctor(5), d16 = new Ctor(16), d20 = new Ctor(20);
  for (; k--; ) {
    sin2_x = x.times(x);
    x = x.times(d5.plus(sin2_x.times(d16.times(sin2_x).minus(d20))));
  }
  return x;
}
function taylorSeries(Ctor, n2, x, y, isHyperbolic) {
  var j, t, u, x2, i = 1, pr = Ctor.precision, k = Math.ceil(pr / LOG_BASE);
  external = false;
  x2 = x.times(x);
  u = new Ctor(y);
  for (; ; ) {
    t = divide(u.times(x2), new Ctor(n2++ * n2++), pr, 1);
    u = isHyperbolic ? y.plus(t) : y.minus(t);
    y = divide(t.times(x2), new Ctor(n2++ * n2++), pr, 1);
    t = u.plus(y);
    if (t.d[k] !== void 0) {
      for (j = k; t.d[j] === u.d[j] && j--; ) ;
      if (j == -1) break;
    }
    j = u;
    u = y;
    y = t;
    t = j;
    i++;
  }
  external = true;
  t.d.length = k + 1;
  return t;
}
function tinyPow(b, e) {
  var n2 = b;
  while (--e) n2 *= b;
  return n2;
}
function toLessThanHalfPi(Ctor, x) {
  var t, isNeg = x.s < 0, pi = getPi(Ctor, Ctor.precision, 1), halfPi = pi.times(0.5);
  x = x.abs();
  if (x.lte(halfPi)) {
    quadrant = isNeg ? 4 : 1;
    return x;
  }
  t = x.divToInt(pi);
  if (t.isZero()) {
    quadrant = isNeg ? 3 : 2;
  } else {
    x = x.minus(t.times(pi));
    if (x.lte(halfPi)) {
      quadrant = isOdd(t) ? isNeg ? 2 : 3 : isNeg ? 4 : 1;
      return x;
    }
    quadrant = isOdd(t) ? isNeg ? 1 : 4 : isNeg ? 3 : 2;
  }
  return x.minus(pi).abs();
}
function toStringBinary(x, baseOut, sd, rm) {
  var base, e, i, k, len, roundUp, str, xd, y, Ctor = x.constructor, isExp = sd !== void 0;
  if (isExp) {
    checkInt32(sd, 1, MAX_DIGITS);
    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);
  } else {
    sd = Ctor.precision;
    rm = Ctor.rounding;
  }
  if (!x.isFinite()) {
    str = nonFiniteToString(x);
  } else {
    str = finiteToString(x);
    i = str.indexOf(".");
    if (isExp) {
      base = 2;
      if (baseOut == 16) {
        sd = sd * 4 - 3;
      } else if (baseOut == 8) {
        sd = sd * 3 - 2;
      }
    } else {
      base = baseOut;
    }
    if (i >= 0) {
      str = str.replace(".", "");
      y = new Ctor(1);
      y.e = str.length - i;
      y.d = convertBase(finiteToString(y), 10, base);
      y.e = y.d.length;
    }
    xd = convertBase(str, 10, base);
    e = len = xd.length;
    for (; xd[--len] == 0; ) xd.pop();
    if (!xd[0]) {
      str = isExp ? "0p+0" : "0";
    } else {
      if (i < 0) {
        e--;
      } else {
        x = new Ctor(x);
        x.d = xd;
        x.e = e;
        x = divide(x, y, sd, rm, 0, base);
        xd = x.d;
        e = x.e;
        roundUp = inexact;
      }
      i = xd[sd];
      k = base / 2;
      roundUp = roundUp || xd[sd + 1] !== void 0;
      roundUp = rm < 4 ? (i !== void 0 || roundUp) && (rm === 0 || rm === (x.s < 0 ? 3 : 2)) : i > k || i === k && (rm === 4 || roundUp || rm === 6 && xd[sd - 1] & 1 || rm === (x.s < 0 ? 8 : 7));
      xd.length = sd;
      if (roundUp) {
        for (; ++xd[--sd] > base - 1; ) {
          xd[sd] = 0;
          if (!sd) {
            ++e;
            xd.unshift(1);
          }
        }
      }
      for (len = xd.length; !xd[len - 1]; --len) ;
      for (i = 0, str = ""; i < len; i++) str += NUMERALS.charAt(xd[i]);
      if (isExp) {
        if (len > 1) {
          if (baseOut == 16 || baseOut == 8) {
            i = baseOut == 16 ? 4 : 3;
            for (--len; len % i; len++) str += "0";
            xd = convertBase(str, base, baseOut);
            for (len = xd.length; !xd[len - 1]; --len) ;
            for (i = 1, str = "1."; i < len; i++) str += NUMERALS.charAt(xd[i]);
          } else {
            str = str.charAt(0) + "." + str.slice(1);
          }
        }
        str = str + (e < 0 ? "p" : "p+") + e;
      } else if (e < 0) {
        for (; ++e; ) str = "0" + str;
        str = "0." + str;
      } else {
        if (++e > len) for (e -= len; e--; ) str += "0";
        else if (e < len) str = str.slice(0, e) + "." + str.slice(e);
      }
    }
    str = (baseOut == 16 ? "0x" : baseOut == 2 ? "0b" : baseOut == 8 ? "0o" : "") + str;
  }
  return x.s < 0 ? "-" + str : str;
}
function truncate(arr, len) {
  if (arr.length > len) {
    arr.length = len;
    return true;
  }
}
function abs(x) {
  return new this(x).abs();
}
function acos(x) {
  return new this(x).acos();
}
function acosh(x) {
  return new this(x).acosh();
}
function add(x, y) {
  return new this(x).plus(y);
}
function asin(x) {
  return new this(x).asin();
}
function asinh(x) {
  return new this(x).asinh();
}
function atan(x) {
  return new this(x).atan();
}
function atanh(x) {
  return new this(x).atanh();
}
function atan2(y, x) {
  y = new this(y);
  x = new this(x);
  var r, pr = this.precision, rm = this.rounding, wpr = pr + 4;
  if (!y.s || !x.s) {
    r = new this(NaN);
  } else if (!y.d && !x.d) {
    r = getPi(this, wpr, 1).times(x.s > 0 ? 0.25 : 0.75);
    r.s = y.s;
  } else if (!x.d || y.isZero()) {
    r = x.s < 0 ? getPi(this, pr, rm) : new this(0);
    r.s = y.s;
  } else if (!y.d || x.isZero()) {
    r = getPi(this, wpr, 1).times(0.5);
    r.s = y.s;
  } else if (x.s < 0) {
    this.precision = wpr;
    this.rounding = 1;
    r = this.atan(divide(y, x, wpr, 1));
    x = getPi(this, wpr, 1);
    this.precision = pr;
    this.rounding = rm;
    r = y.s < 0 ? r.minus(x) : r.plus(x);
  } else {
    r = this.atan(divide(y, x, wpr, 1));
  }
  return r;
}
function cbrt(x) {
  return new this(x).cbrt();
}
function ceil(x) {
  return finalise(x = new this(x), x.e + 1, 2);
}
function clamp(x, min2, max2) {
  return new this(x).clamp(min2, max2);
}
function config(obj) {
  if (!obj || typeof obj !== "object") throw Error(decimalError + "Object expected");
  var i, p, v2, useDefaults = obj.defaults === true, ps = [
    "precision",
    1,
    MAX_DIGITS,
    "rounding",
    0,
    8,
    "toExpNeg",
    -EXP_LIMIT,
    0,
    "toExpPos",
    0,
    EXP_LIMIT,
    "maxE",
    0,
    EXP_LIMIT,
    "minE",
    -EXP_LIMIT,
    0,
    "modulo",
    0,
    9
  ];
  for (i = 0; i < ps.length; i += 3) {
    if (p = ps[i], useDefaults) this[p] = DEFAULTS[p];
    if ((v2 = obj[p]) !== void 0) {
      if (mathfloor(v2) === v2 && v2 >= ps[i + 1] && v2 <= ps[i + 2]) this[p] = v2;
      else throw Error(invalidArgument + p + ": " + v2);
    }
  }
  if (p = "crypto", useDefaults) this[p] = DEFAULTS[p];
  if ((v2 = obj[p]) !== void 0) {
    if (v2 === true || v2 === false || v2 === 0 || v2 === 1) {
      if (v2) {
        if (typeof crypto != "undefined" && crypto && (crypto.getRandomValues || crypto.randomBytes)) {
          this[p] = true;
        } else {
          throw Error(cryptoUnavailable);
        }
      } else {
        this[p] = false;
      }
    } else {
      throw Error(invalidArgument + p + ": " + v2);
    }
  }
  return this;
}
function cos(x) {
  return new this(x).cos();
}
function cosh(x) {
  return new this(x).cosh();
}
function clone(obj) {
  var i, p, ps;
  function Decimal2(v2) {
    var e, i2, t, x = this;
    if (!(x instanceof Decimal2)) return new Decimal2(v2);
    x.constructor = Decimal2;
    if (isDecimalInstance(v2)) {
      x.s = v2.s;
      if (external) {
        if (!v2.d || v2.e > Decimal2.maxE) {
          x.e = NaN;
          x.d = null;
        } else if (v2.e < Decimal2.minE) {
          x.e = 0;
          x.d = [0];
        } else {
          x.e = v2.e;
          x.d = v2.d.slice();
        }
      } else {
        x.e = v2.e;
        x.d = v2.d ? v2.d.slice() : v2.d;
      }
      return;
    }
    t = typeof v2;
    if (t === "number") {
      if (v2 === 0) {
        x.s = 1 / v2 < 0 ? -1 : 1;
        x.e = 0;
        x.d = [0];
        return;
      }
      if (v2 < 0) {
        v2 = -v2;
        x.s = -1;
      } else {
        x.s = 1;
      }
      if (v2 === ~~v2 && v2 < 1e7) {
        for (e = 0, i2 = v2; i2 >= 10; i2 /= 10) e++;
        if (external) {
          if (e > Decimal2.maxE) {
            x.e = NaN;
            x.d = null;
          } else if (e < Decimal2.minE) {
            x.e = 0;
            x.d = [0];
          } else {
            x.e = e;
            x.d = [v2];
          }
        } else {
          x.e = e;
          x.d = [v2];
        }
        return;
      }
      if (v2 * 0 !== 0) {
        if (!v2) x.s = NaN;
        x.e = NaN;
        x.d = null;
        return;
      }
      return parseDecimal(x, v2.toString());
    }
    if (t === "string") {
      if ((i2 = v2.charCodeAt(0)) === 45) {
        v2 = v2.slice(1);
        x.s = -1;
      } else {
        if (i2 === 43) v2 = v2.slice(1);
        x.s = 1;
      }
      return isDecimal.test(v2) ? parseDecimal(x, v2) : parseOther(x, v2);
    }
    if (t === "bigint") {
      if (v2 < 0) {
        v2 = -v2;
        x.s = -1;
      } else {
        x.s = 1;
      }
      return parseDecimal(x, v2.toString());
    }
    throw Error(invalidArgument + v2);
  }
  Decimal2.prototype = P;
  Decimal2.ROUND_UP = 0;
  Decimal2.ROUND_DOWN = 1;
  Decimal2.ROUND_CEIL = 2;
  Decimal2.ROUND_FLOOR = 3;
  Decimal2.ROUND_HALF_UP = 4;
  Decimal2.ROUND_HALF_DOWN = 5;
  Decimal2.ROUND_HALF_EVEN = 6;
  Decimal2.ROUND_HALF_CEIL = 7;
  Decimal2.ROUND_HALF_FLOOR = 8;
  Decimal2.EUCLID = 9;
  Decimal2.config = Decimal2.set = config;
  Decimal2.clone = clone;
  Decimal2.isDecimal = isDecimalInstance;
  Decimal2.abs = abs;
  Decimal2.acos = acos;
  Decimal2.acosh = acosh;
  Decimal2.add = add;
  Decimal2.asin = asin;
  Decimal2.asinh = asinh;
  Decimal2.atan = atan;
  Decimal2.atanh = atanh;
  Decimal2.atan2 = atan2;
  Decimal2.cbrt = cbrt;
  Decimal2.ceil = ceil;
  Decimal2.clamp = clamp;
  Decimal2.cos = cos;
  Decimal2.cosh = cosh;
  Decimal2.div = div;
  Decimal2.exp = exp;
  Decimal2.floor = floor;
  Decimal2.hypot = hypot;
  Decimal2.ln = ln;
  Decimal2.log = log;
  Decimal2.log10 = log10;
  Decimal2.log2 = log2;
  Decimal2.max = max;
  Decimal2.min = min;
  Decimal2.mod = mod;
  Decimal2.mul = mul;
  Decimal2.pow = pow;
  Decimal2.random = random;
  Decimal2.round = round;
  Decimal2.sign = sign;
  Decimal2.sin = sin;
  Decimal2.sinh = sinh;
  Decimal2.sqrt = sqrt;
  Decimal2.sub = sub;
  Decimal2.sum = sum;
  Decimal2.tan = tan;
  Decimal2.tanh = tanh;
  Decimal2.trunc = trunc;
  if (obj === void 0) obj = {};
  if (obj) {
    if (obj.defaults !== true) {
      ps = ["precision", "rounding", "toExpNeg", "toExpPos", "maxE", "minE", "modulo", "crypto"];
      for (i = 0; i < ps.length; ) if (!obj.hasOwnProperty(p = ps[i++])) obj[p] = this[p];
    }
  }
  Decimal2.config(obj);
  return Decimal2;
}
function div(x, y) {
  return new this(x).div(y);
}
function exp(x) {
  return new this(x).exp();
}
function floor(x) {
  return finalise(x = new this(x), x.e + 1, 3);
}
function hypot() {
  var i, n2, t = new this(0);
  external = false;
  for (i = 0; i < arguments.length; ) {
    n2 = new this(arguments[i++]);
    if (!n2.d) {
      if (n2.s) {
        external = true;
        return new this(1 / 0);
      }
      t = n2;
    } else if (t.d) {
      t = t.plus(n2.times(n2));
    }
  }
  external = true;
  return t.sqrt();
}
function isDecimalInstance(obj) {
  return obj instanceof Decimal || obj && obj.toStringTag === tag || false;
}
function ln(x) {
  return new this(x).ln();
}
function log(x, y) {
  return new this(x).log(y);
}
function log2(x) {
  return new this(x).log(2);
}
function log10(x) {
  return new this(x).log(10);
}
function max() {
  return maxOrMin(this, arguments, -1);
}
function min() {
  return maxOrMin(this, arguments, 1);
}
function mod(x, y) {
  return new this(x).mod(y);
}
function mul(x, y) {
  return new this(x).mul(y);
}
function pow(x, y) {
  return new this(x).pow(y);
}
function random(sd) {
  var d2, e, k, n2, i = 0, r = new this(1), rd = [];
  if (sd === void 0) sd = this.precision;
  else checkInt32(sd, 1, MAX_DIGITS);
  k = Math.ceil(sd / LOG_BASE);
  if (!this.crypto) {
    for (; i < k; ) rd[i++] = Math.random() * 1e7 | 0;
  } else if (crypto.getRandomValues) {
    d2 = crypto.getRandomValues(new Uint32Array(k));
    for (; i < k; ) {
      n2 = d2[i];
      if (n2 >= 429e7) {
        d2[i] = crypto.getRandomValues(new Uint32Array(1))[0];
      } else {
        rd[i++] = n2 % 1e7;
      }
    }
  } else if (crypto.randomBytes) {
    d2 = crypto.randomBytes(k *= 4);
    for (; i < k; ) {
      n2 = d2[i] + (d2[i + 1] << 8) + (d2[i + 2] << 16) + ((d2[i + 3] & 127) << 24);
      if (n2 >= 214e7) {
        crypto.randomBytes(4).copy(d2, i);
      } else {
        rd.push(n2 % 1e7);
        i += 4;
      }
    }
    i = k / 4;
  } else {
    throw Error(cryptoUnavailable);
  }
  k = rd[--i];
  sd %= LOG_BASE;
  if (k && sd) {
    n2 = mathpow(10, LOG_BASE - sd);
    rd[i] = (k / n2 | 0) * n2;
  }
  for (; rd[i] === 0; i--) rd.pop();
  if (i < 0) {
    e = 0;
    rd = [0];
  } else {
    e = -1;
    for (; rd[0] === 0; e -= LOG_BASE) rd.shift();
    for (k = 1, n2 = rd[0]; n2 >= 10; n2 /= 10) k++;
    if (k < LOG_BASE) e -= LOG_BASE - k;
  }
  r.e = e;
  r.d = rd;
  return r;
}
function round(x) {
  return finalise(x = new this(x), x.e + 1, this.rounding);
}
function sign(x) {
  x = new this(x);
  return x.d ? x.d[0] ? x.s : 0 * x.s : x.s || NaN;
}
function sin(x) {
  return new this(x).sin();
}
function sinh(x) {
  return new this(x).sinh();
}
function sqrt(x) {
  return new this(x).sqrt();
}
function sub(x, y) {
  return new this(x).sub(y);
}
function sum() {
  var i = 0, args = arguments, x = new this(args[i]);
  external = false;
  for (; x.s && ++i < args.length; ) x = x.plus(args[i]);
  external = true;
  return finalise(x, this.precision, this.rounding);
}
function tan(x) {
  return new this(x).tan();
}
function tanh(x) {
  return new this(x).tanh();
}
function trunc(x) {
  return finalise(x = new this(x), x.e + 1, 1);
}
P[/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")] = P.toString;
P[Symbol.toStringTag] = "Decimal";
var Decimal = P.constructor = clone(DEFAULTS);
LN10 = new Decimal(LN10);
PI = new Decimal(PI);

// src/decimal.ts
var Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60
});

// src/errors.ts
var InvalidInputError = class extends Error {
  issues;
  constructor(issues) {
    super(issues.map((i) => i.path ? `${i.path}: ${i.message}` : i.message).join("; "));
    this.name = "InvalidInputError";
    this.issues = Object.freeze([...issues]);
  }
};

// src/ir/canonical-json.ts
function canonicalJson(value) {
  const saved = out;
  out = "";
  try {
    writeFast(value);
    return out;
  } catch {
  } finally {
    out = saved;
  }
  return write(value, "$");
}
var out = "";
function writeFast(value) {
  if (typeof value === "string") {
    out += quote(value);
    return;
  }
  if (typeof value === "object") {
    if (value === null) {
      out += "null";
      return;
    }
    if (Array.isArray(value)) {
      const n3 = value.length;
      out += "[";
      for (let i = 0; i < n3; i++) {
        if (i > 0) out += ",";
        const item = value[i];
        if (item === void 0) throw new TypeError("undefined or hole");
        writeFast(item);
      }
      out += "]";
      return;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError("not a plain object");
    const keys = sortedKeys(value);
    const n2 = keys.length;
    out += "{";
    let first = true;
    for (let i = 0; i < n2; i++) {
      const key = keys[i];
      const member = value[key];
      if (member === void 0) continue;
      if (first) first = false;
      else out += ",";
      out += quote(key);
      out += ":";
      writeFast(member);
    }
    out += "}";
    return;
  }
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError("not an integer");
    out += value === 0 ? "0" : String(value);
    return;
  }
  if (typeof value === "boolean") {
    out += value ? "true" : "false";
    return;
  }
  throw new TypeError("not JSON");
}
function quote(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || c >= 55296 && c <= 57343) return JSON.stringify(s);
  }
  return '"' + s + '"';
}
function canonicalJsonUtf8(value, unfrozen) {
  if (!writingBytes) {
    writingBytes = true;
    const count = unfrozen?.length ?? 0;
    try {
      pos = 0;
      collect = unfrozen;
      writeBytes(value, unfrozen !== void 0);
      return bytes.subarray(0, pos);
    } catch {
      if (unfrozen) unfrozen.length = count;
    } finally {
      collect = void 0;
      writingBytes = false;
    }
  }
  const text = canonicalJson(value);
  if (unfrozen) collectUnfrozen(value, unfrozen);
  return new TextEncoder().encode(text);
}
var bytes = new Uint8Array(1 << 16);
var pos = 0;
var writingBytes = false;
var collect;
function reserve(n2) {
  if (pos + n2 <= bytes.length) return;
  let size = bytes.length * 2;
  while (size < pos + n2) size *= 2;
  const grown = new Uint8Array(size);
  grown.set(bytes.subarray(0, pos));
  bytes = grown;
}
function writeBytes(value, freezing) {
  if (typeof value === "string") {
    writeStringBytes(value);
    return;
  }
  if (typeof value === "object") {
    if (value === null) {
      writeAscii("null");
      return;
    }
    const freezeMembers = freezing && !Object.isFrozen(value);
    if (freezeMembers) collect.push(value);
    if (Array.isArray(value)) {
      const n2 = value.length;
      reserve(1);
      bytes[pos++] = 91;
      for (let i = 0; i < n2; i++) {
        if (i > 0) {
          reserve(1);
          bytes[pos++] = 44;
        }
        const item = value[i];
        if (item === void 0) throw new TypeError("undefined or hole");
        writeBytes(item, freezeMembers);
      }
      reserve(1);
      bytes[pos++] = 93;
      return;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError("not a plain object");
    const keys = sortedKeys(value);
    reserve(1);
    bytes[pos++] = 123;
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const member = value[key];
      if (member === void 0) continue;
      if (first) first = false;
      else {
        reserve(1);
        bytes[pos++] = 44;
      }
      writeStringBytes(key);
      reserve(1);
      bytes[pos++] = 58;
      writeBytes(member, freezeMembers);
    }
    reserve(1);
    bytes[pos++] = 125;
    return;
  }
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError("not an integer");
    writeAscii(value === 0 ? "0" : String(value));
    return;
  }
  if (typeof value === "boolean") {
    writeAscii(value ? "true" : "false");
    return;
  }
  throw new TypeError("not JSON");
}
function writeAscii(text) {
  reserve(text.length);
  for (let i = 0; i < text.length; i++) bytes[pos++] = text.charCodeAt(i);
}
function writeStringBytes(s) {
  const n2 = s.length;
  reserve(3 * n2 + 2);
  const b = bytes;
  let p = pos;
  b[p++] = 34;
  for (let i = 0; i < n2; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c < 32 || c === 34 || c === 92) return writeUtf8(JSON.stringify(s));
      b[p++] = c;
    } else if (c < 2048) {
      b[p++] = 192 | c >> 6;
      b[p++] = 128 | c & 63;
    } else if (c < 55296 || c > 57343) {
      b[p++] = 224 | c >> 12;
      b[p++] = 128 | c >> 6 & 63;
      b[p++] = 128 | c & 63;
    } else {
      const d2 = i + 1 < n2 ? s.charCodeAt(i + 1) : 0;
      if (c > 56319 || d2 < 56320 || d2 > 57343) return writeUtf8(JSON.stringify(s));
      const cp = 65536 + (c - 55296 << 10) + (d2 - 56320);
      b[p++] = 240 | cp >> 18;
      b[p++] = 128 | cp >> 12 & 63;
      b[p++] = 128 | cp >> 6 & 63;
      b[p++] = 128 | cp & 63;
      i++;
    }
  }
  b[p++] = 34;
  pos = p;
}
function writeUtf8(text) {
  const n2 = text.length;
  reserve(3 * n2);
  const b = bytes;
  let p = pos;
  for (let i = 0; i < n2; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) b[p++] = c;
    else if (c < 2048) {
      b[p++] = 192 | c >> 6;
      b[p++] = 128 | c & 63;
    } else if (c < 55296 || c > 57343) {
      b[p++] = 224 | c >> 12;
      b[p++] = 128 | c >> 6 & 63;
      b[p++] = 128 | c & 63;
    } else {
      const cp = 65536 + (c - 55296 << 10) + (text.charCodeAt(i + 1) - 56320);
      b[p++] = 240 | cp >> 18;
      b[p++] = 128 | cp >> 12 & 63;
      b[p++] = 128 | cp >> 6 & 63;
      b[p++] = 128 | cp & 63;
      i++;
    }
  }
  pos = p;
}
function collectUnfrozen(value, out2, freezing = true) {
  if (value === null || typeof value !== "object") return;
  const freezeMembers = freezing && !Object.isFrozen(value);
  if (freezeMembers) out2.push(value);
  for (const member of Object.values(value)) collectUnfrozen(member, out2, freezeMembers);
}
function sortedKeys(value) {
  const keys = Object.keys(value);
  const n2 = keys.length;
  for (let i = 1; i < n2; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
function write(value, path) {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isSafeInteger(value)) {
        throw new TypeError(`canonical JSON: ${path} is the number ${value}; write non-integers as decimal strings`);
      }
      return Object.is(value, -0) ? "0" : String(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(",")}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonical JSON: ${path} is not a plain object`);
      }
      const members = [];
      for (const key of Object.keys(value).sort()) {
        const member = value[key];
        if (member !== void 0) members.push(`${JSON.stringify(key)}:${write(member, `${path}.${key}`)}`);
      }
      return `{${members.join(",")}}`;
    }
    default:
      throw new TypeError(`canonical JSON: ${path} is a ${typeof value}, which JSON cannot carry`);
  }
}

// src/ir/sha256.ts
var K = new Uint32Array([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var INITIAL = [1779033703, 3144134277, 1013904242, 2773480762, 1359893119, 2600822924, 528734635, 1541459225];
var K32 = Int32Array.from(K);
var W = new Int32Array(64);
var H = new Int32Array(8);
var TAIL = new Uint8Array(128);
var encoder = new TextEncoder();
function sha256Hex(input) {
  const message = typeof input === "string" ? encoder.encode(input) : input;
  const length = message.length;
  for (let i = 0; i < 8; i++) H[i] = INITIAL[i];
  const whole = length - length % 64;
  compress(message, 0, whole);
  const rest = length - whole;
  TAIL.fill(0);
  TAIL.set(message.subarray(whole), 0);
  TAIL[rest] = 128;
  const tailLength = rest + 9 <= 64 ? 64 : 128;
  const bitsHigh = Math.floor(length / 536870912);
  const bitsLow = length * 8 >>> 0;
  TAIL[tailLength - 8] = bitsHigh >>> 24;
  TAIL[tailLength - 7] = bitsHigh >>> 16;
  TAIL[tailLength - 6] = bitsHigh >>> 8;
  TAIL[tailLength - 5] = bitsHigh;
  TAIL[tailLength - 4] = bitsLow >>> 24;
  TAIL[tailLength - 3] = bitsLow >>> 16;
  TAIL[tailLength - 2] = bitsLow >>> 8;
  TAIL[tailLength - 1] = bitsLow;
  compress(TAIL, 0, tailLength);
  let hex = "";
  for (let i = 0; i < 8; i++) hex += (H[i] >>> 0).toString(16).padStart(8, "0");
  return hex;
}
function compress(bytes2, from, to) {
  const w = W;
  const k = K32;
  let h0 = H[0], h1 = H[1], h2 = H[2], h3 = H[3], h4 = H[4], h5 = H[5], h6 = H[6], h7 = H[7];
  for (let offset = from; offset < to; offset += 64) {
    for (let t = 0, j = offset; t < 16; t++, j += 4) {
      w[t] = bytes2[j] << 24 | bytes2[j + 1] << 16 | bytes2[j + 2] << 8 | bytes2[j + 3];
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15];
      const y = w[t - 2];
      const s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3;
      const s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10;
      w[t] = w[t - 16] + s0 + w[t - 7] + s1 | 0;
    }
    let a = h0, b = h1, c = h2, d2 = h3, e = h4, f = h5, g = h6, h = h7;
    for (let t = 0; t < 64; t++) {
      const s1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
      const choose = e & f ^ ~e & g;
      const temp1 = h + s1 + choose + k[t] + w[t] | 0;
      const s0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
      const majority = a & b ^ a & c ^ b & c;
      const temp2 = s0 + majority | 0;
      h = g;
      g = f;
      f = e;
      e = d2 + temp1 | 0;
      d2 = c;
      c = b;
      b = a;
      a = temp1 + temp2 | 0;
    }
    h0 = h0 + a | 0;
    h1 = h1 + b | 0;
    h2 = h2 + c | 0;
    h3 = h3 + d2 | 0;
    h4 = h4 + e | 0;
    h5 = h5 + f | 0;
    h6 = h6 + g | 0;
    h7 = h7 + h | 0;
  }
  H[0] = h0;
  H[1] = h1;
  H[2] = h2;
  H[3] = h3;
  H[4] = h4;
  H[5] = h5;
  H[6] = h6;
  H[7] = h7;
}

// src/ir/hash-product.ts
function withProductHash(ir) {
  const { hash: _ignored, ...rest } = ir;
  const unfrozen = [];
  const hash = sha256Hex(canonicalJsonUtf8(rest, unfrozen));
  const hashed = { ...ir, hash };
  for (let i = 0; i < unfrozen.length; i++) {
    const value = unfrozen[i];
    if (value !== rest) Object.freeze(value);
  }
  return Object.freeze(hashed);
}

// src/rounding.ts
function roundHalfEven(value, decimals) {
  return value.toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN);
}
function roundHalfUp(value, decimals) {
  return value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}
function roundTo(value, decimals, mode) {
  return mode === "half-even" ? roundHalfEven(value, decimals) : roundHalfUp(value, decimals);
}
function roundToMultiple(value, step, mode) {
  if (step.lte(0)) throw new RangeError("step must be positive");
  return roundTo(value.div(step), 0, mode).times(step);
}
function roundRatio(num, den, mode) {
  let q = Math.floor(num / den);
  let rem = num - q * den;
  if (rem < 0) {
    q -= 1;
    rem += den;
  } else if (rem >= den) {
    q += 1;
    rem -= den;
  }
  const twice = rem * 2;
  if (twice > den) return q + 1;
  if (twice < den) return q;
  return mode === "half-up" ? q + 1 : q % 2 === 0 ? q : q + 1;
}
function roundRatioBig(num, den, mode) {
  const q = num / den;
  const rem = num - q * den;
  const twice = rem * 2n;
  if (twice > den) return q + 1n;
  if (twice < den) return q;
  return mode === "half-up" ? q + 1n : q % 2n === 0n ? q : q + 1n;
}
function roundProductRatio(a, b, c, den, mode) {
  const num = a * b * c;
  if (num <= Number.MAX_SAFE_INTEGER && den <= Number.MAX_SAFE_INTEGER) return roundRatio(num, den, mode);
  return Number(roundRatioBig(BigInt(a) * BigInt(b) * BigInt(c), BigInt(den), mode));
}

// src/calendar/iso-date.ts
function dayNumber(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function civilDate(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
function isLeapYear(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
function daysInMonth(year, month) {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function digitAt(text, i) {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}
function parseIsoDate(text) {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return void 0;
  const y0 = digitAt(text, 0), y1 = digitAt(text, 1), y2 = digitAt(text, 2), y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5), m1 = digitAt(text, 6), d0 = digitAt(text, 8), d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return void 0;
  const year = y0 * 1e3 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return void 0;
  return dayNumber(year, month, day);
}
function toDayNumber(text) {
  const n2 = parseIsoDate(text);
  if (n2 === void 0) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  return n2;
}
var TWO_DIGITS = Array.from({ length: 32 }, (_, i) => i < 10 ? `0${i}` : String(i));
var MONTH_DAY = Array.from({ length: 13 * 32 }, (_, i) => `-${TWO_DIGITS[Math.floor(i / 32) % 32]}-${TWO_DIGITS[i % 32]}`);
function formatIsoDate(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year >= 1e3 && year <= 9999) return String(year) + MONTH_DAY[month * 32 + day];
  return `${year >= 1e3 ? year : String(year).padStart(4, "0")}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}
function formatIsoDates(days) {
  const n2 = days.length;
  const out2 = new Array(n2);
  let prev = 0;
  let year = 0;
  let month = 0;
  let day = 0;
  let dim = 0;
  let yearText = "";
  for (let k = 0; k < n2; k++) {
    const d2 = days[k];
    const delta = d2 - prev;
    if (k === 0 || delta < 0 || delta > 1e3) {
      const c = civilDate(d2);
      year = c.year;
      month = c.month;
      day = c.day;
      dim = daysInMonth(year, month);
      yearText = String(year);
    } else {
      day += delta;
      while (day > dim) {
        day -= dim;
        if (++month > 12) {
          month = 1;
          year += 1;
          yearText = String(year);
        }
        dim = daysInMonth(year, month);
      }
    }
    out2[k] = year >= 1e3 && year <= 9999 ? yearText + MONTH_DAY[month * 32 + day] : formatIsoDate(d2);
    prev = d2;
  }
  return out2;
}
function dayOfWeek(days) {
  return ((days + 4) % 7 + 7) % 7;
}
function addMonthsClamped(days, n2, anchorDay) {
  const { year, month } = civilDate(days);
  const total = year * 12 + (month - 1) + n2;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return dayNumber(y, m, Math.min(anchorDay, daysInMonth(y, m)));
}
function isLastDayOfMonth(days) {
  const { year, month, day } = civilDate(days);
  return day === daysInMonth(year, month);
}
function days360(from, to) {
  const a = civilDate(from);
  const b = civilDate(to);
  const d1 = isLastDayOfMonth(from) ? 30 : Math.min(a.day, 30);
  const d2 = isLastDayOfMonth(to) ? 30 : Math.min(b.day, 30);
  return (b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1);
}

// src/calendar/mexican-holidays.ts
function easterDay(year) {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d2 = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d2 - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = (h + l - 7 * m + 114) % 31 + 1;
  return dayNumber(year, month, day);
}
function nthMonday(year, month, nth) {
  const first = dayNumber(year, month, 1);
  const dow = ((first + 4) % 7 + 7) % 7;
  const offset = (1 - dow + 7) % 7;
  return first + offset + (nth - 1) * 7;
}
function mexicanBankingHolidays(year) {
  const easter = easterDay(year);
  const days = [
    dayNumber(year, 1, 1),
    nthMonday(year, 2, 1),
    nthMonday(year, 3, 3),
    easter - 3,
    easter - 2,
    dayNumber(year, 5, 1),
    dayNumber(year, 9, 16),
    dayNumber(year, 11, 2),
    nthMonday(year, 11, 3),
    dayNumber(year, 12, 12),
    dayNumber(year, 12, 25)
  ];
  if (year >= 2024 && (year - 2024) % 6 === 0) days.push(dayNumber(year, 10, 1));
  return Object.freeze(days.sort((x, y) => x - y).map(formatIsoDate));
}
var MX_HOLIDAY_YEARS = Object.freeze({ first: 2024, last: 2030 });
var MX_BANKING_HOLIDAYS = Object.freeze(
  Array.from(
    { length: MX_HOLIDAY_YEARS.last - MX_HOLIDAY_YEARS.first + 1 },
    (_, i) => mexicanBankingHolidays(MX_HOLIDAY_YEARS.first + i)
  ).flat()
);

// src/calendar/business-days.ts
var mxFirstDay = dayNumber(MX_HOLIDAY_YEARS.first, 1, 1);
var mxLastDay = dayNumber(MX_HOLIDAY_YEARS.last, 12, 31);
var MX_DATA_DAYS = Object.freeze(MX_BANKING_HOLIDAYS.map(toDayNumber));
function holidayCalendar(base, extra = []) {
  const set = new Set(base === "mx" ? MX_DATA_DAYS : void 0);
  for (const d2 of extra) set.add(toDayNumber(d2));
  const computedYears = /* @__PURE__ */ new Set();
  return {
    isHoliday(day) {
      if (base === "mx" && (day < mxFirstDay || day > mxLastDay)) {
        const year = civilDate(day).year;
        if (!computedYears.has(year)) {
          computedYears.add(year);
          for (const d2 of mexicanBankingHolidays(year)) set.add(toDayNumber(d2));
        }
      }
      return set.has(day);
    }
  };
}
function isBusinessDay(day, calendar) {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6 && !calendar.isHoliday(day);
}
function adjustToBusinessDay(day, rule, calendar) {
  if (rule === "none") return day;
  const step = rule === "next" ? 1 : -1;
  let d2 = day;
  while (!isBusinessDay(d2, calendar)) d2 += step;
  return d2;
}

// src/calendar/frequency.ts
function periodsPerYear(frequency) {
  if (typeof frequency === "object") return { num: 365, den: frequency.everyDays };
  switch (frequency) {
    case "weekly":
      return { num: 52, den: 1 };
    case "biweekly":
      return { num: 26, den: 1 };
    case "semimonthly":
      return { num: 24, den: 1 };
    case "monthly":
      return { num: 12, den: 1 };
  }
}
function isSemimonthlyDay(day) {
  return civilDate(day).day === 15 || isLastDayOfMonth(day);
}
function nextSemimonthly(day) {
  const { year, month, day: d2 } = civilDate(day);
  if (d2 < 15) return dayNumber(year, month, 15);
  const last = daysInMonth(year, month);
  if (d2 < last) return dayNumber(year, month, last);
  const ny = month === 12 ? year + 1 : year;
  const nm = month === 12 ? 1 : month + 1;
  return dayNumber(ny, nm, 15);
}
function defaultFirstDueDate(disbursement, frequency) {
  if (typeof frequency === "object") return disbursement + frequency.everyDays;
  switch (frequency) {
    case "weekly":
      return disbursement + 7;
    case "biweekly":
      return disbursement + 14;
    case "monthly":
      return addMonthsClamped(disbursement, 1, civilDate(disbursement).day);
    case "semimonthly": {
      const from = disbursement + 15;
      return isSemimonthlyDay(from) ? from : nextSemimonthly(from);
    }
  }
}
function nominalDueDates(first, frequency, count) {
  const dates = new Array(Math.max(count, 1));
  dates[0] = first;
  if (typeof frequency === "object" || frequency === "weekly" || frequency === "biweekly") {
    const step = typeof frequency === "object" ? frequency.everyDays : frequency === "weekly" ? 7 : 14;
    for (let k = 1; k < count; k++) dates[k] = first + k * step;
  } else if (frequency === "monthly") {
    const anchor = civilDate(first).day;
    for (let k = 1; k < count; k++) dates[k] = addMonthsClamped(first, k, anchor);
  } else {
    let d2 = first;
    for (let k = 1; k < count; k++) dates[k] = d2 = nextSemimonthly(d2);
  }
  return dates;
}

// src/loan-terms/parse-loan-terms.ts
var DECIMAL = /^-?\d+(\.\d+)?$/;
var MAX_PRINCIPAL = "1000000000000";
var MAX_INSTALLMENTS = 1e3;
var MAX_ANNUAL_RATE = "10";
function isObject(v2) {
  return typeof v2 === "object" && v2 !== null && !Array.isArray(v2);
}
function describe(v2) {
  return v2 === void 0 ? "missing" : JSON.stringify(v2);
}
var IssueCollector = class {
  issues = [];
  add(path, message) {
    this.issues.push({ path, message });
  }
  unknownKeys(obj, allowed, prefix) {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        this.add(prefix ? `${prefix}.${key}` : key, `unknown field \`${key}\` (allowed: ${allowed.join(", ")})`);
      }
    }
  }
  /** A decimal string; `fraction` adds the hint for values written as percentages. */
  decimal(value, path, opts = {}) {
    if (typeof value === "number") {
      this.add(path, `must be a decimal string such as "${value}", not a JSON number (money and rates are never binary floats)`);
      return void 0;
    }
    if (typeof value !== "string") {
      this.add(path, `must be a decimal string, got ${describe(value)}`);
      return void 0;
    }
    const trimmed = value.trim();
    if (opts.fraction && /^-?\d+(\.\d+)?\s*%$/.test(trimmed)) {
      const pct = new Dec(trimmed.replace("%", "").trim());
      this.add(path, `must be a fraction, not a percentage: write "${pct.div(100).toFixed(Math.max(2, pct.decimalPlaces() + 2))}" for ${trimmed}`);
      return void 0;
    }
    if (!DECIMAL.test(value)) {
      this.add(path, `must be a decimal string like "1234.50", got ${JSON.stringify(value)}`);
      return void 0;
    }
    const d2 = new Dec(value);
    if (opts.min !== void 0 && (opts.minExclusive ? d2.lte(opts.min) : d2.lt(opts.min))) {
      this.add(path, opts.minExclusive ? `must be greater than ${opts.min}, got "${value}"` : d2.isNegative() ? `must not be negative, got "${value}"` : `must be at least ${opts.min}, got "${value}"`);
      return void 0;
    }
    if (opts.max !== void 0 && d2.gt(opts.max)) {
      const hint = opts.fraction ? ` (a fraction: "0.60" is 60%)` : "";
      this.add(path, `must be at most ${opts.max}${hint}, got "${value}"`);
      return void 0;
    }
    if (opts.scale !== void 0 && d2.decimalPlaces() > opts.scale) {
      this.add(path, `has more than ${opts.scale} decimal places (the currency scale \`decimals\`), got "${value}"`);
      return void 0;
    }
    return d2;
  }
  integer(value, path, min2, max2) {
    if (typeof value !== "number" || !Number.isInteger(value)) {
      this.add(path, `must be a whole number between ${min2} and ${max2}, got ${describe(value)}`);
      return void 0;
    }
    if (value < min2 || value > max2) {
      this.add(path, `must be between ${min2} and ${max2}, got ${value}`);
      return void 0;
    }
    return value;
  }
  oneOf(value, path, options) {
    if (typeof value === "string" && options.includes(value)) return value;
    this.add(path, `must be one of ${options.map((o) => `"${o}"`).join(", ")}, got ${describe(value)}`);
    return void 0;
  }
  date(value, path) {
    if (typeof value !== "string" || parseIsoDate(value) === void 0) {
      this.add(path, `must be a calendar date as "YYYY-MM-DD", got ${describe(value)}`);
      return void 0;
    }
    return parseIsoDate(value);
  }
};
var TOP_KEYS = [
  "principal",
  "annualRate",
  "installments",
  "frequency",
  "method",
  "interestBasis",
  "disbursementDate",
  "firstDueDate",
  "decimals",
  "rounding",
  "installmentMultipleOf",
  "tax",
  "fees",
  "graceInstallments",
  "businessDays"
];
var FREQUENCIES = ["weekly", "biweekly", "semimonthly", "monthly"];
var METHODS = ["french", "german", "flat", "bullet"];
var BASES = ["period", "actual/360", "actual/365", "30/360"];
var TIMINGS = ["upfront", "deducted", "financed", "per-installment"];
function parseFrequency(v2, c) {
  if (isObject(v2)) {
    c.unknownKeys(v2, ["everyDays"], "frequency");
    const n2 = c.integer(v2["everyDays"], "frequency.everyDays", 1, 366);
    return n2 === void 0 ? void 0 : Object.freeze({ everyDays: n2 });
  }
  if (typeof v2 === "string" && FREQUENCIES.includes(v2)) return v2;
  c.add("frequency", `must be "weekly", "biweekly", "semimonthly", "monthly" or { "everyDays": N }, got ${describe(v2)}`);
  return void 0;
}
function parseTax(v2, c) {
  if (v2 === void 0) return void 0;
  if (!isObject(v2)) {
    c.add("tax", `must be an object like { "rate": "0.16", "on": ["interest", "fees"] }, got ${describe(v2)}`);
    return void 0;
  }
  c.unknownKeys(v2, ["rate", "on", "includedInInstallment"], "tax");
  const rate2 = c.decimal(v2["rate"], "tax.rate", { fraction: true, min: "0", max: "1" });
  const on = [];
  if (!Array.isArray(v2["on"])) c.add("tax.on", `must be a list drawn from "interest", "fees", got ${describe(v2["on"])}`);
  else
    v2["on"].forEach((x, i) => {
      const o = c.oneOf(x, `tax.on[${i}]`, ["interest", "fees"]);
      if (o && on.includes(o)) c.add(`tax.on[${i}]`, `\`${o}\` is listed twice`);
      else if (o) on.push(o);
    });
  const inc = v2["includedInInstallment"];
  if (inc !== void 0 && typeof inc !== "boolean") c.add("tax.includedInInstallment", `must be true or false, got ${describe(inc)}`);
  if (rate2 === void 0) return void 0;
  return Object.freeze({
    rate: v2["rate"],
    on: Object.freeze(on),
    ...inc === true ? { includedInInstallment: true } : {}
  });
}
function parseFee(v2, i, c, scale2) {
  const p = `fees[${i}]`;
  if (!isObject(v2)) {
    c.add(p, `must be an object like { "name": "apertura", "amount": "300.00", "timing": "deducted" }, got ${describe(v2)}`);
    return void 0;
  }
  c.unknownKeys(v2, ["name", "timing", "amount", "percent", "of", "min", "max", "taxable"], p);
  const before = c.issues.length;
  if (typeof v2["name"] !== "string" || v2["name"].trim() === "") c.add(`${p}.name`, `must be a non-empty string, got ${describe(v2["name"])}`);
  const timing = c.oneOf(v2["timing"], `${p}.timing`, TIMINGS);
  const money = { min: "0", ...scale2 !== void 0 ? { scale: scale2 } : {} };
  if (v2["amount"] !== void 0 && v2["percent"] !== void 0) c.add(p, "give either `amount` or `percent`, not both");
  else if (v2["amount"] === void 0 && v2["percent"] === void 0) c.add(`${p}.amount`, "missing: give `amount` (fixed) or `percent` (a fraction)");
  if (v2["amount"] !== void 0) c.decimal(v2["amount"], `${p}.amount`, money);
  if (v2["percent"] !== void 0) c.decimal(v2["percent"], `${p}.percent`, { fraction: true, min: "0", max: "1" });
  if (v2["of"] !== void 0) {
    if (timing !== void 0 && timing !== "per-installment") c.add(`${p}.of`, "applies only to per-installment fees (one-time percentages are of the principal)");
    else if (v2["percent"] === void 0) c.add(`${p}.of`, "applies only with `percent`");
    else c.oneOf(v2["of"], `${p}.of`, ["balance", "principal"]);
  }
  const min2 = v2["min"] === void 0 ? void 0 : c.decimal(v2["min"], `${p}.min`, money);
  const max2 = v2["max"] === void 0 ? void 0 : c.decimal(v2["max"], `${p}.max`, money);
  if ((v2["min"] !== void 0 || v2["max"] !== void 0) && v2["percent"] === void 0) c.add(v2["min"] !== void 0 ? `${p}.min` : `${p}.max`, "caps apply only to a `percent` fee");
  if (min2 && max2 && min2.gt(max2)) c.add(`${p}.min`, `must not exceed max (${v2["max"]})`);
  if (v2["taxable"] !== void 0 && typeof v2["taxable"] !== "boolean") c.add(`${p}.taxable`, `must be true or false, got ${describe(v2["taxable"])}`);
  if (c.issues.length > before || timing === void 0) return void 0;
  const fee = { name: v2["name"], timing };
  for (const k of ["amount", "percent", "of", "min", "max", "taxable"]) if (v2[k] !== void 0) fee[k] = v2[k];
  return Object.freeze(fee);
}
function parseBusinessDays(v2, c) {
  if (v2 === void 0) return void 0;
  if (!isObject(v2)) {
    c.add("businessDays", `must be an object like { "rule": "next", "calendar": "mx" }, got ${describe(v2)}`);
    return void 0;
  }
  c.unknownKeys(v2, ["rule", "calendar", "holidays"], "businessDays");
  const rule = c.oneOf(v2["rule"], "businessDays.rule", ["next", "previous", "none"]);
  const calendar = v2["calendar"] === void 0 ? "mx" : c.oneOf(v2["calendar"], "businessDays.calendar", ["mx", "none"]);
  const holidays = [];
  if (v2["holidays"] !== void 0) {
    if (!Array.isArray(v2["holidays"])) c.add("businessDays.holidays", `must be a list of "YYYY-MM-DD" dates, got ${describe(v2["holidays"])}`);
    else v2["holidays"].forEach((h, i) => c.date(h, `businessDays.holidays[${i}]`) !== void 0 && holidays.push(h));
  }
  if (!rule || !calendar) return void 0;
  return Object.freeze({ rule, calendar, holidays: Object.freeze(holidays) });
}
function parseLoanTerms(json) {
  const c = new IssueCollector();
  if (!isObject(json)) throw new InvalidInputError([{ path: "", message: `loan terms must be a JSON object, got ${describe(json)}` }]);
  const v2 = json;
  c.unknownKeys(v2, TOP_KEYS, "");
  const decimals = v2["decimals"] === void 0 ? 2 : c.integer(v2["decimals"], "decimals", 0, 10);
  const scaleOpt = decimals === void 0 ? {} : { scale: decimals };
  c.decimal(v2["principal"], "principal", { min: "0", minExclusive: true, max: MAX_PRINCIPAL, ...scaleOpt });
  c.decimal(v2["annualRate"], "annualRate", { fraction: true, min: "0", max: MAX_ANNUAL_RATE });
  const n2 = c.integer(v2["installments"], "installments", 1, MAX_INSTALLMENTS);
  const frequency = parseFrequency(v2["frequency"], c);
  const method = v2["method"] === void 0 ? "french" : c.oneOf(v2["method"], "method", METHODS);
  const basis = v2["interestBasis"] === void 0 ? "period" : c.oneOf(v2["interestBasis"], "interestBasis", BASES);
  const rounding = v2["rounding"] === void 0 ? "half-even" : c.oneOf(v2["rounding"], "rounding", ["half-even", "half-up"]);
  const disb = c.date(v2["disbursementDate"], "disbursementDate");
  let first;
  if (v2["firstDueDate"] !== void 0) {
    first = c.date(v2["firstDueDate"], "firstDueDate");
    if (first !== void 0 && disb !== void 0 && first <= disb) {
      c.add("firstDueDate", `must be after the disbursement date ${v2["disbursementDate"]}, got ${v2["firstDueDate"]}`);
    }
    if (first !== void 0 && frequency === "semimonthly" && !isSemimonthlyDay(first)) {
      c.add("firstDueDate", `semimonthly due dates fall on the 15th and the last day of the month, got ${v2["firstDueDate"]}`);
    }
  }
  if (v2["installmentMultipleOf"] !== void 0) {
    c.decimal(v2["installmentMultipleOf"], "installmentMultipleOf", { min: "0", minExclusive: true, max: MAX_PRINCIPAL, ...scaleOpt });
    if (method === "german" || method === "bullet") c.add("installmentMultipleOf", `applies to level installments (french, flat), not to ${method}`);
  }
  const tax = parseTax(v2["tax"], c);
  if (tax?.includedInInstallment && method !== void 0 && method !== "french") {
    c.add("tax.includedInInstallment", `levels the french installment; not available for ${method}`);
  }
  const fees = [];
  if (v2["fees"] !== void 0) {
    if (!Array.isArray(v2["fees"])) c.add("fees", `must be a list of fees, got ${describe(v2["fees"])}`);
    else
      v2["fees"].forEach((f, i) => {
        const fee = parseFee(f, i, c, decimals);
        if (fee) fees.push(fee);
      });
  }
  let grace = { principal: 0, interest: 0 };
  const g = v2["graceInstallments"];
  if (g !== void 0) {
    if (!isObject(g)) c.add("graceInstallments", `must be an object like { "principal": 0, "interest": 0 }, got ${describe(g)}`);
    else {
      c.unknownKeys(g, ["principal", "interest"], "graceInstallments");
      const maxGrace = n2 === void 0 ? MAX_INSTALLMENTS : n2 - 1;
      const gp = g["principal"] === void 0 ? 0 : c.integer(g["principal"], "graceInstallments.principal", 0, maxGrace);
      const gi = g["interest"] === void 0 ? 0 : c.integer(g["interest"], "graceInstallments.interest", 0, maxGrace);
      grace = { principal: gp ?? 0, interest: gi ?? 0 };
    }
  }
  if (method === "bullet" && n2 !== void 0 && n2 !== 1) c.add("installments", `a bullet loan has one payment at maturity, so installments must be 1, got ${n2}`);
  const businessDays = parseBusinessDays(v2["businessDays"], c);
  if (c.issues.length > 0) throw new InvalidInputError(c.issues);
  const terms = {
    principal: v2["principal"],
    annualRate: v2["annualRate"],
    installments: n2,
    frequency,
    method,
    interestBasis: basis,
    disbursementDate: v2["disbursementDate"],
    decimals,
    rounding,
    fees: Object.freeze(fees),
    graceInstallments: Object.freeze(grace)
  };
  if (v2["firstDueDate"] !== void 0) terms["firstDueDate"] = v2["firstDueDate"];
  if (v2["installmentMultipleOf"] !== void 0) terms["installmentMultipleOf"] = v2["installmentMultipleOf"];
  if (tax) terms["tax"] = tax;
  if (businessDays) terms["businessDays"] = businessDays;
  return Object.freeze(terms);
}

// src/schedule/bullet.ts
function bulletParts(ctx) {
  const f = ctx.fractions[0];
  return {
    principal: [ctx.financed],
    accrued: [roundProductRatio(ctx.financed, ctx.rate.num, f.num, ctx.rate.den * f.den, ctx.mode)]
  };
}

// src/schedule/units.ts
function toUnits(text, scale2) {
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? "" : text.slice(dot + 1);
  if (frac.length > scale2) return void 0;
  const digits = int + frac.padEnd(scale2, "0");
  const n2 = Number(digits);
  return Number.isSafeInteger(n2) && n2 <= 2 ** 50 ? n2 : void 0;
}
function toRatio(text) {
  const dot = text.indexOf(".");
  const frac = dot < 0 ? "" : text.slice(dot + 1);
  const num = Number(dot < 0 ? text : text.slice(0, dot) + frac);
  const den = 10 ** frac.length;
  return Number.isSafeInteger(num) && num <= 1e15 && frac.length <= 12 ? { num, den } : void 0;
}
var TWO_DIGITS2 = Array.from({ length: 100 }, (_, i) => i < 10 ? `0${i}` : String(i));
var DOT_TWO = TWO_DIGITS2.map((d2) => `.${d2}`);
var DIGITS3 = Array.from({ length: 1e3 }, (_, i) => String(i));
var DIGITS3_PADDED = DIGITS3.map((d2) => d2.padStart(3, "0"));
var POW10 = Array.from({ length: 11 }, (_, i) => 10 ** i);
function integerText(q) {
  if (q < 1e3) return DIGITS3[q];
  if (q < 1e6) {
    const hi = Math.floor(q / 1e3);
    return DIGITS3[hi] + DIGITS3_PADDED[q - hi * 1e3];
  }
  return String(q);
}
function formatUnits(units, scale2) {
  if (units < 0) return "-" + formatUnits(-units, scale2);
  if (scale2 === 0) return integerText(units);
  const pow2 = POW10[scale2];
  let q = Math.floor(units / pow2);
  let r = units - q * pow2;
  if (r < 0) {
    q -= 1;
    r += pow2;
  } else if (r >= pow2) {
    q += 1;
    r -= pow2;
  }
  if (scale2 === 2) return integerText(q) + DOT_TWO[r];
  return `${integerText(q)}.${String(r).padStart(scale2, "0")}`;
}

// src/schedule/fee-amounts.ts
function prepareFee(fee, scale2, taxesFees) {
  const fixed3 = fee.amount === void 0 ? void 0 : toUnits(fee.amount, scale2);
  const percent = fee.percent === void 0 ? void 0 : toRatio(fee.percent);
  const min2 = fee.min === void 0 ? void 0 : toUnits(fee.min, scale2);
  const max2 = fee.max === void 0 ? void 0 : toUnits(fee.max, scale2);
  if (fee.amount !== void 0 && fixed3 === void 0 || fee.percent !== void 0 && percent === void 0) return void 0;
  if (fee.min !== void 0 && min2 === void 0 || fee.max !== void 0 && max2 === void 0) return void 0;
  return { fee, fixed: fixed3, percent, min: min2, max: max2, taxable: taxesFees && fee.taxable !== false };
}
function feeUnits(f, base, mode) {
  if (f.fixed !== void 0) return f.fixed;
  let v2 = roundProductRatio(base, f.percent.num, 1, f.percent.den, mode);
  if (f.min !== void 0 && v2 < f.min) v2 = f.min;
  if (f.max !== void 0 && v2 > f.max) v2 = f.max;
  return v2;
}

// src/schedule/method-parts.ts
function checkPrincipalPart(ctx, k, part, balance) {
  if (part > 0 && part < balance) return;
  const fmt = (u) => formatUnits(u, ctx.scale);
  const path = ctx.hasMultiple ? "installmentMultipleOf" : "principal";
  const message = part <= 0 ? `installment ${k} would repay no principal (principal part ${fmt(part)}): the installment does not cover the interest${ctx.hasMultiple ? "; use a smaller multiple" : "; the principal is too small for this many installments"}` : `installment ${k} would repay the whole balance ${fmt(balance)} before the last installment${ctx.hasMultiple ? "; use a smaller multiple" : ""}`;
  throw new InvalidInputError([{ path, message }]);
}

// src/schedule/flat.ts
function flatParts(ctx) {
  const { rate: rate2, term, mode, installments: n2, gracePrincipal: gp, financed } = ctx;
  const total = roundProductRatio(financed, rate2.num, term.num, rate2.den * term.den, mode);
  const per = roundProductRatio(financed, rate2.num, term.num, rate2.den * term.den * n2, mode);
  const principal = new Array(n2);
  const accrued = new Array(n2);
  const level = roundRatio(financed + total - gp * per, (n2 - gp) * ctx.step, mode) * ctx.step;
  let balance = financed;
  for (let k = 0; k < n2; k++) {
    accrued[k] = k === n2 - 1 ? total - per * (n2 - 1) : per;
    let part;
    if (k < gp) part = 0;
    else if (k === n2 - 1) part = balance;
    else {
      part = level - per;
      checkPrincipalPart(ctx, k + 1, part, balance);
    }
    principal[k] = part;
    balance -= part;
  }
  return { principal, accrued };
}

// src/schedule/level-payment.ts
function levelPaymentDec(principal, rate2, fractions, grossUp) {
  let sum2 = new Dec(0);
  let prod = new Dec(1);
  for (let k = fractions.length - 1; k >= 0; k--) {
    const f = fractions[k];
    sum2 = sum2.plus(prod);
    prod = prod.times(new Dec(1).plus(rate2.times(f.num).times(grossUp).div(f.den)));
  }
  return principal.times(prod).div(sum2);
}
function roundedLevelPaymentDec(principal, rate2, fractions, grossUp, step, mode) {
  return roundToMultiple(levelPaymentDec(principal, rate2, fractions, grossUp), step, mode);
}
function roundedLevelPaymentUnits(principalUnits, rate2, fractions, from, grossUp, stepUnits, scale2, mode) {
  const r = rate2.num / rate2.den;
  const g = grossUp.num / grossUp.den;
  let sum2 = 0;
  let prod = 1;
  for (let k = fractions.length - 1; k >= from; k--) {
    const f = fractions[k];
    sum2 += prod;
    prod *= 1 + r * f.num * g / f.den;
  }
  const x = principalUnits * prod / sum2 / stepUnits;
  const tol = 1e-9 + x * 1e-11;
  const fl = Math.floor(x);
  const dist = x - fl - 0.5;
  if (Number.isFinite(x) && tol < 0.25 && Math.abs(dist) > tol) return (dist > 0 ? fl + 1 : fl) * stepUnits;
  const unit = new Dec(10).pow(-scale2);
  const a = roundedLevelPaymentDec(
    new Dec(principalUnits).times(unit),
    new Dec(rate2.num).div(rate2.den),
    fractions.slice(from),
    new Dec(grossUp.num).div(grossUp.den),
    new Dec(stepUnits).times(unit),
    mode
  );
  return a.div(unit).toNumber();
}

// src/schedule/french.ts
function frenchParts(ctx) {
  const { rate: rate2, fractions, mode, installments: n2, gracePrincipal: gp, includedTax } = ctx;
  const principal = new Array(n2);
  const accrued = new Array(n2);
  const grossUp = includedTax ? { num: includedTax.den + includedTax.num, den: includedTax.den } : { num: 1, den: 1 };
  let balance = ctx.financed;
  let level = -1;
  for (let k = 0; k < n2; k++) {
    const f = fractions[k];
    const interest = roundProductRatio(balance, rate2.num, f.num, rate2.den * f.den, mode);
    accrued[k] = interest;
    let part;
    if (k < gp) part = 0;
    else if (k === n2 - 1) part = balance;
    else {
      if (level < 0) level = roundedLevelPaymentUnits(balance, rate2, fractions, gp, grossUp, ctx.step, ctx.scale, mode);
      const tax = includedTax ? roundProductRatio(interest, includedTax.num, 1, includedTax.den, mode) : 0;
      part = level - interest - tax;
      checkPrincipalPart(ctx, k + 1, part, balance);
    }
    principal[k] = part;
    balance -= part;
  }
  return { principal, accrued };
}

// src/schedule/german.ts
function germanParts(ctx) {
  const { rate: rate2, fractions, mode, installments: n2, gracePrincipal: gp } = ctx;
  const principal = new Array(n2);
  const accrued = new Array(n2);
  const equal = roundRatio(ctx.financed, n2 - gp, mode);
  let balance = ctx.financed;
  for (let k = 0; k < n2; k++) {
    const f = fractions[k];
    accrued[k] = roundProductRatio(balance, rate2.num, f.num, rate2.den * f.den, mode);
    const part = k < gp ? 0 : k === n2 - 1 ? balance : equal;
    if (k >= gp && k < n2 - 1) checkPrincipalPart(ctx, k + 1, part, balance);
    principal[k] = part;
    balance -= part;
  }
  return { principal, accrued };
}

// src/schedule/plan.ts
function planSchedule(terms) {
  const disb = toDayNumber(terms.disbursementDate);
  const ppy = periodsPerYear(terms.frequency);
  const defaultFirst = defaultFirstDueDate(disb, terms.frequency);
  const first = terms.firstDueDate === void 0 ? defaultFirst : toDayNumber(terms.firstDueDate);
  let due = nominalDueDates(first, terms.frequency, terms.installments);
  const bd = terms.businessDays;
  if (bd && bd.rule !== "none") {
    const cal = holidayCalendar(bd.calendar ?? "mx", bd.holidays ?? []);
    due = due.map((d2) => adjustToBusinessDay(d2, bd.rule, cal));
    let prev2 = disb;
    for (const d2 of due) {
      if (d2 <= prev2) {
        throw new InvalidInputError([
          { path: "businessDays.rule", message: `moving due dates to the ${bd.rule} business day puts ${formatIsoDate(d2)} on or before the previous date; the period is too short for this rule` }
        ]);
      }
      prev2 = d2;
    }
  }
  const n2 = due.length;
  const perPeriod = Object.freeze({ num: ppy.den, den: ppy.num });
  const fractions = new Array(n2);
  const basis = terms.interestBasis;
  let prev = disb;
  for (let k = 0; k < n2; k++) {
    const d2 = due[k];
    fractions[k] = basis === "period" ? perPeriod : basis === "30/360" ? { num: days360(prev, d2), den: 360 } : { num: d2 - prev, den: basis === "actual/360" ? 360 : 365 };
    prev = d2;
  }
  const last = due[n2 - 1] ?? first;
  const term = basis === "period" ? { num: terms.installments * ppy.den, den: ppy.num } : basis === "30/360" ? { num: days360(disb, last), den: 360 } : { num: last - disb, den: basis === "actual/360" ? 360 : 365 };
  const periodic = typeof terms.frequency === "string" && first === defaultFirst;
  const catTimes = new Array(n2);
  for (let k = 0; k < n2; k++) catTimes[k] = periodic ? (k + 1) * ppy.den / ppy.num : (due[k] - disb) / 365;
  const dueDates = formatIsoDates(due);
  return Object.freeze({
    disbursementDay: disb,
    dueDays: due,
    dueDates,
    fractions,
    term,
    periodsPerYear: ppy,
    catTimes,
    catPeriodic: periodic
  });
}

// src/cat/format.ts
function catStrings(rate2) {
  const catExact = fixed(rate2 * 100, 10);
  return { cat: roundTenthHalfUp(catExact), catExact };
}
function roundTenthHalfUp(text) {
  const neg = text.charCodeAt(0) === 45;
  const start = neg ? 1 : 0;
  const dot = text.indexOf(".");
  if (dot <= start || dot - start > 14 || text.length - dot !== 11) return new Dec(text).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1);
  const tenths = Number(text.slice(start, dot)) * 10 + (text.charCodeAt(dot + 1) - 48) + (text.charCodeAt(dot + 2) >= 53 ? 1 : 0);
  if (tenths === 0) return "0.0";
  const whole = Math.floor(tenths / 10);
  return `${neg ? "-" : ""}${whole}.${tenths - whole * 10}`;
}
function fixed(value, places) {
  const s = value.toFixed(places);
  if (s.charCodeAt(0) !== 45 || s.charCodeAt(1) !== 48) return s;
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 48 && !(c === 46 && i === 2)) return s;
  }
  return s.slice(1);
}

// src/cat/irr.ts
var NoCatError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "NoCatError";
  }
};
var X_LIMIT = 4096;
function presentValueGap(x, net, amounts, times, step) {
  let pv = 0;
  if (step !== void 0) {
    const v2 = Math.exp(-x * step);
    let f = 1;
    for (let k = 0; k < amounts.length; k++) {
      f *= v2;
      pv += amounts[k] * f;
    }
  } else {
    for (let k = 0; k < amounts.length; k++) pv += amounts[k] * Math.exp(-x * times[k]);
  }
  return pv - net;
}
function solveAnnualRate(net, amounts, times, step) {
  if (!(net > 0)) throw new NoCatError("the amount received at t = 0 must be positive");
  let total = 0;
  let moment = 0;
  for (let k = 0; k < amounts.length; k++) {
    const a = amounts[k];
    total += a;
    moment += a * (step !== void 0 ? (k + 1) * step : times[k]);
  }
  if (!(total > 0)) throw new NoCatError("there are no payments");
  const g0 = total - net;
  if (g0 === 0) return 0;
  let lo = g0 > 0 ? 0 : -Infinity;
  let hi = g0 > 0 ? Infinity : 0;
  let x = Math.log(total / net) / (moment / total);
  if (!(Number.isFinite(x) && x >= -X_LIMIT && x <= X_LIMIT)) {
    if (g0 > 0) {
      lo = 0;
      hi = 1;
      while (presentValueGap(hi, net, amounts, times, step) > 0) {
        lo = hi;
        hi *= 2;
        if (hi > X_LIMIT) throw new NoCatError("the CAT is beyond any finite rate");
      }
    } else {
      hi = 0;
      lo = -1;
      while (presentValueGap(lo, net, amounts, times, step) < 0) {
        hi = lo;
        lo *= 2;
        if (lo < -X_LIMIT) throw new NoCatError("the payments are worth nothing at any rate");
      }
    }
    x = lo;
  }
  for (let iter = 0; iter < 200; iter++) {
    let pv = 0;
    let d2 = 0;
    if (step !== void 0) {
      const v2 = Math.exp(-x * step);
      let f = 1;
      for (let k = 0; k < amounts.length; k++) {
        f *= v2;
        const a = amounts[k] * f;
        pv += a;
        d2 -= (k + 1) * step * a;
      }
    } else {
      for (let k = 0; k < amounts.length; k++) {
        const t = times[k];
        const a = amounts[k] * Math.exp(-x * t);
        pv += a;
        d2 -= t * a;
      }
    }
    const g = pv - net;
    if (g === 0) break;
    if (g > 0) {
      if (x > X_LIMIT) throw new NoCatError("the CAT is beyond any finite rate");
      lo = x;
    } else {
      if (x < -X_LIMIT) throw new NoCatError("the payments are worth nothing at any rate");
      hi = x;
    }
    let next = x - g / d2;
    if (!(next > lo && next < hi)) {
      if (hi === Infinity) next = lo < 1 ? lo + 1 : lo * 2;
      else if (lo === -Infinity) next = hi > -1 ? hi - 1 : hi * 2;
      else next = (lo + hi) / 2;
    }
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
      x = next;
      break;
    }
    x = next;
  }
  return Math.expm1(x);
}

// src/schedule/schedule-cat.ts
function scheduleCat(net, payments, plan) {
  const i = solveAnnualRate(net, payments, plan.catTimes, plan.catPeriodic ? plan.periodsPerYear.den / plan.periodsPerYear.num : void 0);
  const { cat, catExact } = catStrings(i);
  const perPeriod = Math.expm1(Math.log1p(i) * plan.periodsPerYear.den / plan.periodsPerYear.num);
  return { cat, catExact, effectivePeriodRate: fixed(perPeriod * 100, 6) };
}

// src/schedule/reference-schedule.ts
function generateReferenceSchedule(terms, plan = planSchedule(terms)) {
  const s = terms.decimals;
  const mode = terms.rounding;
  const round2 = (x) => roundTo(x, s, mode);
  const str = (x) => x.toFixed(s);
  const P0 = new Dec(terms.principal);
  const r = new Dec(terms.annualRate);
  const t = new Dec(terms.tax?.rate ?? "0");
  const taxesInterest = terms.tax?.on.includes("interest") ?? false;
  const taxesFees = terms.tax?.on.includes("fees") ?? false;
  const taxable = (f) => taxesFees && f.taxable !== false;
  const tax = (x) => round2(x.times(t));
  const feeOn = (f, base) => {
    if (f.amount !== void 0) return new Dec(f.amount);
    let v2 = round2(base.times(f.percent));
    if (f.min !== void 0 && v2.lt(f.min)) v2 = new Dec(f.min);
    if (f.max !== void 0 && v2.gt(f.max)) v2 = new Dec(f.max);
    return v2;
  };
  const oneTime = (timing) => terms.fees.filter((f) => f.timing === timing).map((f) => ({ f, amount: feeOn(f, P0) }));
  const sum2 = (xs, onlyTaxable = false) => xs.reduce((acc, x) => onlyTaxable && !taxable(x.f) ? acc : acc.plus(x.amount), new Dec(0));
  const financedFees = oneTime("financed");
  const upfrontFees = oneTime("upfront");
  const deductedFees = oneTime("deducted");
  const P2 = P0.plus(sum2(financedFees));
  const upfront = sum2(upfrontFees);
  const deducted = sum2(deductedFees);
  const disbursed = P0.minus(deducted).minus(sum2(deductedFees, true).isZero() ? 0 : tax(sum2(deductedFees, true)));
  const upfrontTotal = upfront.plus(sum2(upfrontFees, true).isZero() ? 0 : tax(sum2(upfrontFees, true)));
  const net = P0.minus(deducted).minus(upfront);
  if (disbursed.lte(0) || net.lte(0)) {
    throw new InvalidInputError([{ path: "fees", message: `fees at signing (${deducted.plus(upfront).toFixed(s)} plus IVA) leave nothing to disburse from the principal ${terms.principal}` }]);
  }
  const n2 = terms.installments;
  const gp = terms.graceInstallments.principal;
  const gi = terms.graceInstallments.interest;
  const unit = new Dec(10).pow(-s);
  const step = terms.installmentMultipleOf === void 0 ? unit : new Dec(terms.installmentMultipleOf);
  const included = terms.tax?.includedInInstallment === true && taxesInterest;
  const periodInterest = (balance2, k) => {
    const f = plan.fractions[k];
    return round2(balance2.times(r).times(f.num).div(f.den));
  };
  const fail2 = (k, part, balance2) => {
    if (part.gt(0) && part.lt(balance2)) return;
    const hasMultiple = terms.installmentMultipleOf !== void 0;
    const message = part.lte(0) ? `installment ${k} would repay no principal (principal part ${part.toFixed(s)}): the installment does not cover the interest${hasMultiple ? "; use a smaller multiple" : "; the principal is too small for this many installments"}` : `installment ${k} would repay the whole balance ${balance2.toFixed(s)} before the last installment${hasMultiple ? "; use a smaller multiple" : ""}`;
    throw new InvalidInputError([{ path: hasMultiple ? "installmentMultipleOf" : "principal", message }]);
  };
  const principalParts = [];
  const accrued = [];
  let balance = P2;
  if (terms.method === "flat") {
    const T = plan.term;
    const total = round2(P2.times(r).times(T.num).div(T.den));
    const per = round2(P2.times(r).times(T.num).div(T.den * n2));
    const level = roundToMultiple(P2.plus(total).minus(per.times(gp)).div(n2 - gp), step, mode);
    for (let k = 0; k < n2; k++) {
      accrued.push(k === n2 - 1 ? total.minus(per.times(n2 - 1)) : per);
      const part = k < gp ? new Dec(0) : k === n2 - 1 ? balance : level.minus(per);
      if (k >= gp && k < n2 - 1) fail2(k + 1, part, balance);
      principalParts.push(part);
      balance = balance.minus(part);
    }
  } else {
    let level;
    const equal = round2(P2.div(n2 - gp));
    for (let k = 0; k < n2; k++) {
      const interest = periodInterest(balance, k);
      accrued.push(interest);
      let part;
      if (k < gp) part = new Dec(0);
      else if (k === n2 - 1) part = balance;
      else if (terms.method === "german") part = equal;
      else {
        level ??= roundedLevelPaymentDec(balance, r, plan.fractions.slice(gp), included ? t.plus(1) : new Dec(1), step, mode);
        part = level.minus(interest).minus(included ? tax(interest) : 0);
      }
      if (k >= gp && k < n2 - 1) fail2(k + 1, part, balance);
      principalParts.push(part);
      balance = balance.minus(part);
    }
  }
  const perInstallment = terms.fees.filter((f) => f.timing === "per-installment");
  const financedTaxable = sum2(financedFees, true);
  const rows = [];
  const payments = [];
  const toUnits2 = (x) => x.div(unit).toNumber();
  let deferred = new Dec(0);
  const totals2 = { principal: new Dec(0), interest: new Dec(0), tax: new Dec(0), fees: new Dec(0) };
  balance = P2;
  for (let k = 0; k < n2; k++) {
    const principal = principalParts[k];
    let interest;
    if (k < gi) {
      deferred = deferred.plus(accrued[k]);
      interest = new Dec(0);
    } else {
      interest = accrued[k].plus(deferred);
      deferred = new Dec(0);
    }
    let fees = new Dec(0);
    let feesTaxable = k === 0 ? financedTaxable : new Dec(0);
    for (const f of perInstallment) {
      const amount = feeOn(f, f.of === "balance" ? balance : P2);
      fees = fees.plus(amount);
      if (taxable(f)) feesTaxable = feesTaxable.plus(amount);
    }
    const taxOnInterest = taxesInterest ? tax(interest) : new Dec(0);
    const taxOnFees = taxesFees ? tax(feesTaxable) : new Dec(0);
    const taxSum = taxOnInterest.plus(taxOnFees);
    balance = balance.minus(principal);
    totals2.principal = totals2.principal.plus(principal);
    totals2.interest = totals2.interest.plus(interest);
    totals2.tax = totals2.tax.plus(taxSum);
    totals2.fees = totals2.fees.plus(fees);
    payments.push(toUnits2(principal.plus(interest).plus(fees)));
    rows.push(
      Object.freeze({
        number: k + 1,
        dueDate: plan.dueDates[k],
        principal: str(principal),
        interest: str(interest),
        tax: str(taxSum),
        fees: str(fees),
        total: str(principal.plus(interest).plus(taxSum).plus(fees)),
        balance: str(balance),
        taxOnInterest: str(taxOnInterest),
        taxOnFees: str(taxOnFees)
      })
    );
  }
  const grand = totals2.principal.plus(totals2.interest).plus(totals2.tax).plus(totals2.fees);
  const cat = scheduleCat(toUnits2(net), payments, plan);
  return Object.freeze({
    installments: Object.freeze(rows),
    totals: Object.freeze({
      principal: str(totals2.principal),
      interest: str(totals2.interest),
      tax: str(totals2.tax),
      fees: str(totals2.fees),
      total: str(grand)
    }),
    disbursed: str(disbursed),
    financed: str(P2),
    upfront: str(upfrontTotal),
    cat: cat.cat,
    catExact: cat.catExact,
    effectivePeriodRate: cat.effectivePeriodRate,
    totalToPay: str(grand.plus(upfrontTotal)),
    totalCost: str(grand.plus(upfrontTotal).minus(disbursed))
  });
}

// src/schedule/generate-schedule.ts
var formatUnits2 = formatUnits;
function generateSchedule(terms) {
  const plan = planSchedule(terms);
  return generateFastSchedule(terms, plan) ?? generateReferenceSchedule(terms, plan);
}
var METHODS2 = {
  french: frenchParts,
  german: germanParts,
  flat: flatParts,
  bullet: bulletParts
};
function generateFastSchedule(terms, plan) {
  const scale2 = terms.decimals;
  const mode = terms.rounding;
  const principalU = toUnits(terms.principal, scale2);
  const rate2 = toRatio(terms.annualRate);
  const taxRate = terms.tax ? toRatio(terms.tax.rate) : { num: 0, den: 1 };
  const step = terms.installmentMultipleOf === void 0 ? 1 : toUnits(terms.installmentMultipleOf, scale2);
  if (principalU === void 0 || rate2 === void 0 || taxRate === void 0 || step === void 0 || rate2.den > 1e10) return void 0;
  const taxesInterest = terms.tax?.on.includes("interest") ?? false;
  const taxesFees = terms.tax?.on.includes("fees") ?? false;
  const fees = [];
  for (const fee of terms.fees) {
    const f = prepareFee(fee, scale2, taxesFees);
    if (!f) return void 0;
    fees.push(f);
  }
  let financed = principalU;
  let upfront = 0;
  let upfrontTaxable = 0;
  let deducted = 0;
  let deductedTaxable = 0;
  let financedTaxable = 0;
  const perInstallment = [];
  for (const f of fees) {
    if (f.fee.timing === "per-installment") {
      perInstallment.push(f);
      continue;
    }
    const amount = feeUnits(f, principalU, mode);
    const taxable = f.taxable ? amount : 0;
    if (f.fee.timing === "financed") {
      financed += amount;
      financedTaxable += taxable;
    } else if (f.fee.timing === "upfront") {
      upfront += amount;
      upfrontTaxable += taxable;
    } else {
      deducted += amount;
      deductedTaxable += taxable;
    }
  }
  const tax = (base) => base === 0 ? 0 : roundProductRatio(base, taxRate.num, 1, taxRate.den, mode);
  const disbursed = principalU - deducted - tax(deductedTaxable);
  const upfrontTotal = upfront + tax(upfrontTaxable);
  const net = principalU - deducted - upfront;
  if (disbursed <= 0 || net <= 0) {
    throw new InvalidInputError([{ path: "fees", message: `fees at signing (${formatUnits2(deducted + upfront, scale2)} plus IVA) leave nothing to disburse from the principal ${terms.principal}` }]);
  }
  const n2 = terms.installments;
  const years = Math.max(plan.term.num / plan.term.den, (plan.dueDays[n2 - 1] - plan.disbursementDay) / 360, n2 / 12);
  if ((financed + upfront + deducted) * (2 + rate2.num / rate2.den * years * 2) > 2 ** 52) return void 0;
  const ctx = {
    financed,
    installments: n2,
    gracePrincipal: terms.graceInstallments.principal,
    mode,
    scale: scale2,
    rate: rate2,
    fractions: plan.fractions,
    term: plan.term,
    includedTax: terms.tax?.includedInInstallment && taxesInterest ? taxRate : void 0,
    step,
    hasMultiple: terms.installmentMultipleOf !== void 0
  };
  const parts = METHODS2[terms.method](ctx);
  const gi = terms.graceInstallments.interest;
  const rows = new Array(n2);
  const payments = new Array(n2);
  const principals = parts.principal;
  const accrueds = parts.accrued;
  const dueDates = plan.dueDates;
  const hasPerInstallment = perInstallment.length > 0;
  const zero = formatUnits2(0, scale2);
  let balance = financed;
  let deferred = 0;
  let tPrincipal = 0;
  let tInterest = 0;
  let tTax = 0;
  let tFees = 0;
  for (let k = 0; k < n2; k++) {
    const principal = principals[k];
    const accrued = accrueds[k];
    let interest;
    if (k < gi) {
      deferred += accrued;
      interest = 0;
    } else {
      interest = accrued + deferred;
      deferred = 0;
    }
    let feeSum = 0;
    let feeTaxable = k === 0 ? financedTaxable : 0;
    if (hasPerInstallment) {
      for (const f of perInstallment) {
        const base = f.fee.of === "balance" ? balance : financed;
        const amount = feeUnits(f, base, mode);
        feeSum += amount;
        if (f.taxable) feeTaxable += amount;
      }
    }
    const taxOnInterest = taxesInterest ? tax(interest) : 0;
    const taxOnFees = taxesFees ? tax(feeTaxable) : 0;
    const taxSum = taxOnInterest + taxOnFees;
    const total = principal + interest + taxSum + feeSum;
    balance -= principal;
    payments[k] = principal + interest + feeSum;
    tPrincipal += principal;
    tInterest += interest;
    tTax += taxSum;
    tFees += feeSum;
    const taxOnInterestText = taxOnInterest === 0 ? zero : formatUnits2(taxOnInterest, scale2);
    const taxOnFeesText = taxOnFees === 0 ? zero : formatUnits2(taxOnFees, scale2);
    rows[k] = Object.freeze({
      number: k + 1,
      dueDate: dueDates[k],
      principal: formatUnits2(principal, scale2),
      interest: interest === 0 ? zero : formatUnits2(interest, scale2),
      tax: taxOnFees === 0 ? taxOnInterestText : taxOnInterest === 0 ? taxOnFeesText : formatUnits2(taxSum, scale2),
      fees: feeSum === 0 ? zero : formatUnits2(feeSum, scale2),
      total: formatUnits2(total, scale2),
      balance: balance === 0 ? zero : formatUnits2(balance, scale2),
      taxOnInterest: taxOnInterestText,
      taxOnFees: taxOnFeesText
    });
  }
  if (balance !== 0 || tPrincipal !== financed) throw new Error("schedule invariant broken: principal parts do not sum to the financed amount");
  const grand = tPrincipal + tInterest + tTax + tFees;
  const cat = scheduleCat(net, payments, plan);
  return Object.freeze({
    installments: Object.freeze(rows),
    totals: Object.freeze({
      principal: formatUnits2(tPrincipal, scale2),
      interest: formatUnits2(tInterest, scale2),
      tax: formatUnits2(tTax, scale2),
      fees: formatUnits2(tFees, scale2),
      total: formatUnits2(grand, scale2)
    }),
    disbursed: formatUnits2(disbursed, scale2),
    financed: formatUnits2(financed, scale2),
    upfront: formatUnits2(upfrontTotal, scale2),
    cat: cat.cat,
    catExact: cat.catExact,
    effectivePeriodRate: cat.effectivePeriodRate,
    totalToPay: formatUnits2(grand + upfrontTotal, scale2),
    totalCost: formatUnits2(grand + upfrontTotal - disbursed, scale2)
  });
}

// src/expressions/fixed.ts
var MAX_FIXED_SCALE = 15;
var POW102 = Array.from({ length: 23 }, (_, i) => 10 ** i);
var Fixed = class {
  m;
  s;
  constructor(m, s) {
    this.m = m;
    this.s = s;
  }
  /** The decimal string, e.g. "24000.5", "-0.03". */
  toString() {
    const neg = this.m < 0;
    const digits = String(neg ? -this.m : this.m).padStart(this.s + 1, "0");
    const cut = digits.length - this.s;
    return `${neg ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }
  /** The same value as a Dec. */
  toDec() {
    return new Dec(this.toString());
  }
};
function fixed2(m, s) {
  while (s > 0 && m % 10 === 0) {
    m /= 10;
    s--;
  }
  return s === 0 ? m === 0 ? 0 : m : new Fixed(m, s);
}
function parseExact(text) {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return void 0;
  const int = m[2].replace(/^0+(?=\d)/, "");
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const digits = (int === "0" ? "" : int) + frac;
  if (digits.replace(/^0+/, "").length <= 15 && frac.length <= MAX_FIXED_SCALE) {
    const coefficient = Number(digits === "" ? "0" : digits);
    return fixed2(m[1] === "-" ? -coefficient : coefficient, frac.length);
  }
  const d2 = new Dec(text);
  return d2.isInteger() && d2.abs().lte(Number.MAX_SAFE_INTEGER) ? d2.toNumber() || 0 : d2;
}

// src/expressions/values.ts
var ExpressionTypeError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ExpressionTypeError";
  }
};
function isDec(value) {
  return value instanceof Dec || Dec.isDecimal(value);
}
function isExactNumber(value) {
  return typeof value === "number" || value instanceof Fixed || isDec(value);
}
function exactFromNumber(n2, where) {
  if (Number.isSafeInteger(n2)) return n2 === 0 ? 0 : n2;
  if (!Number.isFinite(n2)) throw new ExpressionTypeError(`${where}: ${n2} is not a finite number`);
  const text = String(n2);
  return parseExact(text) ?? new Dec(text);
}
function asNumber(value, op) {
  if (value === null) return null;
  if (typeof value === "number" || value instanceof Fixed || isDec(value)) return value;
  throw new ExpressionTypeError(`\`${op}\` expects numbers, got ${describeValue(value)}`);
}
function toDec(n2) {
  return typeof n2 === "number" ? new Dec(n2) : n2 instanceof Fixed ? n2.toDec() : n2;
}
function truthy(value) {
  if (value === null || value === false || value === "" || value === 0) return false;
  if (typeof value === "object") {
    if (value instanceof Fixed) return true;
    if (Array.isArray(value)) return value.length > 0;
    if (isDec(value)) return !value.isZero();
  }
  return true;
}
function toJsonValue(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "number") return String(value === 0 ? 0 : value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Fixed) return value.toString();
  if (isDec(value)) return value.isZero() ? "0" : value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object") {
    const out2 = {};
    for (const [k, v2] of Object.entries(value)) out2[k] = toJsonValue(v2);
    return out2;
  }
  return String(value);
}
function describeValue(value) {
  if (value === null || value === void 0) return "missing";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (isExactNumber(value)) return `the number ${String(value)}`;
  if (Array.isArray(value)) return "a list";
  return "an object";
}

// src/expressions/arithmetic.ts
var SAFE = Number.MAX_SAFE_INTEGER;
function settle(r) {
  return Number.isSafeInteger(r) ? r === 0 ? 0 : r : void 0;
}
function coef(x) {
  return typeof x === "number" ? x : x.m;
}
function scale(x) {
  return typeof x === "number" ? 0 : x.s;
}
function lift(m, k) {
  if (k === 0) return m;
  const r = m * POW102[k];
  return r >= -SAFE && r <= SAFE ? r : void 0;
}
function isShort(x) {
  return typeof x === "number" || x instanceof Fixed;
}
function addShort(x, y, sign2) {
  const s = Math.max(scale(x), scale(y));
  const a = lift(coef(x), s - scale(x));
  const b = lift(coef(y), s - scale(y));
  if (a === void 0 || b === void 0) return void 0;
  const r = a + sign2 * b;
  return Number.isSafeInteger(r) ? fixed2(r, s) : void 0;
}
function add2(a, b) {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  const x = asNumber(a, "+");
  const y = asNumber(b, "+");
  if (x === null || y === null) return null;
  if (typeof x === "number" && typeof y === "number") return settle(x + y) ?? new Dec(x).plus(y);
  return (isShort(x) && isShort(y) ? addShort(x, y, 1) : void 0) ?? toDec(x).plus(toDec(y));
}
function subtract(a, b) {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  const x = asNumber(a, "-");
  const y = asNumber(b, "-");
  if (x === null || y === null) return null;
  if (typeof x === "number" && typeof y === "number") return settle(x - y) ?? new Dec(x).minus(y);
  return (isShort(x) && isShort(y) ? addShort(x, y, -1) : void 0) ?? toDec(x).minus(toDec(y));
}
function multiply(a, b) {
  if (typeof a === "number") {
    if (typeof b === "number") {
      const r = a * b;
      if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    } else if (b instanceof Fixed) {
      const r = a * b.m;
      if (Number.isSafeInteger(r)) return fixed2(r, b.s);
    }
  } else if (typeof b === "number" && a instanceof Fixed) {
    const r = a.m * b;
    if (Number.isSafeInteger(r)) return fixed2(r, a.s);
  }
  const x = asNumber(a, "*");
  const y = asNumber(b, "*");
  if (x === null || y === null) return null;
  if (typeof x === "number" && typeof y === "number") return settle(x * y) ?? new Dec(x).times(y);
  if (isShort(x) && isShort(y)) {
    const r = coef(x) * coef(y);
    const s = scale(x) + scale(y);
    if (Number.isSafeInteger(r) && s <= MAX_FIXED_SCALE) return fixed2(r, s);
  }
  return toDec(x).times(toDec(y));
}
function gcd(a, b) {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}
function divideIntegers(x, y) {
  const q = x / y;
  if (Number.isInteger(q)) return q === 0 ? 0 : q;
  for (let s = 1; s <= MAX_FIXED_SCALE; s++) {
    const n2 = x * POW102[s];
    if (n2 > SAFE || n2 < -SAFE) return void 0;
    const m = n2 / y;
    if (Number.isInteger(m)) return new Fixed(m, s);
  }
  return void 0;
}
function divideShort(x, y) {
  const g = gcd(Math.abs(coef(x)), Math.abs(coef(y)));
  let n2 = coef(x) / g;
  let d2 = coef(y) / g;
  if (d2 < 0) {
    n2 = -n2;
    d2 = -d2;
  }
  let twos = 0;
  let fives = 0;
  let rest = d2;
  while (rest % 2 === 0) {
    rest /= 2;
    twos++;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives++;
  }
  if (rest !== 1) return void 0;
  const k = Math.max(twos, fives);
  const m = n2 * 2 ** (k - twos) * 5 ** (k - fives);
  if (!Number.isSafeInteger(m)) return void 0;
  const s = k + scale(x) - scale(y);
  if (s < 0) {
    const lifted = lift(m, -s);
    return lifted === void 0 ? void 0 : lifted === 0 ? 0 : lifted;
  }
  return s <= MAX_FIXED_SCALE ? fixed2(m, s) : void 0;
}
function divide2(a, b) {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return null;
    const q = divideIntegers(a, b);
    if (q !== void 0) return q;
  }
  const x = asNumber(a, "/");
  const y = asNumber(b, "/");
  if (x === null || y === null) return null;
  if (isShort(x) && isShort(y)) {
    if (coef(y) === 0) return null;
    const q = divideShort(x, y);
    if (q !== void 0) return q;
  }
  const dy = toDec(y);
  if (dy.isZero()) return null;
  return toDec(x).div(dy);
}
function negate(a) {
  const x = asNumber(a, "-");
  if (x === null) return null;
  if (typeof x === "number") return x === 0 ? 0 : -x;
  return x instanceof Fixed ? new Fixed(-x.m, x.s) : x.neg();
}
function compareNumbers(x, y) {
  if (typeof x === "number" && typeof y === "number") return x < y ? -1 : x > y ? 1 : 0;
  if (x instanceof Fixed && y instanceof Fixed && x.s === y.s) return x.m < y.m ? -1 : x.m > y.m ? 1 : 0;
  if (isShort(x) && isShort(y)) {
    const s = Math.max(scale(x), scale(y));
    const a = lift(coef(x), s - scale(x));
    const b = lift(coef(y), s - scale(y));
    if (a !== void 0 && b !== void 0) return a < b ? -1 : a > b ? 1 : 0;
  }
  return toDec(x).cmp(toDec(y));
}
function extreme(values, op) {
  let best = null;
  for (const v2 of values) {
    const x = asNumber(v2, op);
    if (x === null) return null;
    if (best === null || (op === "min" ? compareNumbers(x, best) < 0 : compareNumbers(x, best) > 0)) best = x;
  }
  return best;
}
function roundNumber(a, places, mode) {
  const x = asNumber(a, "round");
  const p = asNumber(places, "round");
  if (x === null || p === null) return null;
  const k = typeof p === "number" ? p : toDec(p).toNumber();
  if (!Number.isInteger(k) || k < 0 || k > 20) {
    throw new ExpressionTypeError(`\`round\` takes a scale between 0 and 20, got ${String(p)}`);
  }
  if (typeof x === "number") return x;
  if (x instanceof Fixed) {
    if (x.s <= k) return x;
    const r2 = roundRatio(Math.abs(x.m), POW102[x.s - k], mode);
    return fixed2(x.m < 0 ? -r2 : r2, k);
  }
  const r = x.toDecimalPlaces(k, mode === "half-even" ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP);
  return r.isInteger() && r.abs().lte(SAFE) ? r.toNumber() || 0 : r;
}

// src/expressions/compiled-node.ts
function constant(value) {
  return { fn: () => value, constant: { value } };
}
function fail(path, message) {
  throw new InvalidInputError([{ path, message }]);
}
function arity(op, args, min2, max2, path) {
  if (args.length < min2 || args.length > max2) {
    const want = min2 === max2 ? `${min2}` : max2 === Infinity ? `at least ${min2}` : `${min2} to ${max2}`;
    fail(path, `\`${op}\` takes ${want} argument${want === "1" ? "" : "s"}, got ${args.length}`);
  }
}

// src/expressions/comparison.ts
function isNumeric(v2) {
  return isExactNumber(v2);
}
function equals(a, b) {
  if (a === null || b === null) return false;
  if (typeof a === "string" || typeof a === "boolean" || typeof b === "string" || typeof b === "boolean") return a === b;
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(a, b) === 0;
  return a === b;
}
function notEquals(a, b) {
  if (a === null || b === null) return false;
  return !equals(a, b);
}
function order(a, b, op) {
  if (a === null || b === null) return null;
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(a, b);
  throw new ExpressionTypeError(`\`${op}\` compares two numbers or two strings, got ${describeValue(a)} and ${describeValue(b)}`);
}
function isIn(a, haystack) {
  if (a === null || haystack === null) return false;
  if (typeof haystack === "string") return typeof a === "string" && haystack !== "" && haystack.includes(a);
  if (Array.isArray(haystack)) {
    for (const item of haystack) if (equals(a, item)) return true;
    return false;
  }
  throw new ExpressionTypeError(`\`in\` looks in a list or a string, got ${describeValue(haystack)}`);
}

// src/expressions/read-path.ts
function readPath(segments) {
  if (segments.length === 1) {
    const s0 = segments[0];
    return (data) => {
      if (data === null || typeof data !== "object") return void 0;
      const v2 = data[s0];
      return typeof v2 === "function" ? void 0 : v2;
    };
  }
  if (segments.length === 2) {
    const s0 = segments[0];
    const s1 = segments[1];
    return (data) => {
      if (data === null || typeof data !== "object") return void 0;
      const g = data[s0];
      if (g === null || typeof g !== "object") return void 0;
      const v2 = g[s1];
      return typeof v2 === "function" ? void 0 : v2;
    };
  }
  return (data) => {
    let value = data;
    for (const s of segments) {
      if (value === null || typeof value !== "object") return void 0;
      value = value[s];
    }
    return typeof value === "function" ? void 0 : value;
  };
}
var SITES = [
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  },
  (s0, s1) => (d2) => {
    if (d2 === null || typeof d2 !== "object") return void 0;
    const g = d2[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v2 = g[s1];
    return typeof v2 === "function" ? void 0 : v2;
  }
];
var siteOfPath = /* @__PURE__ */ new Map();
var sitesTaken = 0;
function pathReader(segments) {
  if (segments.length > 2) return readPath(segments);
  const name = segments.join(".");
  let reader = siteOfPath.get(name);
  if (reader === void 0) {
    reader = SITES[sitesTaken++ % SITES.length](segments[0], segments[1]);
    if (siteOfPath.size < 4096) siteOfPath.set(name, reader);
  }
  return reader;
}
function normalize(v2, name) {
  if (v2 === void 0) return null;
  if (typeof v2 === "number") return Number.isSafeInteger(v2) ? v2 === 0 ? 0 : v2 : exactFromNumber(v2, name);
  return v2;
}

// src/expressions/compile-comparison.ts
var FLIPPED = { "<": ">", "<=": ">=", ">": "<", ">=": "<=" };
function holds(op, c) {
  switch (op) {
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
  }
}
function ordered(op, x, y) {
  const c = order(x, y, op);
  return c !== null && holds(op, c);
}
function fusedOrdering(op, segments, k) {
  const read = pathReader(segments);
  const name = segments.join(".");
  const slow = (x) => ordered(op, normalize(x, name), k);
  if (typeof k !== "number") return (data) => slow(read(data));
  switch (op) {
    case "<":
      return (data) => {
        const x = read(data);
        return typeof x === "number" && x - x === 0 ? x < k : slow(x);
      };
    case "<=":
      return (data) => {
        const x = read(data);
        return typeof x === "number" && x - x === 0 ? x <= k : slow(x);
      };
    case ">":
      return (data) => {
        const x = read(data);
        return typeof x === "number" && x - x === 0 ? x > k : slow(x);
      };
    case ">=":
      return (data) => {
        const x = read(data);
        return typeof x === "number" && x - x === 0 ? x >= k : slow(x);
      };
  }
}
function compileOrdering(op, args, path) {
  if (args.length === 3 && (op === "<" || op === "<=")) {
    const [a2, b2, c] = args.map((n2) => n2.fn);
    return {
      fn: (data, today) => {
        const y = b2(data, today);
        return ordered(op, a2(data, today), y) && ordered(op, y, c(data, today));
      }
    };
  }
  arity(op, args, 2, 2, path);
  const [a, b] = args;
  if (a.varPath && b.constant) return { fn: fusedOrdering(op, a.varPath, b.constant.value) };
  if (b.varPath && a.constant) return { fn: fusedOrdering(FLIPPED[op], b.varPath, a.constant.value) };
  const fa = a.fn;
  if (b.constant && typeof b.constant.value === "number") return { fn: orderingWithInteger(op, fa, b.constant.value) };
  const fb = b.fn;
  return { fn: (data, today) => ordered(op, fa(data, today), fb(data, today)) };
}
function orderingWithInteger(op, f, k) {
  switch (op) {
    case "<":
      return (data, today) => {
        const x = f(data, today);
        return typeof x === "number" ? x < k : ordered(op, x, k);
      };
    case "<=":
      return (data, today) => {
        const x = f(data, today);
        return typeof x === "number" ? x <= k : ordered(op, x, k);
      };
    case ">":
      return (data, today) => {
        const x = f(data, today);
        return typeof x === "number" ? x > k : ordered(op, x, k);
      };
    case ">=":
      return (data, today) => {
        const x = f(data, today);
        return typeof x === "number" ? x >= k : ordered(op, x, k);
      };
  }
}
function compileEquality(op, args, path) {
  arity(op, args, 2, 2, path);
  const [a, b] = args;
  const other = a.constant?.value === null ? b.fn : b.constant?.value === null ? a.fn : void 0;
  if (other) return op === "==" ? { fn: (data, today) => other(data, today) === null } : { fn: (data, today) => other(data, today) !== null };
  const [v2, k] = a.varPath && b.constant ? [a.varPath, b.constant.value] : b.varPath && a.constant ? [b.varPath, a.constant.value] : [void 0, void 0];
  if (v2 && (typeof k === "string" || typeof k === "boolean")) {
    const read = pathReader(v2);
    if (op === "==") return { fn: (data) => read(data) === k };
    return {
      fn: (data) => {
        const x = read(data);
        return x !== void 0 && x !== null && x !== k;
      }
    };
  }
  const fa = a.fn;
  const fb = b.fn;
  const test = op === "==" ? equals : notEquals;
  return { fn: (data, today) => test(fa(data, today), fb(data, today)) };
}
function compileIn(args, path) {
  arity("in", args, 2, 2, path);
  const [a, b] = args;
  const fa = a.fn;
  const list = b.constant?.value;
  if (Array.isArray(list) && list.every((x) => typeof x === "string")) {
    const strings = list;
    return {
      fn: (data, today) => {
        const x = fa(data, today);
        return typeof x === "string" ? strings.includes(x) : isIn(x, strings);
      }
    };
  }
  const fb = b.fn;
  return { fn: (data, today) => isIn(fa(data, today), fb(data, today)) };
}

// src/expressions/compile-var.ts
var NOTHING_MISSING = Object.freeze([]);
function compileVar(args, path, options, compile) {
  arity("var", args, 0, 2, path);
  const key = args[0];
  const hasDefault = args.length > 1;
  const dflt = hasDefault ? compile(args[1], `${path}[1]`, options).fn : constant(null).fn;
  if (key === void 0 || key === null || key === "") return { fn: (data) => normalize(data, "var") };
  if (typeof key === "string" || typeof key === "number") {
    const name = String(key);
    const segments = Object.freeze(name.split("."));
    const read = pathReader(segments);
    if (!hasDefault) {
      return {
        fn: (data) => {
          const v2 = read(data);
          return typeof v2 === "number" && Number.isSafeInteger(v2) ? v2 : normalize(v2, name);
        },
        varPath: segments
      };
    }
    return {
      fn: (data, today) => {
        const v2 = read(data);
        return v2 === void 0 ? dflt(data, today) : normalize(v2, name);
      }
    };
  }
  const keyNode = compile(key, `${path}[0]`, options).fn;
  return {
    fn: (data, today) => {
      const k = keyNode(data, today);
      if (k === null || k === "") return normalize(data, "var");
      const name = typeof k === "string" ? k : String(asNumber(k, "var"));
      const v2 = readPath(name.split("."))(data);
      return v2 === void 0 ? dflt(data, today) : normalize(v2, name);
    }
  };
}
function isMissing(v2) {
  return v2 === void 0 || v2 === null || v2 === "";
}
function compileMissing(args) {
  const literal = args.every((a) => a.constant && typeof a.constant.value === "string");
  if (literal) {
    const keys = args.map((a) => a.constant.value);
    const readers = keys.map((k) => pathReader(k.split(".")));
    return {
      fn: (data) => {
        let missing;
        for (let i = 0; i < readers.length; i++) if (isMissing(readers[i](data))) (missing ??= []).push(keys[i]);
        return missing ?? NOTHING_MISSING;
      },
      anyMissing: (data) => {
        for (const r of readers) if (isMissing(r(data))) return true;
        return false;
      }
    };
  }
  const fns = args.map((a) => a.fn);
  return {
    fn: (data, today) => {
      const values = fns.map((f) => f(data, today));
      const keys = values.length > 0 && Array.isArray(values[0]) ? values[0] : values;
      const missing = [];
      for (const key of keys) {
        const name = typeof key === "string" ? key : String(key);
        if (isMissing(readPath(name.split("."))(data))) missing.push(key);
      }
      return missing;
    }
  };
}

// src/expressions/dates.ts
function packedDate(s) {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let packed = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    packed = packed * 10 + c;
  }
  const y = Math.floor(packed / 1e4);
  const m = Math.floor(packed / 100) % 100;
  const d2 = packed % 100;
  return m >= 1 && m <= 12 && d2 >= 1 && d2 <= daysInMonth(y, m) ? packed : -1;
}
function packedOf(value, op) {
  if (value === null) return null;
  const p = typeof value === "string" ? packedDate(value) : -1;
  if (p < 0) throw new ExpressionTypeError(`\`${op}\` expects dates as "YYYY-MM-DD", got ${describeValue(value)}`);
  return p;
}
function memoizedDateFunction(f, op) {
  let lastA = null;
  let packedA = -1;
  let lastB = null;
  let packedB = -1;
  return (from, to) => {
    if (from === null || to === null) return null;
    if (from !== lastA) {
      packedA = packedOf(from, op);
      lastA = from;
    }
    if (to !== lastB) {
      packedB = packedOf(to, op);
      lastB = to;
    }
    return f(packedA, packedB);
  };
}
function dayOf(packed) {
  return dayNumber(Math.floor(packed / 1e4), Math.floor(packed / 100) % 100, packed % 100);
}
function packedDaysBetween(a, b) {
  return dayOf(b) - dayOf(a);
}
function packedYearsBetween(a, b) {
  if (b >= a) return Math.floor((b - a) / 1e4);
  const back = Math.floor((a - b) / 1e4);
  return back === 0 ? 0 : -back;
}

// src/expressions/compile-expression.ts
var EXPRESSION_OPERATORS = Object.freeze([
  "var",
  "decimal",
  "+",
  "-",
  "*",
  "/",
  "<",
  "<=",
  ">",
  ">=",
  "==",
  "!=",
  "and",
  "or",
  "!",
  "!!",
  "if",
  "in",
  "min",
  "max",
  "missing",
  "round",
  "days_between",
  "years_between",
  "today"
]);
var DECIMAL2 = /^[+-]?\d+(\.\d+)?$/;
function parseDecimalLiteral(text) {
  return DECIMAL2.test(text) ? parseExact(text) : void 0;
}
function compileDecimal(args, path, options) {
  arity("decimal", args, 1, 1, path);
  const text = args[0];
  if (typeof text === "string") {
    const value = parseDecimalLiteral(text);
    if (value === void 0) fail(`${path}[0]`, `\`decimal\` takes a decimal string like "0.30", got ${JSON.stringify(text)}`);
    return constant(value);
  }
  if (typeof text === "number") return constant(exactFromNumber(text, "decimal"));
  const inner = compileNode(text, `${path}[0]`, options).fn;
  return {
    fn: (data, today) => {
      const v2 = inner(data, today);
      if (v2 === null) return null;
      if (typeof v2 === "string") {
        const parsed = parseDecimalLiteral(v2);
        if (parsed === void 0) throw new ExpressionTypeError(`\`decimal\` takes a decimal string, got ${JSON.stringify(v2)}`);
        return parsed;
      }
      return asNumber(v2, "decimal");
    }
  };
}
function reduceNumbers(fns, step, op) {
  if (fns.length === 1) {
    const only = fns[0];
    return (data, today) => asNumber(only(data, today), op);
  }
  if (fns.length === 2) {
    const [f, g] = fns;
    return (data, today) => step(f(data, today), g(data, today));
  }
  return (data, today) => {
    let acc = fns[0](data, today);
    for (let i = 1; i < fns.length; i++) acc = step(acc, fns[i](data, today));
    return acc;
  };
}
function binary(fns, step) {
  const [f, g] = fns;
  return { fn: (data, today) => step(f(data, today), g(data, today)) };
}
function compileNot(arg, negated) {
  const anyMissing = arg.anyMissing;
  if (anyMissing) return negated ? { fn: (data) => !anyMissing(data) } : { fn: (data) => anyMissing(data) };
  const f = arg.fn;
  return negated ? { fn: (data, today) => !truthy(f(data, today)) } : { fn: (data, today) => truthy(f(data, today)) };
}
function compileAndOr(fns, isAnd) {
  if (fns.length === 2) {
    const [f, g] = fns;
    return isAnd ? { fn: (data, today) => {
      const v2 = f(data, today);
      return truthy(v2) ? g(data, today) : v2;
    } } : { fn: (data, today) => {
      const v2 = f(data, today);
      return truthy(v2) ? v2 : g(data, today);
    } };
  }
  return {
    fn: (data, today) => {
      let v2 = null;
      for (const f of fns) {
        v2 = f(data, today);
        if (truthy(v2) !== isAnd) return v2;
      }
      return v2;
    }
  };
}
function compileOperation(op, rawArgs, path, options) {
  switch (op) {
    case "var":
      return compileVar(rawArgs, path, options, compileNode);
    case "decimal":
      return compileDecimal(rawArgs, path, options);
    case "today":
      arity(op, rawArgs, 0, 0, path);
      return {
        fn: (_data, today) => {
          if (today === null || today === void 0) throw new ExpressionTypeError("`today` needs the decision date");
          return today;
        }
      };
    default:
      break;
  }
  const args = rawArgs.map((a, i) => compileNode(a, `${path}[${i}]`, options));
  const fns = args.map((a) => a.fn);
  switch (op) {
    case "+":
      if (fns.length === 0) return constant(0);
      return { fn: reduceNumbers(fns, add2, "+") };
    case "*":
      arity(op, args, 1, Infinity, path);
      return { fn: reduceNumbers(fns, multiply, "*") };
    case "-": {
      arity(op, args, 1, 2, path);
      if (fns.length === 2) return binary(fns, subtract);
      const f = fns[0];
      return { fn: (data, today) => negate(f(data, today)) };
    }
    case "/":
      arity(op, args, 2, 2, path);
      return binary(fns, divide2);
    case "min":
    case "max":
      arity(op, args, 1, Infinity, path);
      return { fn: (data, today) => extreme(fns.map((f) => f(data, today)), op) };
    case "round": {
      arity(op, args, 1, 2, path);
      const mode = options.rounding;
      const [f, g] = fns;
      if (g === void 0) return { fn: (data, today) => roundNumber(f(data, today), 0, mode) };
      return { fn: (data, today) => roundNumber(f(data, today), g(data, today), mode) };
    }
    case "<":
    case "<=":
      arity(op, args, 2, 3, path);
      return compileOrdering(op, args, path);
    case ">":
    case ">=":
      return compileOrdering(op, args, path);
    case "==":
    case "!=":
      return compileEquality(op, args, path);
    case "!":
    case "!!":
      arity(op, args, 1, 1, path);
      return compileNot(args[0], op === "!");
    case "and":
    case "or":
      arity(op, args, 1, Infinity, path);
      return compileAndOr(fns, op === "and");
    case "if": {
      if (fns.length === 3) {
        const [c, a, b] = fns;
        return { fn: (data, today) => truthy(c(data, today)) ? a(data, today) : b(data, today) };
      }
      return {
        fn: (data, today) => {
          let i = 0;
          for (; i < fns.length - 1; i += 2) if (truthy(fns[i](data, today))) return fns[i + 1](data, today);
          return i === fns.length - 1 ? fns[i](data, today) : null;
        }
      };
    }
    case "in":
      return compileIn(args, path);
    case "missing":
      return compileMissing(args);
    case "days_between":
      arity(op, args, 2, 2, path);
      return binary(fns, memoizedDateFunction(packedDaysBetween, op));
    case "years_between":
      arity(op, args, 2, 2, path);
      return binary(fns, memoizedDateFunction(packedYearsBetween, op));
    default:
      return fail(path, `unknown operator \`${op}\` (known: ${EXPRESSION_OPERATORS.join(" ")})`);
  }
}
function compileNode(logic, path, options) {
  if (logic === null || typeof logic === "string" || typeof logic === "boolean") return constant(logic);
  if (typeof logic === "number") {
    if (!Number.isFinite(logic)) fail(path, `${logic} is not a number`);
    return constant(exactFromNumber(logic, path));
  }
  if (Array.isArray(logic)) {
    const items = logic.map((item, i) => compileNode(item, `${path}[${i}]`, options));
    if (items.every((n2) => n2.constant)) return constant(Object.freeze(items.map((n2) => n2.constant.value)));
    const fns = items.map((n2) => n2.fn);
    return { fn: (data, today) => fns.map((f) => f(data, today)) };
  }
  if (typeof logic !== "object") return fail(path, `unexpected ${typeof logic} in an expression`);
  const keys = Object.keys(logic);
  if (keys.length !== 1) fail(path, `an operation is an object with exactly one operator key, got ${keys.length} keys`);
  const op = keys[0];
  const raw = logic[op];
  const args = Array.isArray(raw) ? raw : [raw];
  return compileOperation(op, args, path ? `${path}.${op}` : op, options);
}
function compileExpression(logic, options = {}) {
  return compileNode(logic, options.path ?? "", { rounding: options.rounding ?? "half-even" }).fn;
}

// src/expressions/expression-reads.ts
function expressionReads(logic) {
  const seen = /* @__PURE__ */ new Set();
  visit(logic, seen);
  return Object.freeze([...seen]);
}
function visit(node, seen) {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, seen);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [op, raw] of Object.entries(node)) {
    const args = Array.isArray(raw) ? raw : [raw];
    if (op === "var") {
      const key = args[0];
      if (typeof key === "string" || typeof key === "number") {
        if (key !== "") seen.add(String(key));
      } else visit(key, seen);
      visit(args.slice(1), seen);
    } else if (op === "missing") {
      const keys = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
      for (const key of keys) {
        if (typeof key === "string") seen.add(key);
        else visit(key, seen);
      }
    } else if (op === "today") {
      seen.add("today");
    } else {
      visit(args, seen);
    }
  }
}

// src/expressions/exact-number.ts
function exactNumber(d2) {
  if (d2.isInteger()) return d2.abs().lte(Number.MAX_SAFE_INTEGER) ? d2.toNumber() || 0 : d2;
  const s = d2.decimalPlaces();
  if (s <= MAX_FIXED_SCALE) {
    const m = d2.times(POW102[s]);
    if (m.abs().lte(Number.MAX_SAFE_INTEGER)) return fixed2(m.toNumber(), s);
  }
  return d2;
}

// src/application/parse-field-value.ts
var DECIMAL3 = /^[+-]?\d+(\.\d+)?$/;
var PERCENT_TEXT = /^[+-]?\d+(\.\d+)?\s*%$/;
function bad(message) {
  return { ok: false, message };
}
function shown(raw) {
  return JSON.stringify(raw) ?? String(raw);
}
function parseNumeric(field, raw) {
  const kind = field.type === "integer" ? "an integer" : field.type === "percent" ? "a fraction (0.35 for 35%)" : field.type === "money" ? "an amount" : "a number";
  let value;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return bad(`must be ${kind}, got ${String(raw)}`);
    value = Number.isSafeInteger(raw) ? raw || 0 : exactNumber(new Dec(String(raw)));
  } else if (typeof raw === "string") {
    const text = raw.trim();
    if (field.type === "percent" && PERCENT_TEXT.test(text)) {
      const fraction = new Dec(text.replace("%", "").trim()).div(100).toString();
      return bad(`percents are fractions: write "${fraction}" for ${text}`);
    }
    const parsed = DECIMAL3.test(text) ? parseExact(text) : void 0;
    if (parsed === void 0) return bad(`must be ${kind} as a decimal string like "1234.50" or a JSON number, got ${shown(raw)}`);
    value = parsed;
  } else {
    return bad(`must be ${kind}, got ${shown(raw)}`);
  }
  const whole = typeof value === "number" || isDec(value) && value.isInteger();
  if (field.type === "integer" && !whole) return bad(`must be a whole number, got ${shown(raw)}`);
  if (field.min !== void 0 && compareNumbers(value, parseExact(field.min)) < 0) return bad(`must be at least ${field.min}, got ${shown(raw)}`);
  if (field.max !== void 0) {
    const c = compareNumbers(value, parseExact(field.max));
    if (field.maxExclusive === true && c >= 0) return bad(`must be less than ${field.max}, got ${shown(raw)}`);
    if (c > 0) return bad(`must be at most ${field.max}, got ${shown(raw)}`);
  }
  return { ok: true, value };
}
function parseFieldValue(field, raw) {
  switch (field.type) {
    case "number":
    case "integer":
    case "money":
    case "percent":
      return parseNumeric(field, raw);
    case "string":
      return typeof raw === "string" ? { ok: true, value: raw } : bad(`must be a string, got ${shown(raw)}`);
    case "boolean":
      return typeof raw === "boolean" ? { ok: true, value: raw } : bad(`must be true or false, got ${shown(raw)}`);
    case "date":
      return typeof raw === "string" && parseIsoDate(raw) !== void 0 ? { ok: true, value: raw } : bad(`must be a calendar date as "YYYY-MM-DD", got ${shown(raw)}`);
    case "enum": {
      const values = field.values ?? [];
      return typeof raw === "string" && values.includes(raw) ? { ok: true, value: raw } : bad(`must be one of ${values.map((v2) => `\`${v2}\``).join(", ")}, got ${shown(raw)}`);
    }
  }
}

// src/application/request-fields.ts
function frequencyKey(frequency) {
  return typeof frequency === "object" ? `every_${frequency.everyDays}_days` : frequency;
}
function inputFieldsOf(ir) {
  const declared = new Set(ir.inputs.map((f) => f.path));
  const implicit = [];
  if (!declared.has("request.amount")) implicit.push({ path: "request.amount", type: "money", optional: false });
  if (!declared.has("request.payments")) implicit.push({ path: "request.payments", type: "integer", optional: false });
  if (!declared.has("request.frequency")) {
    implicit.push({ path: "request.frequency", type: "enum", optional: true, values: ir.limits.terms.map((t) => frequencyKey(t.frequency)) });
  }
  return implicit.length === 0 ? ir.inputs : [...ir.inputs, ...implicit];
}

// src/application/validate-application.ts
function isRecord(v2) {
  return typeof v2 === "object" && v2 !== null && !Array.isArray(v2);
}
function collect2(data, prefix, fields, groups, out2, issues) {
  for (const [key, value] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (fields.has(path)) {
      if (out2.has(path)) issues.push({ path, message: "is given twice (nested and as a dotted key)" });
      else out2.set(path, value);
    } else if (groups.has(path)) {
      if (isRecord(value)) collect2(value, path, fields, groups, out2, issues);
      else if (value !== void 0) {
        const members = [...fields.keys()].filter((p) => p.startsWith(`${path}.`)).map((p) => p.slice(path.length + 1));
        issues.push({ path, message: `must be an object with ${members.map((m) => `\`${m}\``).join(", ")}, got ${JSON.stringify(value)}` });
      }
    } else {
      issues.push({ path, message: `unknown field \`${path}\`: the product declares no such input` });
    }
  }
}
function nest(fields, values) {
  const root = {};
  for (const f of fields) {
    const segments = f.path.split(".");
    let node = root;
    for (const s of segments.slice(0, -1)) node = node[s] ??= {};
    node[segments[segments.length - 1]] = values.get(f.path) ?? null;
  }
  return deepFreeze(root);
}
function deepFreeze(o) {
  for (const v2 of Object.values(o)) if (isRecord(v2) && !Object.isFrozen(v2)) deepFreeze(v2);
  return Object.freeze(o);
}
function validateApplication(ir, data) {
  const fields = inputFieldsOf(ir);
  if (!isRecord(data)) {
    throw new InvalidInputError([{ path: "", message: `the application must be a JSON object, got ${JSON.stringify(data) ?? String(data)}` }]);
  }
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const groups = /* @__PURE__ */ new Set();
  for (const f of fields) {
    const segments = f.path.split(".");
    for (let i = 1; i < segments.length; i++) groups.add(segments.slice(0, i).join("."));
  }
  const issues = [];
  const raw = /* @__PURE__ */ new Map();
  collect2(data, "", byPath, groups, raw, issues);
  const values = /* @__PURE__ */ new Map();
  for (const f of fields) {
    const value = raw.get(f.path);
    if (value === void 0 || value === null) {
      if (!f.optional) issues.push({ path: f.path, message: `is required (${f.type === "enum" ? `one of ${(f.values ?? []).join(", ")}` : f.type})` });
      continue;
    }
    const parsed = parseFieldValue(f, value);
    if (parsed.ok) values.set(f.path, parsed.value);
    else issues.push({ path: f.path, message: parsed.message });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return Object.freeze({ values: nest(fields, values), paths: Object.freeze(fields.map((f) => f.path)) });
}

// src/decision/largest-fitting.ts
function largestFitting(lo, hi, guess, fits) {
  if (hi < lo) return void 0;
  const start = Math.min(hi, Math.max(lo, Math.floor(guess)));
  let good;
  let bad2;
  if (fits(start)) {
    good = start;
    bad2 = hi + 1;
    for (let step = 1; good < hi; step *= 2) {
      const probe = Math.min(hi, good + step);
      if (fits(probe)) good = probe;
      else {
        bad2 = probe;
        break;
      }
    }
  } else {
    bad2 = start;
    good = lo - 1;
    for (let step = 1; bad2 > lo; step *= 2) {
      const probe = Math.max(lo, bad2 - step);
      if (fits(probe)) {
        good = probe;
        break;
      }
      bad2 = probe;
    }
    if (good < lo) return void 0;
  }
  while (bad2 - good > 1) {
    const mid = good + Math.floor((bad2 - good) / 2);
    if (fits(mid)) good = mid;
    else bad2 = mid;
  }
  return good;
}

// src/decision/level-installment.ts
function greater(a, b) {
  return a.length !== b.length ? a.length > b.length : a > b;
}
function levelInstallment(schedule) {
  const rows = schedule.installments;
  const upTo = rows.length === 1 ? 1 : rows.length - 1;
  let max2 = rows[0].total;
  for (let i = 1; i < upTo; i++) if (greater(rows[i].total, max2)) max2 = rows[i].total;
  return max2;
}

// src/decision/first-due-date.ts
function firstDueDateFor(disbursement, frequency, window) {
  if (window === void 0) return void 0;
  const disb = toDayNumber(disbursement);
  const lo = disb + Math.max(1, window.min);
  const hi = disb + window.max;
  if (lo > hi) return null;
  const fallback = defaultFirstDueDate(disb, frequency);
  if (fallback >= lo && fallback <= hi) return void 0;
  if (frequency === "semimonthly") {
    for (let d2 = lo; d2 <= hi; d2++) if (isSemimonthlyDay(d2)) return formatIsoDate(d2);
    return null;
  }
  return formatIsoDate(fallback < lo ? lo : hi);
}

// src/decision/select-rate.ts
function cellMatches(key, cell, q) {
  if ("band" in cell) return key === "band" && q.band === cell.band;
  if (key === "band") return false;
  const value = key === "payments" ? new Dec(q.payments) : new Dec(q.amount);
  if (cell.min !== void 0 && value.lt(cell.min)) return false;
  if (cell.max !== void 0 && (cell.maxExclusive === true ? value.gte(cell.max) : value.gt(cell.max))) return false;
  return true;
}
function selectRate(spec, q) {
  if (spec.kind === "fixed") return spec.rate;
  for (const row of spec.rows) {
    if (spec.keys.every((key, i) => row.cells[i] !== void 0 && cellMatches(key, row.cells[i], q))) return row.rate;
  }
  return void 0;
}

// src/decision/loan-terms-for.ts
function loanFee(fee, i, issues) {
  const base = { name: fee.name, timing: fee.timing, taxable: fee.taxable };
  if (fee.amount.kind === "fixed") return { ...base, amount: fee.amount.value };
  const of = fee.amount.of;
  if (of === "installment") {
    issues.push({ path: `fees[${i}].amount.of`, message: `a fee as a percent of the installment is not supported by the schedule generator (fee \`${fee.name}\`)` });
  }
  const caps = { ...fee.min !== void 0 ? { min: fee.min } : {}, ...fee.max !== void 0 ? { max: fee.max } : {} };
  if (fee.timing !== "per-installment") return { ...base, percent: fee.amount.rate, ...caps };
  return { ...base, percent: fee.amount.rate, of: of === "balance" ? "balance" : "principal", ...caps };
}
function loanTermsFor(ir, request, band, asOf) {
  const issues = [];
  const p = ir.pricing;
  const annualRate = selectRate(p.rate, { band, payments: request.payments, amount: request.amount });
  if (annualRate === void 0) {
    issues.push({ path: "pricing.rate", message: `no rate-table row matches band \`${band ?? "none"}\`, ${request.payments} payments and amount ${request.amount}` });
  }
  const firstDueDate = firstDueDateFor(asOf, request.frequency, ir.limits.firstPaymentDays);
  if (firstDueDate === null) issues.push({ path: "limits.firstPaymentDays", message: `no ${typeof request.frequency === "string" ? request.frequency : "periodic"} due date falls inside the first-payment window` });
  const fees = ir.fees.map((f, i) => loanFee(f, i, issues));
  if (issues.length > 0) throw new InvalidInputError(issues);
  const on = (p.tax?.on ?? []).filter((t) => t === "interest" || t === "fees");
  if (p.tax && !on.includes("fees") && fees.some((f) => f.taxable)) on.push("fees");
  const terms = {
    principal: request.amount,
    annualRate,
    installments: request.payments,
    frequency: request.frequency,
    method: p.method,
    interestBasis: p.basis,
    disbursementDate: asOf,
    decimals: p.rounding.decimals,
    rounding: p.rounding.mode,
    fees,
    graceInstallments: { principal: p.grace.principal, interest: p.grace.interest }
  };
  if (firstDueDate !== void 0) terms["firstDueDate"] = firstDueDate;
  if (p.rounding.installmentMultipleOf !== void 0) terms["installmentMultipleOf"] = p.rounding.installmentMultipleOf;
  if (p.tax && on.length > 0) terms["tax"] = { rate: p.tax.rate, on, ...p.installmentIncludesTax ? { includedInInstallment: true } : {} };
  if (p.businessDays !== "none") terms["businessDays"] = { rule: p.businessDays, calendar: "mx" };
  return parseLoanTerms(terms);
}

// src/decision/reason-codes.ts
var ENGINE_REASONS = Object.freeze({
  /** decline: the requested amount is below or above the product's amount range. */
  MONTO_FUERA_DE_LIMITES: "El monto solicitado est\xE1 fuera de los l\xEDmites del producto",
  /** decline: the requested amount is not a multiple of the product's amount step. */
  MONTO_NO_MULTIPLO: "El monto solicitado no es m\xFAltiplo del incremento permitido",
  /** decline: the number of payments is outside the range allowed for the frequency. */
  PLAZO_FUERA_DE_LIMITES: "El n\xFAmero de pagos est\xE1 fuera de los l\xEDmites para la frecuencia",
  /** decline: the product does not offer the requested frequency. */
  FRECUENCIA_NO_PERMITIDA: "La frecuencia de pago solicitada no est\xE1 permitida",
  /** decline: no row of the rate table matches the band, payments and amount. */
  TASA_NO_DEFINIDA: "No hay tasa definida para este perfil y plazo",
  /** decline: the request exceeds a cap and the product makes no counteroffer. */
  EXCEDE_CAPACIDAD: "El monto solicitado excede la capacidad de pago o el l\xEDmite del perfil",
  /** decline: not even the product's minimum amount fits the caps. */
  CAPACIDAD_INSUFICIENTE: "La capacidad de pago no alcanza el monto m\xEDnimo del producto",
  /** refer: a cap of the offer could not be evaluated (a value it needs is missing, or the band has no limit). */
  CAPACIDAD_NO_DETERMINADA: "No se pudo determinar la capacidad de pago: revisi\xF3n manual",
  /** decline: no first due date satisfies the product's first-payment window. */
  PRIMER_PAGO_FUERA_DE_LIMITES: "No hay fecha de primer pago dentro de la ventana del producto"
});

// src/decision/trace-inputs.ts
function traceInputs(reads, scope, today) {
  const out2 = {};
  for (const path of reads) {
    if (path === "today") {
      out2[path] = today;
      continue;
    }
    let v2 = scope;
    for (const s of path.split(".")) v2 = v2 !== null && typeof v2 === "object" ? v2[s] : void 0;
    out2[path] = toJsonValue(v2);
  }
  return Object.freeze(out2);
}

// src/decision/build-offer.ts
function reason(code, detail, source = "offer") {
  const outcome = code === "CAPACIDAD_NO_DETERMINADA" ? "refer" : "decline";
  return { reason: Object.freeze({ code, outcome, source, message: `${ENGINE_REASONS[code]} (${detail})` }) };
}
function offerRecord(kind, request, quote2) {
  const { terms, schedule } = quote2;
  const rows = schedule.installments;
  return Object.freeze({
    kind,
    amount: terms.principal,
    requestedAmount: request.amount,
    payments: terms.installments,
    frequency: terms.frequency,
    annualRate: terms.annualRate,
    method: terms.method,
    fees: terms.fees,
    installment: quote2.installment.toFixed(terms.decimals),
    disbursed: schedule.disbursed,
    upfront: schedule.upfront,
    totalToPay: schedule.totalToPay,
    cat: schedule.cat,
    schedule: Object.freeze({
      installments: rows.length,
      firstDueDate: rows[0].dueDate,
      lastDueDate: rows[rows.length - 1].dueDate,
      totals: schedule.totals
    }),
    terms
  });
}
function buildOffer(program2, request, band, scope, asOf, trace) {
  const ir = program2.ir;
  const rate2 = selectRate(ir.pricing.rate, { band, payments: request.payments, amount: request.amount });
  trace.push(Object.freeze({ step: "rate", id: "pricing.rate", inputs: Object.freeze({ band, "request.payments": String(request.payments), "request.amount": request.amount }), result: rate2 ?? null }));
  if (rate2 === void 0) return reason("TASA_NO_DEFINIDA", `banda ${band ?? "ninguna"}, ${request.payments} pagos, monto ${request.amount}`, "pricing");
  let maxAmount = new Dec(ir.limits.amount.max);
  let maxInstallment;
  for (const [i, { cap, logic }] of program2.caps.entries()) {
    let value;
    let inputs;
    if (cap.kind === "max-amount-by-band") {
      const v2 = band === null ? void 0 : cap.values[band];
      value = v2 === void 0 ? null : new Dec(v2);
      inputs = Object.freeze({ band });
    } else {
      const v2 = logic.evaluate(scope, asOf);
      const n2 = asNumber(v2, cap.kind);
      value = n2 === null ? null : toDec(n2);
      inputs = traceInputs(logic.reads, scope, asOf);
    }
    trace.push(Object.freeze({ step: "cap", id: `offer.caps[${i}] ${cap.kind}`, inputs, result: value === null ? null : value.toString() }));
    if (value === null) return reason("CAPACIDAD_NO_DETERMINADA", `offer.caps[${i}] ${cap.kind}`);
    if (cap.kind === "max-installment") maxInstallment = maxInstallment === void 0 || value.lt(maxInstallment) ? value : maxInstallment;
    else if (value.lt(maxAmount)) maxAmount = value;
  }
  const quotes = /* @__PURE__ */ new Map();
  const quote2 = (amount) => {
    const key = amount.toString();
    let q = quotes.get(key);
    if (q === void 0) {
      try {
        const terms = loanTermsFor(ir, { ...request, amount: key }, band, asOf);
        const schedule = generateSchedule(terms);
        q = { terms, schedule, installment: new Dec(levelInstallment(schedule)) };
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        q = null;
      }
      quotes.set(key, q);
    }
    return q;
  };
  const requested = new Dec(request.amount);
  let asked;
  try {
    const terms = loanTermsFor(ir, request, band, asOf);
    const schedule = generateSchedule(terms);
    asked = { terms, schedule, installment: new Dec(levelInstallment(schedule)) };
    quotes.set(requested.toString(), asked);
  } catch (error) {
    if (error instanceof InvalidInputError && error.issues.some((i) => i.path === "limits.firstPaymentDays")) {
      return reason("PRIMER_PAGO_FUERA_DE_LIMITES", `${ir.limits.firstPaymentDays?.min ?? ""}..${ir.limits.firstPaymentDays?.max ?? ""} d\xEDas`);
    }
    throw error;
  }
  const fits = (q) => q !== null && (maxInstallment === void 0 || q.installment.lte(maxInstallment));
  if (requested.lte(maxAmount) && fits(asked)) {
    trace.push(Object.freeze({ step: "offer", id: "offer", inputs: Object.freeze({}), result: Object.freeze({ kind: "requested", amount: request.amount, installment: asked.installment.toString() }) }));
    return { offer: offerRecord("requested", request, asked) };
  }
  const why = requested.gt(maxAmount) ? `monto m\xE1ximo ${maxAmount.toString()}` : `pago ${asked.installment.toString()} > ${maxInstallment.toString()}`;
  if (!ir.offer.counteroffer) return reason("EXCEDE_CAPACIDAD", why);
  const step = new Dec(ir.limits.amount.step);
  const lo = new Dec(ir.limits.amount.min).div(step).ceil().toNumber();
  const hi = Dec.min(maxAmount, requested).div(step).floor().toNumber();
  const guess = maxInstallment === void 0 ? hi : requested.times(maxInstallment).div(asked.installment).div(step).floor().toNumber();
  const k = largestFitting(lo, hi, guess, (k2) => fits(quote2(step.times(k2))));
  trace.push(Object.freeze({
    step: "offer",
    id: "offer.maximum",
    inputs: Object.freeze({ maxAmount: maxAmount.toString(), maxInstallment: maxInstallment?.toString() ?? null, step: step.toString() }),
    result: k === void 0 ? null : step.times(k).toString()
  }));
  if (k === void 0) return reason("CAPACIDAD_INSUFICIENTE", `${why}; m\xEDnimo ${ir.limits.amount.min}`);
  const best = quote2(step.times(k));
  return { offer: offerRecord("counteroffer", request, best) };
}

// src/decision/check-limits.ts
function reason2(code, detail) {
  return Object.freeze({ code, outcome: "decline", source: "limits", message: `${ENGINE_REASONS[code]} (${detail})` });
}
function parseFrequencyKey(key) {
  if (key === "weekly" || key === "biweekly" || key === "semimonthly" || key === "monthly") return key;
  const m = /^every_(\d+)_days$/.exec(key);
  return m ? { everyDays: Number(m[1]) } : void 0;
}
function checkLimits(ir, application, trace) {
  const req = application.values["request"];
  const amount = toDec(req["amount"]);
  const payments = toDec(req["payments"]).toNumber();
  const key = req["frequency"];
  const limits = ir.limits;
  const reasons = [];
  const defaultTerm = limits.terms[0];
  const term = typeof key === "string" ? limits.terms.find((t) => frequencyKey(t.frequency) === key) : defaultTerm;
  const frequency = term?.frequency ?? (typeof key === "string" ? parseFrequencyKey(key) : void 0) ?? defaultTerm?.frequency ?? "monthly";
  const offered = limits.terms.map((t) => frequencyKey(t.frequency));
  if (!term) reasons.push(reason2("FRECUENCIA_NO_PERMITIDA", `\`${String(key)}\`; permitidas: ${offered.join(", ")}`));
  trace.push(Object.freeze({ step: "limit", id: "limits.terms.frequency", inputs: Object.freeze({ "request.frequency": toJsonValue(key) }), result: term !== void 0 }));
  if (term) {
    const ok = payments >= term.payments.min && payments <= term.payments.max;
    if (!ok) reasons.push(reason2("PLAZO_FUERA_DE_LIMITES", `${payments} pagos; permitido ${term.payments.min}..${term.payments.max} ${frequencyKey(term.frequency)}`));
    trace.push(Object.freeze({ step: "limit", id: "limits.terms.payments", inputs: Object.freeze({ "request.payments": String(payments) }), result: ok }));
  }
  const inRange = amount.gte(limits.amount.min) && amount.lte(limits.amount.max);
  if (!inRange) reasons.push(reason2("MONTO_FUERA_DE_LIMITES", `${amount.toString()}; permitido ${limits.amount.min}..${limits.amount.max}`));
  trace.push(Object.freeze({ step: "limit", id: "limits.amount", inputs: Object.freeze({ "request.amount": amount.toString() }), result: inRange }));
  const onStep = amount.mod(limits.amount.step).isZero();
  if (!onStep) reasons.push(reason2("MONTO_NO_MULTIPLO", `${amount.toString()} no es m\xFAltiplo de ${limits.amount.step}`));
  trace.push(Object.freeze({ step: "limit", id: "limits.amount.step", inputs: Object.freeze({ "request.amount": amount.toString() }), result: onStep }));
  return Object.freeze({
    request: Object.freeze({ amount: amount.toString(), payments, frequency }),
    reasons: Object.freeze(reasons)
  });
}

// src/decision/match-bin.ts
function exact(text) {
  return exactNumber(new Dec(text));
}
function binPredicate(match) {
  switch (match.kind) {
    case "missing":
      return (v2) => v2 === null;
    case "otherwise":
      return () => true;
    case "values": {
      const values = match.values;
      return (v2) => v2 !== null && values.some((x) => equals(v2, x));
    }
    case "range": {
      const min2 = match.min === void 0 ? void 0 : exact(match.min);
      const max2 = match.max === void 0 ? void 0 : exact(match.max);
      const minEx = match.minExclusive === true;
      const maxEx = match.maxExclusive === true;
      return (v2) => {
        if (!isExactNumber(v2)) return false;
        if (min2 !== void 0) {
          const c = compareNumbers(v2, min2);
          if (c < 0 || minEx && c === 0) return false;
        }
        if (max2 !== void 0) {
          const c = compareNumbers(v2, max2);
          if (c > 0 || maxEx && c === 0) return false;
        }
        return true;
      };
    }
  }
}

// src/decision/decision-program.ts
function compiler(rounding) {
  return (logic, path) => Object.freeze({ evaluate: compileExpression(logic, { path, rounding }), reads: expressionReads(logic) });
}
function compileDecisionProgram(ir) {
  const compile = compiler(ir.pricing.rounding.mode);
  const characteristics = (ir.scorecard?.characteristics ?? []).map((c, i) => {
    const bins = c.bins.map((bin) => Object.freeze({ bin, matches: binPredicate(bin.match), points: new Dec(bin.points) }));
    const maxPoints = bins.reduce((m, b) => b.points.gt(m) ? b.points : m, bins[0]?.points ?? new Dec(0));
    return Object.freeze({ characteristic: c, logic: compile(c.expr, `scorecard.characteristics[${i}].expr`), bins: Object.freeze(bins), maxPoints });
  });
  return Object.freeze({
    ir,
    derived: Object.freeze(ir.derived.map((value, i) => Object.freeze({ value, logic: compile(value.expr, `derived[${i}].expr`) }))),
    eligibility: Object.freeze(ir.eligibility.map((rule, i) => Object.freeze({ rule, logic: compile(rule.when, `eligibility[${i}].when`) }))),
    characteristics: Object.freeze(characteristics),
    caps: Object.freeze(ir.offer.caps.map((cap, i) => Object.freeze({ cap, logic: cap.kind === "max-amount-by-band" ? null : compile(cap.expr, `offer.caps[${i}].expr`) })))
  });
}

// src/decision/adverse-action-reasons.ts
var MAX_ADVERSE_REASONS = 4;
function adverseActionReasons(scored) {
  const costly = [];
  scored.forEach((c, order2) => {
    if (c.reason === void 0 || c.points === c.maxPoints) return;
    const lost = new Dec(c.maxPoints).minus(c.points);
    if (lost.gt(0)) costly.push({ reason: c.reason, lost, order: order2 });
  });
  costly.sort((a, b) => b.lost.cmp(a.lost) || a.order - b.order);
  const codes = [];
  for (const c of costly) {
    if (!codes.includes(c.reason)) codes.push(c.reason);
    if (codes.length === MAX_ADVERSE_REASONS) break;
  }
  return Object.freeze(codes);
}

// src/decision/score-application.ts
function scoreApplication(program2, scope, today, trace) {
  const card = program2.ir.scorecard;
  if (!card) return void 0;
  let score = new Dec(card.base);
  const scored = [];
  program2.characteristics.forEach((c, i) => {
    const value = c.logic.evaluate(scope, today);
    const hit = c.bins.find((b) => b.matches(value));
    const name = c.characteristic.name;
    if (!hit) {
      throw new InvalidInputError([{ path: name, message: `value ${JSON.stringify(toJsonValue(value))} falls in no bin of characteristic \`${name}\` (scorecard.characteristics[${i}])` }]);
    }
    score = score.plus(hit.points);
    const entry = Object.freeze({
      name,
      ...c.characteristic.label !== void 0 ? { label: c.characteristic.label } : {},
      value: toJsonValue(value),
      bin: hit.bin.id,
      points: hit.points.toString(),
      maxPoints: c.maxPoints.toString(),
      ...hit.bin.reason !== void 0 ? { reason: hit.bin.reason } : {}
    });
    scored.push(entry);
    trace.push(Object.freeze({ step: "characteristic", id: name, inputs: traceInputs(c.logic.reads, scope, today), result: Object.freeze({ value: entry.value, bin: entry.bin, points: entry.points }) }));
  });
  return Object.freeze({
    record: Object.freeze({ base: new Dec(card.base).toString(), total: score.toString(), characteristics: Object.freeze(scored) }),
    score
  });
}
function bandFor(scorecard, score, trace) {
  const band = scorecard.bands.find((b) => score.gte(b.minScore))?.name ?? null;
  trace.push(Object.freeze({ step: "band", id: "scorecard.bands", inputs: Object.freeze({ score: score.toString() }), result: band }));
  return band;
}

// src/decision/decide.ts
function outcomeOf(reasons) {
  if (reasons.some((r) => r.outcome === "decline")) return "decline";
  return reasons.length > 0 ? "refer" : "approve";
}
function flatValues(application) {
  const out2 = {};
  for (const path of application.paths) {
    let v2 = application.values;
    for (const s of path.split(".")) v2 = v2[s];
    out2[path] = toJsonValue(v2);
  }
  return Object.freeze(out2);
}
function decideWith(program2, application, asOf) {
  if (typeof asOf !== "string" || parseIsoDate(asOf) === void 0) {
    throw new InvalidInputError([{ path: "asOf", message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(asOf)}` }]);
  }
  const ir = program2.ir;
  const app = validateApplication(ir, application);
  const trace = [];
  const scope = { ...app.values };
  for (const { value, logic } of program2.derived) {
    const v2 = logic.evaluate(scope, asOf);
    scope[value.name] = v2;
    trace.push(Object.freeze({ step: "derived", id: value.name, inputs: traceInputs(logic.reads, scope, asOf), result: toJsonValue(v2) }));
  }
  const scored = scoreApplication(program2, scope, asOf, trace);
  if (scored) scope["score"] = exactNumber(scored.score);
  const reasons = [];
  const fired = [];
  program2.eligibility.forEach(({ rule, logic }, index) => {
    const hit = truthy(logic.evaluate(scope, asOf));
    trace.push(Object.freeze({ step: "eligibility", id: `eligibility[${index}] ${rule.reason}`, inputs: traceInputs(logic.reads, scope, asOf), result: hit }));
    if (!hit) return;
    const message = rule.message !== void 0 ? { message: rule.message } : {};
    fired.push(Object.freeze({ index, outcome: rule.outcome, reason: rule.reason, ...message }));
    reasons.push(Object.freeze({ code: rule.reason, outcome: rule.outcome, source: "eligibility", ...message }));
  });
  const card = ir.scorecard;
  const band = scored && card ? bandFor(card, scored.score, trace) : null;
  if (scored && card && band === null && card.bands.length > 0) {
    const o = card.otherwise;
    if (!o) {
      throw new InvalidInputError([{ path: "scorecard.otherwise", message: `score ${scored.record.total} is below the lowest band and the scorecard has no \`otherwise\`` }]);
    }
    reasons.push(Object.freeze({ code: o.reason, outcome: o.outcome, source: "scorecard", ...o.message !== void 0 ? { message: o.message } : {} }));
  }
  const limits = checkLimits(ir, app, trace);
  reasons.push(...limits.reasons);
  let offer = null;
  const unbanded = scored !== void 0 && card !== void 0 && card.bands.length > 0 && band === null;
  if (outcomeOf(reasons) !== "decline" && !unbanded) {
    const result = buildOffer(program2, limits.request, band, scope, asOf, trace);
    if ("offer" in result) offer = result.offer;
    else reasons.push(result.reason);
  }
  const outcome = outcomeOf(reasons);
  return Object.freeze({
    product: Object.freeze({ code: ir.code, name: ir.name, hash: ir.hash, irVersion: ir.irVersion }),
    asOf,
    outcome,
    reasons: Object.freeze(reasons),
    eligibility: Object.freeze(fired),
    score: scored?.record ?? null,
    adverseActionReasons: scored ? adverseActionReasons(scored.record.characteristics) : Object.freeze([]),
    band,
    request: limits.request,
    offer: outcome === "decline" ? null : offer,
    application: flatValues(app),
    trace: Object.freeze(trace)
  });
}

// src/servicing/money.ts
var POW103 = Array.from({ length: 81 }, (_, k) => 10n ** BigInt(k));
var ZEROS = Array.from({ length: 21 }, (_, k) => 0 .toFixed(k));
var EXACT_LIMIT = POW103[37];

// src/backtest/compare-backtests.ts
var OUTCOMES = Object.freeze(["approve", "refer", "decline"]);

// test/decision/payroll-product.ts
var v = (path) => ({ var: path });
var d = (text) => ({ decimal: text });
var payrollSource = {
  irVersion: 1,
  code: "nomina_quincenal",
  name: "Cr\xE9dito de N\xF3mina",
  currency: "MXN",
  kind: "consumer",
  inputs: [
    { path: "applicant.age", type: "integer", optional: false, min: "18", max: "99" },
    { path: "applicant.net_income", type: "money", optional: false, min: "0" },
    { path: "applicant.birth_date", type: "date", optional: true },
    { path: "employment.months", type: "integer", optional: false, min: "0", max: "600" },
    { path: "employment.employer_in_agreement", type: "boolean", optional: false },
    { path: "employment.type", type: "enum", optional: false, values: ["formal", "informal"] },
    { path: "bureau.score", type: "integer", optional: true, min: "300", max: "850" },
    { path: "bureau.monthly_debt", type: "money", optional: true, min: "0" },
    { path: "bureau.utilization", type: "percent", optional: true, min: "0", max: "1" },
    { path: "request.amount", type: "money", optional: false },
    { path: "request.payments", type: "integer", optional: false },
    { path: "request.frequency", type: "enum", optional: true, values: ["semimonthly", "monthly"] }
  ],
  derived: [
    { name: "capacity", type: "money", expr: { "/": [{ "*": [v("applicant.net_income"), d("0.3")] }, d("2")] } },
    {
      name: "dti",
      type: "number",
      expr: { if: [{ "!": { missing: ["bureau.monthly_debt"] } }, { "/": [v("bureau.monthly_debt"), v("applicant.net_income")] }, null] }
    }
  ],
  limits: {
    amount: { min: "5000", max: "150000", step: "500" },
    terms: [
      { frequency: "semimonthly", payments: { min: 6, max: 48 } },
      { frequency: "monthly", payments: { min: 3, max: 24 } }
    ]
  },
  pricing: {
    method: "french",
    basis: "period",
    rate: {
      kind: "table",
      keys: ["band"],
      rows: [
        { cells: [{ band: "A" }], rate: "0.36" },
        { cells: [{ band: "B" }], rate: "0.48" },
        { cells: [{ band: "C" }], rate: "0.62" }
      ]
    },
    tax: { rate: "0.16", on: ["interest", "fees"] },
    rounding: { decimals: 2, mode: "half-even" },
    installmentIncludesTax: false,
    grace: { principal: 0, interest: 0 },
    businessDays: "none"
  },
  fees: [
    { name: "apertura", amount: { kind: "percent", rate: "0.02", of: "amount" }, min: "150", max: "5000", timing: "financed", taxable: true, inCat: true }
  ],
  eligibility: [
    { outcome: "decline", reason: "EDAD", message: "La edad m\xE1xima es 70 a\xF1os", when: { ">": [v("applicant.age"), d("70")] } },
    { outcome: "decline", reason: "CONVENIO", when: { "!": v("employment.employer_in_agreement") } },
    { outcome: "refer", reason: "ANTIGUEDAD", message: "Revisi\xF3n manual por antig\xFCedad", when: { "<": [v("employment.months"), d("6")] } }
  ],
  scorecard: {
    base: "600",
    characteristics: [
      {
        name: "bureau.score",
        label: "Puntaje de bur\xF3",
        expr: v("bureau.score"),
        bins: [
          { id: "bureau.score#0", match: { kind: "missing" }, points: "-40", reason: "SIN_HISTORIAL" },
          { id: "bureau.score#1", match: { kind: "range", max: "579" }, points: "-60", reason: "BURO_BAJO" },
          { id: "bureau.score#2", match: { kind: "range", min: "580", max: "679" }, points: "0" },
          { id: "bureau.score#3", match: { kind: "range", min: "680" }, points: "50" }
        ]
      },
      {
        name: "dti",
        expr: v("dti"),
        bins: [
          { id: "dti#0", match: { kind: "missing" }, points: "0" },
          { id: "dti#1", match: { kind: "range", max: "0.3", maxExclusive: true }, points: "30" },
          { id: "dti#2", match: { kind: "range", min: "0.3", max: "0.45", maxExclusive: true }, points: "0" },
          { id: "dti#3", match: { kind: "range", min: "0.45" }, points: "-50", reason: "ENDEUDAMIENTO" }
        ]
      },
      {
        name: "employment.type",
        expr: v("employment.type"),
        bins: [
          { id: "employment.type#0", match: { kind: "values", values: ["formal"] }, points: "20" },
          { id: "employment.type#1", match: { kind: "values", values: ["informal"] }, points: "-10", reason: "INFORMAL" }
        ]
      }
    ],
    bands: [
      { name: "A", minScore: "680" },
      { name: "B", minScore: "620" },
      { name: "C", minScore: "580" }
    ],
    otherwise: { outcome: "decline", reason: "SCORE_BAJO", message: "Puntaje insuficiente" }
  },
  offer: {
    caps: [
      { kind: "max-installment", expr: v("capacity") },
      { kind: "max-amount-by-band", values: { A: "150000", B: "80000", C: "30000" } },
      { kind: "max-amount", expr: { "*": [v("applicant.net_income"), d("5")] } }
    ],
    counteroffer: true
  },
  penalties: {},
  collection: [],
  allocation: ["penalties", "moratorium", "iva", "interest", "fees", "principal"],
  prepayment: "reduce-term",
  tests: []
};
var payrollProduct = withProductHash(payrollSource);
var goodApplicant = {
  applicant: { age: 35, net_income: "24000" },
  employment: { months: 30, employer_in_agreement: true, type: "formal" },
  bureau: { score: 710, monthly_debt: "2400" },
  request: { amount: "20000", payments: 24 }
};

// .scratch/dprof.mts
var program = compileDecisionProgram(payrollProduct);
var t0 = performance.now();
var n = 0;
while (performance.now() - t0 < 5e3) {
  for (let i = 0; i < 100; i++) decideWith(program, goodApplicant, "2025-01-06");
  n += 100;
}
console.log("decisions/s", (n / 5).toFixed(0));
/*! Bundled license information:

decimal.js/decimal.mjs:
  (*!
   *  decimal.js v10.6.0
   *  An arbitrary-precision Decimal type for JavaScript.
   *  https://github.com/MikeMcl/decimal.js
   *  Copyright (c) 2025 Michael Mclaughlin <M8ch88l@gmail.com>
   *  MIT Licence
   *)
*/
