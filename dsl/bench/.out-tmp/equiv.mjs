// bench/equiv-tmp.ts
import { writeFileSync } from "node:fs";

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
  var e, m, n, r2, rep, s, sd, t, t3, t3plusx, x = this, Ctor = x.constructor;
  if (!x.isFinite() || x.isZero()) return new Ctor(x);
  external = false;
  s = x.s * mathpow(x.s * x, 1 / 3);
  if (!s || Math.abs(s) == 1 / 0) {
    n = digitsToString(x.d);
    e = x.e;
    if (s = (e - n.length + 1) % 3) n += s == 1 || s == -2 ? "0" : "00";
    s = mathpow(n, 1 / 3);
    e = mathfloor((e + 1) / 3) - (e % 3 == (e < 0 ? -1 : 2));
    if (s == 1 / 0) {
      n = "5e" + e;
    } else {
      n = s.toExponential();
      n = n.slice(0, n.indexOf("e") + 1) + e;
    }
    r2 = new Ctor(n);
    r2.s = x.s;
  } else {
    r2 = new Ctor(s.toString());
  }
  sd = (e = Ctor.precision) + 3;
  for (; ; ) {
    t = r2;
    t3 = t.times(t).times(t);
    t3plusx = t3.plus(x);
    r2 = divide(t3plusx.plus(x).times(t), t3plusx.plus(t3), sd + 2, 1);
    if (digitsToString(t.d).slice(0, sd) === (n = digitsToString(r2.d)).slice(0, sd)) {
      n = n.slice(sd - 3, sd + 1);
      if (n == "9999" || !rep && n == "4999") {
        if (!rep) {
          finalise(t, e + 1, 0);
          if (t.times(t).times(t).eq(x)) {
            r2 = t;
            break;
          }
        }
        sd += 4;
        rep = 1;
      } else {
        if (!+n || !+n.slice(1) && n.charAt(0) == "5") {
          finalise(r2, e + 1, 1);
          m = !r2.times(r2).times(r2).eq(x);
        }
        break;
      }
    }
  }
  external = true;
  return finalise(r2, e, Ctor.rounding, m);
};
P.decimalPlaces = P.dp = function() {
  var w, d = this.d, n = NaN;
  if (d) {
    w = d.length - 1;
    n = (w - mathfloor(this.e / LOG_BASE)) * LOG_BASE;
    w = d[w];
    if (w) for (; w % 10 == 0; w /= 10) n--;
    if (n < 0) n = 0;
  }
  return n;
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
  var k, n, pr, rm, len, x = this, Ctor = x.constructor, one = new Ctor(1);
  if (!x.isFinite()) return new Ctor(x.s ? 1 / 0 : NaN);
  if (x.isZero()) return one;
  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + 4;
  Ctor.rounding = 1;
  len = x.d.length;
  if (len < 32) {
    k = Math.ceil(len / 3);
    n = (1 / tinyPow(4, k)).toString();
  } else {
    k = 16;
    n = "2.3283064365386962890625e-10";
  }
  x = taylorSeries(Ctor, 1, x.times(n), new Ctor(1), true);
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
  var i, j, k, n, px, t, r2, wpr, x2, x = this, Ctor = x.constructor, pr = Ctor.precision, rm = Ctor.rounding;
  if (!x.isFinite()) {
    if (!x.s) return new Ctor(NaN);
    if (pr + 4 <= PI_PRECISION) {
      r2 = getPi(Ctor, pr + 4, rm).times(0.5);
      r2.s = x.s;
      return r2;
    }
  } else if (x.isZero()) {
    return new Ctor(x);
  } else if (x.abs().eq(1) && pr + 4 <= PI_PRECISION) {
    r2 = getPi(Ctor, pr + 4, rm).times(0.25);
    r2.s = x.s;
    return r2;
  }
  Ctor.precision = wpr = pr + 10;
  Ctor.rounding = 1;
  k = Math.min(28, wpr / LOG_BASE + 2 | 0);
  for (i = k; i; --i) x = x.div(x.times(x).plus(1).sqrt().plus(1));
  external = false;
  j = Math.ceil(wpr / LOG_BASE);
  n = 1;
  x2 = x.times(x);
  r2 = new Ctor(x);
  px = x;
  for (; i !== -1; ) {
    px = px.times(x2);
    t = r2.minus(px.div(n += 2));
    px = px.times(x2);
    r2 = t.plus(px.div(n += 2));
    if (r2.d[j] !== void 0) for (i = j; r2.d[i] === t.d[i] && i--; ) ;
  }
  if (k) r2 = r2.times(2 << k - 1);
  external = true;
  return finalise(r2, Ctor.precision = pr, Ctor.rounding = rm, true);
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
  var isBase10, d, denominator, k, inf, num, sd, r2, arg = this, Ctor = arg.constructor, pr = Ctor.precision, rm = Ctor.rounding, guard = 5;
  if (base == null) {
    base = new Ctor(10);
    isBase10 = true;
  } else {
    base = new Ctor(base);
    d = base.d;
    if (base.s < 0 || !d || !d[0] || base.eq(1)) return new Ctor(NaN);
    isBase10 = base.eq(10);
  }
  d = arg.d;
  if (arg.s < 0 || !d || !d[0] || arg.eq(1)) {
    return new Ctor(d && !d[0] ? -1 / 0 : arg.s != 1 ? NaN : d ? 0 : 1 / 0);
  }
  if (isBase10) {
    if (d.length > 1) {
      inf = true;
    } else {
      for (k = d[0]; k % 10 === 0; ) k /= 10;
      inf = k !== 1;
    }
  }
  external = false;
  sd = pr + guard;
  num = naturalLogarithm(arg, sd);
  denominator = isBase10 ? getLn10(Ctor, sd + 10) : naturalLogarithm(base, sd);
  r2 = divide(num, denominator, sd, 1);
  if (checkRoundingDigits(r2.d, k = pr, rm)) {
    do {
      sd += 10;
      num = naturalLogarithm(arg, sd);
      denominator = isBase10 ? getLn10(Ctor, sd + 10) : naturalLogarithm(base, sd);
      r2 = divide(num, denominator, sd, 1);
      if (!inf) {
        if (+digitsToString(r2.d).slice(k + 1, k + 15) + 1 == 1e14) {
          r2 = finalise(r2, pr + 1, 0);
        }
        break;
      }
    } while (checkRoundingDigits(r2.d, k += 10, rm));
  }
  external = true;
  return finalise(r2, pr, rm);
};
P.minus = P.sub = function(y) {
  var d, e, i, j, k, len, pr, rm, xd, xe, xLTy, yd, x = this, Ctor = x.constructor;
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
      d = xd;
      k = -k;
      len = yd.length;
    } else {
      d = yd;
      e = xe;
      len = xd.length;
    }
    i = Math.max(Math.ceil(pr / LOG_BASE), len) + 2;
    if (k > i) {
      k = i;
      d.length = 1;
    }
    d.reverse();
    for (i = k; i--; ) d.push(0);
    d.reverse();
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
    d = xd;
    xd = yd;
    yd = d;
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
  var carry, d, e, i, k, len, pr, rm, xd, yd, x = this, Ctor = x.constructor;
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
      d = xd;
      i = -i;
      len = yd.length;
    } else {
      d = yd;
      e = k;
      len = xd.length;
    }
    k = Math.ceil(pr / LOG_BASE);
    len = k > len ? k + 1 : len + 1;
    if (i > len) {
      i = len;
      d.length = 1;
    }
    d.reverse();
    for (; i--; ) d.push(0);
    d.reverse();
  }
  len = xd.length;
  i = yd.length;
  if (len - i < 0) {
    i = len;
    d = yd;
    yd = xd;
    xd = d;
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
  var m, n, sd, r2, rep, t, x = this, d = x.d, e = x.e, s = x.s, Ctor = x.constructor;
  if (s !== 1 || !d || !d[0]) {
    return new Ctor(!s || s < 0 && (!d || d[0]) ? NaN : d ? x : 1 / 0);
  }
  external = false;
  s = Math.sqrt(+x);
  if (s == 0 || s == 1 / 0) {
    n = digitsToString(d);
    if ((n.length + e) % 2 == 0) n += "0";
    s = Math.sqrt(n);
    e = mathfloor((e + 1) / 2) - (e < 0 || e % 2);
    if (s == 1 / 0) {
      n = "5e" + e;
    } else {
      n = s.toExponential();
      n = n.slice(0, n.indexOf("e") + 1) + e;
    }
    r2 = new Ctor(n);
  } else {
    r2 = new Ctor(s.toString());
  }
  sd = (e = Ctor.precision) + 3;
  for (; ; ) {
    t = r2;
    r2 = t.plus(divide(x, t, sd + 2, 1)).times(0.5);
    if (digitsToString(t.d).slice(0, sd) === (n = digitsToString(r2.d)).slice(0, sd)) {
      n = n.slice(sd - 3, sd + 1);
      if (n == "9999" || !rep && n == "4999") {
        if (!rep) {
          finalise(t, e + 1, 0);
          if (t.times(t).eq(x)) {
            r2 = t;
            break;
          }
        }
        sd += 4;
        rep = 1;
      } else {
        if (!+n || !+n.slice(1) && n.charAt(0) == "5") {
          finalise(r2, e + 1, 1);
          m = !r2.times(r2).eq(x);
        }
        break;
      }
    }
  }
  external = true;
  return finalise(r2, e, Ctor.rounding, m);
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
  var carry, e, i, k, r2, rL, t, xdL, ydL, x = this, Ctor = x.constructor, xd = x.d, yd = (y = new Ctor(y)).d;
  y.s *= x.s;
  if (!xd || !xd[0] || !yd || !yd[0]) {
    return new Ctor(!y.s || xd && !xd[0] && !yd || yd && !yd[0] && !xd ? NaN : !xd || !yd ? y.s / 0 : y.s * 0);
  }
  e = mathfloor(x.e / LOG_BASE) + mathfloor(y.e / LOG_BASE);
  xdL = xd.length;
  ydL = yd.length;
  if (xdL < ydL) {
    r2 = xd;
    xd = yd;
    yd = r2;
    rL = xdL;
    xdL = ydL;
    ydL = rL;
  }
  r2 = [];
  rL = xdL + ydL;
  for (i = rL; i--; ) r2.push(0);
  for (i = ydL; --i >= 0; ) {
    carry = 0;
    for (k = xdL + i; k > i; ) {
      t = r2[k] + yd[i] * xd[k - i - 1] + carry;
      r2[k--] = t % BASE | 0;
      carry = t / BASE | 0;
    }
    r2[k] = (r2[k] + carry) % BASE | 0;
  }
  for (; !r2[--rL]; ) r2.pop();
  if (carry) ++e;
  else r2.shift();
  y.d = r2;
  y.e = getBase10Exponent(r2, e);
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
  var d, d0, d1, d2, e, k, n, n0, n1, pr, q, r2, x = this, xd = x.d, Ctor = x.constructor;
  if (!xd) return new Ctor(x);
  n1 = d0 = new Ctor(1);
  d1 = n0 = new Ctor(0);
  d = new Ctor(d1);
  e = d.e = getPrecision(xd) - x.e - 1;
  k = e % LOG_BASE;
  d.d[0] = mathpow(10, k < 0 ? LOG_BASE + k : k);
  if (maxD == null) {
    maxD = e > 0 ? d : n1;
  } else {
    n = new Ctor(maxD);
    if (!n.isInt() || n.lt(n1)) throw Error(invalidArgument + n);
    maxD = n.gt(d) ? e > 0 ? d : n1 : n;
  }
  external = false;
  n = new Ctor(digitsToString(xd));
  pr = Ctor.precision;
  Ctor.precision = e = xd.length * LOG_BASE * 2;
  for (; ; ) {
    q = divide(n, d, 0, 1, 1);
    d2 = d0.plus(q.times(d1));
    if (d2.cmp(maxD) == 1) break;
    d0 = d1;
    d1 = d2;
    d2 = n1;
    n1 = n0.plus(q.times(d2));
    n0 = d2;
    d2 = d;
    d = n.minus(q.times(d2));
    n = d2;
  }
  d2 = divide(maxD.minus(d0), d1, 0, 1, 1);
  n0 = n0.plus(d2.times(n1));
  d0 = d0.plus(d2.times(d1));
  n0.s = n1.s = x.s;
  r2 = divide(n1, d1, e, 1).minus(x).abs().cmp(divide(n0, d0, e, 1).minus(x).abs()) < 1 ? [n1, d1] : [n0, d0];
  Ctor.precision = pr;
  external = true;
  return r2;
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
  var e, k, pr, r2, rm, s, x = this, Ctor = x.constructor, yn = +(y = new Ctor(y));
  if (!x.d || !y.d || !x.d[0] || !y.d[0]) return new Ctor(mathpow(+x, yn));
  x = new Ctor(x);
  if (x.eq(1)) return x;
  pr = Ctor.precision;
  rm = Ctor.rounding;
  if (y.eq(1)) return finalise(x, pr, rm);
  e = mathfloor(y.e / LOG_BASE);
  if (e >= y.d.length - 1 && (k = yn < 0 ? -yn : yn) <= MAX_SAFE_INTEGER) {
    r2 = intPow(Ctor, x, k, pr);
    return y.s < 0 ? new Ctor(1).div(r2) : finalise(r2, pr, rm);
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
  r2 = naturalExponential(y.times(naturalLogarithm(x, pr + k)), pr);
  if (r2.d) {
    r2 = finalise(r2, pr + 5, 1);
    if (checkRoundingDigits(r2.d, pr, rm)) {
      e = pr + 10;
      r2 = finalise(naturalExponential(y.times(naturalLogarithm(x, e + k)), e), e + 5, 1);
      if (+digitsToString(r2.d).slice(pr + 1, pr + 15) + 1 == 1e14) {
        r2 = finalise(r2, pr + 1, 0);
      }
    }
  }
  r2.s = s;
  external = true;
  Ctor.rounding = rm;
  return finalise(r2, pr, rm);
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
function digitsToString(d) {
  var i, k, ws, indexOfLastWord = d.length - 1, str = "", w = d[0];
  if (indexOfLastWord > 0) {
    str += w;
    for (i = 1; i < indexOfLastWord; i++) {
      ws = d[i] + "";
      k = LOG_BASE - ws.length;
      if (k) str += getZeroString(k);
      str += ws;
    }
    w = d[i];
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
function checkRoundingDigits(d, i, rm, repeating) {
  var di, k, r2, rd;
  for (k = d[0]; k >= 10; k /= 10) --i;
  if (--i < 0) {
    i += LOG_BASE;
    di = 0;
  } else {
    di = Math.ceil((i + 1) / LOG_BASE);
    i %= LOG_BASE;
  }
  k = mathpow(10, LOG_BASE - i);
  rd = d[di] % k | 0;
  if (repeating == null) {
    if (i < 3) {
      if (i == 0) rd = rd / 100 | 0;
      else if (i == 1) rd = rd / 10 | 0;
      r2 = rm < 4 && rd == 99999 || rm > 3 && rd == 49999 || rd == 5e4 || rd == 0;
    } else {
      r2 = (rm < 4 && rd + 1 == k || rm > 3 && rd + 1 == k / 2) && (d[di + 1] / k / 100 | 0) == mathpow(10, i - 2) - 1 || (rd == k / 2 || rd == 0) && (d[di + 1] / k / 100 | 0) == 0;
    }
  } else {
    if (i < 4) {
      if (i == 0) rd = rd / 1e3 | 0;
      else if (i == 1) rd = rd / 100 | 0;
      else if (i == 2) rd = rd / 10 | 0;
      r2 = (repeating || rm < 4) && rd == 9999 || !repeating && rm > 3 && rd == 4999;
    } else {
      r2 = ((repeating || rm < 4) && rd + 1 == k || !repeating && rm > 3 && rd + 1 == k / 2) && (d[di + 1] / k / 1e3 | 0) == mathpow(10, i - 3) - 1;
    }
  }
  return r2;
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
    var i, r2;
    if (aL != bL) {
      r2 = aL > bL ? 1 : -1;
    } else {
      for (i = r2 = 0; i < aL; i++) {
        if (a[i] != b[i]) {
          r2 = a[i] > b[i] ? 1 : -1;
          break;
        }
      }
    }
    return r2;
  }
  function subtract(a, b, aL, base) {
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
                subtract(prod, yL < prodL ? yz : yd, prodL, base);
              }
            } else {
              if (k == 0) cmp = k = 1;
              prod = yd.slice();
            }
            prodL = prod.length;
            if (prodL < remL) prod.unshift(0);
            subtract(rem, prod, remL, base);
            if (cmp == -1) {
              remL = rem.length;
              cmp = compare(yd, rem, yL, remL);
              if (cmp < 1) {
                k++;
                subtract(rem, yL < remL ? yz : yd, remL, base);
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
function intPow(Ctor, x, n, pr) {
  var isTruncated, r2 = new Ctor(1), k = Math.ceil(pr / LOG_BASE + 4);
  external = false;
  for (; ; ) {
    if (n % 2) {
      r2 = r2.times(x);
      if (truncate(r2.d, k)) isTruncated = true;
    }
    n = mathfloor(n / 2);
    if (n === 0) {
      n = r2.d.length - 1;
      if (isTruncated && r2.d[n] === 0) ++r2.d[n];
      break;
    }
    x = x.times(x);
    truncate(x.d, k);
  }
  external = true;
  return r2;
}
function isOdd(n) {
  return n.d[n.d.length - 1] & 1;
}
function maxOrMin(Ctor, args, n) {
  var k, y, x = new Ctor(args[0]), i = 0;
  for (; ++i < args.length; ) {
    y = new Ctor(args[i]);
    if (!y.s) {
      x = y;
      break;
    }
    k = x.cmp(y);
    if (k === n || k === 0 && x.s === n) {
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
  var c, c0, denominator, e, numerator, rep, sum2, t, wpr, x1, x2, n = 1, guard = 10, x = y, xd = x.d, Ctor = x.constructor, rm = Ctor.rounding, pr = Ctor.precision;
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
      n++;
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
      sum2 = divide(sum2, new Ctor(n), wpr, 1);
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
function taylorSeries(Ctor, n, x, y, isHyperbolic) {
  var j, t, u, x2, i = 1, pr = Ctor.precision, k = Math.ceil(pr / LOG_BASE);
  external = false;
  x2 = x.times(x);
  u = new Ctor(y);
  for (; ; ) {
    t = divide(u.times(x2), new Ctor(n++ * n++), pr, 1);
    u = isHyperbolic ? y.plus(t) : y.minus(t);
    y = divide(t.times(x2), new Ctor(n++ * n++), pr, 1);
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
  var n = b;
  while (--e) n *= b;
  return n;
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
  var r2, pr = this.precision, rm = this.rounding, wpr = pr + 4;
  if (!y.s || !x.s) {
    r2 = new this(NaN);
  } else if (!y.d && !x.d) {
    r2 = getPi(this, wpr, 1).times(x.s > 0 ? 0.25 : 0.75);
    r2.s = y.s;
  } else if (!x.d || y.isZero()) {
    r2 = x.s < 0 ? getPi(this, pr, rm) : new this(0);
    r2.s = y.s;
  } else if (!y.d || x.isZero()) {
    r2 = getPi(this, wpr, 1).times(0.5);
    r2.s = y.s;
  } else if (x.s < 0) {
    this.precision = wpr;
    this.rounding = 1;
    r2 = this.atan(divide(y, x, wpr, 1));
    x = getPi(this, wpr, 1);
    this.precision = pr;
    this.rounding = rm;
    r2 = y.s < 0 ? r2.minus(x) : r2.plus(x);
  } else {
    r2 = this.atan(divide(y, x, wpr, 1));
  }
  return r2;
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
  var i, p, v, useDefaults = obj.defaults === true, ps = [
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
    if ((v = obj[p]) !== void 0) {
      if (mathfloor(v) === v && v >= ps[i + 1] && v <= ps[i + 2]) this[p] = v;
      else throw Error(invalidArgument + p + ": " + v);
    }
  }
  if (p = "crypto", useDefaults) this[p] = DEFAULTS[p];
  if ((v = obj[p]) !== void 0) {
    if (v === true || v === false || v === 0 || v === 1) {
      if (v) {
        if (typeof crypto != "undefined" && crypto && (crypto.getRandomValues || crypto.randomBytes)) {
          this[p] = true;
        } else {
          throw Error(cryptoUnavailable);
        }
      } else {
        this[p] = false;
      }
    } else {
      throw Error(invalidArgument + p + ": " + v);
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
  function Decimal2(v) {
    var e, i2, t, x = this;
    if (!(x instanceof Decimal2)) return new Decimal2(v);
    x.constructor = Decimal2;
    if (isDecimalInstance(v)) {
      x.s = v.s;
      if (external) {
        if (!v.d || v.e > Decimal2.maxE) {
          x.e = NaN;
          x.d = null;
        } else if (v.e < Decimal2.minE) {
          x.e = 0;
          x.d = [0];
        } else {
          x.e = v.e;
          x.d = v.d.slice();
        }
      } else {
        x.e = v.e;
        x.d = v.d ? v.d.slice() : v.d;
      }
      return;
    }
    t = typeof v;
    if (t === "number") {
      if (v === 0) {
        x.s = 1 / v < 0 ? -1 : 1;
        x.e = 0;
        x.d = [0];
        return;
      }
      if (v < 0) {
        v = -v;
        x.s = -1;
      } else {
        x.s = 1;
      }
      if (v === ~~v && v < 1e7) {
        for (e = 0, i2 = v; i2 >= 10; i2 /= 10) e++;
        if (external) {
          if (e > Decimal2.maxE) {
            x.e = NaN;
            x.d = null;
          } else if (e < Decimal2.minE) {
            x.e = 0;
            x.d = [0];
          } else {
            x.e = e;
            x.d = [v];
          }
        } else {
          x.e = e;
          x.d = [v];
        }
        return;
      }
      if (v * 0 !== 0) {
        if (!v) x.s = NaN;
        x.e = NaN;
        x.d = null;
        return;
      }
      return parseDecimal(x, v.toString());
    }
    if (t === "string") {
      if ((i2 = v.charCodeAt(0)) === 45) {
        v = v.slice(1);
        x.s = -1;
      } else {
        if (i2 === 43) v = v.slice(1);
        x.s = 1;
      }
      return isDecimal.test(v) ? parseDecimal(x, v) : parseOther(x, v);
    }
    if (t === "bigint") {
      if (v < 0) {
        v = -v;
        x.s = -1;
      } else {
        x.s = 1;
      }
      return parseDecimal(x, v.toString());
    }
    throw Error(invalidArgument + v);
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
  var i, n, t = new this(0);
  external = false;
  for (i = 0; i < arguments.length; ) {
    n = new this(arguments[i++]);
    if (!n.d) {
      if (n.s) {
        external = true;
        return new this(1 / 0);
      }
      t = n;
    } else if (t.d) {
      t = t.plus(n.times(n));
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
  var d, e, k, n, i = 0, r2 = new this(1), rd = [];
  if (sd === void 0) sd = this.precision;
  else checkInt32(sd, 1, MAX_DIGITS);
  k = Math.ceil(sd / LOG_BASE);
  if (!this.crypto) {
    for (; i < k; ) rd[i++] = Math.random() * 1e7 | 0;
  } else if (crypto.getRandomValues) {
    d = crypto.getRandomValues(new Uint32Array(k));
    for (; i < k; ) {
      n = d[i];
      if (n >= 429e7) {
        d[i] = crypto.getRandomValues(new Uint32Array(1))[0];
      } else {
        rd[i++] = n % 1e7;
      }
    }
  } else if (crypto.randomBytes) {
    d = crypto.randomBytes(k *= 4);
    for (; i < k; ) {
      n = d[i] + (d[i + 1] << 8) + (d[i + 2] << 16) + ((d[i + 3] & 127) << 24);
      if (n >= 214e7) {
        crypto.randomBytes(4).copy(d, i);
      } else {
        rd.push(n % 1e7);
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
    n = mathpow(10, LOG_BASE - sd);
    rd[i] = (k / n | 0) * n;
  }
  for (; rd[i] === 0; i--) rd.pop();
  if (i < 0) {
    e = 0;
    rd = [0];
  } else {
    e = -1;
    for (; rd[0] === 0; e -= LOG_BASE) rd.shift();
    for (k = 1, n = rd[0]; n >= 10; n /= 10) k++;
    if (k < LOG_BASE) e -= LOG_BASE - k;
  }
  r2.e = e;
  r2.d = rd;
  return r2;
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

// bench/.snap-tmp/engine/src/decimal.ts
var Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60
});

// bench/.snap-tmp/engine/src/ir/canonical-json.ts
function canonicalJson(value) {
  try {
    const fast = nativeCanonical(value);
    if (fast !== void 0) return fast;
  } catch {
  }
  return write(value, "$");
}
var INTEGER_LIKE = /^(0|[1-9][0-9]*)$/;
function nativeCanonical(value) {
  let reorderable = true;
  const text = JSON.stringify(value, function(key, member) {
    const original = this[key];
    if (original !== null && typeof original === "object") {
      if (Array.isArray(original)) return member;
      const proto = Object.getPrototypeOf(original);
      if (proto !== Object.prototype && proto !== null) throw new TypeError("not a plain object");
      const keys2 = Object.keys(original).sort();
      if (keys2.some((k) => INTEGER_LIKE.test(k))) reorderable = false;
      const sorted = {};
      for (const k of keys2) sorted[k] = original[k];
      return sorted;
    }
    if (typeof member === "number" && !Number.isSafeInteger(member)) throw new TypeError("not an integer");
    if (member === void 0 ? Array.isArray(this) : typeof member !== "string" && typeof member !== "number" && typeof member !== "boolean" && member !== null) {
      throw new TypeError("not JSON");
    }
    return member;
  });
  return reorderable ? text : void 0;
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

// bench/.snap-tmp/engine/src/ir/sha256.ts
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
function sha256Hex(input) {
  const message = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const bitLength = message.length * 8;
  const paddedLength = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 128;
  const view = new DataView(padded.buffer);
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 4294967296));
  view.setUint32(paddedLength - 4, bitLength >>> 0);
  const h = Uint32Array.from(INITIAL);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15];
      const w2 = w[t - 2];
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ w15 >>> 3;
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ w2 >>> 10;
      w[t] = w[t - 16] + s0 + w[t - 7] + s1 >>> 0;
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const choose = e & f ^ ~e & g;
      const temp1 = k + s1 + choose + K[t] + w[t] >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const majority = a & b ^ a & c ^ b & c;
      const temp2 = s0 + majority >>> 0;
      k = g;
      g = f;
      f = e;
      e = d + temp1 >>> 0;
      d = c;
      c = b;
      b = a;
      a = temp1 + temp2 >>> 0;
    }
    h[0] = h[0] + a >>> 0;
    h[1] = h[1] + b >>> 0;
    h[2] = h[2] + c >>> 0;
    h[3] = h[3] + d >>> 0;
    h[4] = h[4] + e >>> 0;
    h[5] = h[5] + f >>> 0;
    h[6] = h[6] + g >>> 0;
    h[7] = h[7] + k >>> 0;
  }
  return Array.from(h, (word) => word.toString(16).padStart(8, "0")).join("");
}
function rotr(x, n) {
  return x >>> n | x << 32 - n;
}

// bench/.snap-tmp/engine/src/ir/hash-product.ts
function hashProduct(ir) {
  const { hash: _ignored, ...rest } = ir;
  return sha256Hex(canonicalJson(rest));
}
function withProductHash(ir) {
  return deepFreeze({ ...ir, hash: hashProduct(ir) });
}
function deepFreeze(value) {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

// bench/.snap-tmp/engine/src/decision/reason-codes.ts
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

// bench/.snap-tmp/engine/src/ir/product-ir.ts
var IR_VERSION = 1;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_freeGlobal.js
var freeGlobal = typeof global == "object" && global && global.Object === Object && global;
var freeGlobal_default = freeGlobal;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_root.js
var freeSelf = typeof self == "object" && self && self.Object === Object && self;
var root = freeGlobal_default || freeSelf || Function("return this")();
var root_default = root;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_Symbol.js
var Symbol2 = root_default.Symbol;
var Symbol_default = Symbol2;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getRawTag.js
var objectProto = Object.prototype;
var hasOwnProperty = objectProto.hasOwnProperty;
var nativeObjectToString = objectProto.toString;
var symToStringTag = Symbol_default ? Symbol_default.toStringTag : void 0;
function getRawTag(value) {
  var isOwn = hasOwnProperty.call(value, symToStringTag), tag2 = value[symToStringTag];
  try {
    value[symToStringTag] = void 0;
    var unmasked = true;
  } catch (e) {
  }
  var result = nativeObjectToString.call(value);
  if (unmasked) {
    if (isOwn) {
      value[symToStringTag] = tag2;
    } else {
      delete value[symToStringTag];
    }
  }
  return result;
}
var getRawTag_default = getRawTag;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_objectToString.js
var objectProto2 = Object.prototype;
var nativeObjectToString2 = objectProto2.toString;
function objectToString(value) {
  return nativeObjectToString2.call(value);
}
var objectToString_default = objectToString;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseGetTag.js
var nullTag = "[object Null]";
var undefinedTag = "[object Undefined]";
var symToStringTag2 = Symbol_default ? Symbol_default.toStringTag : void 0;
function baseGetTag(value) {
  if (value == null) {
    return value === void 0 ? undefinedTag : nullTag;
  }
  return symToStringTag2 && symToStringTag2 in Object(value) ? getRawTag_default(value) : objectToString_default(value);
}
var baseGetTag_default = baseGetTag;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isObjectLike.js
function isObjectLike(value) {
  return value != null && typeof value == "object";
}
var isObjectLike_default = isObjectLike;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isSymbol.js
var symbolTag = "[object Symbol]";
function isSymbol(value) {
  return typeof value == "symbol" || isObjectLike_default(value) && baseGetTag_default(value) == symbolTag;
}
var isSymbol_default = isSymbol;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayMap.js
function arrayMap(array, iteratee) {
  var index = -1, length = array == null ? 0 : array.length, result = Array(length);
  while (++index < length) {
    result[index] = iteratee(array[index], index, array);
  }
  return result;
}
var arrayMap_default = arrayMap;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isArray.js
var isArray = Array.isArray;
var isArray_default = isArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseToString.js
var INFINITY = 1 / 0;
var symbolProto = Symbol_default ? Symbol_default.prototype : void 0;
var symbolToString = symbolProto ? symbolProto.toString : void 0;
function baseToString(value) {
  if (typeof value == "string") {
    return value;
  }
  if (isArray_default(value)) {
    return arrayMap_default(value, baseToString) + "";
  }
  if (isSymbol_default(value)) {
    return symbolToString ? symbolToString.call(value) : "";
  }
  var result = value + "";
  return result == "0" && 1 / value == -INFINITY ? "-0" : result;
}
var baseToString_default = baseToString;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_trimmedEndIndex.js
var reWhitespace = /\s/;
function trimmedEndIndex(string) {
  var index = string.length;
  while (index-- && reWhitespace.test(string.charAt(index))) {
  }
  return index;
}
var trimmedEndIndex_default = trimmedEndIndex;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseTrim.js
var reTrimStart = /^\s+/;
function baseTrim(string) {
  return string ? string.slice(0, trimmedEndIndex_default(string) + 1).replace(reTrimStart, "") : string;
}
var baseTrim_default = baseTrim;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isObject.js
function isObject(value) {
  var type = typeof value;
  return value != null && (type == "object" || type == "function");
}
var isObject_default = isObject;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/toNumber.js
var NAN = 0 / 0;
var reIsBadHex = /^[-+]0x[0-9a-f]+$/i;
var reIsBinary = /^0b[01]+$/i;
var reIsOctal = /^0o[0-7]+$/i;
var freeParseInt = parseInt;
function toNumber(value) {
  if (typeof value == "number") {
    return value;
  }
  if (isSymbol_default(value)) {
    return NAN;
  }
  if (isObject_default(value)) {
    var other = typeof value.valueOf == "function" ? value.valueOf() : value;
    value = isObject_default(other) ? other + "" : other;
  }
  if (typeof value != "string") {
    return value === 0 ? value : +value;
  }
  value = baseTrim_default(value);
  var isBinary2 = reIsBinary.test(value);
  return isBinary2 || reIsOctal.test(value) ? freeParseInt(value.slice(2), isBinary2 ? 2 : 8) : reIsBadHex.test(value) ? NAN : +value;
}
var toNumber_default = toNumber;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/toFinite.js
var INFINITY2 = 1 / 0;
var MAX_INTEGER = 17976931348623157e292;
function toFinite(value) {
  if (!value) {
    return value === 0 ? value : 0;
  }
  value = toNumber_default(value);
  if (value === INFINITY2 || value === -INFINITY2) {
    var sign2 = value < 0 ? -1 : 1;
    return sign2 * MAX_INTEGER;
  }
  return value === value ? value : 0;
}
var toFinite_default = toFinite;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/toInteger.js
function toInteger(value) {
  var result = toFinite_default(value), remainder = result % 1;
  return result === result ? remainder ? result - remainder : result : 0;
}
var toInteger_default = toInteger;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/identity.js
function identity(value) {
  return value;
}
var identity_default = identity;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isFunction.js
var asyncTag = "[object AsyncFunction]";
var funcTag = "[object Function]";
var genTag = "[object GeneratorFunction]";
var proxyTag = "[object Proxy]";
function isFunction(value) {
  if (!isObject_default(value)) {
    return false;
  }
  var tag2 = baseGetTag_default(value);
  return tag2 == funcTag || tag2 == genTag || tag2 == asyncTag || tag2 == proxyTag;
}
var isFunction_default = isFunction;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_coreJsData.js
var coreJsData = root_default["__core-js_shared__"];
var coreJsData_default = coreJsData;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_isMasked.js
var maskSrcKey = (function() {
  var uid = /[^.]+$/.exec(coreJsData_default && coreJsData_default.keys && coreJsData_default.keys.IE_PROTO || "");
  return uid ? "Symbol(src)_1." + uid : "";
})();
function isMasked(func) {
  return !!maskSrcKey && maskSrcKey in func;
}
var isMasked_default = isMasked;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_toSource.js
var funcProto = Function.prototype;
var funcToString = funcProto.toString;
function toSource(func) {
  if (func != null) {
    try {
      return funcToString.call(func);
    } catch (e) {
    }
    try {
      return func + "";
    } catch (e) {
    }
  }
  return "";
}
var toSource_default = toSource;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsNative.js
var reRegExpChar = /[\\^$.*+?()[\]{}|]/g;
var reIsHostCtor = /^\[object .+?Constructor\]$/;
var funcProto2 = Function.prototype;
var objectProto3 = Object.prototype;
var funcToString2 = funcProto2.toString;
var hasOwnProperty2 = objectProto3.hasOwnProperty;
var reIsNative = RegExp(
  "^" + funcToString2.call(hasOwnProperty2).replace(reRegExpChar, "\\$&").replace(/hasOwnProperty|(function).*?(?=\\\()| for .+?(?=\\\])/g, "$1.*?") + "$"
);
function baseIsNative(value) {
  if (!isObject_default(value) || isMasked_default(value)) {
    return false;
  }
  var pattern = isFunction_default(value) ? reIsNative : reIsHostCtor;
  return pattern.test(toSource_default(value));
}
var baseIsNative_default = baseIsNative;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getValue.js
function getValue(object, key) {
  return object == null ? void 0 : object[key];
}
var getValue_default = getValue;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getNative.js
function getNative(object, key) {
  var value = getValue_default(object, key);
  return baseIsNative_default(value) ? value : void 0;
}
var getNative_default = getNative;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_WeakMap.js
var WeakMap = getNative_default(root_default, "WeakMap");
var WeakMap_default = WeakMap;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseCreate.js
var objectCreate = Object.create;
var baseCreate = /* @__PURE__ */ (function() {
  function object() {
  }
  return function(proto) {
    if (!isObject_default(proto)) {
      return {};
    }
    if (objectCreate) {
      return objectCreate(proto);
    }
    object.prototype = proto;
    var result = new object();
    object.prototype = void 0;
    return result;
  };
})();
var baseCreate_default = baseCreate;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_apply.js
function apply(func, thisArg, args) {
  switch (args.length) {
    case 0:
      return func.call(thisArg);
    case 1:
      return func.call(thisArg, args[0]);
    case 2:
      return func.call(thisArg, args[0], args[1]);
    case 3:
      return func.call(thisArg, args[0], args[1], args[2]);
  }
  return func.apply(thisArg, args);
}
var apply_default = apply;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/noop.js
function noop() {
}
var noop_default = noop;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_copyArray.js
function copyArray(source, array) {
  var index = -1, length = source.length;
  array || (array = Array(length));
  while (++index < length) {
    array[index] = source[index];
  }
  return array;
}
var copyArray_default = copyArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_shortOut.js
var HOT_COUNT = 800;
var HOT_SPAN = 16;
var nativeNow = Date.now;
function shortOut(func) {
  var count = 0, lastCalled = 0;
  return function() {
    var stamp = nativeNow(), remaining = HOT_SPAN - (stamp - lastCalled);
    lastCalled = stamp;
    if (remaining > 0) {
      if (++count >= HOT_COUNT) {
        return arguments[0];
      }
    } else {
      count = 0;
    }
    return func.apply(void 0, arguments);
  };
}
var shortOut_default = shortOut;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/constant.js
function constant(value) {
  return function() {
    return value;
  };
}
var constant_default = constant;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_defineProperty.js
var defineProperty = (function() {
  try {
    var func = getNative_default(Object, "defineProperty");
    func({}, "", {});
    return func;
  } catch (e) {
  }
})();
var defineProperty_default = defineProperty;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseSetToString.js
var baseSetToString = !defineProperty_default ? identity_default : function(func, string) {
  return defineProperty_default(func, "toString", {
    "configurable": true,
    "enumerable": false,
    "value": constant_default(string),
    "writable": true
  });
};
var baseSetToString_default = baseSetToString;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_setToString.js
var setToString = shortOut_default(baseSetToString_default);
var setToString_default = setToString;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayEach.js
function arrayEach(array, iteratee) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    if (iteratee(array[index], index, array) === false) {
      break;
    }
  }
  return array;
}
var arrayEach_default = arrayEach;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseFindIndex.js
function baseFindIndex(array, predicate, fromIndex, fromRight) {
  var length = array.length, index = fromIndex + (fromRight ? 1 : -1);
  while (fromRight ? index-- : ++index < length) {
    if (predicate(array[index], index, array)) {
      return index;
    }
  }
  return -1;
}
var baseFindIndex_default = baseFindIndex;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsNaN.js
function baseIsNaN(value) {
  return value !== value;
}
var baseIsNaN_default = baseIsNaN;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_strictIndexOf.js
function strictIndexOf(array, value, fromIndex) {
  var index = fromIndex - 1, length = array.length;
  while (++index < length) {
    if (array[index] === value) {
      return index;
    }
  }
  return -1;
}
var strictIndexOf_default = strictIndexOf;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIndexOf.js
function baseIndexOf(array, value, fromIndex) {
  return value === value ? strictIndexOf_default(array, value, fromIndex) : baseFindIndex_default(array, baseIsNaN_default, fromIndex);
}
var baseIndexOf_default = baseIndexOf;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayIncludes.js
function arrayIncludes(array, value) {
  var length = array == null ? 0 : array.length;
  return !!length && baseIndexOf_default(array, value, 0) > -1;
}
var arrayIncludes_default = arrayIncludes;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_isIndex.js
var MAX_SAFE_INTEGER2 = 9007199254740991;
var reIsUint = /^(?:0|[1-9]\d*)$/;
function isIndex(value, length) {
  var type = typeof value;
  length = length == null ? MAX_SAFE_INTEGER2 : length;
  return !!length && (type == "number" || type != "symbol" && reIsUint.test(value)) && (value > -1 && value % 1 == 0 && value < length);
}
var isIndex_default = isIndex;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseAssignValue.js
function baseAssignValue(object, key, value) {
  if (key == "__proto__" && defineProperty_default) {
    defineProperty_default(object, key, {
      "configurable": true,
      "enumerable": true,
      "value": value,
      "writable": true
    });
  } else {
    object[key] = value;
  }
}
var baseAssignValue_default = baseAssignValue;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/eq.js
function eq(value, other) {
  return value === other || value !== value && other !== other;
}
var eq_default = eq;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_assignValue.js
var objectProto4 = Object.prototype;
var hasOwnProperty3 = objectProto4.hasOwnProperty;
function assignValue(object, key, value) {
  var objValue = object[key];
  if (!(hasOwnProperty3.call(object, key) && eq_default(objValue, value)) || value === void 0 && !(key in object)) {
    baseAssignValue_default(object, key, value);
  }
}
var assignValue_default = assignValue;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_copyObject.js
function copyObject(source, props, object, customizer) {
  var isNew = !object;
  object || (object = {});
  var index = -1, length = props.length;
  while (++index < length) {
    var key = props[index];
    var newValue = customizer ? customizer(object[key], source[key], key, object, source) : void 0;
    if (newValue === void 0) {
      newValue = source[key];
    }
    if (isNew) {
      baseAssignValue_default(object, key, newValue);
    } else {
      assignValue_default(object, key, newValue);
    }
  }
  return object;
}
var copyObject_default = copyObject;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_overRest.js
var nativeMax = Math.max;
function overRest(func, start, transform) {
  start = nativeMax(start === void 0 ? func.length - 1 : start, 0);
  return function() {
    var args = arguments, index = -1, length = nativeMax(args.length - start, 0), array = Array(length);
    while (++index < length) {
      array[index] = args[start + index];
    }
    index = -1;
    var otherArgs = Array(start + 1);
    while (++index < start) {
      otherArgs[index] = args[index];
    }
    otherArgs[start] = transform(array);
    return apply_default(func, this, otherArgs);
  };
}
var overRest_default = overRest;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseRest.js
function baseRest(func, start) {
  return setToString_default(overRest_default(func, start, identity_default), func + "");
}
var baseRest_default = baseRest;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isLength.js
var MAX_SAFE_INTEGER3 = 9007199254740991;
function isLength(value) {
  return typeof value == "number" && value > -1 && value % 1 == 0 && value <= MAX_SAFE_INTEGER3;
}
var isLength_default = isLength;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isArrayLike.js
function isArrayLike(value) {
  return value != null && isLength_default(value.length) && !isFunction_default(value);
}
var isArrayLike_default = isArrayLike;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_isIterateeCall.js
function isIterateeCall(value, index, object) {
  if (!isObject_default(object)) {
    return false;
  }
  var type = typeof index;
  if (type == "number" ? isArrayLike_default(object) && isIndex_default(index, object.length) : type == "string" && index in object) {
    return eq_default(object[index], value);
  }
  return false;
}
var isIterateeCall_default = isIterateeCall;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_createAssigner.js
function createAssigner(assigner) {
  return baseRest_default(function(object, sources) {
    var index = -1, length = sources.length, customizer = length > 1 ? sources[length - 1] : void 0, guard = length > 2 ? sources[2] : void 0;
    customizer = assigner.length > 3 && typeof customizer == "function" ? (length--, customizer) : void 0;
    if (guard && isIterateeCall_default(sources[0], sources[1], guard)) {
      customizer = length < 3 ? void 0 : customizer;
      length = 1;
    }
    object = Object(object);
    while (++index < length) {
      var source = sources[index];
      if (source) {
        assigner(object, source, index, customizer);
      }
    }
    return object;
  });
}
var createAssigner_default = createAssigner;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_isPrototype.js
var objectProto5 = Object.prototype;
function isPrototype(value) {
  var Ctor = value && value.constructor, proto = typeof Ctor == "function" && Ctor.prototype || objectProto5;
  return value === proto;
}
var isPrototype_default = isPrototype;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseTimes.js
function baseTimes(n, iteratee) {
  var index = -1, result = Array(n);
  while (++index < n) {
    result[index] = iteratee(index);
  }
  return result;
}
var baseTimes_default = baseTimes;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsArguments.js
var argsTag = "[object Arguments]";
function baseIsArguments(value) {
  return isObjectLike_default(value) && baseGetTag_default(value) == argsTag;
}
var baseIsArguments_default = baseIsArguments;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isArguments.js
var objectProto6 = Object.prototype;
var hasOwnProperty4 = objectProto6.hasOwnProperty;
var propertyIsEnumerable = objectProto6.propertyIsEnumerable;
var isArguments = baseIsArguments_default(/* @__PURE__ */ (function() {
  return arguments;
})()) ? baseIsArguments_default : function(value) {
  return isObjectLike_default(value) && hasOwnProperty4.call(value, "callee") && !propertyIsEnumerable.call(value, "callee");
};
var isArguments_default = isArguments;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/stubFalse.js
function stubFalse() {
  return false;
}
var stubFalse_default = stubFalse;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isBuffer.js
var freeExports = typeof exports == "object" && exports && !exports.nodeType && exports;
var freeModule = freeExports && typeof module == "object" && module && !module.nodeType && module;
var moduleExports = freeModule && freeModule.exports === freeExports;
var Buffer = moduleExports ? root_default.Buffer : void 0;
var nativeIsBuffer = Buffer ? Buffer.isBuffer : void 0;
var isBuffer = nativeIsBuffer || stubFalse_default;
var isBuffer_default = isBuffer;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsTypedArray.js
var argsTag2 = "[object Arguments]";
var arrayTag = "[object Array]";
var boolTag = "[object Boolean]";
var dateTag = "[object Date]";
var errorTag = "[object Error]";
var funcTag2 = "[object Function]";
var mapTag = "[object Map]";
var numberTag = "[object Number]";
var objectTag = "[object Object]";
var regexpTag = "[object RegExp]";
var setTag = "[object Set]";
var stringTag = "[object String]";
var weakMapTag = "[object WeakMap]";
var arrayBufferTag = "[object ArrayBuffer]";
var dataViewTag = "[object DataView]";
var float32Tag = "[object Float32Array]";
var float64Tag = "[object Float64Array]";
var int8Tag = "[object Int8Array]";
var int16Tag = "[object Int16Array]";
var int32Tag = "[object Int32Array]";
var uint8Tag = "[object Uint8Array]";
var uint8ClampedTag = "[object Uint8ClampedArray]";
var uint16Tag = "[object Uint16Array]";
var uint32Tag = "[object Uint32Array]";
var typedArrayTags = {};
typedArrayTags[float32Tag] = typedArrayTags[float64Tag] = typedArrayTags[int8Tag] = typedArrayTags[int16Tag] = typedArrayTags[int32Tag] = typedArrayTags[uint8Tag] = typedArrayTags[uint8ClampedTag] = typedArrayTags[uint16Tag] = typedArrayTags[uint32Tag] = true;
typedArrayTags[argsTag2] = typedArrayTags[arrayTag] = typedArrayTags[arrayBufferTag] = typedArrayTags[boolTag] = typedArrayTags[dataViewTag] = typedArrayTags[dateTag] = typedArrayTags[errorTag] = typedArrayTags[funcTag2] = typedArrayTags[mapTag] = typedArrayTags[numberTag] = typedArrayTags[objectTag] = typedArrayTags[regexpTag] = typedArrayTags[setTag] = typedArrayTags[stringTag] = typedArrayTags[weakMapTag] = false;
function baseIsTypedArray(value) {
  return isObjectLike_default(value) && isLength_default(value.length) && !!typedArrayTags[baseGetTag_default(value)];
}
var baseIsTypedArray_default = baseIsTypedArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseUnary.js
function baseUnary(func) {
  return function(value) {
    return func(value);
  };
}
var baseUnary_default = baseUnary;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_nodeUtil.js
var freeExports2 = typeof exports == "object" && exports && !exports.nodeType && exports;
var freeModule2 = freeExports2 && typeof module == "object" && module && !module.nodeType && module;
var moduleExports2 = freeModule2 && freeModule2.exports === freeExports2;
var freeProcess = moduleExports2 && freeGlobal_default.process;
var nodeUtil = (function() {
  try {
    var types = freeModule2 && freeModule2.require && freeModule2.require("util").types;
    if (types) {
      return types;
    }
    return freeProcess && freeProcess.binding && freeProcess.binding("util");
  } catch (e) {
  }
})();
var nodeUtil_default = nodeUtil;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isTypedArray.js
var nodeIsTypedArray = nodeUtil_default && nodeUtil_default.isTypedArray;
var isTypedArray = nodeIsTypedArray ? baseUnary_default(nodeIsTypedArray) : baseIsTypedArray_default;
var isTypedArray_default = isTypedArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayLikeKeys.js
var objectProto7 = Object.prototype;
var hasOwnProperty5 = objectProto7.hasOwnProperty;
function arrayLikeKeys(value, inherited) {
  var isArr = isArray_default(value), isArg = !isArr && isArguments_default(value), isBuff = !isArr && !isArg && isBuffer_default(value), isType = !isArr && !isArg && !isBuff && isTypedArray_default(value), skipIndexes = isArr || isArg || isBuff || isType, result = skipIndexes ? baseTimes_default(value.length, String) : [], length = result.length;
  for (var key in value) {
    if ((inherited || hasOwnProperty5.call(value, key)) && !(skipIndexes && // Safari 9 has enumerable `arguments.length` in strict mode.
    (key == "length" || // Node.js 0.10 has enumerable non-index properties on buffers.
    isBuff && (key == "offset" || key == "parent") || // PhantomJS 2 has enumerable non-index properties on typed arrays.
    isType && (key == "buffer" || key == "byteLength" || key == "byteOffset") || // Skip index properties.
    isIndex_default(key, length)))) {
      result.push(key);
    }
  }
  return result;
}
var arrayLikeKeys_default = arrayLikeKeys;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_overArg.js
function overArg(func, transform) {
  return function(arg) {
    return func(transform(arg));
  };
}
var overArg_default = overArg;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_nativeKeys.js
var nativeKeys = overArg_default(Object.keys, Object);
var nativeKeys_default = nativeKeys;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseKeys.js
var objectProto8 = Object.prototype;
var hasOwnProperty6 = objectProto8.hasOwnProperty;
function baseKeys(object) {
  if (!isPrototype_default(object)) {
    return nativeKeys_default(object);
  }
  var result = [];
  for (var key in Object(object)) {
    if (hasOwnProperty6.call(object, key) && key != "constructor") {
      result.push(key);
    }
  }
  return result;
}
var baseKeys_default = baseKeys;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/keys.js
function keys(object) {
  return isArrayLike_default(object) ? arrayLikeKeys_default(object) : baseKeys_default(object);
}
var keys_default = keys;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/assign.js
var objectProto9 = Object.prototype;
var hasOwnProperty7 = objectProto9.hasOwnProperty;
var assign = createAssigner_default(function(object, source) {
  if (isPrototype_default(source) || isArrayLike_default(source)) {
    copyObject_default(source, keys_default(source), object);
    return;
  }
  for (var key in source) {
    if (hasOwnProperty7.call(source, key)) {
      assignValue_default(object, key, source[key]);
    }
  }
});
var assign_default = assign;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_nativeKeysIn.js
function nativeKeysIn(object) {
  var result = [];
  if (object != null) {
    for (var key in Object(object)) {
      result.push(key);
    }
  }
  return result;
}
var nativeKeysIn_default = nativeKeysIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseKeysIn.js
var objectProto10 = Object.prototype;
var hasOwnProperty8 = objectProto10.hasOwnProperty;
function baseKeysIn(object) {
  if (!isObject_default(object)) {
    return nativeKeysIn_default(object);
  }
  var isProto = isPrototype_default(object), result = [];
  for (var key in object) {
    if (!(key == "constructor" && (isProto || !hasOwnProperty8.call(object, key)))) {
      result.push(key);
    }
  }
  return result;
}
var baseKeysIn_default = baseKeysIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/keysIn.js
function keysIn(object) {
  return isArrayLike_default(object) ? arrayLikeKeys_default(object, true) : baseKeysIn_default(object);
}
var keysIn_default = keysIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_isKey.js
var reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
var reIsPlainProp = /^\w*$/;
function isKey(value, object) {
  if (isArray_default(value)) {
    return false;
  }
  var type = typeof value;
  if (type == "number" || type == "symbol" || type == "boolean" || value == null || isSymbol_default(value)) {
    return true;
  }
  return reIsPlainProp.test(value) || !reIsDeepProp.test(value) || object != null && value in Object(object);
}
var isKey_default = isKey;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_nativeCreate.js
var nativeCreate = getNative_default(Object, "create");
var nativeCreate_default = nativeCreate;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_hashClear.js
function hashClear() {
  this.__data__ = nativeCreate_default ? nativeCreate_default(null) : {};
  this.size = 0;
}
var hashClear_default = hashClear;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_hashDelete.js
function hashDelete(key) {
  var result = this.has(key) && delete this.__data__[key];
  this.size -= result ? 1 : 0;
  return result;
}
var hashDelete_default = hashDelete;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_hashGet.js
var HASH_UNDEFINED = "__lodash_hash_undefined__";
var objectProto11 = Object.prototype;
var hasOwnProperty9 = objectProto11.hasOwnProperty;
function hashGet(key) {
  var data = this.__data__;
  if (nativeCreate_default) {
    var result = data[key];
    return result === HASH_UNDEFINED ? void 0 : result;
  }
  return hasOwnProperty9.call(data, key) ? data[key] : void 0;
}
var hashGet_default = hashGet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_hashHas.js
var objectProto12 = Object.prototype;
var hasOwnProperty10 = objectProto12.hasOwnProperty;
function hashHas(key) {
  var data = this.__data__;
  return nativeCreate_default ? data[key] !== void 0 : hasOwnProperty10.call(data, key);
}
var hashHas_default = hashHas;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_hashSet.js
var HASH_UNDEFINED2 = "__lodash_hash_undefined__";
function hashSet(key, value) {
  var data = this.__data__;
  this.size += this.has(key) ? 0 : 1;
  data[key] = nativeCreate_default && value === void 0 ? HASH_UNDEFINED2 : value;
  return this;
}
var hashSet_default = hashSet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_Hash.js
function Hash(entries) {
  var index = -1, length = entries == null ? 0 : entries.length;
  this.clear();
  while (++index < length) {
    var entry = entries[index];
    this.set(entry[0], entry[1]);
  }
}
Hash.prototype.clear = hashClear_default;
Hash.prototype["delete"] = hashDelete_default;
Hash.prototype.get = hashGet_default;
Hash.prototype.has = hashHas_default;
Hash.prototype.set = hashSet_default;
var Hash_default = Hash;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_listCacheClear.js
function listCacheClear() {
  this.__data__ = [];
  this.size = 0;
}
var listCacheClear_default = listCacheClear;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_assocIndexOf.js
function assocIndexOf(array, key) {
  var length = array.length;
  while (length--) {
    if (eq_default(array[length][0], key)) {
      return length;
    }
  }
  return -1;
}
var assocIndexOf_default = assocIndexOf;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_listCacheDelete.js
var arrayProto = Array.prototype;
var splice = arrayProto.splice;
function listCacheDelete(key) {
  var data = this.__data__, index = assocIndexOf_default(data, key);
  if (index < 0) {
    return false;
  }
  var lastIndex = data.length - 1;
  if (index == lastIndex) {
    data.pop();
  } else {
    splice.call(data, index, 1);
  }
  --this.size;
  return true;
}
var listCacheDelete_default = listCacheDelete;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_listCacheGet.js
function listCacheGet(key) {
  var data = this.__data__, index = assocIndexOf_default(data, key);
  return index < 0 ? void 0 : data[index][1];
}
var listCacheGet_default = listCacheGet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_listCacheHas.js
function listCacheHas(key) {
  return assocIndexOf_default(this.__data__, key) > -1;
}
var listCacheHas_default = listCacheHas;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_listCacheSet.js
function listCacheSet(key, value) {
  var data = this.__data__, index = assocIndexOf_default(data, key);
  if (index < 0) {
    ++this.size;
    data.push([key, value]);
  } else {
    data[index][1] = value;
  }
  return this;
}
var listCacheSet_default = listCacheSet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_ListCache.js
function ListCache(entries) {
  var index = -1, length = entries == null ? 0 : entries.length;
  this.clear();
  while (++index < length) {
    var entry = entries[index];
    this.set(entry[0], entry[1]);
  }
}
ListCache.prototype.clear = listCacheClear_default;
ListCache.prototype["delete"] = listCacheDelete_default;
ListCache.prototype.get = listCacheGet_default;
ListCache.prototype.has = listCacheHas_default;
ListCache.prototype.set = listCacheSet_default;
var ListCache_default = ListCache;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_Map.js
var Map2 = getNative_default(root_default, "Map");
var Map_default = Map2;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_mapCacheClear.js
function mapCacheClear() {
  this.size = 0;
  this.__data__ = {
    "hash": new Hash_default(),
    "map": new (Map_default || ListCache_default)(),
    "string": new Hash_default()
  };
}
var mapCacheClear_default = mapCacheClear;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_isKeyable.js
function isKeyable(value) {
  var type = typeof value;
  return type == "string" || type == "number" || type == "symbol" || type == "boolean" ? value !== "__proto__" : value === null;
}
var isKeyable_default = isKeyable;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getMapData.js
function getMapData(map2, key) {
  var data = map2.__data__;
  return isKeyable_default(key) ? data[typeof key == "string" ? "string" : "hash"] : data.map;
}
var getMapData_default = getMapData;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_mapCacheDelete.js
function mapCacheDelete(key) {
  var result = getMapData_default(this, key)["delete"](key);
  this.size -= result ? 1 : 0;
  return result;
}
var mapCacheDelete_default = mapCacheDelete;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_mapCacheGet.js
function mapCacheGet(key) {
  return getMapData_default(this, key).get(key);
}
var mapCacheGet_default = mapCacheGet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_mapCacheHas.js
function mapCacheHas(key) {
  return getMapData_default(this, key).has(key);
}
var mapCacheHas_default = mapCacheHas;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_mapCacheSet.js
function mapCacheSet(key, value) {
  var data = getMapData_default(this, key), size = data.size;
  data.set(key, value);
  this.size += data.size == size ? 0 : 1;
  return this;
}
var mapCacheSet_default = mapCacheSet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_MapCache.js
function MapCache(entries) {
  var index = -1, length = entries == null ? 0 : entries.length;
  this.clear();
  while (++index < length) {
    var entry = entries[index];
    this.set(entry[0], entry[1]);
  }
}
MapCache.prototype.clear = mapCacheClear_default;
MapCache.prototype["delete"] = mapCacheDelete_default;
MapCache.prototype.get = mapCacheGet_default;
MapCache.prototype.has = mapCacheHas_default;
MapCache.prototype.set = mapCacheSet_default;
var MapCache_default = MapCache;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/memoize.js
var FUNC_ERROR_TEXT = "Expected a function";
function memoize(func, resolver) {
  if (typeof func != "function" || resolver != null && typeof resolver != "function") {
    throw new TypeError(FUNC_ERROR_TEXT);
  }
  var memoized = function() {
    var args = arguments, key = resolver ? resolver.apply(this, args) : args[0], cache = memoized.cache;
    if (cache.has(key)) {
      return cache.get(key);
    }
    var result = func.apply(this, args);
    memoized.cache = cache.set(key, result) || cache;
    return result;
  };
  memoized.cache = new (memoize.Cache || MapCache_default)();
  return memoized;
}
memoize.Cache = MapCache_default;
var memoize_default = memoize;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_memoizeCapped.js
var MAX_MEMOIZE_SIZE = 500;
function memoizeCapped(func) {
  var result = memoize_default(func, function(key) {
    if (cache.size === MAX_MEMOIZE_SIZE) {
      cache.clear();
    }
    return key;
  });
  var cache = result.cache;
  return result;
}
var memoizeCapped_default = memoizeCapped;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_stringToPath.js
var rePropName = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
var reEscapeChar = /\\(\\)?/g;
var stringToPath = memoizeCapped_default(function(string) {
  var result = [];
  if (string.charCodeAt(0) === 46) {
    result.push("");
  }
  string.replace(rePropName, function(match, number, quote, subString) {
    result.push(quote ? subString.replace(reEscapeChar, "$1") : number || match);
  });
  return result;
});
var stringToPath_default = stringToPath;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/toString.js
function toString(value) {
  return value == null ? "" : baseToString_default(value);
}
var toString_default = toString;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_castPath.js
function castPath(value, object) {
  if (isArray_default(value)) {
    return value;
  }
  return isKey_default(value, object) ? [value] : stringToPath_default(toString_default(value));
}
var castPath_default = castPath;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_toKey.js
var INFINITY3 = 1 / 0;
function toKey(value) {
  if (typeof value == "string" || isSymbol_default(value)) {
    return value;
  }
  var result = value + "";
  return result == "0" && 1 / value == -INFINITY3 ? "-0" : result;
}
var toKey_default = toKey;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseGet.js
function baseGet(object, path) {
  path = castPath_default(path, object);
  var index = 0, length = path.length;
  while (object != null && index < length) {
    object = object[toKey_default(path[index++])];
  }
  return index && index == length ? object : void 0;
}
var baseGet_default = baseGet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/get.js
function get(object, path, defaultValue) {
  var result = object == null ? void 0 : baseGet_default(object, path);
  return result === void 0 ? defaultValue : result;
}
var get_default = get;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayPush.js
function arrayPush(array, values2) {
  var index = -1, length = values2.length, offset = array.length;
  while (++index < length) {
    array[offset + index] = values2[index];
  }
  return array;
}
var arrayPush_default = arrayPush;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_isFlattenable.js
var spreadableSymbol = Symbol_default ? Symbol_default.isConcatSpreadable : void 0;
function isFlattenable(value) {
  return isArray_default(value) || isArguments_default(value) || !!(spreadableSymbol && value && value[spreadableSymbol]);
}
var isFlattenable_default = isFlattenable;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseFlatten.js
function baseFlatten(array, depth, predicate, isStrict, result) {
  var index = -1, length = array.length;
  predicate || (predicate = isFlattenable_default);
  result || (result = []);
  while (++index < length) {
    var value = array[index];
    if (depth > 0 && predicate(value)) {
      if (depth > 1) {
        baseFlatten(value, depth - 1, predicate, isStrict, result);
      } else {
        arrayPush_default(result, value);
      }
    } else if (!isStrict) {
      result[result.length] = value;
    }
  }
  return result;
}
var baseFlatten_default = baseFlatten;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/flatten.js
function flatten(array) {
  var length = array == null ? 0 : array.length;
  return length ? baseFlatten_default(array, 1) : [];
}
var flatten_default = flatten;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getPrototype.js
var getPrototype = overArg_default(Object.getPrototypeOf, Object);
var getPrototype_default = getPrototype;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseSlice.js
function baseSlice(array, start, end) {
  var index = -1, length = array.length;
  if (start < 0) {
    start = -start > length ? 0 : length + start;
  }
  end = end > length ? length : end;
  if (end < 0) {
    end += length;
  }
  length = start > end ? 0 : end - start >>> 0;
  start >>>= 0;
  var result = Array(length);
  while (++index < length) {
    result[index] = array[index + start];
  }
  return result;
}
var baseSlice_default = baseSlice;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayReduce.js
function arrayReduce(array, iteratee, accumulator, initAccum) {
  var index = -1, length = array == null ? 0 : array.length;
  if (initAccum && length) {
    accumulator = array[++index];
  }
  while (++index < length) {
    accumulator = iteratee(accumulator, array[index], index, array);
  }
  return accumulator;
}
var arrayReduce_default = arrayReduce;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_stackClear.js
function stackClear() {
  this.__data__ = new ListCache_default();
  this.size = 0;
}
var stackClear_default = stackClear;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_stackDelete.js
function stackDelete(key) {
  var data = this.__data__, result = data["delete"](key);
  this.size = data.size;
  return result;
}
var stackDelete_default = stackDelete;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_stackGet.js
function stackGet(key) {
  return this.__data__.get(key);
}
var stackGet_default = stackGet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_stackHas.js
function stackHas(key) {
  return this.__data__.has(key);
}
var stackHas_default = stackHas;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_stackSet.js
var LARGE_ARRAY_SIZE = 200;
function stackSet(key, value) {
  var data = this.__data__;
  if (data instanceof ListCache_default) {
    var pairs = data.__data__;
    if (!Map_default || pairs.length < LARGE_ARRAY_SIZE - 1) {
      pairs.push([key, value]);
      this.size = ++data.size;
      return this;
    }
    data = this.__data__ = new MapCache_default(pairs);
  }
  data.set(key, value);
  this.size = data.size;
  return this;
}
var stackSet_default = stackSet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_Stack.js
function Stack(entries) {
  var data = this.__data__ = new ListCache_default(entries);
  this.size = data.size;
}
Stack.prototype.clear = stackClear_default;
Stack.prototype["delete"] = stackDelete_default;
Stack.prototype.get = stackGet_default;
Stack.prototype.has = stackHas_default;
Stack.prototype.set = stackSet_default;
var Stack_default = Stack;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseAssign.js
function baseAssign(object, source) {
  return object && copyObject_default(source, keys_default(source), object);
}
var baseAssign_default = baseAssign;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseAssignIn.js
function baseAssignIn(object, source) {
  return object && copyObject_default(source, keysIn_default(source), object);
}
var baseAssignIn_default = baseAssignIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_cloneBuffer.js
var freeExports3 = typeof exports == "object" && exports && !exports.nodeType && exports;
var freeModule3 = freeExports3 && typeof module == "object" && module && !module.nodeType && module;
var moduleExports3 = freeModule3 && freeModule3.exports === freeExports3;
var Buffer2 = moduleExports3 ? root_default.Buffer : void 0;
var allocUnsafe = Buffer2 ? Buffer2.allocUnsafe : void 0;
function cloneBuffer(buffer, isDeep) {
  if (isDeep) {
    return buffer.slice();
  }
  var length = buffer.length, result = allocUnsafe ? allocUnsafe(length) : new buffer.constructor(length);
  buffer.copy(result);
  return result;
}
var cloneBuffer_default = cloneBuffer;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayFilter.js
function arrayFilter(array, predicate) {
  var index = -1, length = array == null ? 0 : array.length, resIndex = 0, result = [];
  while (++index < length) {
    var value = array[index];
    if (predicate(value, index, array)) {
      result[resIndex++] = value;
    }
  }
  return result;
}
var arrayFilter_default = arrayFilter;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/stubArray.js
function stubArray() {
  return [];
}
var stubArray_default = stubArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getSymbols.js
var objectProto13 = Object.prototype;
var propertyIsEnumerable2 = objectProto13.propertyIsEnumerable;
var nativeGetSymbols = Object.getOwnPropertySymbols;
var getSymbols = !nativeGetSymbols ? stubArray_default : function(object) {
  if (object == null) {
    return [];
  }
  object = Object(object);
  return arrayFilter_default(nativeGetSymbols(object), function(symbol) {
    return propertyIsEnumerable2.call(object, symbol);
  });
};
var getSymbols_default = getSymbols;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_copySymbols.js
function copySymbols(source, object) {
  return copyObject_default(source, getSymbols_default(source), object);
}
var copySymbols_default = copySymbols;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getSymbolsIn.js
var nativeGetSymbols2 = Object.getOwnPropertySymbols;
var getSymbolsIn = !nativeGetSymbols2 ? stubArray_default : function(object) {
  var result = [];
  while (object) {
    arrayPush_default(result, getSymbols_default(object));
    object = getPrototype_default(object);
  }
  return result;
};
var getSymbolsIn_default = getSymbolsIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_copySymbolsIn.js
function copySymbolsIn(source, object) {
  return copyObject_default(source, getSymbolsIn_default(source), object);
}
var copySymbolsIn_default = copySymbolsIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseGetAllKeys.js
function baseGetAllKeys(object, keysFunc, symbolsFunc) {
  var result = keysFunc(object);
  return isArray_default(object) ? result : arrayPush_default(result, symbolsFunc(object));
}
var baseGetAllKeys_default = baseGetAllKeys;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getAllKeys.js
function getAllKeys(object) {
  return baseGetAllKeys_default(object, keys_default, getSymbols_default);
}
var getAllKeys_default = getAllKeys;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getAllKeysIn.js
function getAllKeysIn(object) {
  return baseGetAllKeys_default(object, keysIn_default, getSymbolsIn_default);
}
var getAllKeysIn_default = getAllKeysIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_DataView.js
var DataView2 = getNative_default(root_default, "DataView");
var DataView_default = DataView2;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_Promise.js
var Promise2 = getNative_default(root_default, "Promise");
var Promise_default = Promise2;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_Set.js
var Set2 = getNative_default(root_default, "Set");
var Set_default = Set2;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getTag.js
var mapTag2 = "[object Map]";
var objectTag2 = "[object Object]";
var promiseTag = "[object Promise]";
var setTag2 = "[object Set]";
var weakMapTag2 = "[object WeakMap]";
var dataViewTag2 = "[object DataView]";
var dataViewCtorString = toSource_default(DataView_default);
var mapCtorString = toSource_default(Map_default);
var promiseCtorString = toSource_default(Promise_default);
var setCtorString = toSource_default(Set_default);
var weakMapCtorString = toSource_default(WeakMap_default);
var getTag = baseGetTag_default;
if (DataView_default && getTag(new DataView_default(new ArrayBuffer(1))) != dataViewTag2 || Map_default && getTag(new Map_default()) != mapTag2 || Promise_default && getTag(Promise_default.resolve()) != promiseTag || Set_default && getTag(new Set_default()) != setTag2 || WeakMap_default && getTag(new WeakMap_default()) != weakMapTag2) {
  getTag = function(value) {
    var result = baseGetTag_default(value), Ctor = result == objectTag2 ? value.constructor : void 0, ctorString = Ctor ? toSource_default(Ctor) : "";
    if (ctorString) {
      switch (ctorString) {
        case dataViewCtorString:
          return dataViewTag2;
        case mapCtorString:
          return mapTag2;
        case promiseCtorString:
          return promiseTag;
        case setCtorString:
          return setTag2;
        case weakMapCtorString:
          return weakMapTag2;
      }
    }
    return result;
  };
}
var getTag_default = getTag;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_initCloneArray.js
var objectProto14 = Object.prototype;
var hasOwnProperty11 = objectProto14.hasOwnProperty;
function initCloneArray(array) {
  var length = array.length, result = new array.constructor(length);
  if (length && typeof array[0] == "string" && hasOwnProperty11.call(array, "index")) {
    result.index = array.index;
    result.input = array.input;
  }
  return result;
}
var initCloneArray_default = initCloneArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_Uint8Array.js
var Uint8Array2 = root_default.Uint8Array;
var Uint8Array_default = Uint8Array2;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_cloneArrayBuffer.js
function cloneArrayBuffer(arrayBuffer) {
  var result = new arrayBuffer.constructor(arrayBuffer.byteLength);
  new Uint8Array_default(result).set(new Uint8Array_default(arrayBuffer));
  return result;
}
var cloneArrayBuffer_default = cloneArrayBuffer;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_cloneDataView.js
function cloneDataView(dataView, isDeep) {
  var buffer = isDeep ? cloneArrayBuffer_default(dataView.buffer) : dataView.buffer;
  return new dataView.constructor(buffer, dataView.byteOffset, dataView.byteLength);
}
var cloneDataView_default = cloneDataView;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_cloneRegExp.js
var reFlags = /\w*$/;
function cloneRegExp(regexp) {
  var result = new regexp.constructor(regexp.source, reFlags.exec(regexp));
  result.lastIndex = regexp.lastIndex;
  return result;
}
var cloneRegExp_default = cloneRegExp;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_cloneSymbol.js
var symbolProto2 = Symbol_default ? Symbol_default.prototype : void 0;
var symbolValueOf = symbolProto2 ? symbolProto2.valueOf : void 0;
function cloneSymbol(symbol) {
  return symbolValueOf ? Object(symbolValueOf.call(symbol)) : {};
}
var cloneSymbol_default = cloneSymbol;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_cloneTypedArray.js
function cloneTypedArray(typedArray, isDeep) {
  var buffer = isDeep ? cloneArrayBuffer_default(typedArray.buffer) : typedArray.buffer;
  return new typedArray.constructor(buffer, typedArray.byteOffset, typedArray.length);
}
var cloneTypedArray_default = cloneTypedArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_initCloneByTag.js
var boolTag2 = "[object Boolean]";
var dateTag2 = "[object Date]";
var mapTag3 = "[object Map]";
var numberTag2 = "[object Number]";
var regexpTag2 = "[object RegExp]";
var setTag3 = "[object Set]";
var stringTag2 = "[object String]";
var symbolTag2 = "[object Symbol]";
var arrayBufferTag2 = "[object ArrayBuffer]";
var dataViewTag3 = "[object DataView]";
var float32Tag2 = "[object Float32Array]";
var float64Tag2 = "[object Float64Array]";
var int8Tag2 = "[object Int8Array]";
var int16Tag2 = "[object Int16Array]";
var int32Tag2 = "[object Int32Array]";
var uint8Tag2 = "[object Uint8Array]";
var uint8ClampedTag2 = "[object Uint8ClampedArray]";
var uint16Tag2 = "[object Uint16Array]";
var uint32Tag2 = "[object Uint32Array]";
function initCloneByTag(object, tag2, isDeep) {
  var Ctor = object.constructor;
  switch (tag2) {
    case arrayBufferTag2:
      return cloneArrayBuffer_default(object);
    case boolTag2:
    case dateTag2:
      return new Ctor(+object);
    case dataViewTag3:
      return cloneDataView_default(object, isDeep);
    case float32Tag2:
    case float64Tag2:
    case int8Tag2:
    case int16Tag2:
    case int32Tag2:
    case uint8Tag2:
    case uint8ClampedTag2:
    case uint16Tag2:
    case uint32Tag2:
      return cloneTypedArray_default(object, isDeep);
    case mapTag3:
      return new Ctor();
    case numberTag2:
    case stringTag2:
      return new Ctor(object);
    case regexpTag2:
      return cloneRegExp_default(object);
    case setTag3:
      return new Ctor();
    case symbolTag2:
      return cloneSymbol_default(object);
  }
}
var initCloneByTag_default = initCloneByTag;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_initCloneObject.js
function initCloneObject(object) {
  return typeof object.constructor == "function" && !isPrototype_default(object) ? baseCreate_default(getPrototype_default(object)) : {};
}
var initCloneObject_default = initCloneObject;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsMap.js
var mapTag4 = "[object Map]";
function baseIsMap(value) {
  return isObjectLike_default(value) && getTag_default(value) == mapTag4;
}
var baseIsMap_default = baseIsMap;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isMap.js
var nodeIsMap = nodeUtil_default && nodeUtil_default.isMap;
var isMap = nodeIsMap ? baseUnary_default(nodeIsMap) : baseIsMap_default;
var isMap_default = isMap;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsSet.js
var setTag4 = "[object Set]";
function baseIsSet(value) {
  return isObjectLike_default(value) && getTag_default(value) == setTag4;
}
var baseIsSet_default = baseIsSet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isSet.js
var nodeIsSet = nodeUtil_default && nodeUtil_default.isSet;
var isSet = nodeIsSet ? baseUnary_default(nodeIsSet) : baseIsSet_default;
var isSet_default = isSet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseClone.js
var CLONE_DEEP_FLAG = 1;
var CLONE_FLAT_FLAG = 2;
var CLONE_SYMBOLS_FLAG = 4;
var argsTag3 = "[object Arguments]";
var arrayTag2 = "[object Array]";
var boolTag3 = "[object Boolean]";
var dateTag3 = "[object Date]";
var errorTag2 = "[object Error]";
var funcTag3 = "[object Function]";
var genTag2 = "[object GeneratorFunction]";
var mapTag5 = "[object Map]";
var numberTag3 = "[object Number]";
var objectTag3 = "[object Object]";
var regexpTag3 = "[object RegExp]";
var setTag5 = "[object Set]";
var stringTag3 = "[object String]";
var symbolTag3 = "[object Symbol]";
var weakMapTag3 = "[object WeakMap]";
var arrayBufferTag3 = "[object ArrayBuffer]";
var dataViewTag4 = "[object DataView]";
var float32Tag3 = "[object Float32Array]";
var float64Tag3 = "[object Float64Array]";
var int8Tag3 = "[object Int8Array]";
var int16Tag3 = "[object Int16Array]";
var int32Tag3 = "[object Int32Array]";
var uint8Tag3 = "[object Uint8Array]";
var uint8ClampedTag3 = "[object Uint8ClampedArray]";
var uint16Tag3 = "[object Uint16Array]";
var uint32Tag3 = "[object Uint32Array]";
var cloneableTags = {};
cloneableTags[argsTag3] = cloneableTags[arrayTag2] = cloneableTags[arrayBufferTag3] = cloneableTags[dataViewTag4] = cloneableTags[boolTag3] = cloneableTags[dateTag3] = cloneableTags[float32Tag3] = cloneableTags[float64Tag3] = cloneableTags[int8Tag3] = cloneableTags[int16Tag3] = cloneableTags[int32Tag3] = cloneableTags[mapTag5] = cloneableTags[numberTag3] = cloneableTags[objectTag3] = cloneableTags[regexpTag3] = cloneableTags[setTag5] = cloneableTags[stringTag3] = cloneableTags[symbolTag3] = cloneableTags[uint8Tag3] = cloneableTags[uint8ClampedTag3] = cloneableTags[uint16Tag3] = cloneableTags[uint32Tag3] = true;
cloneableTags[errorTag2] = cloneableTags[funcTag3] = cloneableTags[weakMapTag3] = false;
function baseClone(value, bitmask, customizer, key, object, stack) {
  var result, isDeep = bitmask & CLONE_DEEP_FLAG, isFlat = bitmask & CLONE_FLAT_FLAG, isFull = bitmask & CLONE_SYMBOLS_FLAG;
  if (customizer) {
    result = object ? customizer(value, key, object, stack) : customizer(value);
  }
  if (result !== void 0) {
    return result;
  }
  if (!isObject_default(value)) {
    return value;
  }
  var isArr = isArray_default(value);
  if (isArr) {
    result = initCloneArray_default(value);
    if (!isDeep) {
      return copyArray_default(value, result);
    }
  } else {
    var tag2 = getTag_default(value), isFunc = tag2 == funcTag3 || tag2 == genTag2;
    if (isBuffer_default(value)) {
      return cloneBuffer_default(value, isDeep);
    }
    if (tag2 == objectTag3 || tag2 == argsTag3 || isFunc && !object) {
      result = isFlat || isFunc ? {} : initCloneObject_default(value);
      if (!isDeep) {
        return isFlat ? copySymbolsIn_default(value, baseAssignIn_default(result, value)) : copySymbols_default(value, baseAssign_default(result, value));
      }
    } else {
      if (!cloneableTags[tag2]) {
        return object ? value : {};
      }
      result = initCloneByTag_default(value, tag2, isDeep);
    }
  }
  stack || (stack = new Stack_default());
  var stacked = stack.get(value);
  if (stacked) {
    return stacked;
  }
  stack.set(value, result);
  if (isSet_default(value)) {
    value.forEach(function(subValue) {
      result.add(baseClone(subValue, bitmask, customizer, subValue, value, stack));
    });
  } else if (isMap_default(value)) {
    value.forEach(function(subValue, key2) {
      result.set(key2, baseClone(subValue, bitmask, customizer, key2, value, stack));
    });
  }
  var keysFunc = isFull ? isFlat ? getAllKeysIn_default : getAllKeys_default : isFlat ? keysIn_default : keys_default;
  var props = isArr ? void 0 : keysFunc(value);
  arrayEach_default(props || value, function(subValue, key2) {
    if (props) {
      key2 = subValue;
      subValue = value[key2];
    }
    assignValue_default(result, key2, baseClone(subValue, bitmask, customizer, key2, value, stack));
  });
  return result;
}
var baseClone_default = baseClone;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/clone.js
var CLONE_SYMBOLS_FLAG2 = 4;
function clone2(value) {
  return baseClone_default(value, CLONE_SYMBOLS_FLAG2);
}
var clone_default = clone2;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/compact.js
function compact(array) {
  var index = -1, length = array == null ? 0 : array.length, resIndex = 0, result = [];
  while (++index < length) {
    var value = array[index];
    if (value) {
      result[resIndex++] = value;
    }
  }
  return result;
}
var compact_default = compact;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_setCacheAdd.js
var HASH_UNDEFINED3 = "__lodash_hash_undefined__";
function setCacheAdd(value) {
  this.__data__.set(value, HASH_UNDEFINED3);
  return this;
}
var setCacheAdd_default = setCacheAdd;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_setCacheHas.js
function setCacheHas(value) {
  return this.__data__.has(value);
}
var setCacheHas_default = setCacheHas;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_SetCache.js
function SetCache(values2) {
  var index = -1, length = values2 == null ? 0 : values2.length;
  this.__data__ = new MapCache_default();
  while (++index < length) {
    this.add(values2[index]);
  }
}
SetCache.prototype.add = SetCache.prototype.push = setCacheAdd_default;
SetCache.prototype.has = setCacheHas_default;
var SetCache_default = SetCache;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arraySome.js
function arraySome(array, predicate) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    if (predicate(array[index], index, array)) {
      return true;
    }
  }
  return false;
}
var arraySome_default = arraySome;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_cacheHas.js
function cacheHas(cache, key) {
  return cache.has(key);
}
var cacheHas_default = cacheHas;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_equalArrays.js
var COMPARE_PARTIAL_FLAG = 1;
var COMPARE_UNORDERED_FLAG = 2;
function equalArrays(array, other, bitmask, customizer, equalFunc, stack) {
  var isPartial = bitmask & COMPARE_PARTIAL_FLAG, arrLength = array.length, othLength = other.length;
  if (arrLength != othLength && !(isPartial && othLength > arrLength)) {
    return false;
  }
  var arrStacked = stack.get(array);
  var othStacked = stack.get(other);
  if (arrStacked && othStacked) {
    return arrStacked == other && othStacked == array;
  }
  var index = -1, result = true, seen = bitmask & COMPARE_UNORDERED_FLAG ? new SetCache_default() : void 0;
  stack.set(array, other);
  stack.set(other, array);
  while (++index < arrLength) {
    var arrValue = array[index], othValue = other[index];
    if (customizer) {
      var compared = isPartial ? customizer(othValue, arrValue, index, other, array, stack) : customizer(arrValue, othValue, index, array, other, stack);
    }
    if (compared !== void 0) {
      if (compared) {
        continue;
      }
      result = false;
      break;
    }
    if (seen) {
      if (!arraySome_default(other, function(othValue2, othIndex) {
        if (!cacheHas_default(seen, othIndex) && (arrValue === othValue2 || equalFunc(arrValue, othValue2, bitmask, customizer, stack))) {
          return seen.push(othIndex);
        }
      })) {
        result = false;
        break;
      }
    } else if (!(arrValue === othValue || equalFunc(arrValue, othValue, bitmask, customizer, stack))) {
      result = false;
      break;
    }
  }
  stack["delete"](array);
  stack["delete"](other);
  return result;
}
var equalArrays_default = equalArrays;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_mapToArray.js
function mapToArray(map2) {
  var index = -1, result = Array(map2.size);
  map2.forEach(function(value, key) {
    result[++index] = [key, value];
  });
  return result;
}
var mapToArray_default = mapToArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_setToArray.js
function setToArray(set) {
  var index = -1, result = Array(set.size);
  set.forEach(function(value) {
    result[++index] = value;
  });
  return result;
}
var setToArray_default = setToArray;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_equalByTag.js
var COMPARE_PARTIAL_FLAG2 = 1;
var COMPARE_UNORDERED_FLAG2 = 2;
var boolTag4 = "[object Boolean]";
var dateTag4 = "[object Date]";
var errorTag3 = "[object Error]";
var mapTag6 = "[object Map]";
var numberTag4 = "[object Number]";
var regexpTag4 = "[object RegExp]";
var setTag6 = "[object Set]";
var stringTag4 = "[object String]";
var symbolTag4 = "[object Symbol]";
var arrayBufferTag4 = "[object ArrayBuffer]";
var dataViewTag5 = "[object DataView]";
var symbolProto3 = Symbol_default ? Symbol_default.prototype : void 0;
var symbolValueOf2 = symbolProto3 ? symbolProto3.valueOf : void 0;
function equalByTag(object, other, tag2, bitmask, customizer, equalFunc, stack) {
  switch (tag2) {
    case dataViewTag5:
      if (object.byteLength != other.byteLength || object.byteOffset != other.byteOffset) {
        return false;
      }
      object = object.buffer;
      other = other.buffer;
    case arrayBufferTag4:
      if (object.byteLength != other.byteLength || !equalFunc(new Uint8Array_default(object), new Uint8Array_default(other))) {
        return false;
      }
      return true;
    case boolTag4:
    case dateTag4:
    case numberTag4:
      return eq_default(+object, +other);
    case errorTag3:
      return object.name == other.name && object.message == other.message;
    case regexpTag4:
    case stringTag4:
      return object == other + "";
    case mapTag6:
      var convert = mapToArray_default;
    case setTag6:
      var isPartial = bitmask & COMPARE_PARTIAL_FLAG2;
      convert || (convert = setToArray_default);
      if (object.size != other.size && !isPartial) {
        return false;
      }
      var stacked = stack.get(object);
      if (stacked) {
        return stacked == other;
      }
      bitmask |= COMPARE_UNORDERED_FLAG2;
      stack.set(object, other);
      var result = equalArrays_default(convert(object), convert(other), bitmask, customizer, equalFunc, stack);
      stack["delete"](object);
      return result;
    case symbolTag4:
      if (symbolValueOf2) {
        return symbolValueOf2.call(object) == symbolValueOf2.call(other);
      }
  }
  return false;
}
var equalByTag_default = equalByTag;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_equalObjects.js
var COMPARE_PARTIAL_FLAG3 = 1;
var objectProto15 = Object.prototype;
var hasOwnProperty12 = objectProto15.hasOwnProperty;
function equalObjects(object, other, bitmask, customizer, equalFunc, stack) {
  var isPartial = bitmask & COMPARE_PARTIAL_FLAG3, objProps = getAllKeys_default(object), objLength = objProps.length, othProps = getAllKeys_default(other), othLength = othProps.length;
  if (objLength != othLength && !isPartial) {
    return false;
  }
  var index = objLength;
  while (index--) {
    var key = objProps[index];
    if (!(isPartial ? key in other : hasOwnProperty12.call(other, key))) {
      return false;
    }
  }
  var objStacked = stack.get(object);
  var othStacked = stack.get(other);
  if (objStacked && othStacked) {
    return objStacked == other && othStacked == object;
  }
  var result = true;
  stack.set(object, other);
  stack.set(other, object);
  var skipCtor = isPartial;
  while (++index < objLength) {
    key = objProps[index];
    var objValue = object[key], othValue = other[key];
    if (customizer) {
      var compared = isPartial ? customizer(othValue, objValue, key, other, object, stack) : customizer(objValue, othValue, key, object, other, stack);
    }
    if (!(compared === void 0 ? objValue === othValue || equalFunc(objValue, othValue, bitmask, customizer, stack) : compared)) {
      result = false;
      break;
    }
    skipCtor || (skipCtor = key == "constructor");
  }
  if (result && !skipCtor) {
    var objCtor = object.constructor, othCtor = other.constructor;
    if (objCtor != othCtor && ("constructor" in object && "constructor" in other) && !(typeof objCtor == "function" && objCtor instanceof objCtor && typeof othCtor == "function" && othCtor instanceof othCtor)) {
      result = false;
    }
  }
  stack["delete"](object);
  stack["delete"](other);
  return result;
}
var equalObjects_default = equalObjects;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsEqualDeep.js
var COMPARE_PARTIAL_FLAG4 = 1;
var argsTag4 = "[object Arguments]";
var arrayTag3 = "[object Array]";
var objectTag4 = "[object Object]";
var objectProto16 = Object.prototype;
var hasOwnProperty13 = objectProto16.hasOwnProperty;
function baseIsEqualDeep(object, other, bitmask, customizer, equalFunc, stack) {
  var objIsArr = isArray_default(object), othIsArr = isArray_default(other), objTag = objIsArr ? arrayTag3 : getTag_default(object), othTag = othIsArr ? arrayTag3 : getTag_default(other);
  objTag = objTag == argsTag4 ? objectTag4 : objTag;
  othTag = othTag == argsTag4 ? objectTag4 : othTag;
  var objIsObj = objTag == objectTag4, othIsObj = othTag == objectTag4, isSameTag = objTag == othTag;
  if (isSameTag && isBuffer_default(object)) {
    if (!isBuffer_default(other)) {
      return false;
    }
    objIsArr = true;
    objIsObj = false;
  }
  if (isSameTag && !objIsObj) {
    stack || (stack = new Stack_default());
    return objIsArr || isTypedArray_default(object) ? equalArrays_default(object, other, bitmask, customizer, equalFunc, stack) : equalByTag_default(object, other, objTag, bitmask, customizer, equalFunc, stack);
  }
  if (!(bitmask & COMPARE_PARTIAL_FLAG4)) {
    var objIsWrapped = objIsObj && hasOwnProperty13.call(object, "__wrapped__"), othIsWrapped = othIsObj && hasOwnProperty13.call(other, "__wrapped__");
    if (objIsWrapped || othIsWrapped) {
      var objUnwrapped = objIsWrapped ? object.value() : object, othUnwrapped = othIsWrapped ? other.value() : other;
      stack || (stack = new Stack_default());
      return equalFunc(objUnwrapped, othUnwrapped, bitmask, customizer, stack);
    }
  }
  if (!isSameTag) {
    return false;
  }
  stack || (stack = new Stack_default());
  return equalObjects_default(object, other, bitmask, customizer, equalFunc, stack);
}
var baseIsEqualDeep_default = baseIsEqualDeep;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsEqual.js
function baseIsEqual(value, other, bitmask, customizer, stack) {
  if (value === other) {
    return true;
  }
  if (value == null || other == null || !isObjectLike_default(value) && !isObjectLike_default(other)) {
    return value !== value && other !== other;
  }
  return baseIsEqualDeep_default(value, other, bitmask, customizer, baseIsEqual, stack);
}
var baseIsEqual_default = baseIsEqual;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsMatch.js
var COMPARE_PARTIAL_FLAG5 = 1;
var COMPARE_UNORDERED_FLAG3 = 2;
function baseIsMatch(object, source, matchData, customizer) {
  var index = matchData.length, length = index, noCustomizer = !customizer;
  if (object == null) {
    return !length;
  }
  object = Object(object);
  while (index--) {
    var data = matchData[index];
    if (noCustomizer && data[2] ? data[1] !== object[data[0]] : !(data[0] in object)) {
      return false;
    }
  }
  while (++index < length) {
    data = matchData[index];
    var key = data[0], objValue = object[key], srcValue = data[1];
    if (noCustomizer && data[2]) {
      if (objValue === void 0 && !(key in object)) {
        return false;
      }
    } else {
      var stack = new Stack_default();
      if (customizer) {
        var result = customizer(objValue, srcValue, key, object, source, stack);
      }
      if (!(result === void 0 ? baseIsEqual_default(srcValue, objValue, COMPARE_PARTIAL_FLAG5 | COMPARE_UNORDERED_FLAG3, customizer, stack) : result)) {
        return false;
      }
    }
  }
  return true;
}
var baseIsMatch_default = baseIsMatch;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_isStrictComparable.js
function isStrictComparable(value) {
  return value === value && !isObject_default(value);
}
var isStrictComparable_default = isStrictComparable;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_getMatchData.js
function getMatchData(object) {
  var result = keys_default(object), length = result.length;
  while (length--) {
    var key = result[length], value = object[key];
    result[length] = [key, value, isStrictComparable_default(value)];
  }
  return result;
}
var getMatchData_default = getMatchData;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_matchesStrictComparable.js
function matchesStrictComparable(key, srcValue) {
  return function(object) {
    if (object == null) {
      return false;
    }
    return object[key] === srcValue && (srcValue !== void 0 || key in Object(object));
  };
}
var matchesStrictComparable_default = matchesStrictComparable;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseMatches.js
function baseMatches(source) {
  var matchData = getMatchData_default(source);
  if (matchData.length == 1 && matchData[0][2]) {
    return matchesStrictComparable_default(matchData[0][0], matchData[0][1]);
  }
  return function(object) {
    return object === source || baseIsMatch_default(object, source, matchData);
  };
}
var baseMatches_default = baseMatches;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseHasIn.js
function baseHasIn(object, key) {
  return object != null && key in Object(object);
}
var baseHasIn_default = baseHasIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_hasPath.js
function hasPath(object, path, hasFunc) {
  path = castPath_default(path, object);
  var index = -1, length = path.length, result = false;
  while (++index < length) {
    var key = toKey_default(path[index]);
    if (!(result = object != null && hasFunc(object, key))) {
      break;
    }
    object = object[key];
  }
  if (result || ++index != length) {
    return result;
  }
  length = object == null ? 0 : object.length;
  return !!length && isLength_default(length) && isIndex_default(key, length) && (isArray_default(object) || isArguments_default(object));
}
var hasPath_default = hasPath;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/hasIn.js
function hasIn(object, path) {
  return object != null && hasPath_default(object, path, baseHasIn_default);
}
var hasIn_default = hasIn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseMatchesProperty.js
var COMPARE_PARTIAL_FLAG6 = 1;
var COMPARE_UNORDERED_FLAG4 = 2;
function baseMatchesProperty(path, srcValue) {
  if (isKey_default(path) && isStrictComparable_default(srcValue)) {
    return matchesStrictComparable_default(toKey_default(path), srcValue);
  }
  return function(object) {
    var objValue = get_default(object, path);
    return objValue === void 0 && objValue === srcValue ? hasIn_default(object, path) : baseIsEqual_default(srcValue, objValue, COMPARE_PARTIAL_FLAG6 | COMPARE_UNORDERED_FLAG4);
  };
}
var baseMatchesProperty_default = baseMatchesProperty;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseProperty.js
function baseProperty(key) {
  return function(object) {
    return object == null ? void 0 : object[key];
  };
}
var baseProperty_default = baseProperty;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_basePropertyDeep.js
function basePropertyDeep(path) {
  return function(object) {
    return baseGet_default(object, path);
  };
}
var basePropertyDeep_default = basePropertyDeep;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/property.js
function property(path) {
  return isKey_default(path) ? baseProperty_default(toKey_default(path)) : basePropertyDeep_default(path);
}
var property_default = property;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIteratee.js
function baseIteratee(value) {
  if (typeof value == "function") {
    return value;
  }
  if (value == null) {
    return identity_default;
  }
  if (typeof value == "object") {
    return isArray_default(value) ? baseMatchesProperty_default(value[0], value[1]) : baseMatches_default(value);
  }
  return property_default(value);
}
var baseIteratee_default = baseIteratee;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayAggregator.js
function arrayAggregator(array, setter, iteratee, accumulator) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    var value = array[index];
    setter(accumulator, value, iteratee(value), array);
  }
  return accumulator;
}
var arrayAggregator_default = arrayAggregator;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_createBaseFor.js
function createBaseFor(fromRight) {
  return function(object, iteratee, keysFunc) {
    var index = -1, iterable = Object(object), props = keysFunc(object), length = props.length;
    while (length--) {
      var key = props[fromRight ? length : ++index];
      if (iteratee(iterable[key], key, iterable) === false) {
        break;
      }
    }
    return object;
  };
}
var createBaseFor_default = createBaseFor;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseFor.js
var baseFor = createBaseFor_default();
var baseFor_default = baseFor;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseForOwn.js
function baseForOwn(object, iteratee) {
  return object && baseFor_default(object, iteratee, keys_default);
}
var baseForOwn_default = baseForOwn;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_createBaseEach.js
function createBaseEach(eachFunc, fromRight) {
  return function(collection, iteratee) {
    if (collection == null) {
      return collection;
    }
    if (!isArrayLike_default(collection)) {
      return eachFunc(collection, iteratee);
    }
    var length = collection.length, index = fromRight ? length : -1, iterable = Object(collection);
    while (fromRight ? index-- : ++index < length) {
      if (iteratee(iterable[index], index, iterable) === false) {
        break;
      }
    }
    return collection;
  };
}
var createBaseEach_default = createBaseEach;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseEach.js
var baseEach = createBaseEach_default(baseForOwn_default);
var baseEach_default = baseEach;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseAggregator.js
function baseAggregator(collection, setter, iteratee, accumulator) {
  baseEach_default(collection, function(value, key, collection2) {
    setter(accumulator, value, iteratee(value), collection2);
  });
  return accumulator;
}
var baseAggregator_default = baseAggregator;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_createAggregator.js
function createAggregator(setter, initializer) {
  return function(collection, iteratee) {
    var func = isArray_default(collection) ? arrayAggregator_default : baseAggregator_default, accumulator = initializer ? initializer() : {};
    return func(collection, setter, baseIteratee_default(iteratee, 2), accumulator);
  };
}
var createAggregator_default = createAggregator;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/defaults.js
var objectProto17 = Object.prototype;
var hasOwnProperty14 = objectProto17.hasOwnProperty;
var defaults = baseRest_default(function(object, sources) {
  object = Object(object);
  var index = -1;
  var length = sources.length;
  var guard = length > 2 ? sources[2] : void 0;
  if (guard && isIterateeCall_default(sources[0], sources[1], guard)) {
    length = 1;
  }
  while (++index < length) {
    var source = sources[index];
    var props = keysIn_default(source);
    var propsIndex = -1;
    var propsLength = props.length;
    while (++propsIndex < propsLength) {
      var key = props[propsIndex];
      var value = object[key];
      if (value === void 0 || eq_default(value, objectProto17[key]) && !hasOwnProperty14.call(object, key)) {
        object[key] = source[key];
      }
    }
  }
  return object;
});
var defaults_default = defaults;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isArrayLikeObject.js
function isArrayLikeObject(value) {
  return isObjectLike_default(value) && isArrayLike_default(value);
}
var isArrayLikeObject_default = isArrayLikeObject;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayIncludesWith.js
function arrayIncludesWith(array, value, comparator) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    if (comparator(value, array[index])) {
      return true;
    }
  }
  return false;
}
var arrayIncludesWith_default = arrayIncludesWith;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseDifference.js
var LARGE_ARRAY_SIZE2 = 200;
function baseDifference(array, values2, iteratee, comparator) {
  var index = -1, includes2 = arrayIncludes_default, isCommon = true, length = array.length, result = [], valuesLength = values2.length;
  if (!length) {
    return result;
  }
  if (iteratee) {
    values2 = arrayMap_default(values2, baseUnary_default(iteratee));
  }
  if (comparator) {
    includes2 = arrayIncludesWith_default;
    isCommon = false;
  } else if (values2.length >= LARGE_ARRAY_SIZE2) {
    includes2 = cacheHas_default;
    isCommon = false;
    values2 = new SetCache_default(values2);
  }
  outer:
    while (++index < length) {
      var value = array[index], computed = iteratee == null ? value : iteratee(value);
      value = comparator || value !== 0 ? value : 0;
      if (isCommon && computed === computed) {
        var valuesIndex = valuesLength;
        while (valuesIndex--) {
          if (values2[valuesIndex] === computed) {
            continue outer;
          }
        }
        result.push(value);
      } else if (!includes2(values2, computed, comparator)) {
        result.push(value);
      }
    }
  return result;
}
var baseDifference_default = baseDifference;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/difference.js
var difference = baseRest_default(function(array, values2) {
  return isArrayLikeObject_default(array) ? baseDifference_default(array, baseFlatten_default(values2, 1, isArrayLikeObject_default, true)) : [];
});
var difference_default = difference;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/last.js
function last(array) {
  var length = array == null ? 0 : array.length;
  return length ? array[length - 1] : void 0;
}
var last_default = last;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/drop.js
function drop(array, n, guard) {
  var length = array == null ? 0 : array.length;
  if (!length) {
    return [];
  }
  n = guard || n === void 0 ? 1 : toInteger_default(n);
  return baseSlice_default(array, n < 0 ? 0 : n, length);
}
var drop_default = drop;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/dropRight.js
function dropRight(array, n, guard) {
  var length = array == null ? 0 : array.length;
  if (!length) {
    return [];
  }
  n = guard || n === void 0 ? 1 : toInteger_default(n);
  n = length - n;
  return baseSlice_default(array, 0, n < 0 ? 0 : n);
}
var dropRight_default = dropRight;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_castFunction.js
function castFunction(value) {
  return typeof value == "function" ? value : identity_default;
}
var castFunction_default = castFunction;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/forEach.js
function forEach(collection, iteratee) {
  var func = isArray_default(collection) ? arrayEach_default : baseEach_default;
  return func(collection, castFunction_default(iteratee));
}
var forEach_default = forEach;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_arrayEvery.js
function arrayEvery(array, predicate) {
  var index = -1, length = array == null ? 0 : array.length;
  while (++index < length) {
    if (!predicate(array[index], index, array)) {
      return false;
    }
  }
  return true;
}
var arrayEvery_default = arrayEvery;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseEvery.js
function baseEvery(collection, predicate) {
  var result = true;
  baseEach_default(collection, function(value, index, collection2) {
    result = !!predicate(value, index, collection2);
    return result;
  });
  return result;
}
var baseEvery_default = baseEvery;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/every.js
function every(collection, predicate, guard) {
  var func = isArray_default(collection) ? arrayEvery_default : baseEvery_default;
  if (guard && isIterateeCall_default(collection, predicate, guard)) {
    predicate = void 0;
  }
  return func(collection, baseIteratee_default(predicate, 3));
}
var every_default = every;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseFilter.js
function baseFilter(collection, predicate) {
  var result = [];
  baseEach_default(collection, function(value, index, collection2) {
    if (predicate(value, index, collection2)) {
      result.push(value);
    }
  });
  return result;
}
var baseFilter_default = baseFilter;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/filter.js
function filter(collection, predicate) {
  var func = isArray_default(collection) ? arrayFilter_default : baseFilter_default;
  return func(collection, baseIteratee_default(predicate, 3));
}
var filter_default = filter;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_createFind.js
function createFind(findIndexFunc) {
  return function(collection, predicate, fromIndex) {
    var iterable = Object(collection);
    if (!isArrayLike_default(collection)) {
      var iteratee = baseIteratee_default(predicate, 3);
      collection = keys_default(collection);
      predicate = function(key) {
        return iteratee(iterable[key], key, iterable);
      };
    }
    var index = findIndexFunc(collection, predicate, fromIndex);
    return index > -1 ? iterable[iteratee ? collection[index] : index] : void 0;
  };
}
var createFind_default = createFind;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/findIndex.js
var nativeMax2 = Math.max;
function findIndex(array, predicate, fromIndex) {
  var length = array == null ? 0 : array.length;
  if (!length) {
    return -1;
  }
  var index = fromIndex == null ? 0 : toInteger_default(fromIndex);
  if (index < 0) {
    index = nativeMax2(length + index, 0);
  }
  return baseFindIndex_default(array, baseIteratee_default(predicate, 3), index);
}
var findIndex_default = findIndex;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/find.js
var find = createFind_default(findIndex_default);
var find_default = find;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/head.js
function head(array) {
  return array && array.length ? array[0] : void 0;
}
var head_default = head;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseMap.js
function baseMap(collection, iteratee) {
  var index = -1, result = isArrayLike_default(collection) ? Array(collection.length) : [];
  baseEach_default(collection, function(value, key, collection2) {
    result[++index] = iteratee(value, key, collection2);
  });
  return result;
}
var baseMap_default = baseMap;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/map.js
function map(collection, iteratee) {
  var func = isArray_default(collection) ? arrayMap_default : baseMap_default;
  return func(collection, baseIteratee_default(iteratee, 3));
}
var map_default = map;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/flatMap.js
function flatMap(collection, iteratee) {
  return baseFlatten_default(map_default(collection, iteratee), 1);
}
var flatMap_default = flatMap;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/groupBy.js
var objectProto18 = Object.prototype;
var hasOwnProperty15 = objectProto18.hasOwnProperty;
var groupBy = createAggregator_default(function(result, value, key) {
  if (hasOwnProperty15.call(result, key)) {
    result[key].push(value);
  } else {
    baseAssignValue_default(result, key, [value]);
  }
});
var groupBy_default = groupBy;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseHas.js
var objectProto19 = Object.prototype;
var hasOwnProperty16 = objectProto19.hasOwnProperty;
function baseHas(object, key) {
  return object != null && hasOwnProperty16.call(object, key);
}
var baseHas_default = baseHas;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/has.js
function has(object, path) {
  return object != null && hasPath_default(object, path, baseHas_default);
}
var has_default = has;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isString.js
var stringTag5 = "[object String]";
function isString(value) {
  return typeof value == "string" || !isArray_default(value) && isObjectLike_default(value) && baseGetTag_default(value) == stringTag5;
}
var isString_default = isString;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseValues.js
function baseValues(object, props) {
  return arrayMap_default(props, function(key) {
    return object[key];
  });
}
var baseValues_default = baseValues;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/values.js
function values(object) {
  return object == null ? [] : baseValues_default(object, keys_default(object));
}
var values_default = values;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/includes.js
var nativeMax3 = Math.max;
function includes(collection, value, fromIndex, guard) {
  collection = isArrayLike_default(collection) ? collection : values_default(collection);
  fromIndex = fromIndex && !guard ? toInteger_default(fromIndex) : 0;
  var length = collection.length;
  if (fromIndex < 0) {
    fromIndex = nativeMax3(length + fromIndex, 0);
  }
  return isString_default(collection) ? fromIndex <= length && collection.indexOf(value, fromIndex) > -1 : !!length && baseIndexOf_default(collection, value, fromIndex) > -1;
}
var includes_default = includes;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/indexOf.js
var nativeMax4 = Math.max;
function indexOf(array, value, fromIndex) {
  var length = array == null ? 0 : array.length;
  if (!length) {
    return -1;
  }
  var index = fromIndex == null ? 0 : toInteger_default(fromIndex);
  if (index < 0) {
    index = nativeMax4(length + index, 0);
  }
  return baseIndexOf_default(array, value, index);
}
var indexOf_default = indexOf;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isEmpty.js
var mapTag7 = "[object Map]";
var setTag7 = "[object Set]";
var objectProto20 = Object.prototype;
var hasOwnProperty17 = objectProto20.hasOwnProperty;
function isEmpty(value) {
  if (value == null) {
    return true;
  }
  if (isArrayLike_default(value) && (isArray_default(value) || typeof value == "string" || typeof value.splice == "function" || isBuffer_default(value) || isTypedArray_default(value) || isArguments_default(value))) {
    return !value.length;
  }
  var tag2 = getTag_default(value);
  if (tag2 == mapTag7 || tag2 == setTag7) {
    return !value.size;
  }
  if (isPrototype_default(value)) {
    return !baseKeys_default(value).length;
  }
  for (var key in value) {
    if (hasOwnProperty17.call(value, key)) {
      return false;
    }
  }
  return true;
}
var isEmpty_default = isEmpty;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseIsRegExp.js
var regexpTag5 = "[object RegExp]";
function baseIsRegExp(value) {
  return isObjectLike_default(value) && baseGetTag_default(value) == regexpTag5;
}
var baseIsRegExp_default = baseIsRegExp;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isRegExp.js
var nodeIsRegExp = nodeUtil_default && nodeUtil_default.isRegExp;
var isRegExp = nodeIsRegExp ? baseUnary_default(nodeIsRegExp) : baseIsRegExp_default;
var isRegExp_default = isRegExp;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/isUndefined.js
function isUndefined(value) {
  return value === void 0;
}
var isUndefined_default = isUndefined;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/negate.js
var FUNC_ERROR_TEXT2 = "Expected a function";
function negate(predicate) {
  if (typeof predicate != "function") {
    throw new TypeError(FUNC_ERROR_TEXT2);
  }
  return function() {
    var args = arguments;
    switch (args.length) {
      case 0:
        return !predicate.call(this);
      case 1:
        return !predicate.call(this, args[0]);
      case 2:
        return !predicate.call(this, args[0], args[1]);
      case 3:
        return !predicate.call(this, args[0], args[1], args[2]);
    }
    return !predicate.apply(this, args);
  };
}
var negate_default = negate;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseSet.js
function baseSet(object, path, value, customizer) {
  if (!isObject_default(object)) {
    return object;
  }
  path = castPath_default(path, object);
  var index = -1, length = path.length, lastIndex = length - 1, nested = object;
  while (nested != null && ++index < length) {
    var key = toKey_default(path[index]), newValue = value;
    if (key === "__proto__" || key === "constructor" || key === "prototype") {
      return object;
    }
    if (index != lastIndex) {
      var objValue = nested[key];
      newValue = customizer ? customizer(objValue, key, nested) : void 0;
      if (newValue === void 0) {
        newValue = isObject_default(objValue) ? objValue : isIndex_default(path[index + 1]) ? [] : {};
      }
    }
    assignValue_default(nested, key, newValue);
    nested = nested[key];
  }
  return object;
}
var baseSet_default = baseSet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_basePickBy.js
function basePickBy(object, paths, predicate) {
  var index = -1, length = paths.length, result = {};
  while (++index < length) {
    var path = paths[index], value = baseGet_default(object, path);
    if (predicate(value, path)) {
      baseSet_default(result, castPath_default(path, object), value);
    }
  }
  return result;
}
var basePickBy_default = basePickBy;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/pickBy.js
function pickBy(object, predicate) {
  if (object == null) {
    return {};
  }
  var props = arrayMap_default(getAllKeysIn_default(object), function(prop) {
    return [prop];
  });
  predicate = baseIteratee_default(predicate);
  return basePickBy_default(object, props, function(value, path) {
    return predicate(value, path[0]);
  });
}
var pickBy_default = pickBy;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseReduce.js
function baseReduce(collection, iteratee, accumulator, initAccum, eachFunc) {
  eachFunc(collection, function(value, index, collection2) {
    accumulator = initAccum ? (initAccum = false, value) : iteratee(accumulator, value, index, collection2);
  });
  return accumulator;
}
var baseReduce_default = baseReduce;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/reduce.js
function reduce(collection, iteratee, accumulator) {
  var func = isArray_default(collection) ? arrayReduce_default : baseReduce_default, initAccum = arguments.length < 3;
  return func(collection, baseIteratee_default(iteratee, 4), accumulator, initAccum, baseEach_default);
}
var reduce_default = reduce;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/reject.js
function reject(collection, predicate) {
  var func = isArray_default(collection) ? arrayFilter_default : baseFilter_default;
  return func(collection, negate_default(baseIteratee_default(predicate, 3)));
}
var reject_default = reject;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseSome.js
function baseSome(collection, predicate) {
  var result;
  baseEach_default(collection, function(value, index, collection2) {
    result = predicate(value, index, collection2);
    return !result;
  });
  return !!result;
}
var baseSome_default = baseSome;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/some.js
function some(collection, predicate, guard) {
  var func = isArray_default(collection) ? arraySome_default : baseSome_default;
  if (guard && isIterateeCall_default(collection, predicate, guard)) {
    predicate = void 0;
  }
  return func(collection, baseIteratee_default(predicate, 3));
}
var some_default = some;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_createSet.js
var INFINITY4 = 1 / 0;
var createSet = !(Set_default && 1 / setToArray_default(new Set_default([, -0]))[1] == INFINITY4) ? noop_default : function(values2) {
  return new Set_default(values2);
};
var createSet_default = createSet;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/_baseUniq.js
var LARGE_ARRAY_SIZE3 = 200;
function baseUniq(array, iteratee, comparator) {
  var index = -1, includes2 = arrayIncludes_default, length = array.length, isCommon = true, result = [], seen = result;
  if (comparator) {
    isCommon = false;
    includes2 = arrayIncludesWith_default;
  } else if (length >= LARGE_ARRAY_SIZE3) {
    var set = iteratee ? null : createSet_default(array);
    if (set) {
      return setToArray_default(set);
    }
    isCommon = false;
    includes2 = cacheHas_default;
    seen = new SetCache_default();
  } else {
    seen = iteratee ? [] : result;
  }
  outer:
    while (++index < length) {
      var value = array[index], computed = iteratee ? iteratee(value) : value;
      value = comparator || value !== 0 ? value : 0;
      if (isCommon && computed === computed) {
        var seenIndex = seen.length;
        while (seenIndex--) {
          if (seen[seenIndex] === computed) {
            continue outer;
          }
        }
        if (iteratee) {
          seen.push(computed);
        }
        result.push(value);
      } else if (!includes2(seen, computed, comparator)) {
        if (seen !== result) {
          seen.push(computed);
        }
        result.push(value);
      }
    }
  return result;
}
var baseUniq_default = baseUniq;

// ../node_modules/.pnpm/lodash-es@4.17.23/node_modules/lodash-es/uniq.js
function uniq(array) {
  return array && array.length ? baseUniq_default(array) : [];
}
var uniq_default = uniq;

// ../node_modules/.pnpm/@chevrotain+utils@11.2.0/node_modules/@chevrotain/utils/lib/src/print.js
function PRINT_ERROR(msg) {
  if (console && console.error) {
    console.error(`Error: ${msg}`);
  }
}
function PRINT_WARNING(msg) {
  if (console && console.warn) {
    console.warn(`Warning: ${msg}`);
  }
}

// ../node_modules/.pnpm/@chevrotain+utils@11.2.0/node_modules/@chevrotain/utils/lib/src/timer.js
function timer(func) {
  const start = (/* @__PURE__ */ new Date()).getTime();
  const val = func();
  const end = (/* @__PURE__ */ new Date()).getTime();
  const total = end - start;
  return { time: total, value: val };
}

// ../node_modules/.pnpm/@chevrotain+utils@11.2.0/node_modules/@chevrotain/utils/lib/src/to-fast-properties.js
function toFastProperties(toBecomeFast) {
  function FakeConstructor() {
  }
  FakeConstructor.prototype = toBecomeFast;
  const fakeInstance = new FakeConstructor();
  function fakeAccess() {
    return typeof fakeInstance.bar;
  }
  fakeAccess();
  fakeAccess();
  if (1)
    return toBecomeFast;
  (0, eval)(toBecomeFast);
}

// ../node_modules/.pnpm/@chevrotain+gast@11.2.0/node_modules/@chevrotain/gast/lib/src/model.js
function tokenLabel(tokType) {
  if (hasTokenLabel(tokType)) {
    return tokType.LABEL;
  } else {
    return tokType.name;
  }
}
function hasTokenLabel(obj) {
  return isString_default(obj.LABEL) && obj.LABEL !== "";
}
var AbstractProduction = class {
  get definition() {
    return this._definition;
  }
  set definition(value) {
    this._definition = value;
  }
  constructor(_definition) {
    this._definition = _definition;
  }
  accept(visitor) {
    visitor.visit(this);
    forEach_default(this.definition, (prod) => {
      prod.accept(visitor);
    });
  }
};
var NonTerminal = class extends AbstractProduction {
  constructor(options) {
    super([]);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
  set definition(definition) {
  }
  get definition() {
    if (this.referencedRule !== void 0) {
      return this.referencedRule.definition;
    }
    return [];
  }
  accept(visitor) {
    visitor.visit(this);
  }
};
var Rule = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.orgText = "";
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Alternative = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.ignoreAmbiguities = false;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Option = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var RepetitionMandatory = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var RepetitionMandatoryWithSeparator = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Repetition = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var RepetitionWithSeparator = class extends AbstractProduction {
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Alternation = class extends AbstractProduction {
  get definition() {
    return this._definition;
  }
  set definition(value) {
    this._definition = value;
  }
  constructor(options) {
    super(options.definition);
    this.idx = 1;
    this.ignoreAmbiguities = false;
    this.hasPredicates = false;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
};
var Terminal = class {
  constructor(options) {
    this.idx = 1;
    assign_default(this, pickBy_default(options, (v) => v !== void 0));
  }
  accept(visitor) {
    visitor.visit(this);
  }
};
function serializeGrammar(topRules) {
  return map_default(topRules, serializeProduction);
}
function serializeProduction(node) {
  function convertDefinition(definition) {
    return map_default(definition, serializeProduction);
  }
  if (node instanceof NonTerminal) {
    const serializedNonTerminal = {
      type: "NonTerminal",
      name: node.nonTerminalName,
      idx: node.idx
    };
    if (isString_default(node.label)) {
      serializedNonTerminal.label = node.label;
    }
    return serializedNonTerminal;
  } else if (node instanceof Alternative) {
    return {
      type: "Alternative",
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof Option) {
    return {
      type: "Option",
      idx: node.idx,
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof RepetitionMandatory) {
    return {
      type: "RepetitionMandatory",
      idx: node.idx,
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof RepetitionMandatoryWithSeparator) {
    return {
      type: "RepetitionMandatoryWithSeparator",
      idx: node.idx,
      separator: serializeProduction(new Terminal({ terminalType: node.separator })),
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof RepetitionWithSeparator) {
    return {
      type: "RepetitionWithSeparator",
      idx: node.idx,
      separator: serializeProduction(new Terminal({ terminalType: node.separator })),
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof Repetition) {
    return {
      type: "Repetition",
      idx: node.idx,
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof Alternation) {
    return {
      type: "Alternation",
      idx: node.idx,
      definition: convertDefinition(node.definition)
    };
  } else if (node instanceof Terminal) {
    const serializedTerminal = {
      type: "Terminal",
      name: node.terminalType.name,
      label: tokenLabel(node.terminalType),
      idx: node.idx
    };
    if (isString_default(node.label)) {
      serializedTerminal.terminalLabel = node.label;
    }
    const pattern = node.terminalType.PATTERN;
    if (node.terminalType.PATTERN) {
      serializedTerminal.pattern = isRegExp_default(pattern) ? pattern.source : pattern;
    }
    return serializedTerminal;
  } else if (node instanceof Rule) {
    return {
      type: "Rule",
      name: node.name,
      orgText: node.orgText,
      definition: convertDefinition(node.definition)
    };
  } else {
    throw Error("non exhaustive match");
  }
}

// ../node_modules/.pnpm/@chevrotain+gast@11.2.0/node_modules/@chevrotain/gast/lib/src/visitor.js
var GAstVisitor = class {
  visit(node) {
    const nodeAny = node;
    switch (nodeAny.constructor) {
      case NonTerminal:
        return this.visitNonTerminal(nodeAny);
      case Alternative:
        return this.visitAlternative(nodeAny);
      case Option:
        return this.visitOption(nodeAny);
      case RepetitionMandatory:
        return this.visitRepetitionMandatory(nodeAny);
      case RepetitionMandatoryWithSeparator:
        return this.visitRepetitionMandatoryWithSeparator(nodeAny);
      case RepetitionWithSeparator:
        return this.visitRepetitionWithSeparator(nodeAny);
      case Repetition:
        return this.visitRepetition(nodeAny);
      case Alternation:
        return this.visitAlternation(nodeAny);
      case Terminal:
        return this.visitTerminal(nodeAny);
      case Rule:
        return this.visitRule(nodeAny);
      /* c8 ignore next 2 */
      default:
        throw Error("non exhaustive match");
    }
  }
  /* c8 ignore next */
  visitNonTerminal(node) {
  }
  /* c8 ignore next */
  visitAlternative(node) {
  }
  /* c8 ignore next */
  visitOption(node) {
  }
  /* c8 ignore next */
  visitRepetition(node) {
  }
  /* c8 ignore next */
  visitRepetitionMandatory(node) {
  }
  /* c8 ignore next 3 */
  visitRepetitionMandatoryWithSeparator(node) {
  }
  /* c8 ignore next */
  visitRepetitionWithSeparator(node) {
  }
  /* c8 ignore next */
  visitAlternation(node) {
  }
  /* c8 ignore next */
  visitTerminal(node) {
  }
  /* c8 ignore next */
  visitRule(node) {
  }
};

// ../node_modules/.pnpm/@chevrotain+gast@11.2.0/node_modules/@chevrotain/gast/lib/src/helpers.js
function isSequenceProd(prod) {
  return prod instanceof Alternative || prod instanceof Option || prod instanceof Repetition || prod instanceof RepetitionMandatory || prod instanceof RepetitionMandatoryWithSeparator || prod instanceof RepetitionWithSeparator || prod instanceof Terminal || prod instanceof Rule;
}
function isOptionalProd(prod, alreadyVisited = []) {
  const isDirectlyOptional = prod instanceof Option || prod instanceof Repetition || prod instanceof RepetitionWithSeparator;
  if (isDirectlyOptional) {
    return true;
  }
  if (prod instanceof Alternation) {
    return some_default(prod.definition, (subProd) => {
      return isOptionalProd(subProd, alreadyVisited);
    });
  } else if (prod instanceof NonTerminal && includes_default(alreadyVisited, prod)) {
    return false;
  } else if (prod instanceof AbstractProduction) {
    if (prod instanceof NonTerminal) {
      alreadyVisited.push(prod);
    }
    return every_default(prod.definition, (subProd) => {
      return isOptionalProd(subProd, alreadyVisited);
    });
  } else {
    return false;
  }
}
function isBranchingProd(prod) {
  return prod instanceof Alternation;
}
function getProductionDslName(prod) {
  if (prod instanceof NonTerminal) {
    return "SUBRULE";
  } else if (prod instanceof Option) {
    return "OPTION";
  } else if (prod instanceof Alternation) {
    return "OR";
  } else if (prod instanceof RepetitionMandatory) {
    return "AT_LEAST_ONE";
  } else if (prod instanceof RepetitionMandatoryWithSeparator) {
    return "AT_LEAST_ONE_SEP";
  } else if (prod instanceof RepetitionWithSeparator) {
    return "MANY_SEP";
  } else if (prod instanceof Repetition) {
    return "MANY";
  } else if (prod instanceof Terminal) {
    return "CONSUME";
  } else {
    throw Error("non exhaustive match");
  }
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/rest.js
var RestWalker = class {
  walk(prod, prevRest = []) {
    forEach_default(prod.definition, (subProd, index) => {
      const currRest = drop_default(prod.definition, index + 1);
      if (subProd instanceof NonTerminal) {
        this.walkProdRef(subProd, currRest, prevRest);
      } else if (subProd instanceof Terminal) {
        this.walkTerminal(subProd, currRest, prevRest);
      } else if (subProd instanceof Alternative) {
        this.walkFlat(subProd, currRest, prevRest);
      } else if (subProd instanceof Option) {
        this.walkOption(subProd, currRest, prevRest);
      } else if (subProd instanceof RepetitionMandatory) {
        this.walkAtLeastOne(subProd, currRest, prevRest);
      } else if (subProd instanceof RepetitionMandatoryWithSeparator) {
        this.walkAtLeastOneSep(subProd, currRest, prevRest);
      } else if (subProd instanceof RepetitionWithSeparator) {
        this.walkManySep(subProd, currRest, prevRest);
      } else if (subProd instanceof Repetition) {
        this.walkMany(subProd, currRest, prevRest);
      } else if (subProd instanceof Alternation) {
        this.walkOr(subProd, currRest, prevRest);
      } else {
        throw Error("non exhaustive match");
      }
    });
  }
  walkTerminal(terminal, currRest, prevRest) {
  }
  walkProdRef(refProd, currRest, prevRest) {
  }
  walkFlat(flatProd, currRest, prevRest) {
    const fullOrRest = currRest.concat(prevRest);
    this.walk(flatProd, fullOrRest);
  }
  walkOption(optionProd, currRest, prevRest) {
    const fullOrRest = currRest.concat(prevRest);
    this.walk(optionProd, fullOrRest);
  }
  walkAtLeastOne(atLeastOneProd, currRest, prevRest) {
    const fullAtLeastOneRest = [
      new Option({ definition: atLeastOneProd.definition })
    ].concat(currRest, prevRest);
    this.walk(atLeastOneProd, fullAtLeastOneRest);
  }
  walkAtLeastOneSep(atLeastOneSepProd, currRest, prevRest) {
    const fullAtLeastOneSepRest = restForRepetitionWithSeparator(atLeastOneSepProd, currRest, prevRest);
    this.walk(atLeastOneSepProd, fullAtLeastOneSepRest);
  }
  walkMany(manyProd, currRest, prevRest) {
    const fullManyRest = [
      new Option({ definition: manyProd.definition })
    ].concat(currRest, prevRest);
    this.walk(manyProd, fullManyRest);
  }
  walkManySep(manySepProd, currRest, prevRest) {
    const fullManySepRest = restForRepetitionWithSeparator(manySepProd, currRest, prevRest);
    this.walk(manySepProd, fullManySepRest);
  }
  walkOr(orProd, currRest, prevRest) {
    const fullOrRest = currRest.concat(prevRest);
    forEach_default(orProd.definition, (alt) => {
      const prodWrapper = new Alternative({ definition: [alt] });
      this.walk(prodWrapper, fullOrRest);
    });
  }
};
function restForRepetitionWithSeparator(repSepProd, currRest, prevRest) {
  const repSepRest = [
    new Option({
      definition: [
        new Terminal({ terminalType: repSepProd.separator })
      ].concat(repSepProd.definition)
    })
  ];
  const fullRepSepRest = repSepRest.concat(currRest, prevRest);
  return fullRepSepRest;
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/first.js
function first(prod) {
  if (prod instanceof NonTerminal) {
    return first(prod.referencedRule);
  } else if (prod instanceof Terminal) {
    return firstForTerminal(prod);
  } else if (isSequenceProd(prod)) {
    return firstForSequence(prod);
  } else if (isBranchingProd(prod)) {
    return firstForBranching(prod);
  } else {
    throw Error("non exhaustive match");
  }
}
function firstForSequence(prod) {
  let firstSet = [];
  const seq = prod.definition;
  let nextSubProdIdx = 0;
  let hasInnerProdsRemaining = seq.length > nextSubProdIdx;
  let currSubProd;
  let isLastInnerProdOptional = true;
  while (hasInnerProdsRemaining && isLastInnerProdOptional) {
    currSubProd = seq[nextSubProdIdx];
    isLastInnerProdOptional = isOptionalProd(currSubProd);
    firstSet = firstSet.concat(first(currSubProd));
    nextSubProdIdx = nextSubProdIdx + 1;
    hasInnerProdsRemaining = seq.length > nextSubProdIdx;
  }
  return uniq_default(firstSet);
}
function firstForBranching(prod) {
  const allAlternativesFirsts = map_default(prod.definition, (innerProd) => {
    return first(innerProd);
  });
  return uniq_default(flatten_default(allAlternativesFirsts));
}
function firstForTerminal(terminal) {
  return [terminal.terminalType];
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/constants.js
var IN = "_~IN~_";

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/follow.js
var ResyncFollowsWalker = class extends RestWalker {
  constructor(topProd) {
    super();
    this.topProd = topProd;
    this.follows = {};
  }
  startWalking() {
    this.walk(this.topProd);
    return this.follows;
  }
  walkTerminal(terminal, currRest, prevRest) {
  }
  walkProdRef(refProd, currRest, prevRest) {
    const followName = buildBetweenProdsFollowPrefix(refProd.referencedRule, refProd.idx) + this.topProd.name;
    const fullRest = currRest.concat(prevRest);
    const restProd = new Alternative({ definition: fullRest });
    const t_in_topProd_follows = first(restProd);
    this.follows[followName] = t_in_topProd_follows;
  }
};
function computeAllProdsFollows(topProductions) {
  const reSyncFollows = {};
  forEach_default(topProductions, (topProd) => {
    const currRefsFollow = new ResyncFollowsWalker(topProd).startWalking();
    assign_default(reSyncFollows, currRefsFollow);
  });
  return reSyncFollows;
}
function buildBetweenProdsFollowPrefix(inner, occurenceInParent) {
  return inner.name + occurenceInParent + IN;
}

// ../node_modules/.pnpm/@chevrotain+regexp-to-ast@11.2.0/node_modules/@chevrotain/regexp-to-ast/lib/src/utils.js
function cc(char) {
  return char.charCodeAt(0);
}
function insertToSet(item, set) {
  if (Array.isArray(item)) {
    item.forEach(function(subItem) {
      set.push(subItem);
    });
  } else {
    set.push(item);
  }
}
function addFlag(flagObj, flagKey) {
  if (flagObj[flagKey] === true) {
    throw "duplicate flag " + flagKey;
  }
  const x = flagObj[flagKey];
  flagObj[flagKey] = true;
}
function ASSERT_EXISTS(obj) {
  if (obj === void 0) {
    throw Error("Internal Error - Should never get here!");
  }
  return true;
}
function ASSERT_NEVER_REACH_HERE() {
  throw Error("Internal Error - Should never get here!");
}
function isCharacter(obj) {
  return obj["type"] === "Character";
}

// ../node_modules/.pnpm/@chevrotain+regexp-to-ast@11.2.0/node_modules/@chevrotain/regexp-to-ast/lib/src/character-classes.js
var digitsCharCodes = [];
for (let i = cc("0"); i <= cc("9"); i++) {
  digitsCharCodes.push(i);
}
var wordCharCodes = [cc("_")].concat(digitsCharCodes);
for (let i = cc("a"); i <= cc("z"); i++) {
  wordCharCodes.push(i);
}
for (let i = cc("A"); i <= cc("Z"); i++) {
  wordCharCodes.push(i);
}
var whitespaceCodes = [
  cc(" "),
  cc("\f"),
  cc("\n"),
  cc("\r"),
  cc("	"),
  cc("\v"),
  cc("	"),
  cc("\xA0"),
  cc("\u1680"),
  cc("\u2000"),
  cc("\u2001"),
  cc("\u2002"),
  cc("\u2003"),
  cc("\u2004"),
  cc("\u2005"),
  cc("\u2006"),
  cc("\u2007"),
  cc("\u2008"),
  cc("\u2009"),
  cc("\u200A"),
  cc("\u2028"),
  cc("\u2029"),
  cc("\u202F"),
  cc("\u205F"),
  cc("\u3000"),
  cc("\uFEFF")
];

// ../node_modules/.pnpm/@chevrotain+regexp-to-ast@11.2.0/node_modules/@chevrotain/regexp-to-ast/lib/src/regexp-parser.js
var hexDigitPattern = /[0-9a-fA-F]/;
var decimalPattern = /[0-9]/;
var decimalPatternNoZero = /[1-9]/;
var RegExpParser = class {
  constructor() {
    this.idx = 0;
    this.input = "";
    this.groupIdx = 0;
  }
  saveState() {
    return {
      idx: this.idx,
      input: this.input,
      groupIdx: this.groupIdx
    };
  }
  restoreState(newState) {
    this.idx = newState.idx;
    this.input = newState.input;
    this.groupIdx = newState.groupIdx;
  }
  pattern(input) {
    this.idx = 0;
    this.input = input;
    this.groupIdx = 0;
    this.consumeChar("/");
    const value = this.disjunction();
    this.consumeChar("/");
    const flags = {
      type: "Flags",
      loc: { begin: this.idx, end: input.length },
      global: false,
      ignoreCase: false,
      multiLine: false,
      unicode: false,
      sticky: false
    };
    while (this.isRegExpFlag()) {
      switch (this.popChar()) {
        case "g":
          addFlag(flags, "global");
          break;
        case "i":
          addFlag(flags, "ignoreCase");
          break;
        case "m":
          addFlag(flags, "multiLine");
          break;
        case "u":
          addFlag(flags, "unicode");
          break;
        case "y":
          addFlag(flags, "sticky");
          break;
      }
    }
    if (this.idx !== this.input.length) {
      throw Error("Redundant input: " + this.input.substring(this.idx));
    }
    return {
      type: "Pattern",
      flags,
      value,
      loc: this.loc(0)
    };
  }
  disjunction() {
    const alts = [];
    const begin = this.idx;
    alts.push(this.alternative());
    while (this.peekChar() === "|") {
      this.consumeChar("|");
      alts.push(this.alternative());
    }
    return { type: "Disjunction", value: alts, loc: this.loc(begin) };
  }
  alternative() {
    const terms = [];
    const begin = this.idx;
    while (this.isTerm()) {
      terms.push(this.term());
    }
    return { type: "Alternative", value: terms, loc: this.loc(begin) };
  }
  term() {
    if (this.isAssertion()) {
      return this.assertion();
    } else {
      return this.atom();
    }
  }
  assertion() {
    const begin = this.idx;
    switch (this.popChar()) {
      case "^":
        return {
          type: "StartAnchor",
          loc: this.loc(begin)
        };
      case "$":
        return { type: "EndAnchor", loc: this.loc(begin) };
      // '\b' or '\B'
      case "\\":
        switch (this.popChar()) {
          case "b":
            return {
              type: "WordBoundary",
              loc: this.loc(begin)
            };
          case "B":
            return {
              type: "NonWordBoundary",
              loc: this.loc(begin)
            };
        }
        throw Error("Invalid Assertion Escape");
      // '(?=' or '(?!'
      case "(":
        this.consumeChar("?");
        let type;
        switch (this.popChar()) {
          case "=":
            type = "Lookahead";
            break;
          case "!":
            type = "NegativeLookahead";
            break;
          case "<": {
            switch (this.popChar()) {
              case "=":
                type = "Lookbehind";
                break;
              case "!":
                type = "NegativeLookbehind";
            }
            break;
          }
        }
        ASSERT_EXISTS(type);
        const disjunction = this.disjunction();
        this.consumeChar(")");
        return {
          type,
          value: disjunction,
          loc: this.loc(begin)
        };
    }
    return ASSERT_NEVER_REACH_HERE();
  }
  quantifier(isBacktracking = false) {
    let range = void 0;
    const begin = this.idx;
    switch (this.popChar()) {
      case "*":
        range = {
          atLeast: 0,
          atMost: Infinity
        };
        break;
      case "+":
        range = {
          atLeast: 1,
          atMost: Infinity
        };
        break;
      case "?":
        range = {
          atLeast: 0,
          atMost: 1
        };
        break;
      case "{":
        const atLeast = this.integerIncludingZero();
        switch (this.popChar()) {
          case "}":
            range = {
              atLeast,
              atMost: atLeast
            };
            break;
          case ",":
            let atMost;
            if (this.isDigit()) {
              atMost = this.integerIncludingZero();
              range = {
                atLeast,
                atMost
              };
            } else {
              range = {
                atLeast,
                atMost: Infinity
              };
            }
            this.consumeChar("}");
            break;
        }
        if (isBacktracking === true && range === void 0) {
          return void 0;
        }
        ASSERT_EXISTS(range);
        break;
    }
    if (isBacktracking === true && range === void 0) {
      return void 0;
    }
    if (ASSERT_EXISTS(range)) {
      if (this.peekChar(0) === "?") {
        this.consumeChar("?");
        range.greedy = false;
      } else {
        range.greedy = true;
      }
      range.type = "Quantifier";
      range.loc = this.loc(begin);
      return range;
    }
  }
  atom() {
    let atom2;
    const begin = this.idx;
    switch (this.peekChar()) {
      case ".":
        atom2 = this.dotAll();
        break;
      case "\\":
        atom2 = this.atomEscape();
        break;
      case "[":
        atom2 = this.characterClass();
        break;
      case "(":
        atom2 = this.group();
        break;
    }
    if (atom2 === void 0 && this.isPatternCharacter()) {
      atom2 = this.patternCharacter();
    }
    if (ASSERT_EXISTS(atom2)) {
      atom2.loc = this.loc(begin);
      if (this.isQuantifier()) {
        atom2.quantifier = this.quantifier();
      }
      return atom2;
    }
    return ASSERT_NEVER_REACH_HERE();
  }
  dotAll() {
    this.consumeChar(".");
    return {
      type: "Set",
      complement: true,
      value: [cc("\n"), cc("\r"), cc("\u2028"), cc("\u2029")]
    };
  }
  atomEscape() {
    this.consumeChar("\\");
    switch (this.peekChar()) {
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        return this.decimalEscapeAtom();
      case "d":
      case "D":
      case "s":
      case "S":
      case "w":
      case "W":
        return this.characterClassEscape();
      case "f":
      case "n":
      case "r":
      case "t":
      case "v":
        return this.controlEscapeAtom();
      case "c":
        return this.controlLetterEscapeAtom();
      case "0":
        return this.nulCharacterAtom();
      case "x":
        return this.hexEscapeSequenceAtom();
      case "u":
        return this.regExpUnicodeEscapeSequenceAtom();
      default:
        return this.identityEscapeAtom();
    }
  }
  decimalEscapeAtom() {
    const value = this.positiveInteger();
    return { type: "GroupBackReference", value };
  }
  characterClassEscape() {
    let set;
    let complement = false;
    switch (this.popChar()) {
      case "d":
        set = digitsCharCodes;
        break;
      case "D":
        set = digitsCharCodes;
        complement = true;
        break;
      case "s":
        set = whitespaceCodes;
        break;
      case "S":
        set = whitespaceCodes;
        complement = true;
        break;
      case "w":
        set = wordCharCodes;
        break;
      case "W":
        set = wordCharCodes;
        complement = true;
        break;
    }
    if (ASSERT_EXISTS(set)) {
      return { type: "Set", value: set, complement };
    }
    return ASSERT_NEVER_REACH_HERE();
  }
  controlEscapeAtom() {
    let escapeCode;
    switch (this.popChar()) {
      case "f":
        escapeCode = cc("\f");
        break;
      case "n":
        escapeCode = cc("\n");
        break;
      case "r":
        escapeCode = cc("\r");
        break;
      case "t":
        escapeCode = cc("	");
        break;
      case "v":
        escapeCode = cc("\v");
        break;
    }
    if (ASSERT_EXISTS(escapeCode)) {
      return { type: "Character", value: escapeCode };
    }
    return ASSERT_NEVER_REACH_HERE();
  }
  controlLetterEscapeAtom() {
    this.consumeChar("c");
    const letter = this.popChar();
    if (/[a-zA-Z]/.test(letter) === false) {
      throw Error("Invalid ");
    }
    const letterCode = letter.toUpperCase().charCodeAt(0) - 64;
    return { type: "Character", value: letterCode };
  }
  nulCharacterAtom() {
    this.consumeChar("0");
    return { type: "Character", value: cc("\0") };
  }
  hexEscapeSequenceAtom() {
    this.consumeChar("x");
    return this.parseHexDigits(2);
  }
  regExpUnicodeEscapeSequenceAtom() {
    this.consumeChar("u");
    return this.parseHexDigits(4);
  }
  identityEscapeAtom() {
    const escapedChar = this.popChar();
    return { type: "Character", value: cc(escapedChar) };
  }
  classPatternCharacterAtom() {
    switch (this.peekChar()) {
      // istanbul ignore next
      case "\n":
      // istanbul ignore next
      case "\r":
      // istanbul ignore next
      case "\u2028":
      // istanbul ignore next
      case "\u2029":
      // istanbul ignore next
      case "\\":
      // istanbul ignore next
      case "]":
        throw Error("TBD");
      default:
        const nextChar = this.popChar();
        return { type: "Character", value: cc(nextChar) };
    }
  }
  characterClass() {
    const set = [];
    let complement = false;
    this.consumeChar("[");
    if (this.peekChar(0) === "^") {
      this.consumeChar("^");
      complement = true;
    }
    while (this.isClassAtom()) {
      const from = this.classAtom();
      const isFromSingleChar = from.type === "Character";
      if (isCharacter(from) && this.isRangeDash()) {
        this.consumeChar("-");
        const to = this.classAtom();
        const isToSingleChar = to.type === "Character";
        if (isCharacter(to)) {
          if (to.value < from.value) {
            throw Error("Range out of order in character class");
          }
          set.push({ from: from.value, to: to.value });
        } else {
          insertToSet(from.value, set);
          set.push(cc("-"));
          insertToSet(to.value, set);
        }
      } else {
        insertToSet(from.value, set);
      }
    }
    this.consumeChar("]");
    return { type: "Set", complement, value: set };
  }
  classAtom() {
    switch (this.peekChar()) {
      // istanbul ignore next
      case "]":
      // istanbul ignore next
      case "\n":
      // istanbul ignore next
      case "\r":
      // istanbul ignore next
      case "\u2028":
      // istanbul ignore next
      case "\u2029":
        throw Error("TBD");
      case "\\":
        return this.classEscape();
      default:
        return this.classPatternCharacterAtom();
    }
  }
  classEscape() {
    this.consumeChar("\\");
    switch (this.peekChar()) {
      // Matches a backspace.
      // (Not to be confused with \b word boundary outside characterClass)
      case "b":
        this.consumeChar("b");
        return { type: "Character", value: cc("\b") };
      case "d":
      case "D":
      case "s":
      case "S":
      case "w":
      case "W":
        return this.characterClassEscape();
      case "f":
      case "n":
      case "r":
      case "t":
      case "v":
        return this.controlEscapeAtom();
      case "c":
        return this.controlLetterEscapeAtom();
      case "0":
        return this.nulCharacterAtom();
      case "x":
        return this.hexEscapeSequenceAtom();
      case "u":
        return this.regExpUnicodeEscapeSequenceAtom();
      default:
        return this.identityEscapeAtom();
    }
  }
  group() {
    let capturing = true;
    this.consumeChar("(");
    switch (this.peekChar(0)) {
      case "?":
        this.consumeChar("?");
        this.consumeChar(":");
        capturing = false;
        break;
      default:
        this.groupIdx++;
        break;
    }
    const value = this.disjunction();
    this.consumeChar(")");
    const groupAst = {
      type: "Group",
      capturing,
      value
    };
    if (capturing) {
      groupAst["idx"] = this.groupIdx;
    }
    return groupAst;
  }
  positiveInteger() {
    let number = this.popChar();
    if (decimalPatternNoZero.test(number) === false) {
      throw Error("Expecting a positive integer");
    }
    while (decimalPattern.test(this.peekChar(0))) {
      number += this.popChar();
    }
    return parseInt(number, 10);
  }
  integerIncludingZero() {
    let number = this.popChar();
    if (decimalPattern.test(number) === false) {
      throw Error("Expecting an integer");
    }
    while (decimalPattern.test(this.peekChar(0))) {
      number += this.popChar();
    }
    return parseInt(number, 10);
  }
  patternCharacter() {
    const nextChar = this.popChar();
    switch (nextChar) {
      // istanbul ignore next
      case "\n":
      // istanbul ignore next
      case "\r":
      // istanbul ignore next
      case "\u2028":
      // istanbul ignore next
      case "\u2029":
      // istanbul ignore next
      case "^":
      // istanbul ignore next
      case "$":
      // istanbul ignore next
      case "\\":
      // istanbul ignore next
      case ".":
      // istanbul ignore next
      case "*":
      // istanbul ignore next
      case "+":
      // istanbul ignore next
      case "?":
      // istanbul ignore next
      case "(":
      // istanbul ignore next
      case ")":
      // istanbul ignore next
      case "[":
      // istanbul ignore next
      case "|":
        throw Error("TBD");
      default:
        return { type: "Character", value: cc(nextChar) };
    }
  }
  isRegExpFlag() {
    switch (this.peekChar(0)) {
      case "g":
      case "i":
      case "m":
      case "u":
      case "y":
        return true;
      default:
        return false;
    }
  }
  isRangeDash() {
    return this.peekChar() === "-" && this.isClassAtom(1);
  }
  isDigit() {
    return decimalPattern.test(this.peekChar(0));
  }
  isClassAtom(howMuch = 0) {
    switch (this.peekChar(howMuch)) {
      case "]":
      case "\n":
      case "\r":
      case "\u2028":
      case "\u2029":
        return false;
      default:
        return true;
    }
  }
  isTerm() {
    return this.isAtom() || this.isAssertion();
  }
  isAtom() {
    if (this.isPatternCharacter()) {
      return true;
    }
    switch (this.peekChar(0)) {
      case ".":
      case "\\":
      // atomEscape
      case "[":
      // characterClass
      // TODO: isAtom must be called before isAssertion - disambiguate
      case "(":
        return true;
      default:
        return false;
    }
  }
  isAssertion() {
    switch (this.peekChar(0)) {
      case "^":
      case "$":
        return true;
      // '\b' or '\B'
      case "\\":
        switch (this.peekChar(1)) {
          case "b":
          case "B":
            return true;
          default:
            return false;
        }
      // '(?=' or '(?!' or `(?<=` or `(?<!`
      case "(":
        return this.peekChar(1) === "?" && (this.peekChar(2) === "=" || this.peekChar(2) === "!" || this.peekChar(2) === "<" && (this.peekChar(3) === "=" || this.peekChar(3) === "!"));
      default:
        return false;
    }
  }
  isQuantifier() {
    const prevState = this.saveState();
    try {
      return this.quantifier(true) !== void 0;
    } catch (e) {
      return false;
    } finally {
      this.restoreState(prevState);
    }
  }
  isPatternCharacter() {
    switch (this.peekChar()) {
      case "^":
      case "$":
      case "\\":
      case ".":
      case "*":
      case "+":
      case "?":
      case "(":
      case ")":
      case "[":
      case "|":
      case "/":
      case "\n":
      case "\r":
      case "\u2028":
      case "\u2029":
        return false;
      default:
        return true;
    }
  }
  parseHexDigits(howMany) {
    let hexString = "";
    for (let i = 0; i < howMany; i++) {
      const hexChar = this.popChar();
      if (hexDigitPattern.test(hexChar) === false) {
        throw Error("Expecting a HexDecimal digits");
      }
      hexString += hexChar;
    }
    const charCode = parseInt(hexString, 16);
    return { type: "Character", value: charCode };
  }
  peekChar(howMuch = 0) {
    return this.input[this.idx + howMuch];
  }
  popChar() {
    const nextChar = this.peekChar(0);
    this.consumeChar(void 0);
    return nextChar;
  }
  consumeChar(char) {
    if (char !== void 0 && this.input[this.idx] !== char) {
      throw Error("Expected: '" + char + "' but found: '" + this.input[this.idx] + "' at offset: " + this.idx);
    }
    if (this.idx >= this.input.length) {
      throw Error("Unexpected end of input");
    }
    this.idx++;
  }
  loc(begin) {
    return { begin, end: this.idx };
  }
};

// ../node_modules/.pnpm/@chevrotain+regexp-to-ast@11.2.0/node_modules/@chevrotain/regexp-to-ast/lib/src/base-regexp-visitor.js
var BaseRegExpVisitor = class {
  visitChildren(node) {
    for (const key in node) {
      const child2 = node[key];
      if (node.hasOwnProperty(key)) {
        if (child2.type !== void 0) {
          this.visit(child2);
        } else if (Array.isArray(child2)) {
          child2.forEach((subChild) => {
            this.visit(subChild);
          }, this);
        }
      }
    }
  }
  visit(node) {
    switch (node.type) {
      case "Pattern":
        this.visitPattern(node);
        break;
      case "Flags":
        this.visitFlags(node);
        break;
      case "Disjunction":
        this.visitDisjunction(node);
        break;
      case "Alternative":
        this.visitAlternative(node);
        break;
      case "StartAnchor":
        this.visitStartAnchor(node);
        break;
      case "EndAnchor":
        this.visitEndAnchor(node);
        break;
      case "WordBoundary":
        this.visitWordBoundary(node);
        break;
      case "NonWordBoundary":
        this.visitNonWordBoundary(node);
        break;
      case "Lookahead":
        this.visitLookahead(node);
        break;
      case "NegativeLookahead":
        this.visitNegativeLookahead(node);
        break;
      case "Lookbehind":
        this.visitLookbehind(node);
        break;
      case "NegativeLookbehind":
        this.visitNegativeLookbehind(node);
        break;
      case "Character":
        this.visitCharacter(node);
        break;
      case "Set":
        this.visitSet(node);
        break;
      case "Group":
        this.visitGroup(node);
        break;
      case "GroupBackReference":
        this.visitGroupBackReference(node);
        break;
      case "Quantifier":
        this.visitQuantifier(node);
        break;
    }
    this.visitChildren(node);
  }
  visitPattern(node) {
  }
  visitFlags(node) {
  }
  visitDisjunction(node) {
  }
  visitAlternative(node) {
  }
  // Assertion
  visitStartAnchor(node) {
  }
  visitEndAnchor(node) {
  }
  visitWordBoundary(node) {
  }
  visitNonWordBoundary(node) {
  }
  visitLookahead(node) {
  }
  visitNegativeLookahead(node) {
  }
  visitLookbehind(node) {
  }
  visitNegativeLookbehind(node) {
  }
  // atoms
  visitCharacter(node) {
  }
  visitSet(node) {
  }
  visitGroup(node) {
  }
  visitGroupBackReference(node) {
  }
  visitQuantifier(node) {
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/scan/reg_exp_parser.js
var regExpAstCache = {};
var regExpParser = new RegExpParser();
function getRegExpAst(regExp) {
  const regExpStr = regExp.toString();
  if (regExpAstCache.hasOwnProperty(regExpStr)) {
    return regExpAstCache[regExpStr];
  } else {
    const regExpAst = regExpParser.pattern(regExpStr);
    regExpAstCache[regExpStr] = regExpAst;
    return regExpAst;
  }
}
function clearRegExpParserCache() {
  regExpAstCache = {};
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/scan/reg_exp.js
var complementErrorMessage = "Complement Sets are not supported for first char optimization";
var failedOptimizationPrefixMsg = 'Unable to use "first char" lexer optimizations:\n';
function getOptimizedStartCodesIndices(regExp, ensureOptimizations = false) {
  try {
    const ast = getRegExpAst(regExp);
    const firstChars = firstCharOptimizedIndices(ast.value, {}, ast.flags.ignoreCase);
    return firstChars;
  } catch (e) {
    if (e.message === complementErrorMessage) {
      if (ensureOptimizations) {
        PRINT_WARNING(`${failedOptimizationPrefixMsg}	Unable to optimize: < ${regExp.toString()} >
	Complement Sets cannot be automatically optimized.
	This will disable the lexer's first char optimizations.
	See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#COMPLEMENT for details.`);
      }
    } else {
      let msgSuffix = "";
      if (ensureOptimizations) {
        msgSuffix = "\n	This will disable the lexer's first char optimizations.\n	See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#REGEXP_PARSING for details.";
      }
      PRINT_ERROR(`${failedOptimizationPrefixMsg}
	Failed parsing: < ${regExp.toString()} >
	Using the @chevrotain/regexp-to-ast library
	Please open an issue at: https://github.com/chevrotain/chevrotain/issues` + msgSuffix);
    }
  }
  return [];
}
function firstCharOptimizedIndices(ast, result, ignoreCase) {
  switch (ast.type) {
    case "Disjunction":
      for (let i = 0; i < ast.value.length; i++) {
        firstCharOptimizedIndices(ast.value[i], result, ignoreCase);
      }
      break;
    case "Alternative":
      const terms = ast.value;
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i];
        switch (term.type) {
          case "EndAnchor":
          // A group back reference cannot affect potential starting char.
          // because if a back reference is the first production than automatically
          // the group being referenced has had to come BEFORE so its codes have already been added
          case "GroupBackReference":
          // assertions do not affect potential starting codes
          case "Lookahead":
          case "NegativeLookahead":
          case "Lookbehind":
          case "NegativeLookbehind":
          case "StartAnchor":
          case "WordBoundary":
          case "NonWordBoundary":
            continue;
        }
        const atom2 = term;
        switch (atom2.type) {
          case "Character":
            addOptimizedIdxToResult(atom2.value, result, ignoreCase);
            break;
          case "Set":
            if (atom2.complement === true) {
              throw Error(complementErrorMessage);
            }
            forEach_default(atom2.value, (code) => {
              if (typeof code === "number") {
                addOptimizedIdxToResult(code, result, ignoreCase);
              } else {
                const range = code;
                if (ignoreCase === true) {
                  for (let rangeCode = range.from; rangeCode <= range.to; rangeCode++) {
                    addOptimizedIdxToResult(rangeCode, result, ignoreCase);
                  }
                } else {
                  for (let rangeCode = range.from; rangeCode <= range.to && rangeCode < minOptimizationVal; rangeCode++) {
                    addOptimizedIdxToResult(rangeCode, result, ignoreCase);
                  }
                  if (range.to >= minOptimizationVal) {
                    const minUnOptVal = range.from >= minOptimizationVal ? range.from : minOptimizationVal;
                    const maxUnOptVal = range.to;
                    const minOptIdx = charCodeToOptimizedIndex(minUnOptVal);
                    const maxOptIdx = charCodeToOptimizedIndex(maxUnOptVal);
                    for (let currOptIdx = minOptIdx; currOptIdx <= maxOptIdx; currOptIdx++) {
                      result[currOptIdx] = currOptIdx;
                    }
                  }
                }
              }
            });
            break;
          case "Group":
            firstCharOptimizedIndices(atom2.value, result, ignoreCase);
            break;
          /* istanbul ignore next */
          default:
            throw Error("Non Exhaustive Match");
        }
        const isOptionalQuantifier = atom2.quantifier !== void 0 && atom2.quantifier.atLeast === 0;
        if (
          // A group may be optional due to empty contents /(?:)/
          // or if everything inside it is optional /((a)?)/
          atom2.type === "Group" && isWholeOptional(atom2) === false || // If this term is not a group it may only be optional if it has an optional quantifier
          atom2.type !== "Group" && isOptionalQuantifier === false
        ) {
          break;
        }
      }
      break;
    /* istanbul ignore next */
    default:
      throw Error("non exhaustive match!");
  }
  return values_default(result);
}
function addOptimizedIdxToResult(code, result, ignoreCase) {
  const optimizedCharIdx = charCodeToOptimizedIndex(code);
  result[optimizedCharIdx] = optimizedCharIdx;
  if (ignoreCase === true) {
    handleIgnoreCase(code, result);
  }
}
function handleIgnoreCase(code, result) {
  const char = String.fromCharCode(code);
  const upperChar = char.toUpperCase();
  if (upperChar !== char) {
    const optimizedCharIdx = charCodeToOptimizedIndex(upperChar.charCodeAt(0));
    result[optimizedCharIdx] = optimizedCharIdx;
  } else {
    const lowerChar = char.toLowerCase();
    if (lowerChar !== char) {
      const optimizedCharIdx = charCodeToOptimizedIndex(lowerChar.charCodeAt(0));
      result[optimizedCharIdx] = optimizedCharIdx;
    }
  }
}
function findCode(setNode, targetCharCodes) {
  return find_default(setNode.value, (codeOrRange) => {
    if (typeof codeOrRange === "number") {
      return includes_default(targetCharCodes, codeOrRange);
    } else {
      const range = codeOrRange;
      return find_default(targetCharCodes, (targetCode) => range.from <= targetCode && targetCode <= range.to) !== void 0;
    }
  });
}
function isWholeOptional(ast) {
  const quantifier = ast.quantifier;
  if (quantifier && quantifier.atLeast === 0) {
    return true;
  }
  if (!ast.value) {
    return false;
  }
  return isArray_default(ast.value) ? every_default(ast.value, isWholeOptional) : isWholeOptional(ast.value);
}
var CharCodeFinder = class extends BaseRegExpVisitor {
  constructor(targetCharCodes) {
    super();
    this.targetCharCodes = targetCharCodes;
    this.found = false;
  }
  visitChildren(node) {
    if (this.found === true) {
      return;
    }
    switch (node.type) {
      case "Lookahead":
        this.visitLookahead(node);
        return;
      case "NegativeLookahead":
        this.visitNegativeLookahead(node);
        return;
      case "Lookbehind":
        this.visitLookbehind(node);
        return;
      case "NegativeLookbehind":
        this.visitNegativeLookbehind(node);
        return;
    }
    super.visitChildren(node);
  }
  visitCharacter(node) {
    if (includes_default(this.targetCharCodes, node.value)) {
      this.found = true;
    }
  }
  visitSet(node) {
    if (node.complement) {
      if (findCode(node, this.targetCharCodes) === void 0) {
        this.found = true;
      }
    } else {
      if (findCode(node, this.targetCharCodes) !== void 0) {
        this.found = true;
      }
    }
  }
};
function canMatchCharCode(charCodes, pattern) {
  if (pattern instanceof RegExp) {
    const ast = getRegExpAst(pattern);
    const charCodeFinder = new CharCodeFinder(charCodes);
    charCodeFinder.visit(ast);
    return charCodeFinder.found;
  } else {
    return find_default(pattern, (char) => {
      return includes_default(charCodes, char.charCodeAt(0));
    }) !== void 0;
  }
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/scan/lexer.js
var PATTERN = "PATTERN";
var DEFAULT_MODE = "defaultMode";
var MODES = "modes";
function analyzeTokenTypes(tokenTypes, options) {
  options = defaults_default(options, {
    debug: false,
    safeMode: false,
    positionTracking: "full",
    lineTerminatorCharacters: ["\r", "\n"],
    tracer: (msg, action) => action()
  });
  const tracer = options.tracer;
  tracer("initCharCodeToOptimizedIndexMap", () => {
    initCharCodeToOptimizedIndexMap();
  });
  let onlyRelevantTypes;
  tracer("Reject Lexer.NA", () => {
    onlyRelevantTypes = reject_default(tokenTypes, (currType) => {
      return currType[PATTERN] === Lexer.NA;
    });
  });
  let hasCustom = false;
  let allTransformedPatterns;
  tracer("Transform Patterns", () => {
    hasCustom = false;
    allTransformedPatterns = map_default(onlyRelevantTypes, (currType) => {
      const currPattern = currType[PATTERN];
      if (isRegExp_default(currPattern)) {
        const regExpSource = currPattern.source;
        if (regExpSource.length === 1 && // only these regExp meta characters which can appear in a length one regExp
        regExpSource !== "^" && regExpSource !== "$" && regExpSource !== "." && !currPattern.ignoreCase) {
          return regExpSource;
        } else if (regExpSource.length === 2 && regExpSource[0] === "\\" && // not a meta character
        !includes_default([
          "d",
          "D",
          "s",
          "S",
          "t",
          "r",
          "n",
          "t",
          "0",
          "c",
          "b",
          "B",
          "f",
          "v",
          "w",
          "W"
        ], regExpSource[1])) {
          return regExpSource[1];
        } else {
          return addStickyFlag(currPattern);
        }
      } else if (isFunction_default(currPattern)) {
        hasCustom = true;
        return { exec: currPattern };
      } else if (typeof currPattern === "object") {
        hasCustom = true;
        return currPattern;
      } else if (typeof currPattern === "string") {
        if (currPattern.length === 1) {
          return currPattern;
        } else {
          const escapedRegExpString = currPattern.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
          const wrappedRegExp = new RegExp(escapedRegExpString);
          return addStickyFlag(wrappedRegExp);
        }
      } else {
        throw Error("non exhaustive match");
      }
    });
  });
  let patternIdxToType;
  let patternIdxToGroup;
  let patternIdxToLongerAltIdxArr;
  let patternIdxToPushMode;
  let patternIdxToPopMode;
  tracer("misc mapping", () => {
    patternIdxToType = map_default(onlyRelevantTypes, (currType) => currType.tokenTypeIdx);
    patternIdxToGroup = map_default(onlyRelevantTypes, (clazz) => {
      const groupName = clazz.GROUP;
      if (groupName === Lexer.SKIPPED) {
        return void 0;
      } else if (isString_default(groupName)) {
        return groupName;
      } else if (isUndefined_default(groupName)) {
        return false;
      } else {
        throw Error("non exhaustive match");
      }
    });
    patternIdxToLongerAltIdxArr = map_default(onlyRelevantTypes, (clazz) => {
      const longerAltType = clazz.LONGER_ALT;
      if (longerAltType) {
        const longerAltIdxArr = isArray_default(longerAltType) ? map_default(longerAltType, (type) => indexOf_default(onlyRelevantTypes, type)) : [indexOf_default(onlyRelevantTypes, longerAltType)];
        return longerAltIdxArr;
      }
    });
    patternIdxToPushMode = map_default(onlyRelevantTypes, (clazz) => clazz.PUSH_MODE);
    patternIdxToPopMode = map_default(onlyRelevantTypes, (clazz) => has_default(clazz, "POP_MODE"));
  });
  let patternIdxToCanLineTerminator;
  tracer("Line Terminator Handling", () => {
    const lineTerminatorCharCodes = getCharCodes(options.lineTerminatorCharacters);
    patternIdxToCanLineTerminator = map_default(onlyRelevantTypes, (tokType) => false);
    if (options.positionTracking !== "onlyOffset") {
      patternIdxToCanLineTerminator = map_default(onlyRelevantTypes, (tokType) => {
        if (has_default(tokType, "LINE_BREAKS")) {
          return !!tokType.LINE_BREAKS;
        } else {
          return checkLineBreaksIssues(tokType, lineTerminatorCharCodes) === false && canMatchCharCode(lineTerminatorCharCodes, tokType.PATTERN);
        }
      });
    }
  });
  let patternIdxToIsCustom;
  let patternIdxToShort;
  let emptyGroups;
  let patternIdxToConfig;
  tracer("Misc Mapping #2", () => {
    patternIdxToIsCustom = map_default(onlyRelevantTypes, isCustomPattern);
    patternIdxToShort = map_default(allTransformedPatterns, isShortPattern);
    emptyGroups = reduce_default(onlyRelevantTypes, (acc, clazz) => {
      const groupName = clazz.GROUP;
      if (isString_default(groupName) && !(groupName === Lexer.SKIPPED)) {
        acc[groupName] = [];
      }
      return acc;
    }, {});
    patternIdxToConfig = map_default(allTransformedPatterns, (x, idx) => {
      return {
        pattern: allTransformedPatterns[idx],
        longerAlt: patternIdxToLongerAltIdxArr[idx],
        canLineTerminator: patternIdxToCanLineTerminator[idx],
        isCustom: patternIdxToIsCustom[idx],
        short: patternIdxToShort[idx],
        group: patternIdxToGroup[idx],
        push: patternIdxToPushMode[idx],
        pop: patternIdxToPopMode[idx],
        tokenTypeIdx: patternIdxToType[idx],
        tokenType: onlyRelevantTypes[idx]
      };
    });
  });
  let canBeOptimized = true;
  let charCodeToPatternIdxToConfig = [];
  if (!options.safeMode) {
    tracer("First Char Optimization", () => {
      charCodeToPatternIdxToConfig = reduce_default(onlyRelevantTypes, (result, currTokType, idx) => {
        if (typeof currTokType.PATTERN === "string") {
          const charCode = currTokType.PATTERN.charCodeAt(0);
          const optimizedIdx = charCodeToOptimizedIndex(charCode);
          addToMapOfArrays(result, optimizedIdx, patternIdxToConfig[idx]);
        } else if (isArray_default(currTokType.START_CHARS_HINT)) {
          let lastOptimizedIdx;
          forEach_default(currTokType.START_CHARS_HINT, (charOrInt) => {
            const charCode = typeof charOrInt === "string" ? charOrInt.charCodeAt(0) : charOrInt;
            const currOptimizedIdx = charCodeToOptimizedIndex(charCode);
            if (lastOptimizedIdx !== currOptimizedIdx) {
              lastOptimizedIdx = currOptimizedIdx;
              addToMapOfArrays(result, currOptimizedIdx, patternIdxToConfig[idx]);
            }
          });
        } else if (isRegExp_default(currTokType.PATTERN)) {
          if (currTokType.PATTERN.unicode) {
            canBeOptimized = false;
            if (options.ensureOptimizations) {
              PRINT_ERROR(`${failedOptimizationPrefixMsg}	Unable to analyze < ${currTokType.PATTERN.toString()} > pattern.
	The regexp unicode flag is not currently supported by the regexp-to-ast library.
	This will disable the lexer's first char optimizations.
	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#UNICODE_OPTIMIZE`);
            }
          } else {
            const optimizedCodes = getOptimizedStartCodesIndices(currTokType.PATTERN, options.ensureOptimizations);
            if (isEmpty_default(optimizedCodes)) {
              canBeOptimized = false;
            }
            forEach_default(optimizedCodes, (code) => {
              addToMapOfArrays(result, code, patternIdxToConfig[idx]);
            });
          }
        } else {
          if (options.ensureOptimizations) {
            PRINT_ERROR(`${failedOptimizationPrefixMsg}	TokenType: <${currTokType.name}> is using a custom token pattern without providing <start_chars_hint> parameter.
	This will disable the lexer's first char optimizations.
	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#CUSTOM_OPTIMIZE`);
          }
          canBeOptimized = false;
        }
        return result;
      }, []);
    });
  }
  return {
    emptyGroups,
    patternIdxToConfig,
    charCodeToPatternIdxToConfig,
    hasCustom,
    canBeOptimized
  };
}
function validatePatterns(tokenTypes, validModesNames) {
  let errors = [];
  const missingResult = findMissingPatterns(tokenTypes);
  errors = errors.concat(missingResult.errors);
  const invalidResult = findInvalidPatterns(missingResult.valid);
  const validTokenTypes = invalidResult.valid;
  errors = errors.concat(invalidResult.errors);
  errors = errors.concat(validateRegExpPattern(validTokenTypes));
  errors = errors.concat(findInvalidGroupType(validTokenTypes));
  errors = errors.concat(findModesThatDoNotExist(validTokenTypes, validModesNames));
  errors = errors.concat(findUnreachablePatterns(validTokenTypes));
  return errors;
}
function validateRegExpPattern(tokenTypes) {
  let errors = [];
  const withRegExpPatterns = filter_default(tokenTypes, (currTokType) => isRegExp_default(currTokType[PATTERN]));
  errors = errors.concat(findEndOfInputAnchor(withRegExpPatterns));
  errors = errors.concat(findStartOfInputAnchor(withRegExpPatterns));
  errors = errors.concat(findUnsupportedFlags(withRegExpPatterns));
  errors = errors.concat(findDuplicatePatterns(withRegExpPatterns));
  errors = errors.concat(findEmptyMatchRegExps(withRegExpPatterns));
  return errors;
}
function findMissingPatterns(tokenTypes) {
  const tokenTypesWithMissingPattern = filter_default(tokenTypes, (currType) => {
    return !has_default(currType, PATTERN);
  });
  const errors = map_default(tokenTypesWithMissingPattern, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- missing static 'PATTERN' property",
      type: LexerDefinitionErrorType.MISSING_PATTERN,
      tokenTypes: [currType]
    };
  });
  const valid = difference_default(tokenTypes, tokenTypesWithMissingPattern);
  return { errors, valid };
}
function findInvalidPatterns(tokenTypes) {
  const tokenTypesWithInvalidPattern = filter_default(tokenTypes, (currType) => {
    const pattern = currType[PATTERN];
    return !isRegExp_default(pattern) && !isFunction_default(pattern) && !has_default(pattern, "exec") && !isString_default(pattern);
  });
  const errors = map_default(tokenTypesWithInvalidPattern, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- static 'PATTERN' can only be a RegExp, a Function matching the {CustomPatternMatcherFunc} type or an Object matching the {ICustomPattern} interface.",
      type: LexerDefinitionErrorType.INVALID_PATTERN,
      tokenTypes: [currType]
    };
  });
  const valid = difference_default(tokenTypes, tokenTypesWithInvalidPattern);
  return { errors, valid };
}
var end_of_input = /[^\\][$]/;
function findEndOfInputAnchor(tokenTypes) {
  class EndAnchorFinder extends BaseRegExpVisitor {
    constructor() {
      super(...arguments);
      this.found = false;
    }
    visitEndAnchor(node) {
      this.found = true;
    }
  }
  const invalidRegex = filter_default(tokenTypes, (currType) => {
    const pattern = currType.PATTERN;
    try {
      const regexpAst = getRegExpAst(pattern);
      const endAnchorVisitor = new EndAnchorFinder();
      endAnchorVisitor.visit(regexpAst);
      return endAnchorVisitor.found;
    } catch (e) {
      return end_of_input.test(pattern.source);
    }
  });
  const errors = map_default(invalidRegex, (currType) => {
    return {
      message: "Unexpected RegExp Anchor Error:\n	Token Type: ->" + currType.name + "<- static 'PATTERN' cannot contain end of input anchor '$'\n	See chevrotain.io/docs/guide/resolving_lexer_errors.html#ANCHORS	for details.",
      type: LexerDefinitionErrorType.EOI_ANCHOR_FOUND,
      tokenTypes: [currType]
    };
  });
  return errors;
}
function findEmptyMatchRegExps(tokenTypes) {
  const matchesEmptyString = filter_default(tokenTypes, (currType) => {
    const pattern = currType.PATTERN;
    return pattern.test("");
  });
  const errors = map_default(matchesEmptyString, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- static 'PATTERN' must not match an empty string",
      type: LexerDefinitionErrorType.EMPTY_MATCH_PATTERN,
      tokenTypes: [currType]
    };
  });
  return errors;
}
var start_of_input = /[^\\[][\^]|^\^/;
function findStartOfInputAnchor(tokenTypes) {
  class StartAnchorFinder extends BaseRegExpVisitor {
    constructor() {
      super(...arguments);
      this.found = false;
    }
    visitStartAnchor(node) {
      this.found = true;
    }
  }
  const invalidRegex = filter_default(tokenTypes, (currType) => {
    const pattern = currType.PATTERN;
    try {
      const regexpAst = getRegExpAst(pattern);
      const startAnchorVisitor = new StartAnchorFinder();
      startAnchorVisitor.visit(regexpAst);
      return startAnchorVisitor.found;
    } catch (e) {
      return start_of_input.test(pattern.source);
    }
  });
  const errors = map_default(invalidRegex, (currType) => {
    return {
      message: "Unexpected RegExp Anchor Error:\n	Token Type: ->" + currType.name + "<- static 'PATTERN' cannot contain start of input anchor '^'\n	See https://chevrotain.io/docs/guide/resolving_lexer_errors.html#ANCHORS	for details.",
      type: LexerDefinitionErrorType.SOI_ANCHOR_FOUND,
      tokenTypes: [currType]
    };
  });
  return errors;
}
function findUnsupportedFlags(tokenTypes) {
  const invalidFlags = filter_default(tokenTypes, (currType) => {
    const pattern = currType[PATTERN];
    return pattern instanceof RegExp && (pattern.multiline || pattern.global);
  });
  const errors = map_default(invalidFlags, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- static 'PATTERN' may NOT contain global('g') or multiline('m')",
      type: LexerDefinitionErrorType.UNSUPPORTED_FLAGS_FOUND,
      tokenTypes: [currType]
    };
  });
  return errors;
}
function findDuplicatePatterns(tokenTypes) {
  const found = [];
  let identicalPatterns = map_default(tokenTypes, (outerType) => {
    return reduce_default(tokenTypes, (result, innerType) => {
      if (outerType.PATTERN.source === innerType.PATTERN.source && !includes_default(found, innerType) && innerType.PATTERN !== Lexer.NA) {
        found.push(innerType);
        result.push(innerType);
        return result;
      }
      return result;
    }, []);
  });
  identicalPatterns = compact_default(identicalPatterns);
  const duplicatePatterns = filter_default(identicalPatterns, (currIdenticalSet) => {
    return currIdenticalSet.length > 1;
  });
  const errors = map_default(duplicatePatterns, (setOfIdentical) => {
    const tokenTypeNames = map_default(setOfIdentical, (currType) => {
      return currType.name;
    });
    const dupPatternSrc = head_default(setOfIdentical).PATTERN;
    return {
      message: `The same RegExp pattern ->${dupPatternSrc}<-has been used in all of the following Token Types: ${tokenTypeNames.join(", ")} <-`,
      type: LexerDefinitionErrorType.DUPLICATE_PATTERNS_FOUND,
      tokenTypes: setOfIdentical
    };
  });
  return errors;
}
function findInvalidGroupType(tokenTypes) {
  const invalidTypes = filter_default(tokenTypes, (clazz) => {
    if (!has_default(clazz, "GROUP")) {
      return false;
    }
    const group = clazz.GROUP;
    return group !== Lexer.SKIPPED && group !== Lexer.NA && !isString_default(group);
  });
  const errors = map_default(invalidTypes, (currType) => {
    return {
      message: "Token Type: ->" + currType.name + "<- static 'GROUP' can only be Lexer.SKIPPED/Lexer.NA/A String",
      type: LexerDefinitionErrorType.INVALID_GROUP_TYPE_FOUND,
      tokenTypes: [currType]
    };
  });
  return errors;
}
function findModesThatDoNotExist(tokenTypes, validModes) {
  const invalidModes = filter_default(tokenTypes, (clazz) => {
    return clazz.PUSH_MODE !== void 0 && !includes_default(validModes, clazz.PUSH_MODE);
  });
  const errors = map_default(invalidModes, (tokType) => {
    const msg = `Token Type: ->${tokType.name}<- static 'PUSH_MODE' value cannot refer to a Lexer Mode ->${tokType.PUSH_MODE}<-which does not exist`;
    return {
      message: msg,
      type: LexerDefinitionErrorType.PUSH_MODE_DOES_NOT_EXIST,
      tokenTypes: [tokType]
    };
  });
  return errors;
}
function findUnreachablePatterns(tokenTypes) {
  const errors = [];
  const canBeTested = reduce_default(tokenTypes, (result, tokType, idx) => {
    const pattern = tokType.PATTERN;
    if (pattern === Lexer.NA) {
      return result;
    }
    if (isString_default(pattern)) {
      result.push({ str: pattern, idx, tokenType: tokType });
    } else if (isRegExp_default(pattern) && noMetaChar(pattern)) {
      result.push({ str: pattern.source, idx, tokenType: tokType });
    }
    return result;
  }, []);
  forEach_default(tokenTypes, (aTokType, aIdx) => {
    forEach_default(canBeTested, ({ str: bStr, idx: bIdx, tokenType: bTokType }) => {
      if (aIdx < bIdx && tryToMatchStrToPattern(bStr, aTokType.PATTERN)) {
        const msg = `Token: ->${bTokType.name}<- can never be matched.
Because it appears AFTER the Token Type ->${aTokType.name}<-in the lexer's definition.
See https://chevrotain.io/docs/guide/resolving_lexer_errors.html#UNREACHABLE`;
        errors.push({
          message: msg,
          type: LexerDefinitionErrorType.UNREACHABLE_PATTERN,
          tokenTypes: [aTokType, bTokType]
        });
      }
    });
  });
  return errors;
}
function tryToMatchStrToPattern(str, pattern) {
  if (isRegExp_default(pattern)) {
    if (usesLookAheadOrBehind(pattern)) {
      return false;
    }
    const regExpArray = pattern.exec(str);
    return regExpArray !== null && regExpArray.index === 0;
  } else if (isFunction_default(pattern)) {
    return pattern(str, 0, [], {});
  } else if (has_default(pattern, "exec")) {
    return pattern.exec(str, 0, [], {});
  } else if (typeof pattern === "string") {
    return pattern === str;
  } else {
    throw Error("non exhaustive match");
  }
}
function noMetaChar(regExp) {
  const metaChars = [
    ".",
    "\\",
    "[",
    "]",
    "|",
    "^",
    "$",
    "(",
    ")",
    "?",
    "*",
    "+",
    "{"
  ];
  return find_default(metaChars, (char) => regExp.source.indexOf(char) !== -1) === void 0;
}
function usesLookAheadOrBehind(regExp) {
  return /(\(\?=)|(\(\?!)|(\(\?<=)|(\(\?<!)/.test(regExp.source);
}
function addStickyFlag(pattern) {
  const flags = pattern.ignoreCase ? "iy" : "y";
  return new RegExp(`${pattern.source}`, flags);
}
function performRuntimeChecks(lexerDefinition, trackLines, lineTerminatorCharacters) {
  const errors = [];
  if (!has_default(lexerDefinition, DEFAULT_MODE)) {
    errors.push({
      message: "A MultiMode Lexer cannot be initialized without a <" + DEFAULT_MODE + "> property in its definition\n",
      type: LexerDefinitionErrorType.MULTI_MODE_LEXER_WITHOUT_DEFAULT_MODE
    });
  }
  if (!has_default(lexerDefinition, MODES)) {
    errors.push({
      message: "A MultiMode Lexer cannot be initialized without a <" + MODES + "> property in its definition\n",
      type: LexerDefinitionErrorType.MULTI_MODE_LEXER_WITHOUT_MODES_PROPERTY
    });
  }
  if (has_default(lexerDefinition, MODES) && has_default(lexerDefinition, DEFAULT_MODE) && !has_default(lexerDefinition.modes, lexerDefinition.defaultMode)) {
    errors.push({
      message: `A MultiMode Lexer cannot be initialized with a ${DEFAULT_MODE}: <${lexerDefinition.defaultMode}>which does not exist
`,
      type: LexerDefinitionErrorType.MULTI_MODE_LEXER_DEFAULT_MODE_VALUE_DOES_NOT_EXIST
    });
  }
  if (has_default(lexerDefinition, MODES)) {
    forEach_default(lexerDefinition.modes, (currModeValue, currModeName) => {
      forEach_default(currModeValue, (currTokType, currIdx) => {
        if (isUndefined_default(currTokType)) {
          errors.push({
            message: `A Lexer cannot be initialized using an undefined Token Type. Mode:<${currModeName}> at index: <${currIdx}>
`,
            type: LexerDefinitionErrorType.LEXER_DEFINITION_CANNOT_CONTAIN_UNDEFINED
          });
        } else if (has_default(currTokType, "LONGER_ALT")) {
          const longerAlt = isArray_default(currTokType.LONGER_ALT) ? currTokType.LONGER_ALT : [currTokType.LONGER_ALT];
          forEach_default(longerAlt, (currLongerAlt) => {
            if (!isUndefined_default(currLongerAlt) && !includes_default(currModeValue, currLongerAlt)) {
              errors.push({
                message: `A MultiMode Lexer cannot be initialized with a longer_alt <${currLongerAlt.name}> on token <${currTokType.name}> outside of mode <${currModeName}>
`,
                type: LexerDefinitionErrorType.MULTI_MODE_LEXER_LONGER_ALT_NOT_IN_CURRENT_MODE
              });
            }
          });
        }
      });
    });
  }
  return errors;
}
function performWarningRuntimeChecks(lexerDefinition, trackLines, lineTerminatorCharacters) {
  const warnings = [];
  let hasAnyLineBreak = false;
  const allTokenTypes = compact_default(flatten_default(values_default(lexerDefinition.modes)));
  const concreteTokenTypes = reject_default(allTokenTypes, (currType) => currType[PATTERN] === Lexer.NA);
  const terminatorCharCodes = getCharCodes(lineTerminatorCharacters);
  if (trackLines) {
    forEach_default(concreteTokenTypes, (tokType) => {
      const currIssue = checkLineBreaksIssues(tokType, terminatorCharCodes);
      if (currIssue !== false) {
        const message = buildLineBreakIssueMessage(tokType, currIssue);
        const warningDescriptor = {
          message,
          type: currIssue.issue,
          tokenType: tokType
        };
        warnings.push(warningDescriptor);
      } else {
        if (has_default(tokType, "LINE_BREAKS")) {
          if (tokType.LINE_BREAKS === true) {
            hasAnyLineBreak = true;
          }
        } else {
          if (canMatchCharCode(terminatorCharCodes, tokType.PATTERN)) {
            hasAnyLineBreak = true;
          }
        }
      }
    });
  }
  if (trackLines && !hasAnyLineBreak) {
    warnings.push({
      message: "Warning: No LINE_BREAKS Found.\n	This Lexer has been defined to track line and column information,\n	But none of the Token Types can be identified as matching a line terminator.\n	See https://chevrotain.io/docs/guide/resolving_lexer_errors.html#LINE_BREAKS \n	for details.",
      type: LexerDefinitionErrorType.NO_LINE_BREAKS_FLAGS
    });
  }
  return warnings;
}
function cloneEmptyGroups(emptyGroups) {
  const clonedResult = {};
  const groupKeys = keys_default(emptyGroups);
  forEach_default(groupKeys, (currKey) => {
    const currGroupValue = emptyGroups[currKey];
    if (isArray_default(currGroupValue)) {
      clonedResult[currKey] = [];
    } else {
      throw Error("non exhaustive match");
    }
  });
  return clonedResult;
}
function isCustomPattern(tokenType) {
  const pattern = tokenType.PATTERN;
  if (isRegExp_default(pattern)) {
    return false;
  } else if (isFunction_default(pattern)) {
    return true;
  } else if (has_default(pattern, "exec")) {
    return true;
  } else if (isString_default(pattern)) {
    return false;
  } else {
    throw Error("non exhaustive match");
  }
}
function isShortPattern(pattern) {
  if (isString_default(pattern) && pattern.length === 1) {
    return pattern.charCodeAt(0);
  } else {
    return false;
  }
}
var LineTerminatorOptimizedTester = {
  // implements /\n|\r\n?/g.test
  test: function(text) {
    const len = text.length;
    for (let i = this.lastIndex; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.lastIndex = i + 1;
        return true;
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          this.lastIndex = i + 2;
        } else {
          this.lastIndex = i + 1;
        }
        return true;
      }
    }
    return false;
  },
  lastIndex: 0
};
function checkLineBreaksIssues(tokType, lineTerminatorCharCodes) {
  if (has_default(tokType, "LINE_BREAKS")) {
    return false;
  } else {
    if (isRegExp_default(tokType.PATTERN)) {
      try {
        canMatchCharCode(lineTerminatorCharCodes, tokType.PATTERN);
      } catch (e) {
        return {
          issue: LexerDefinitionErrorType.IDENTIFY_TERMINATOR,
          errMsg: e.message
        };
      }
      return false;
    } else if (isString_default(tokType.PATTERN)) {
      return false;
    } else if (isCustomPattern(tokType)) {
      return { issue: LexerDefinitionErrorType.CUSTOM_LINE_BREAK };
    } else {
      throw Error("non exhaustive match");
    }
  }
}
function buildLineBreakIssueMessage(tokType, details) {
  if (details.issue === LexerDefinitionErrorType.IDENTIFY_TERMINATOR) {
    return `Warning: unable to identify line terminator usage in pattern.
	The problem is in the <${tokType.name}> Token Type
	 Root cause: ${details.errMsg}.
	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#IDENTIFY_TERMINATOR`;
  } else if (details.issue === LexerDefinitionErrorType.CUSTOM_LINE_BREAK) {
    return `Warning: A Custom Token Pattern should specify the <line_breaks> option.
	The problem is in the <${tokType.name}> Token Type
	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#CUSTOM_LINE_BREAK`;
  } else {
    throw Error("non exhaustive match");
  }
}
function getCharCodes(charsOrCodes) {
  const charCodes = map_default(charsOrCodes, (numOrString) => {
    if (isString_default(numOrString)) {
      return numOrString.charCodeAt(0);
    } else {
      return numOrString;
    }
  });
  return charCodes;
}
function addToMapOfArrays(map2, key, value) {
  if (map2[key] === void 0) {
    map2[key] = [value];
  } else {
    map2[key].push(value);
  }
}
var minOptimizationVal = 256;
var charCodeToOptimizedIdxMap = [];
function charCodeToOptimizedIndex(charCode) {
  return charCode < minOptimizationVal ? charCode : charCodeToOptimizedIdxMap[charCode];
}
function initCharCodeToOptimizedIndexMap() {
  if (isEmpty_default(charCodeToOptimizedIdxMap)) {
    charCodeToOptimizedIdxMap = new Array(65536);
    for (let i = 0; i < 65536; i++) {
      charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i;
    }
  }
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/scan/tokens.js
function tokenStructuredMatcher(tokInstance, tokConstructor) {
  const instanceType = tokInstance.tokenTypeIdx;
  if (instanceType === tokConstructor.tokenTypeIdx) {
    return true;
  } else {
    return tokConstructor.isParent === true && tokConstructor.categoryMatchesMap[instanceType] === true;
  }
}
function tokenStructuredMatcherNoCategories(token2, tokType) {
  return token2.tokenTypeIdx === tokType.tokenTypeIdx;
}
var tokenShortNameIdx = 1;
var tokenIdxToClass = {};
function augmentTokenTypes(tokenTypes) {
  const tokenTypesAndParents = expandCategories(tokenTypes);
  assignTokenDefaultProps(tokenTypesAndParents);
  assignCategoriesMapProp(tokenTypesAndParents);
  assignCategoriesTokensProp(tokenTypesAndParents);
  forEach_default(tokenTypesAndParents, (tokType) => {
    tokType.isParent = tokType.categoryMatches.length > 0;
  });
}
function expandCategories(tokenTypes) {
  let result = clone_default(tokenTypes);
  let categories = tokenTypes;
  let searching = true;
  while (searching) {
    categories = compact_default(flatten_default(map_default(categories, (currTokType) => currTokType.CATEGORIES)));
    const newCategories = difference_default(categories, result);
    result = result.concat(newCategories);
    if (isEmpty_default(newCategories)) {
      searching = false;
    } else {
      categories = newCategories;
    }
  }
  return result;
}
function assignTokenDefaultProps(tokenTypes) {
  forEach_default(tokenTypes, (currTokType) => {
    if (!hasShortKeyProperty(currTokType)) {
      tokenIdxToClass[tokenShortNameIdx] = currTokType;
      currTokType.tokenTypeIdx = tokenShortNameIdx++;
    }
    if (hasCategoriesProperty(currTokType) && !isArray_default(currTokType.CATEGORIES)) {
      currTokType.CATEGORIES = [currTokType.CATEGORIES];
    }
    if (!hasCategoriesProperty(currTokType)) {
      currTokType.CATEGORIES = [];
    }
    if (!hasExtendingTokensTypesProperty(currTokType)) {
      currTokType.categoryMatches = [];
    }
    if (!hasExtendingTokensTypesMapProperty(currTokType)) {
      currTokType.categoryMatchesMap = {};
    }
  });
}
function assignCategoriesTokensProp(tokenTypes) {
  forEach_default(tokenTypes, (currTokType) => {
    currTokType.categoryMatches = [];
    forEach_default(currTokType.categoryMatchesMap, (val, key) => {
      currTokType.categoryMatches.push(tokenIdxToClass[key].tokenTypeIdx);
    });
  });
}
function assignCategoriesMapProp(tokenTypes) {
  forEach_default(tokenTypes, (currTokType) => {
    singleAssignCategoriesToksMap([], currTokType);
  });
}
function singleAssignCategoriesToksMap(path, nextNode) {
  forEach_default(path, (pathNode) => {
    nextNode.categoryMatchesMap[pathNode.tokenTypeIdx] = true;
  });
  forEach_default(nextNode.CATEGORIES, (nextCategory) => {
    const newPath = path.concat(nextNode);
    if (!includes_default(newPath, nextCategory)) {
      singleAssignCategoriesToksMap(newPath, nextCategory);
    }
  });
}
function hasShortKeyProperty(tokType) {
  return has_default(tokType, "tokenTypeIdx");
}
function hasCategoriesProperty(tokType) {
  return has_default(tokType, "CATEGORIES");
}
function hasExtendingTokensTypesProperty(tokType) {
  return has_default(tokType, "categoryMatches");
}
function hasExtendingTokensTypesMapProperty(tokType) {
  return has_default(tokType, "categoryMatchesMap");
}
function isTokenType(tokType) {
  return has_default(tokType, "tokenTypeIdx");
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/scan/lexer_errors_public.js
var defaultLexerErrorProvider = {
  buildUnableToPopLexerModeMessage(token2) {
    return `Unable to pop Lexer Mode after encountering Token ->${token2.image}<- The Mode Stack is empty`;
  },
  buildUnexpectedCharactersMessage(fullText, startOffset, length, line, column, mode) {
    return `unexpected character: ->${fullText.charAt(startOffset)}<- at offset: ${startOffset}, skipped ${length} characters.`;
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/scan/lexer_public.js
var LexerDefinitionErrorType;
(function(LexerDefinitionErrorType2) {
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MISSING_PATTERN"] = 0] = "MISSING_PATTERN";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["INVALID_PATTERN"] = 1] = "INVALID_PATTERN";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["EOI_ANCHOR_FOUND"] = 2] = "EOI_ANCHOR_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["UNSUPPORTED_FLAGS_FOUND"] = 3] = "UNSUPPORTED_FLAGS_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["DUPLICATE_PATTERNS_FOUND"] = 4] = "DUPLICATE_PATTERNS_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["INVALID_GROUP_TYPE_FOUND"] = 5] = "INVALID_GROUP_TYPE_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["PUSH_MODE_DOES_NOT_EXIST"] = 6] = "PUSH_MODE_DOES_NOT_EXIST";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MULTI_MODE_LEXER_WITHOUT_DEFAULT_MODE"] = 7] = "MULTI_MODE_LEXER_WITHOUT_DEFAULT_MODE";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MULTI_MODE_LEXER_WITHOUT_MODES_PROPERTY"] = 8] = "MULTI_MODE_LEXER_WITHOUT_MODES_PROPERTY";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MULTI_MODE_LEXER_DEFAULT_MODE_VALUE_DOES_NOT_EXIST"] = 9] = "MULTI_MODE_LEXER_DEFAULT_MODE_VALUE_DOES_NOT_EXIST";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["LEXER_DEFINITION_CANNOT_CONTAIN_UNDEFINED"] = 10] = "LEXER_DEFINITION_CANNOT_CONTAIN_UNDEFINED";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["SOI_ANCHOR_FOUND"] = 11] = "SOI_ANCHOR_FOUND";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["EMPTY_MATCH_PATTERN"] = 12] = "EMPTY_MATCH_PATTERN";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["NO_LINE_BREAKS_FLAGS"] = 13] = "NO_LINE_BREAKS_FLAGS";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["UNREACHABLE_PATTERN"] = 14] = "UNREACHABLE_PATTERN";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["IDENTIFY_TERMINATOR"] = 15] = "IDENTIFY_TERMINATOR";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["CUSTOM_LINE_BREAK"] = 16] = "CUSTOM_LINE_BREAK";
  LexerDefinitionErrorType2[LexerDefinitionErrorType2["MULTI_MODE_LEXER_LONGER_ALT_NOT_IN_CURRENT_MODE"] = 17] = "MULTI_MODE_LEXER_LONGER_ALT_NOT_IN_CURRENT_MODE";
})(LexerDefinitionErrorType || (LexerDefinitionErrorType = {}));
var DEFAULT_LEXER_CONFIG = {
  deferDefinitionErrorsHandling: false,
  positionTracking: "full",
  lineTerminatorsPattern: /\n|\r\n?/g,
  lineTerminatorCharacters: ["\n", "\r"],
  ensureOptimizations: false,
  safeMode: false,
  errorMessageProvider: defaultLexerErrorProvider,
  traceInitPerf: false,
  skipValidations: false,
  recoveryEnabled: true
};
Object.freeze(DEFAULT_LEXER_CONFIG);
var Lexer = class {
  constructor(lexerDefinition, config2 = DEFAULT_LEXER_CONFIG) {
    this.lexerDefinition = lexerDefinition;
    this.lexerDefinitionErrors = [];
    this.lexerDefinitionWarning = [];
    this.patternIdxToConfig = {};
    this.charCodeToPatternIdxToConfig = {};
    this.modes = [];
    this.emptyGroups = {};
    this.trackStartLines = true;
    this.trackEndLines = true;
    this.hasCustom = false;
    this.canModeBeOptimized = {};
    this.TRACE_INIT = (phaseDesc, phaseImpl) => {
      if (this.traceInitPerf === true) {
        this.traceInitIndent++;
        const indent = new Array(this.traceInitIndent + 1).join("	");
        if (this.traceInitIndent < this.traceInitMaxIdent) {
          console.log(`${indent}--> <${phaseDesc}>`);
        }
        const { time, value } = timer(phaseImpl);
        const traceMethod = time > 10 ? console.warn : console.log;
        if (this.traceInitIndent < this.traceInitMaxIdent) {
          traceMethod(`${indent}<-- <${phaseDesc}> time: ${time}ms`);
        }
        this.traceInitIndent--;
        return value;
      } else {
        return phaseImpl();
      }
    };
    if (typeof config2 === "boolean") {
      throw Error("The second argument to the Lexer constructor is now an ILexerConfig Object.\na boolean 2nd argument is no longer supported");
    }
    this.config = assign_default({}, DEFAULT_LEXER_CONFIG, config2);
    const traceInitVal = this.config.traceInitPerf;
    if (traceInitVal === true) {
      this.traceInitMaxIdent = Infinity;
      this.traceInitPerf = true;
    } else if (typeof traceInitVal === "number") {
      this.traceInitMaxIdent = traceInitVal;
      this.traceInitPerf = true;
    }
    this.traceInitIndent = -1;
    this.TRACE_INIT("Lexer Constructor", () => {
      let actualDefinition;
      let hasOnlySingleMode = true;
      this.TRACE_INIT("Lexer Config handling", () => {
        if (this.config.lineTerminatorsPattern === DEFAULT_LEXER_CONFIG.lineTerminatorsPattern) {
          this.config.lineTerminatorsPattern = LineTerminatorOptimizedTester;
        } else {
          if (this.config.lineTerminatorCharacters === DEFAULT_LEXER_CONFIG.lineTerminatorCharacters) {
            throw Error("Error: Missing <lineTerminatorCharacters> property on the Lexer config.\n	For details See: https://chevrotain.io/docs/guide/resolving_lexer_errors.html#MISSING_LINE_TERM_CHARS");
          }
        }
        if (config2.safeMode && config2.ensureOptimizations) {
          throw Error('"safeMode" and "ensureOptimizations" flags are mutually exclusive.');
        }
        this.trackStartLines = /full|onlyStart/i.test(this.config.positionTracking);
        this.trackEndLines = /full/i.test(this.config.positionTracking);
        if (isArray_default(lexerDefinition)) {
          actualDefinition = {
            modes: { defaultMode: clone_default(lexerDefinition) },
            defaultMode: DEFAULT_MODE
          };
        } else {
          hasOnlySingleMode = false;
          actualDefinition = clone_default(lexerDefinition);
        }
      });
      if (this.config.skipValidations === false) {
        this.TRACE_INIT("performRuntimeChecks", () => {
          this.lexerDefinitionErrors = this.lexerDefinitionErrors.concat(performRuntimeChecks(actualDefinition, this.trackStartLines, this.config.lineTerminatorCharacters));
        });
        this.TRACE_INIT("performWarningRuntimeChecks", () => {
          this.lexerDefinitionWarning = this.lexerDefinitionWarning.concat(performWarningRuntimeChecks(actualDefinition, this.trackStartLines, this.config.lineTerminatorCharacters));
        });
      }
      actualDefinition.modes = actualDefinition.modes ? actualDefinition.modes : {};
      forEach_default(actualDefinition.modes, (currModeValue, currModeName) => {
        actualDefinition.modes[currModeName] = reject_default(currModeValue, (currTokType) => isUndefined_default(currTokType));
      });
      const allModeNames = keys_default(actualDefinition.modes);
      forEach_default(actualDefinition.modes, (currModDef, currModName) => {
        this.TRACE_INIT(`Mode: <${currModName}> processing`, () => {
          this.modes.push(currModName);
          if (this.config.skipValidations === false) {
            this.TRACE_INIT(`validatePatterns`, () => {
              this.lexerDefinitionErrors = this.lexerDefinitionErrors.concat(validatePatterns(currModDef, allModeNames));
            });
          }
          if (isEmpty_default(this.lexerDefinitionErrors)) {
            augmentTokenTypes(currModDef);
            let currAnalyzeResult;
            this.TRACE_INIT(`analyzeTokenTypes`, () => {
              currAnalyzeResult = analyzeTokenTypes(currModDef, {
                lineTerminatorCharacters: this.config.lineTerminatorCharacters,
                positionTracking: config2.positionTracking,
                ensureOptimizations: config2.ensureOptimizations,
                safeMode: config2.safeMode,
                tracer: this.TRACE_INIT
              });
            });
            this.patternIdxToConfig[currModName] = currAnalyzeResult.patternIdxToConfig;
            this.charCodeToPatternIdxToConfig[currModName] = currAnalyzeResult.charCodeToPatternIdxToConfig;
            this.emptyGroups = assign_default({}, this.emptyGroups, currAnalyzeResult.emptyGroups);
            this.hasCustom = currAnalyzeResult.hasCustom || this.hasCustom;
            this.canModeBeOptimized[currModName] = currAnalyzeResult.canBeOptimized;
          }
        });
      });
      this.defaultMode = actualDefinition.defaultMode;
      if (!isEmpty_default(this.lexerDefinitionErrors) && !this.config.deferDefinitionErrorsHandling) {
        const allErrMessages = map_default(this.lexerDefinitionErrors, (error2) => {
          return error2.message;
        });
        const allErrMessagesString = allErrMessages.join("-----------------------\n");
        throw new Error("Errors detected in definition of Lexer:\n" + allErrMessagesString);
      }
      forEach_default(this.lexerDefinitionWarning, (warningDescriptor) => {
        PRINT_WARNING(warningDescriptor.message);
      });
      this.TRACE_INIT("Choosing sub-methods implementations", () => {
        if (hasOnlySingleMode) {
          this.handleModes = noop_default;
        }
        if (this.trackStartLines === false) {
          this.computeNewColumn = identity_default;
        }
        if (this.trackEndLines === false) {
          this.updateTokenEndLineColumnLocation = noop_default;
        }
        if (/full/i.test(this.config.positionTracking)) {
          this.createTokenInstance = this.createFullToken;
        } else if (/onlyStart/i.test(this.config.positionTracking)) {
          this.createTokenInstance = this.createStartOnlyToken;
        } else if (/onlyOffset/i.test(this.config.positionTracking)) {
          this.createTokenInstance = this.createOffsetOnlyToken;
        } else {
          throw Error(`Invalid <positionTracking> config option: "${this.config.positionTracking}"`);
        }
        if (this.hasCustom) {
          this.addToken = this.addTokenUsingPush;
          this.handlePayload = this.handlePayloadWithCustom;
        } else {
          this.addToken = this.addTokenUsingMemberAccess;
          this.handlePayload = this.handlePayloadNoCustom;
        }
      });
      this.TRACE_INIT("Failed Optimization Warnings", () => {
        const unOptimizedModes = reduce_default(this.canModeBeOptimized, (cannotBeOptimized, canBeOptimized, modeName) => {
          if (canBeOptimized === false) {
            cannotBeOptimized.push(modeName);
          }
          return cannotBeOptimized;
        }, []);
        if (config2.ensureOptimizations && !isEmpty_default(unOptimizedModes)) {
          throw Error(`Lexer Modes: < ${unOptimizedModes.join(", ")} > cannot be optimized.
	 Disable the "ensureOptimizations" lexer config flag to silently ignore this and run the lexer in an un-optimized mode.
	 Or inspect the console log for details on how to resolve these issues.`);
        }
      });
      this.TRACE_INIT("clearRegExpParserCache", () => {
        clearRegExpParserCache();
      });
      this.TRACE_INIT("toFastProperties", () => {
        toFastProperties(this);
      });
    });
  }
  tokenize(text, initialMode = this.defaultMode) {
    if (!isEmpty_default(this.lexerDefinitionErrors)) {
      const allErrMessages = map_default(this.lexerDefinitionErrors, (error2) => {
        return error2.message;
      });
      const allErrMessagesString = allErrMessages.join("-----------------------\n");
      throw new Error("Unable to Tokenize because Errors detected in definition of Lexer:\n" + allErrMessagesString);
    }
    return this.tokenizeInternal(text, initialMode);
  }
  // There is quite a bit of duplication between this and "tokenizeInternalLazy"
  // This is intentional due to performance considerations.
  // this method also used quite a bit of `!` none null assertions because it is too optimized
  // for `tsc` to always understand it is "safe"
  tokenizeInternal(text, initialMode) {
    let i, j, k, matchAltImage, longerAlt, matchedImage, payload, altPayload, imageLength, group, tokType, newToken, errLength, msg, match;
    const orgText = text;
    const orgLength = orgText.length;
    let offset = 0;
    let matchedTokensIndex = 0;
    const guessedNumberOfTokens = this.hasCustom ? 0 : Math.floor(text.length / 10);
    const matchedTokens = new Array(guessedNumberOfTokens);
    const errors = [];
    let line = this.trackStartLines ? 1 : void 0;
    let column = this.trackStartLines ? 1 : void 0;
    const groups = cloneEmptyGroups(this.emptyGroups);
    const trackLines = this.trackStartLines;
    const lineTerminatorPattern = this.config.lineTerminatorsPattern;
    let currModePatternsLength = 0;
    let patternIdxToConfig = [];
    let currCharCodeToPatternIdxToConfig = [];
    const modeStack = [];
    const emptyArray = [];
    Object.freeze(emptyArray);
    let isOptimizedMode = false;
    const pop_mode = (popToken) => {
      if (modeStack.length === 1 && // if we have both a POP_MODE and a PUSH_MODE this is in-fact a "transition"
      // So no error should occur.
      popToken.tokenType.PUSH_MODE === void 0) {
        const msg2 = this.config.errorMessageProvider.buildUnableToPopLexerModeMessage(popToken);
        errors.push({
          offset: popToken.startOffset,
          line: popToken.startLine,
          column: popToken.startColumn,
          length: popToken.image.length,
          message: msg2
        });
      } else {
        modeStack.pop();
        const newMode = last_default(modeStack);
        patternIdxToConfig = this.patternIdxToConfig[newMode];
        currCharCodeToPatternIdxToConfig = this.charCodeToPatternIdxToConfig[newMode];
        currModePatternsLength = patternIdxToConfig.length;
        const modeCanBeOptimized = this.canModeBeOptimized[newMode] && this.config.safeMode === false;
        if (currCharCodeToPatternIdxToConfig && modeCanBeOptimized) {
          isOptimizedMode = true;
        } else {
          isOptimizedMode = false;
        }
      }
    };
    function push_mode(newMode) {
      modeStack.push(newMode);
      currCharCodeToPatternIdxToConfig = this.charCodeToPatternIdxToConfig[newMode];
      patternIdxToConfig = this.patternIdxToConfig[newMode];
      currModePatternsLength = patternIdxToConfig.length;
      currModePatternsLength = patternIdxToConfig.length;
      const modeCanBeOptimized = this.canModeBeOptimized[newMode] && this.config.safeMode === false;
      if (currCharCodeToPatternIdxToConfig && modeCanBeOptimized) {
        isOptimizedMode = true;
      } else {
        isOptimizedMode = false;
      }
    }
    push_mode.call(this, initialMode);
    let currConfig;
    const recoveryEnabled = this.config.recoveryEnabled;
    while (offset < orgLength) {
      matchedImage = null;
      imageLength = -1;
      const nextCharCode = orgText.charCodeAt(offset);
      let chosenPatternIdxToConfig;
      if (isOptimizedMode) {
        const optimizedCharIdx = charCodeToOptimizedIndex(nextCharCode);
        const possiblePatterns = currCharCodeToPatternIdxToConfig[optimizedCharIdx];
        chosenPatternIdxToConfig = possiblePatterns !== void 0 ? possiblePatterns : emptyArray;
      } else {
        chosenPatternIdxToConfig = patternIdxToConfig;
      }
      const chosenPatternsLength = chosenPatternIdxToConfig.length;
      for (i = 0; i < chosenPatternsLength; i++) {
        currConfig = chosenPatternIdxToConfig[i];
        const currPattern = currConfig.pattern;
        payload = null;
        const singleCharCode = currConfig.short;
        if (singleCharCode !== false) {
          if (nextCharCode === singleCharCode) {
            imageLength = 1;
            matchedImage = currPattern;
          }
        } else if (currConfig.isCustom === true) {
          match = currPattern.exec(orgText, offset, matchedTokens, groups);
          if (match !== null) {
            matchedImage = match[0];
            imageLength = matchedImage.length;
            if (match.payload !== void 0) {
              payload = match.payload;
            }
          } else {
            matchedImage = null;
          }
        } else {
          currPattern.lastIndex = offset;
          imageLength = this.matchLength(currPattern, text, offset);
        }
        if (imageLength !== -1) {
          longerAlt = currConfig.longerAlt;
          if (longerAlt !== void 0) {
            matchedImage = text.substring(offset, offset + imageLength);
            const longerAltLength = longerAlt.length;
            for (k = 0; k < longerAltLength; k++) {
              const longerAltConfig = patternIdxToConfig[longerAlt[k]];
              const longerAltPattern = longerAltConfig.pattern;
              altPayload = null;
              if (longerAltConfig.isCustom === true) {
                match = longerAltPattern.exec(orgText, offset, matchedTokens, groups);
                if (match !== null) {
                  matchAltImage = match[0];
                  if (match.payload !== void 0) {
                    altPayload = match.payload;
                  }
                } else {
                  matchAltImage = null;
                }
              } else {
                longerAltPattern.lastIndex = offset;
                matchAltImage = this.match(longerAltPattern, text, offset);
              }
              if (matchAltImage && matchAltImage.length > matchedImage.length) {
                matchedImage = matchAltImage;
                imageLength = matchAltImage.length;
                payload = altPayload;
                currConfig = longerAltConfig;
                break;
              }
            }
          }
          break;
        }
      }
      if (imageLength !== -1) {
        group = currConfig.group;
        if (group !== void 0) {
          matchedImage = matchedImage !== null ? matchedImage : text.substring(offset, offset + imageLength);
          tokType = currConfig.tokenTypeIdx;
          newToken = this.createTokenInstance(matchedImage, offset, tokType, currConfig.tokenType, line, column, imageLength);
          this.handlePayload(newToken, payload);
          if (group === false) {
            matchedTokensIndex = this.addToken(matchedTokens, matchedTokensIndex, newToken);
          } else {
            groups[group].push(newToken);
          }
        }
        if (trackLines === true && currConfig.canLineTerminator === true) {
          let numOfLTsInMatch = 0;
          let foundTerminator;
          let lastLTEndOffset;
          lineTerminatorPattern.lastIndex = 0;
          do {
            matchedImage = matchedImage !== null ? matchedImage : text.substring(offset, offset + imageLength);
            foundTerminator = lineTerminatorPattern.test(matchedImage);
            if (foundTerminator === true) {
              lastLTEndOffset = lineTerminatorPattern.lastIndex - 1;
              numOfLTsInMatch++;
            }
          } while (foundTerminator === true);
          if (numOfLTsInMatch !== 0) {
            line = line + numOfLTsInMatch;
            column = imageLength - lastLTEndOffset;
            this.updateTokenEndLineColumnLocation(newToken, group, lastLTEndOffset, numOfLTsInMatch, line, column, imageLength);
          } else {
            column = this.computeNewColumn(column, imageLength);
          }
        } else {
          column = this.computeNewColumn(column, imageLength);
        }
        offset = offset + imageLength;
        this.handleModes(currConfig, pop_mode, push_mode, newToken);
      } else {
        const errorStartOffset = offset;
        const errorLine = line;
        const errorColumn = column;
        let foundResyncPoint = recoveryEnabled === false;
        while (foundResyncPoint === false && offset < orgLength) {
          offset++;
          for (j = 0; j < currModePatternsLength; j++) {
            const currConfig2 = patternIdxToConfig[j];
            const currPattern = currConfig2.pattern;
            const singleCharCode = currConfig2.short;
            if (singleCharCode !== false) {
              if (orgText.charCodeAt(offset) === singleCharCode) {
                foundResyncPoint = true;
              }
            } else if (currConfig2.isCustom === true) {
              foundResyncPoint = currPattern.exec(orgText, offset, matchedTokens, groups) !== null;
            } else {
              currPattern.lastIndex = offset;
              foundResyncPoint = currPattern.exec(text) !== null;
            }
            if (foundResyncPoint === true) {
              break;
            }
          }
        }
        errLength = offset - errorStartOffset;
        column = this.computeNewColumn(column, errLength);
        msg = this.config.errorMessageProvider.buildUnexpectedCharactersMessage(orgText, errorStartOffset, errLength, errorLine, errorColumn, last_default(modeStack));
        errors.push({
          offset: errorStartOffset,
          line: errorLine,
          column: errorColumn,
          length: errLength,
          message: msg
        });
        if (recoveryEnabled === false) {
          break;
        }
      }
    }
    if (!this.hasCustom) {
      matchedTokens.length = matchedTokensIndex;
    }
    return {
      tokens: matchedTokens,
      groups,
      errors
    };
  }
  handleModes(config2, pop_mode, push_mode, newToken) {
    if (config2.pop === true) {
      const pushMode = config2.push;
      pop_mode(newToken);
      if (pushMode !== void 0) {
        push_mode.call(this, pushMode);
      }
    } else if (config2.push !== void 0) {
      push_mode.call(this, config2.push);
    }
  }
  // TODO: decrease this under 600 characters? inspect stripping comments option in TSC compiler
  updateTokenEndLineColumnLocation(newToken, group, lastLTIdx, numOfLTsInMatch, line, column, imageLength) {
    let lastCharIsLT, fixForEndingInLT;
    if (group !== void 0) {
      lastCharIsLT = lastLTIdx === imageLength - 1;
      fixForEndingInLT = lastCharIsLT ? -1 : 0;
      if (!(numOfLTsInMatch === 1 && lastCharIsLT === true)) {
        newToken.endLine = line + fixForEndingInLT;
        newToken.endColumn = column - 1 + -fixForEndingInLT;
      }
    }
  }
  computeNewColumn(oldColumn, imageLength) {
    return oldColumn + imageLength;
  }
  createOffsetOnlyToken(image, startOffset, tokenTypeIdx, tokenType) {
    return {
      image,
      startOffset,
      tokenTypeIdx,
      tokenType
    };
  }
  createStartOnlyToken(image, startOffset, tokenTypeIdx, tokenType, startLine, startColumn) {
    return {
      image,
      startOffset,
      startLine,
      startColumn,
      tokenTypeIdx,
      tokenType
    };
  }
  createFullToken(image, startOffset, tokenTypeIdx, tokenType, startLine, startColumn, imageLength) {
    return {
      image,
      startOffset,
      endOffset: startOffset + imageLength - 1,
      startLine,
      endLine: startLine,
      startColumn,
      endColumn: startColumn + imageLength - 1,
      tokenTypeIdx,
      tokenType
    };
  }
  addTokenUsingPush(tokenVector, index, tokenToAdd) {
    tokenVector.push(tokenToAdd);
    return index;
  }
  addTokenUsingMemberAccess(tokenVector, index, tokenToAdd) {
    tokenVector[index] = tokenToAdd;
    index++;
    return index;
  }
  handlePayloadNoCustom(token2, payload) {
  }
  handlePayloadWithCustom(token2, payload) {
    if (payload !== null) {
      token2.payload = payload;
    }
  }
  match(pattern, text, offset) {
    const found = pattern.test(text);
    if (found === true) {
      return text.substring(offset, pattern.lastIndex);
    }
    return null;
  }
  matchLength(pattern, text, offset) {
    const found = pattern.test(text);
    if (found === true) {
      return pattern.lastIndex - offset;
    }
    return -1;
  }
};
Lexer.SKIPPED = "This marks a skipped Token pattern, this means each token identified by it will be consumed and then thrown into oblivion, this can be used to for example to completely ignore whitespace.";
Lexer.NA = /NOT_APPLICABLE/;

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/scan/tokens_public.js
function tokenLabel2(tokType) {
  if (hasTokenLabel2(tokType)) {
    return tokType.LABEL;
  } else {
    return tokType.name;
  }
}
function hasTokenLabel2(obj) {
  return isString_default(obj.LABEL) && obj.LABEL !== "";
}
var PARENT = "parent";
var CATEGORIES = "categories";
var LABEL = "label";
var GROUP = "group";
var PUSH_MODE = "push_mode";
var POP_MODE = "pop_mode";
var LONGER_ALT = "longer_alt";
var LINE_BREAKS = "line_breaks";
var START_CHARS_HINT = "start_chars_hint";
function createToken(config2) {
  return createTokenInternal(config2);
}
function createTokenInternal(config2) {
  const pattern = config2.pattern;
  const tokenType = {};
  tokenType.name = config2.name;
  if (!isUndefined_default(pattern)) {
    tokenType.PATTERN = pattern;
  }
  if (has_default(config2, PARENT)) {
    throw "The parent property is no longer supported.\nSee: https://github.com/chevrotain/chevrotain/issues/564#issuecomment-349062346 for details.";
  }
  if (has_default(config2, CATEGORIES)) {
    tokenType.CATEGORIES = config2[CATEGORIES];
  }
  augmentTokenTypes([tokenType]);
  if (has_default(config2, LABEL)) {
    tokenType.LABEL = config2[LABEL];
  }
  if (has_default(config2, GROUP)) {
    tokenType.GROUP = config2[GROUP];
  }
  if (has_default(config2, POP_MODE)) {
    tokenType.POP_MODE = config2[POP_MODE];
  }
  if (has_default(config2, PUSH_MODE)) {
    tokenType.PUSH_MODE = config2[PUSH_MODE];
  }
  if (has_default(config2, LONGER_ALT)) {
    tokenType.LONGER_ALT = config2[LONGER_ALT];
  }
  if (has_default(config2, LINE_BREAKS)) {
    tokenType.LINE_BREAKS = config2[LINE_BREAKS];
  }
  if (has_default(config2, START_CHARS_HINT)) {
    tokenType.START_CHARS_HINT = config2[START_CHARS_HINT];
  }
  return tokenType;
}
var EOF = createToken({ name: "EOF", pattern: Lexer.NA });
augmentTokenTypes([EOF]);
function createTokenInstance(tokType, image, startOffset, endOffset, startLine, endLine, startColumn, endColumn) {
  return {
    image,
    startOffset,
    endOffset,
    startLine,
    endLine,
    startColumn,
    endColumn,
    tokenTypeIdx: tokType.tokenTypeIdx,
    tokenType: tokType
  };
}
function tokenMatcher(token2, tokType) {
  return tokenStructuredMatcher(token2, tokType);
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/errors_public.js
var defaultParserErrorProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    const hasLabel = hasTokenLabel2(expected);
    const expectedMsg = hasLabel ? `--> ${tokenLabel2(expected)} <--` : `token of type --> ${expected.name} <--`;
    const msg = `Expecting ${expectedMsg} but found --> '${actual.image}' <--`;
    return msg;
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    return "Redundant input, expecting EOF but found: " + firstRedundant.image;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, customUserDescription, ruleName }) {
    const errPrefix = "Expecting: ";
    const actualText = head_default(actual).image;
    const errSuffix = "\nbut found: '" + actualText + "'";
    if (customUserDescription) {
      return errPrefix + customUserDescription + errSuffix;
    } else {
      const allLookAheadPaths = reduce_default(expectedPathsPerAlt, (result, currAltPaths) => result.concat(currAltPaths), []);
      const nextValidTokenSequences = map_default(allLookAheadPaths, (currPath) => `[${map_default(currPath, (currTokenType) => tokenLabel2(currTokenType)).join(", ")}]`);
      const nextValidSequenceItems = map_default(nextValidTokenSequences, (itemMsg, idx) => `  ${idx + 1}. ${itemMsg}`);
      const calculatedDescription = `one of these possible Token sequences:
${nextValidSequenceItems.join("\n")}`;
      return errPrefix + calculatedDescription + errSuffix;
    }
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, customUserDescription, ruleName }) {
    const errPrefix = "Expecting: ";
    const actualText = head_default(actual).image;
    const errSuffix = "\nbut found: '" + actualText + "'";
    if (customUserDescription) {
      return errPrefix + customUserDescription + errSuffix;
    } else {
      const nextValidTokenSequences = map_default(expectedIterationPaths, (currPath) => `[${map_default(currPath, (currTokenType) => tokenLabel2(currTokenType)).join(",")}]`);
      const calculatedDescription = `expecting at least one iteration which starts with one of these possible Token sequences::
  <${nextValidTokenSequences.join(" ,")}>`;
      return errPrefix + calculatedDescription + errSuffix;
    }
  }
};
Object.freeze(defaultParserErrorProvider);
var defaultGrammarResolverErrorProvider = {
  buildRuleNotFoundError(topLevelRule, undefinedRule) {
    const msg = "Invalid grammar, reference to a rule which is not defined: ->" + undefinedRule.nonTerminalName + "<-\ninside top level rule: ->" + topLevelRule.name + "<-";
    return msg;
  }
};
var defaultGrammarValidatorErrorProvider = {
  buildDuplicateFoundError(topLevelRule, duplicateProds) {
    function getExtraProductionArgument2(prod) {
      if (prod instanceof Terminal) {
        return prod.terminalType.name;
      } else if (prod instanceof NonTerminal) {
        return prod.nonTerminalName;
      } else {
        return "";
      }
    }
    const topLevelName = topLevelRule.name;
    const duplicateProd = head_default(duplicateProds);
    const index = duplicateProd.idx;
    const dslName = getProductionDslName(duplicateProd);
    const extraArgument = getExtraProductionArgument2(duplicateProd);
    const hasExplicitIndex = index > 0;
    let msg = `->${dslName}${hasExplicitIndex ? index : ""}<- ${extraArgument ? `with argument: ->${extraArgument}<-` : ""}
                  appears more than once (${duplicateProds.length} times) in the top level rule: ->${topLevelName}<-.                  
                  For further details see: https://chevrotain.io/docs/FAQ.html#NUMERICAL_SUFFIXES 
                  `;
    msg = msg.replace(/[ \t]+/g, " ");
    msg = msg.replace(/\s\s+/g, "\n");
    return msg;
  },
  buildNamespaceConflictError(rule) {
    const errMsg = `Namespace conflict found in grammar.
The grammar has both a Terminal(Token) and a Non-Terminal(Rule) named: <${rule.name}>.
To resolve this make sure each Terminal and Non-Terminal names are unique
This is easy to accomplish by using the convention that Terminal names start with an uppercase letter
and Non-Terminal names start with a lower case letter.`;
    return errMsg;
  },
  buildAlternationPrefixAmbiguityError(options) {
    const pathMsg = map_default(options.prefixPath, (currTok) => tokenLabel2(currTok)).join(", ");
    const occurrence = options.alternation.idx === 0 ? "" : options.alternation.idx;
    const errMsg = `Ambiguous alternatives: <${options.ambiguityIndices.join(" ,")}> due to common lookahead prefix
in <OR${occurrence}> inside <${options.topLevelRule.name}> Rule,
<${pathMsg}> may appears as a prefix path in all these alternatives.
See: https://chevrotain.io/docs/guide/resolving_grammar_errors.html#COMMON_PREFIX
For Further details.`;
    return errMsg;
  },
  buildAlternationAmbiguityError(options) {
    const occurrence = options.alternation.idx === 0 ? "" : options.alternation.idx;
    const isEmptyPath = options.prefixPath.length === 0;
    let currMessage = `Ambiguous Alternatives Detected: <${options.ambiguityIndices.join(" ,")}> in <OR${occurrence}> inside <${options.topLevelRule.name}> Rule,
`;
    if (isEmptyPath) {
      currMessage += `These alternatives are all empty (match no tokens), making them indistinguishable.
Only the last alternative may be empty.
`;
    } else {
      const pathMsg = map_default(options.prefixPath, (currtok) => tokenLabel2(currtok)).join(", ");
      currMessage += `<${pathMsg}> may appears as a prefix path in all these alternatives.
`;
    }
    currMessage += `See: https://chevrotain.io/docs/guide/resolving_grammar_errors.html#AMBIGUOUS_ALTERNATIVES
For Further details.`;
    return currMessage;
  },
  buildEmptyRepetitionError(options) {
    let dslName = getProductionDslName(options.repetition);
    if (options.repetition.idx !== 0) {
      dslName += options.repetition.idx;
    }
    const errMsg = `The repetition <${dslName}> within Rule <${options.topLevelRule.name}> can never consume any tokens.
This could lead to an infinite loop.`;
    return errMsg;
  },
  // TODO: remove - `errors_public` from nyc.config.js exclude
  //       once this method is fully removed from this file
  buildTokenNameError(options) {
    return "deprecated";
  },
  buildEmptyAlternationError(options) {
    const errMsg = `Ambiguous empty alternative: <${options.emptyChoiceIdx + 1}> in <OR${options.alternation.idx}> inside <${options.topLevelRule.name}> Rule.
Only the last alternative may be an empty alternative.`;
    return errMsg;
  },
  buildTooManyAlternativesError(options) {
    const errMsg = `An Alternation cannot have more than 256 alternatives:
<OR${options.alternation.idx}> inside <${options.topLevelRule.name}> Rule.
 has ${options.alternation.definition.length + 1} alternatives.`;
    return errMsg;
  },
  buildLeftRecursionError(options) {
    const ruleName = options.topLevelRule.name;
    const pathNames = map_default(options.leftRecursionPath, (currRule) => currRule.name);
    const leftRecursivePath = `${ruleName} --> ${pathNames.concat([ruleName]).join(" --> ")}`;
    const errMsg = `Left Recursion found in grammar.
rule: <${ruleName}> can be invoked from itself (directly or indirectly)
without consuming any Tokens. The grammar path that causes this is: 
 ${leftRecursivePath}
 To fix this refactor your grammar to remove the left recursion.
see: https://en.wikipedia.org/wiki/LL_parser#Left_factoring.`;
    return errMsg;
  },
  // TODO: remove - `errors_public` from nyc.config.js exclude
  //       once this method is fully removed from this file
  buildInvalidRuleNameError(options) {
    return "deprecated";
  },
  buildDuplicateRuleNameError(options) {
    let ruleName;
    if (options.topLevelRule instanceof Rule) {
      ruleName = options.topLevelRule.name;
    } else {
      ruleName = options.topLevelRule;
    }
    const errMsg = `Duplicate definition, rule: ->${ruleName}<- is already defined in the grammar: ->${options.grammarName}<-`;
    return errMsg;
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/resolver.js
function resolveGrammar(topLevels, errMsgProvider) {
  const refResolver = new GastRefResolverVisitor(topLevels, errMsgProvider);
  refResolver.resolveRefs();
  return refResolver.errors;
}
var GastRefResolverVisitor = class extends GAstVisitor {
  constructor(nameToTopRule, errMsgProvider) {
    super();
    this.nameToTopRule = nameToTopRule;
    this.errMsgProvider = errMsgProvider;
    this.errors = [];
  }
  resolveRefs() {
    forEach_default(values_default(this.nameToTopRule), (prod) => {
      this.currTopLevel = prod;
      prod.accept(this);
    });
  }
  visitNonTerminal(node) {
    const ref = this.nameToTopRule[node.nonTerminalName];
    if (!ref) {
      const msg = this.errMsgProvider.buildRuleNotFoundError(this.currTopLevel, node);
      this.errors.push({
        message: msg,
        type: ParserDefinitionErrorType.UNRESOLVED_SUBRULE_REF,
        ruleName: this.currTopLevel.name,
        unresolvedRefName: node.nonTerminalName
      });
    } else {
      node.referencedRule = ref;
    }
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/interpreter.js
var AbstractNextPossibleTokensWalker = class extends RestWalker {
  constructor(topProd, path) {
    super();
    this.topProd = topProd;
    this.path = path;
    this.possibleTokTypes = [];
    this.nextProductionName = "";
    this.nextProductionOccurrence = 0;
    this.found = false;
    this.isAtEndOfPath = false;
  }
  startWalking() {
    this.found = false;
    if (this.path.ruleStack[0] !== this.topProd.name) {
      throw Error("The path does not start with the walker's top Rule!");
    }
    this.ruleStack = clone_default(this.path.ruleStack).reverse();
    this.occurrenceStack = clone_default(this.path.occurrenceStack).reverse();
    this.ruleStack.pop();
    this.occurrenceStack.pop();
    this.updateExpectedNext();
    this.walk(this.topProd);
    return this.possibleTokTypes;
  }
  walk(prod, prevRest = []) {
    if (!this.found) {
      super.walk(prod, prevRest);
    }
  }
  walkProdRef(refProd, currRest, prevRest) {
    if (refProd.referencedRule.name === this.nextProductionName && refProd.idx === this.nextProductionOccurrence) {
      const fullRest = currRest.concat(prevRest);
      this.updateExpectedNext();
      this.walk(refProd.referencedRule, fullRest);
    }
  }
  updateExpectedNext() {
    if (isEmpty_default(this.ruleStack)) {
      this.nextProductionName = "";
      this.nextProductionOccurrence = 0;
      this.isAtEndOfPath = true;
    } else {
      this.nextProductionName = this.ruleStack.pop();
      this.nextProductionOccurrence = this.occurrenceStack.pop();
    }
  }
};
var NextAfterTokenWalker = class extends AbstractNextPossibleTokensWalker {
  constructor(topProd, path) {
    super(topProd, path);
    this.path = path;
    this.nextTerminalName = "";
    this.nextTerminalOccurrence = 0;
    this.nextTerminalName = this.path.lastTok.name;
    this.nextTerminalOccurrence = this.path.lastTokOccurrence;
  }
  walkTerminal(terminal, currRest, prevRest) {
    if (this.isAtEndOfPath && terminal.terminalType.name === this.nextTerminalName && terminal.idx === this.nextTerminalOccurrence && !this.found) {
      const fullRest = currRest.concat(prevRest);
      const restProd = new Alternative({ definition: fullRest });
      this.possibleTokTypes = first(restProd);
      this.found = true;
    }
  }
};
var AbstractNextTerminalAfterProductionWalker = class extends RestWalker {
  constructor(topRule, occurrence) {
    super();
    this.topRule = topRule;
    this.occurrence = occurrence;
    this.result = {
      token: void 0,
      occurrence: void 0,
      isEndOfRule: void 0
    };
  }
  startWalking() {
    this.walk(this.topRule);
    return this.result;
  }
};
var NextTerminalAfterManyWalker = class extends AbstractNextTerminalAfterProductionWalker {
  walkMany(manyProd, currRest, prevRest) {
    if (manyProd.idx === this.occurrence) {
      const firstAfterMany = head_default(currRest.concat(prevRest));
      this.result.isEndOfRule = firstAfterMany === void 0;
      if (firstAfterMany instanceof Terminal) {
        this.result.token = firstAfterMany.terminalType;
        this.result.occurrence = firstAfterMany.idx;
      }
    } else {
      super.walkMany(manyProd, currRest, prevRest);
    }
  }
};
var NextTerminalAfterManySepWalker = class extends AbstractNextTerminalAfterProductionWalker {
  walkManySep(manySepProd, currRest, prevRest) {
    if (manySepProd.idx === this.occurrence) {
      const firstAfterManySep = head_default(currRest.concat(prevRest));
      this.result.isEndOfRule = firstAfterManySep === void 0;
      if (firstAfterManySep instanceof Terminal) {
        this.result.token = firstAfterManySep.terminalType;
        this.result.occurrence = firstAfterManySep.idx;
      }
    } else {
      super.walkManySep(manySepProd, currRest, prevRest);
    }
  }
};
var NextTerminalAfterAtLeastOneWalker = class extends AbstractNextTerminalAfterProductionWalker {
  walkAtLeastOne(atLeastOneProd, currRest, prevRest) {
    if (atLeastOneProd.idx === this.occurrence) {
      const firstAfterAtLeastOne = head_default(currRest.concat(prevRest));
      this.result.isEndOfRule = firstAfterAtLeastOne === void 0;
      if (firstAfterAtLeastOne instanceof Terminal) {
        this.result.token = firstAfterAtLeastOne.terminalType;
        this.result.occurrence = firstAfterAtLeastOne.idx;
      }
    } else {
      super.walkAtLeastOne(atLeastOneProd, currRest, prevRest);
    }
  }
};
var NextTerminalAfterAtLeastOneSepWalker = class extends AbstractNextTerminalAfterProductionWalker {
  walkAtLeastOneSep(atleastOneSepProd, currRest, prevRest) {
    if (atleastOneSepProd.idx === this.occurrence) {
      const firstAfterfirstAfterAtLeastOneSep = head_default(currRest.concat(prevRest));
      this.result.isEndOfRule = firstAfterfirstAfterAtLeastOneSep === void 0;
      if (firstAfterfirstAfterAtLeastOneSep instanceof Terminal) {
        this.result.token = firstAfterfirstAfterAtLeastOneSep.terminalType;
        this.result.occurrence = firstAfterfirstAfterAtLeastOneSep.idx;
      }
    } else {
      super.walkAtLeastOneSep(atleastOneSepProd, currRest, prevRest);
    }
  }
};
function possiblePathsFrom(targetDef, maxLength, currPath = []) {
  currPath = clone_default(currPath);
  let result = [];
  let i = 0;
  function remainingPathWith(nextDef) {
    return nextDef.concat(drop_default(targetDef, i + 1));
  }
  function getAlternativesForProd(definition) {
    const alternatives = possiblePathsFrom(remainingPathWith(definition), maxLength, currPath);
    return result.concat(alternatives);
  }
  while (currPath.length < maxLength && i < targetDef.length) {
    const prod = targetDef[i];
    if (prod instanceof Alternative) {
      return getAlternativesForProd(prod.definition);
    } else if (prod instanceof NonTerminal) {
      return getAlternativesForProd(prod.definition);
    } else if (prod instanceof Option) {
      result = getAlternativesForProd(prod.definition);
    } else if (prod instanceof RepetitionMandatory) {
      const newDef = prod.definition.concat([
        new Repetition({
          definition: prod.definition
        })
      ]);
      return getAlternativesForProd(newDef);
    } else if (prod instanceof RepetitionMandatoryWithSeparator) {
      const newDef = [
        new Alternative({ definition: prod.definition }),
        new Repetition({
          definition: [new Terminal({ terminalType: prod.separator })].concat(prod.definition)
        })
      ];
      return getAlternativesForProd(newDef);
    } else if (prod instanceof RepetitionWithSeparator) {
      const newDef = prod.definition.concat([
        new Repetition({
          definition: [new Terminal({ terminalType: prod.separator })].concat(prod.definition)
        })
      ]);
      result = getAlternativesForProd(newDef);
    } else if (prod instanceof Repetition) {
      const newDef = prod.definition.concat([
        new Repetition({
          definition: prod.definition
        })
      ]);
      result = getAlternativesForProd(newDef);
    } else if (prod instanceof Alternation) {
      forEach_default(prod.definition, (currAlt) => {
        if (isEmpty_default(currAlt.definition) === false) {
          result = getAlternativesForProd(currAlt.definition);
        }
      });
      return result;
    } else if (prod instanceof Terminal) {
      currPath.push(prod.terminalType);
    } else {
      throw Error("non exhaustive match");
    }
    i++;
  }
  result.push({
    partialPath: currPath,
    suffixDef: drop_default(targetDef, i)
  });
  return result;
}
function nextPossibleTokensAfter(initialDef, tokenVector, tokMatcher, maxLookAhead) {
  const EXIT_NON_TERMINAL = "EXIT_NONE_TERMINAL";
  const EXIT_NON_TERMINAL_ARR = [EXIT_NON_TERMINAL];
  const EXIT_ALTERNATIVE = "EXIT_ALTERNATIVE";
  let foundCompletePath = false;
  const tokenVectorLength = tokenVector.length;
  const minimalAlternativesIndex = tokenVectorLength - maxLookAhead - 1;
  const result = [];
  const possiblePaths = [];
  possiblePaths.push({
    idx: -1,
    def: initialDef,
    ruleStack: [],
    occurrenceStack: []
  });
  while (!isEmpty_default(possiblePaths)) {
    const currPath = possiblePaths.pop();
    if (currPath === EXIT_ALTERNATIVE) {
      if (foundCompletePath && last_default(possiblePaths).idx <= minimalAlternativesIndex) {
        possiblePaths.pop();
      }
      continue;
    }
    const currDef = currPath.def;
    const currIdx = currPath.idx;
    const currRuleStack = currPath.ruleStack;
    const currOccurrenceStack = currPath.occurrenceStack;
    if (isEmpty_default(currDef)) {
      continue;
    }
    const prod = currDef[0];
    if (prod === EXIT_NON_TERMINAL) {
      const nextPath = {
        idx: currIdx,
        def: drop_default(currDef),
        ruleStack: dropRight_default(currRuleStack),
        occurrenceStack: dropRight_default(currOccurrenceStack)
      };
      possiblePaths.push(nextPath);
    } else if (prod instanceof Terminal) {
      if (currIdx < tokenVectorLength - 1) {
        const nextIdx = currIdx + 1;
        const actualToken = tokenVector[nextIdx];
        if (tokMatcher(actualToken, prod.terminalType)) {
          const nextPath = {
            idx: nextIdx,
            def: drop_default(currDef),
            ruleStack: currRuleStack,
            occurrenceStack: currOccurrenceStack
          };
          possiblePaths.push(nextPath);
        }
      } else if (currIdx === tokenVectorLength - 1) {
        result.push({
          nextTokenType: prod.terminalType,
          nextTokenOccurrence: prod.idx,
          ruleStack: currRuleStack,
          occurrenceStack: currOccurrenceStack
        });
        foundCompletePath = true;
      } else {
        throw Error("non exhaustive match");
      }
    } else if (prod instanceof NonTerminal) {
      const newRuleStack = clone_default(currRuleStack);
      newRuleStack.push(prod.nonTerminalName);
      const newOccurrenceStack = clone_default(currOccurrenceStack);
      newOccurrenceStack.push(prod.idx);
      const nextPath = {
        idx: currIdx,
        def: prod.definition.concat(EXIT_NON_TERMINAL_ARR, drop_default(currDef)),
        ruleStack: newRuleStack,
        occurrenceStack: newOccurrenceStack
      };
      possiblePaths.push(nextPath);
    } else if (prod instanceof Option) {
      const nextPathWithout = {
        idx: currIdx,
        def: drop_default(currDef),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWithout);
      possiblePaths.push(EXIT_ALTERNATIVE);
      const nextPathWith = {
        idx: currIdx,
        def: prod.definition.concat(drop_default(currDef)),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWith);
    } else if (prod instanceof RepetitionMandatory) {
      const secondIteration = new Repetition({
        definition: prod.definition,
        idx: prod.idx
      });
      const nextDef = prod.definition.concat([secondIteration], drop_default(currDef));
      const nextPath = {
        idx: currIdx,
        def: nextDef,
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPath);
    } else if (prod instanceof RepetitionMandatoryWithSeparator) {
      const separatorGast = new Terminal({
        terminalType: prod.separator
      });
      const secondIteration = new Repetition({
        definition: [separatorGast].concat(prod.definition),
        idx: prod.idx
      });
      const nextDef = prod.definition.concat([secondIteration], drop_default(currDef));
      const nextPath = {
        idx: currIdx,
        def: nextDef,
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPath);
    } else if (prod instanceof RepetitionWithSeparator) {
      const nextPathWithout = {
        idx: currIdx,
        def: drop_default(currDef),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWithout);
      possiblePaths.push(EXIT_ALTERNATIVE);
      const separatorGast = new Terminal({
        terminalType: prod.separator
      });
      const nthRepetition = new Repetition({
        definition: [separatorGast].concat(prod.definition),
        idx: prod.idx
      });
      const nextDef = prod.definition.concat([nthRepetition], drop_default(currDef));
      const nextPathWith = {
        idx: currIdx,
        def: nextDef,
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWith);
    } else if (prod instanceof Repetition) {
      const nextPathWithout = {
        idx: currIdx,
        def: drop_default(currDef),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWithout);
      possiblePaths.push(EXIT_ALTERNATIVE);
      const nthRepetition = new Repetition({
        definition: prod.definition,
        idx: prod.idx
      });
      const nextDef = prod.definition.concat([nthRepetition], drop_default(currDef));
      const nextPathWith = {
        idx: currIdx,
        def: nextDef,
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      };
      possiblePaths.push(nextPathWith);
    } else if (prod instanceof Alternation) {
      for (let i = prod.definition.length - 1; i >= 0; i--) {
        const currAlt = prod.definition[i];
        const currAltPath = {
          idx: currIdx,
          def: currAlt.definition.concat(drop_default(currDef)),
          ruleStack: currRuleStack,
          occurrenceStack: currOccurrenceStack
        };
        possiblePaths.push(currAltPath);
        possiblePaths.push(EXIT_ALTERNATIVE);
      }
    } else if (prod instanceof Alternative) {
      possiblePaths.push({
        idx: currIdx,
        def: prod.definition.concat(drop_default(currDef)),
        ruleStack: currRuleStack,
        occurrenceStack: currOccurrenceStack
      });
    } else if (prod instanceof Rule) {
      possiblePaths.push(expandTopLevelRule(prod, currIdx, currRuleStack, currOccurrenceStack));
    } else {
      throw Error("non exhaustive match");
    }
  }
  return result;
}
function expandTopLevelRule(topRule, currIdx, currRuleStack, currOccurrenceStack) {
  const newRuleStack = clone_default(currRuleStack);
  newRuleStack.push(topRule.name);
  const newCurrOccurrenceStack = clone_default(currOccurrenceStack);
  newCurrOccurrenceStack.push(1);
  return {
    idx: currIdx,
    def: topRule.definition,
    ruleStack: newRuleStack,
    occurrenceStack: newCurrOccurrenceStack
  };
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/lookahead.js
var PROD_TYPE;
(function(PROD_TYPE2) {
  PROD_TYPE2[PROD_TYPE2["OPTION"] = 0] = "OPTION";
  PROD_TYPE2[PROD_TYPE2["REPETITION"] = 1] = "REPETITION";
  PROD_TYPE2[PROD_TYPE2["REPETITION_MANDATORY"] = 2] = "REPETITION_MANDATORY";
  PROD_TYPE2[PROD_TYPE2["REPETITION_MANDATORY_WITH_SEPARATOR"] = 3] = "REPETITION_MANDATORY_WITH_SEPARATOR";
  PROD_TYPE2[PROD_TYPE2["REPETITION_WITH_SEPARATOR"] = 4] = "REPETITION_WITH_SEPARATOR";
  PROD_TYPE2[PROD_TYPE2["ALTERNATION"] = 5] = "ALTERNATION";
})(PROD_TYPE || (PROD_TYPE = {}));
function getProdType(prod) {
  if (prod instanceof Option || prod === "Option") {
    return PROD_TYPE.OPTION;
  } else if (prod instanceof Repetition || prod === "Repetition") {
    return PROD_TYPE.REPETITION;
  } else if (prod instanceof RepetitionMandatory || prod === "RepetitionMandatory") {
    return PROD_TYPE.REPETITION_MANDATORY;
  } else if (prod instanceof RepetitionMandatoryWithSeparator || prod === "RepetitionMandatoryWithSeparator") {
    return PROD_TYPE.REPETITION_MANDATORY_WITH_SEPARATOR;
  } else if (prod instanceof RepetitionWithSeparator || prod === "RepetitionWithSeparator") {
    return PROD_TYPE.REPETITION_WITH_SEPARATOR;
  } else if (prod instanceof Alternation || prod === "Alternation") {
    return PROD_TYPE.ALTERNATION;
  } else {
    throw Error("non exhaustive match");
  }
}
function buildLookaheadFuncForOr(occurrence, ruleGrammar, maxLookahead, hasPredicates, dynamicTokensEnabled, laFuncBuilder) {
  const lookAheadPaths = getLookaheadPathsForOr(occurrence, ruleGrammar, maxLookahead);
  const tokenMatcher2 = areTokenCategoriesNotUsed(lookAheadPaths) ? tokenStructuredMatcherNoCategories : tokenStructuredMatcher;
  return laFuncBuilder(lookAheadPaths, hasPredicates, tokenMatcher2, dynamicTokensEnabled);
}
function buildLookaheadFuncForOptionalProd(occurrence, ruleGrammar, k, dynamicTokensEnabled, prodType, lookaheadBuilder) {
  const lookAheadPaths = getLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, k);
  const tokenMatcher2 = areTokenCategoriesNotUsed(lookAheadPaths) ? tokenStructuredMatcherNoCategories : tokenStructuredMatcher;
  return lookaheadBuilder(lookAheadPaths[0], tokenMatcher2, dynamicTokensEnabled);
}
function buildAlternativesLookAheadFunc(alts, hasPredicates, tokenMatcher2, dynamicTokensEnabled) {
  const numOfAlts = alts.length;
  const areAllOneTokenLookahead = every_default(alts, (currAlt) => {
    return every_default(currAlt, (currPath) => {
      return currPath.length === 1;
    });
  });
  if (hasPredicates) {
    return function(orAlts) {
      const predicates = map_default(orAlts, (currAlt) => currAlt.GATE);
      for (let t = 0; t < numOfAlts; t++) {
        const currAlt = alts[t];
        const currNumOfPaths = currAlt.length;
        const currPredicate = predicates[t];
        if (currPredicate !== void 0 && currPredicate.call(this) === false) {
          continue;
        }
        nextPath: for (let j = 0; j < currNumOfPaths; j++) {
          const currPath = currAlt[j];
          const currPathLength = currPath.length;
          for (let i = 0; i < currPathLength; i++) {
            const nextToken = this.LA_FAST(i + 1);
            if (tokenMatcher2(nextToken, currPath[i]) === false) {
              continue nextPath;
            }
          }
          return t;
        }
      }
      return void 0;
    };
  } else if (areAllOneTokenLookahead && !dynamicTokensEnabled) {
    const singleTokenAlts = map_default(alts, (currAlt) => {
      return flatten_default(currAlt);
    });
    const choiceToAlt = reduce_default(singleTokenAlts, (result, currAlt, idx) => {
      forEach_default(currAlt, (currTokType) => {
        if (!has_default(result, currTokType.tokenTypeIdx)) {
          result[currTokType.tokenTypeIdx] = idx;
        }
        forEach_default(currTokType.categoryMatches, (currExtendingType) => {
          if (!has_default(result, currExtendingType)) {
            result[currExtendingType] = idx;
          }
        });
      });
      return result;
    }, {});
    return function() {
      const nextToken = this.LA_FAST(1);
      return choiceToAlt[nextToken.tokenTypeIdx];
    };
  } else {
    return function() {
      for (let t = 0; t < numOfAlts; t++) {
        const currAlt = alts[t];
        const currNumOfPaths = currAlt.length;
        nextPath: for (let j = 0; j < currNumOfPaths; j++) {
          const currPath = currAlt[j];
          const currPathLength = currPath.length;
          for (let i = 0; i < currPathLength; i++) {
            const nextToken = this.LA_FAST(i + 1);
            if (tokenMatcher2(nextToken, currPath[i]) === false) {
              continue nextPath;
            }
          }
          return t;
        }
      }
      return void 0;
    };
  }
}
function buildSingleAlternativeLookaheadFunction(alt, tokenMatcher2, dynamicTokensEnabled) {
  const areAllOneTokenLookahead = every_default(alt, (currPath) => {
    return currPath.length === 1;
  });
  const numOfPaths = alt.length;
  if (areAllOneTokenLookahead && !dynamicTokensEnabled) {
    const singleTokensTypes = flatten_default(alt);
    if (singleTokensTypes.length === 1 && isEmpty_default(singleTokensTypes[0].categoryMatches)) {
      const expectedTokenType = singleTokensTypes[0];
      const expectedTokenUniqueKey = expectedTokenType.tokenTypeIdx;
      return function() {
        return this.LA_FAST(1).tokenTypeIdx === expectedTokenUniqueKey;
      };
    } else {
      const choiceToAlt = reduce_default(singleTokensTypes, (result, currTokType, idx) => {
        result[currTokType.tokenTypeIdx] = true;
        forEach_default(currTokType.categoryMatches, (currExtendingType) => {
          result[currExtendingType] = true;
        });
        return result;
      }, []);
      return function() {
        const nextToken = this.LA_FAST(1);
        return choiceToAlt[nextToken.tokenTypeIdx] === true;
      };
    }
  } else {
    return function() {
      nextPath: for (let j = 0; j < numOfPaths; j++) {
        const currPath = alt[j];
        const currPathLength = currPath.length;
        for (let i = 0; i < currPathLength; i++) {
          const nextToken = this.LA_FAST(i + 1);
          if (tokenMatcher2(nextToken, currPath[i]) === false) {
            continue nextPath;
          }
        }
        return true;
      }
      return false;
    };
  }
}
var RestDefinitionFinderWalker = class extends RestWalker {
  constructor(topProd, targetOccurrence, targetProdType) {
    super();
    this.topProd = topProd;
    this.targetOccurrence = targetOccurrence;
    this.targetProdType = targetProdType;
  }
  startWalking() {
    this.walk(this.topProd);
    return this.restDef;
  }
  checkIsTarget(node, expectedProdType, currRest, prevRest) {
    if (node.idx === this.targetOccurrence && this.targetProdType === expectedProdType) {
      this.restDef = currRest.concat(prevRest);
      return true;
    }
    return false;
  }
  walkOption(optionProd, currRest, prevRest) {
    if (!this.checkIsTarget(optionProd, PROD_TYPE.OPTION, currRest, prevRest)) {
      super.walkOption(optionProd, currRest, prevRest);
    }
  }
  walkAtLeastOne(atLeastOneProd, currRest, prevRest) {
    if (!this.checkIsTarget(atLeastOneProd, PROD_TYPE.REPETITION_MANDATORY, currRest, prevRest)) {
      super.walkOption(atLeastOneProd, currRest, prevRest);
    }
  }
  walkAtLeastOneSep(atLeastOneSepProd, currRest, prevRest) {
    if (!this.checkIsTarget(atLeastOneSepProd, PROD_TYPE.REPETITION_MANDATORY_WITH_SEPARATOR, currRest, prevRest)) {
      super.walkOption(atLeastOneSepProd, currRest, prevRest);
    }
  }
  walkMany(manyProd, currRest, prevRest) {
    if (!this.checkIsTarget(manyProd, PROD_TYPE.REPETITION, currRest, prevRest)) {
      super.walkOption(manyProd, currRest, prevRest);
    }
  }
  walkManySep(manySepProd, currRest, prevRest) {
    if (!this.checkIsTarget(manySepProd, PROD_TYPE.REPETITION_WITH_SEPARATOR, currRest, prevRest)) {
      super.walkOption(manySepProd, currRest, prevRest);
    }
  }
};
var InsideDefinitionFinderVisitor = class extends GAstVisitor {
  constructor(targetOccurrence, targetProdType, targetRef) {
    super();
    this.targetOccurrence = targetOccurrence;
    this.targetProdType = targetProdType;
    this.targetRef = targetRef;
    this.result = [];
  }
  checkIsTarget(node, expectedProdName) {
    if (node.idx === this.targetOccurrence && this.targetProdType === expectedProdName && (this.targetRef === void 0 || node === this.targetRef)) {
      this.result = node.definition;
    }
  }
  visitOption(node) {
    this.checkIsTarget(node, PROD_TYPE.OPTION);
  }
  visitRepetition(node) {
    this.checkIsTarget(node, PROD_TYPE.REPETITION);
  }
  visitRepetitionMandatory(node) {
    this.checkIsTarget(node, PROD_TYPE.REPETITION_MANDATORY);
  }
  visitRepetitionMandatoryWithSeparator(node) {
    this.checkIsTarget(node, PROD_TYPE.REPETITION_MANDATORY_WITH_SEPARATOR);
  }
  visitRepetitionWithSeparator(node) {
    this.checkIsTarget(node, PROD_TYPE.REPETITION_WITH_SEPARATOR);
  }
  visitAlternation(node) {
    this.checkIsTarget(node, PROD_TYPE.ALTERNATION);
  }
};
function initializeArrayOfArrays(size) {
  const result = new Array(size);
  for (let i = 0; i < size; i++) {
    result[i] = [];
  }
  return result;
}
function pathToHashKeys(path) {
  let keys2 = [""];
  for (let i = 0; i < path.length; i++) {
    const tokType = path[i];
    const longerKeys = [];
    for (let j = 0; j < keys2.length; j++) {
      const currShorterKey = keys2[j];
      longerKeys.push(currShorterKey + "_" + tokType.tokenTypeIdx);
      for (let t = 0; t < tokType.categoryMatches.length; t++) {
        const categoriesKeySuffix = "_" + tokType.categoryMatches[t];
        longerKeys.push(currShorterKey + categoriesKeySuffix);
      }
    }
    keys2 = longerKeys;
  }
  return keys2;
}
function isUniquePrefixHash(altKnownPathsKeys, searchPathKeys, idx) {
  for (let currAltIdx = 0; currAltIdx < altKnownPathsKeys.length; currAltIdx++) {
    if (currAltIdx === idx) {
      continue;
    }
    const otherAltKnownPathsKeys = altKnownPathsKeys[currAltIdx];
    for (let searchIdx = 0; searchIdx < searchPathKeys.length; searchIdx++) {
      const searchKey = searchPathKeys[searchIdx];
      if (otherAltKnownPathsKeys[searchKey] === true) {
        return false;
      }
    }
  }
  return true;
}
function lookAheadSequenceFromAlternatives(altsDefs, k) {
  const partialAlts = map_default(altsDefs, (currAlt) => possiblePathsFrom([currAlt], 1));
  const finalResult = initializeArrayOfArrays(partialAlts.length);
  const altsHashes = map_default(partialAlts, (currAltPaths) => {
    const dict = {};
    forEach_default(currAltPaths, (item) => {
      const keys2 = pathToHashKeys(item.partialPath);
      forEach_default(keys2, (currKey) => {
        dict[currKey] = true;
      });
    });
    return dict;
  });
  let newData = partialAlts;
  for (let pathLength = 1; pathLength <= k; pathLength++) {
    const currDataset = newData;
    newData = initializeArrayOfArrays(currDataset.length);
    for (let altIdx = 0; altIdx < currDataset.length; altIdx++) {
      const currAltPathsAndSuffixes = currDataset[altIdx];
      for (let currPathIdx = 0; currPathIdx < currAltPathsAndSuffixes.length; currPathIdx++) {
        const currPathPrefix = currAltPathsAndSuffixes[currPathIdx].partialPath;
        const suffixDef = currAltPathsAndSuffixes[currPathIdx].suffixDef;
        const prefixKeys = pathToHashKeys(currPathPrefix);
        const isUnique = isUniquePrefixHash(altsHashes, prefixKeys, altIdx);
        if (isUnique || isEmpty_default(suffixDef) || currPathPrefix.length === k) {
          const currAltResult = finalResult[altIdx];
          if (containsPath(currAltResult, currPathPrefix) === false) {
            currAltResult.push(currPathPrefix);
            for (let j = 0; j < prefixKeys.length; j++) {
              const currKey = prefixKeys[j];
              altsHashes[altIdx][currKey] = true;
            }
          }
        } else {
          const newPartialPathsAndSuffixes = possiblePathsFrom(suffixDef, pathLength + 1, currPathPrefix);
          newData[altIdx] = newData[altIdx].concat(newPartialPathsAndSuffixes);
          forEach_default(newPartialPathsAndSuffixes, (item) => {
            const prefixKeys2 = pathToHashKeys(item.partialPath);
            forEach_default(prefixKeys2, (key) => {
              altsHashes[altIdx][key] = true;
            });
          });
        }
      }
    }
  }
  return finalResult;
}
function getLookaheadPathsForOr(occurrence, ruleGrammar, k, orProd) {
  const visitor = new InsideDefinitionFinderVisitor(occurrence, PROD_TYPE.ALTERNATION, orProd);
  ruleGrammar.accept(visitor);
  return lookAheadSequenceFromAlternatives(visitor.result, k);
}
function getLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, k) {
  const insideDefVisitor = new InsideDefinitionFinderVisitor(occurrence, prodType);
  ruleGrammar.accept(insideDefVisitor);
  const insideDef = insideDefVisitor.result;
  const afterDefWalker = new RestDefinitionFinderWalker(ruleGrammar, occurrence, prodType);
  const afterDef = afterDefWalker.startWalking();
  const insideFlat = new Alternative({ definition: insideDef });
  const afterFlat = new Alternative({ definition: afterDef });
  return lookAheadSequenceFromAlternatives([insideFlat, afterFlat], k);
}
function containsPath(alternative, searchPath) {
  compareOtherPath: for (let i = 0; i < alternative.length; i++) {
    const otherPath = alternative[i];
    if (otherPath.length !== searchPath.length) {
      continue;
    }
    for (let j = 0; j < otherPath.length; j++) {
      const searchTok = searchPath[j];
      const otherTok = otherPath[j];
      const matchingTokens = searchTok === otherTok || otherTok.categoryMatchesMap[searchTok.tokenTypeIdx] !== void 0;
      if (matchingTokens === false) {
        continue compareOtherPath;
      }
    }
    return true;
  }
  return false;
}
function isStrictPrefixOfPath(prefix, other) {
  return prefix.length < other.length && every_default(prefix, (tokType, idx) => {
    const otherTokType = other[idx];
    return tokType === otherTokType || otherTokType.categoryMatchesMap[tokType.tokenTypeIdx];
  });
}
function areTokenCategoriesNotUsed(lookAheadPaths) {
  return every_default(lookAheadPaths, (singleAltPaths) => every_default(singleAltPaths, (singlePath) => every_default(singlePath, (token2) => isEmpty_default(token2.categoryMatches))));
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/checks.js
function validateLookahead(options) {
  const lookaheadValidationErrorMessages = options.lookaheadStrategy.validate({
    rules: options.rules,
    tokenTypes: options.tokenTypes,
    grammarName: options.grammarName
  });
  return map_default(lookaheadValidationErrorMessages, (errorMessage) => Object.assign({ type: ParserDefinitionErrorType.CUSTOM_LOOKAHEAD_VALIDATION }, errorMessage));
}
function validateGrammar(topLevels, tokenTypes, errMsgProvider, grammarName) {
  const duplicateErrors = flatMap_default(topLevels, (currTopLevel) => validateDuplicateProductions(currTopLevel, errMsgProvider));
  const termsNamespaceConflictErrors = checkTerminalAndNoneTerminalsNameSpace(topLevels, tokenTypes, errMsgProvider);
  const tooManyAltsErrors = flatMap_default(topLevels, (curRule) => validateTooManyAlts(curRule, errMsgProvider));
  const duplicateRulesError = flatMap_default(topLevels, (curRule) => validateRuleDoesNotAlreadyExist(curRule, topLevels, grammarName, errMsgProvider));
  return duplicateErrors.concat(termsNamespaceConflictErrors, tooManyAltsErrors, duplicateRulesError);
}
function validateDuplicateProductions(topLevelRule, errMsgProvider) {
  const collectorVisitor2 = new OccurrenceValidationCollector();
  topLevelRule.accept(collectorVisitor2);
  const allRuleProductions = collectorVisitor2.allProductions;
  const productionGroups = groupBy_default(allRuleProductions, identifyProductionForDuplicates);
  const duplicates = pickBy_default(productionGroups, (currGroup) => {
    return currGroup.length > 1;
  });
  const errors = map_default(values_default(duplicates), (currDuplicates) => {
    const firstProd = head_default(currDuplicates);
    const msg = errMsgProvider.buildDuplicateFoundError(topLevelRule, currDuplicates);
    const dslName = getProductionDslName(firstProd);
    const defError = {
      message: msg,
      type: ParserDefinitionErrorType.DUPLICATE_PRODUCTIONS,
      ruleName: topLevelRule.name,
      dslName,
      occurrence: firstProd.idx
    };
    const param = getExtraProductionArgument(firstProd);
    if (param) {
      defError.parameter = param;
    }
    return defError;
  });
  return errors;
}
function identifyProductionForDuplicates(prod) {
  return `${getProductionDslName(prod)}_#_${prod.idx}_#_${getExtraProductionArgument(prod)}`;
}
function getExtraProductionArgument(prod) {
  if (prod instanceof Terminal) {
    return prod.terminalType.name;
  } else if (prod instanceof NonTerminal) {
    return prod.nonTerminalName;
  } else {
    return "";
  }
}
var OccurrenceValidationCollector = class extends GAstVisitor {
  constructor() {
    super(...arguments);
    this.allProductions = [];
  }
  visitNonTerminal(subrule) {
    this.allProductions.push(subrule);
  }
  visitOption(option) {
    this.allProductions.push(option);
  }
  visitRepetitionWithSeparator(manySep) {
    this.allProductions.push(manySep);
  }
  visitRepetitionMandatory(atLeastOne) {
    this.allProductions.push(atLeastOne);
  }
  visitRepetitionMandatoryWithSeparator(atLeastOneSep) {
    this.allProductions.push(atLeastOneSep);
  }
  visitRepetition(many) {
    this.allProductions.push(many);
  }
  visitAlternation(or) {
    this.allProductions.push(or);
  }
  visitTerminal(terminal) {
    this.allProductions.push(terminal);
  }
};
function validateRuleDoesNotAlreadyExist(rule, allRules, className, errMsgProvider) {
  const errors = [];
  const occurrences = reduce_default(allRules, (result, curRule) => {
    if (curRule.name === rule.name) {
      return result + 1;
    }
    return result;
  }, 0);
  if (occurrences > 1) {
    const errMsg = errMsgProvider.buildDuplicateRuleNameError({
      topLevelRule: rule,
      grammarName: className
    });
    errors.push({
      message: errMsg,
      type: ParserDefinitionErrorType.DUPLICATE_RULE_NAME,
      ruleName: rule.name
    });
  }
  return errors;
}
function validateRuleIsOverridden(ruleName, definedRulesNames, className) {
  const errors = [];
  let errMsg;
  if (!includes_default(definedRulesNames, ruleName)) {
    errMsg = `Invalid rule override, rule: ->${ruleName}<- cannot be overridden in the grammar: ->${className}<-as it is not defined in any of the super grammars `;
    errors.push({
      message: errMsg,
      type: ParserDefinitionErrorType.INVALID_RULE_OVERRIDE,
      ruleName
    });
  }
  return errors;
}
function validateNoLeftRecursion(topRule, currRule, errMsgProvider, path = []) {
  const errors = [];
  const nextNonTerminals = getFirstNoneTerminal(currRule.definition);
  if (isEmpty_default(nextNonTerminals)) {
    return [];
  } else {
    const ruleName = topRule.name;
    const foundLeftRecursion = includes_default(nextNonTerminals, topRule);
    if (foundLeftRecursion) {
      errors.push({
        message: errMsgProvider.buildLeftRecursionError({
          topLevelRule: topRule,
          leftRecursionPath: path
        }),
        type: ParserDefinitionErrorType.LEFT_RECURSION,
        ruleName
      });
    }
    const validNextSteps = difference_default(nextNonTerminals, path.concat([topRule]));
    const errorsFromNextSteps = flatMap_default(validNextSteps, (currRefRule) => {
      const newPath = clone_default(path);
      newPath.push(currRefRule);
      return validateNoLeftRecursion(topRule, currRefRule, errMsgProvider, newPath);
    });
    return errors.concat(errorsFromNextSteps);
  }
}
function getFirstNoneTerminal(definition) {
  let result = [];
  if (isEmpty_default(definition)) {
    return result;
  }
  const firstProd = head_default(definition);
  if (firstProd instanceof NonTerminal) {
    result.push(firstProd.referencedRule);
  } else if (firstProd instanceof Alternative || firstProd instanceof Option || firstProd instanceof RepetitionMandatory || firstProd instanceof RepetitionMandatoryWithSeparator || firstProd instanceof RepetitionWithSeparator || firstProd instanceof Repetition) {
    result = result.concat(getFirstNoneTerminal(firstProd.definition));
  } else if (firstProd instanceof Alternation) {
    result = flatten_default(map_default(firstProd.definition, (currSubDef) => getFirstNoneTerminal(currSubDef.definition)));
  } else if (firstProd instanceof Terminal) {
  } else {
    throw Error("non exhaustive match");
  }
  const isFirstOptional = isOptionalProd(firstProd);
  const hasMore = definition.length > 1;
  if (isFirstOptional && hasMore) {
    const rest = drop_default(definition);
    return result.concat(getFirstNoneTerminal(rest));
  } else {
    return result;
  }
}
var OrCollector = class extends GAstVisitor {
  constructor() {
    super(...arguments);
    this.alternations = [];
  }
  visitAlternation(node) {
    this.alternations.push(node);
  }
};
function validateEmptyOrAlternative(topLevelRule, errMsgProvider) {
  const orCollector = new OrCollector();
  topLevelRule.accept(orCollector);
  const ors = orCollector.alternations;
  const errors = flatMap_default(ors, (currOr) => {
    const exceptLast = dropRight_default(currOr.definition);
    return flatMap_default(exceptLast, (currAlternative, currAltIdx) => {
      const possibleFirstInAlt = nextPossibleTokensAfter([currAlternative], [], tokenStructuredMatcher, 1);
      if (isEmpty_default(possibleFirstInAlt)) {
        return [
          {
            message: errMsgProvider.buildEmptyAlternationError({
              topLevelRule,
              alternation: currOr,
              emptyChoiceIdx: currAltIdx
            }),
            type: ParserDefinitionErrorType.NONE_LAST_EMPTY_ALT,
            ruleName: topLevelRule.name,
            occurrence: currOr.idx,
            alternative: currAltIdx + 1
          }
        ];
      } else {
        return [];
      }
    });
  });
  return errors;
}
function validateAmbiguousAlternationAlternatives(topLevelRule, globalMaxLookahead, errMsgProvider) {
  const orCollector = new OrCollector();
  topLevelRule.accept(orCollector);
  let ors = orCollector.alternations;
  ors = reject_default(ors, (currOr) => currOr.ignoreAmbiguities === true);
  const errors = flatMap_default(ors, (currOr) => {
    const currOccurrence = currOr.idx;
    const actualMaxLookahead = currOr.maxLookahead || globalMaxLookahead;
    const alternatives = getLookaheadPathsForOr(currOccurrence, topLevelRule, actualMaxLookahead, currOr);
    const altsAmbiguityErrors = checkAlternativesAmbiguities(alternatives, currOr, topLevelRule, errMsgProvider);
    const altsPrefixAmbiguityErrors = checkPrefixAlternativesAmbiguities(alternatives, currOr, topLevelRule, errMsgProvider);
    return altsAmbiguityErrors.concat(altsPrefixAmbiguityErrors);
  });
  return errors;
}
var RepetitionCollector = class extends GAstVisitor {
  constructor() {
    super(...arguments);
    this.allProductions = [];
  }
  visitRepetitionWithSeparator(manySep) {
    this.allProductions.push(manySep);
  }
  visitRepetitionMandatory(atLeastOne) {
    this.allProductions.push(atLeastOne);
  }
  visitRepetitionMandatoryWithSeparator(atLeastOneSep) {
    this.allProductions.push(atLeastOneSep);
  }
  visitRepetition(many) {
    this.allProductions.push(many);
  }
};
function validateTooManyAlts(topLevelRule, errMsgProvider) {
  const orCollector = new OrCollector();
  topLevelRule.accept(orCollector);
  const ors = orCollector.alternations;
  const errors = flatMap_default(ors, (currOr) => {
    if (currOr.definition.length > 255) {
      return [
        {
          message: errMsgProvider.buildTooManyAlternativesError({
            topLevelRule,
            alternation: currOr
          }),
          type: ParserDefinitionErrorType.TOO_MANY_ALTS,
          ruleName: topLevelRule.name,
          occurrence: currOr.idx
        }
      ];
    } else {
      return [];
    }
  });
  return errors;
}
function validateSomeNonEmptyLookaheadPath(topLevelRules, maxLookahead, errMsgProvider) {
  const errors = [];
  forEach_default(topLevelRules, (currTopRule) => {
    const collectorVisitor2 = new RepetitionCollector();
    currTopRule.accept(collectorVisitor2);
    const allRuleProductions = collectorVisitor2.allProductions;
    forEach_default(allRuleProductions, (currProd) => {
      const prodType = getProdType(currProd);
      const actualMaxLookahead = currProd.maxLookahead || maxLookahead;
      const currOccurrence = currProd.idx;
      const paths = getLookaheadPathsForOptionalProd(currOccurrence, currTopRule, prodType, actualMaxLookahead);
      const pathsInsideProduction = paths[0];
      if (isEmpty_default(flatten_default(pathsInsideProduction))) {
        const errMsg = errMsgProvider.buildEmptyRepetitionError({
          topLevelRule: currTopRule,
          repetition: currProd
        });
        errors.push({
          message: errMsg,
          type: ParserDefinitionErrorType.NO_NON_EMPTY_LOOKAHEAD,
          ruleName: currTopRule.name
        });
      }
    });
  });
  return errors;
}
function checkAlternativesAmbiguities(alternatives, alternation, rule, errMsgProvider) {
  const foundAmbiguousPaths = [];
  const identicalAmbiguities = reduce_default(alternatives, (result, currAlt, currAltIdx) => {
    if (alternation.definition[currAltIdx].ignoreAmbiguities === true) {
      return result;
    }
    forEach_default(currAlt, (currPath) => {
      const altsCurrPathAppearsIn = [currAltIdx];
      forEach_default(alternatives, (currOtherAlt, currOtherAltIdx) => {
        if (currAltIdx !== currOtherAltIdx && containsPath(currOtherAlt, currPath) && // ignore (skip) ambiguities with this "other" alternative
        alternation.definition[currOtherAltIdx].ignoreAmbiguities !== true) {
          altsCurrPathAppearsIn.push(currOtherAltIdx);
        }
      });
      if (altsCurrPathAppearsIn.length > 1 && !containsPath(foundAmbiguousPaths, currPath)) {
        foundAmbiguousPaths.push(currPath);
        result.push({
          alts: altsCurrPathAppearsIn,
          path: currPath
        });
      }
    });
    return result;
  }, []);
  const currErrors = map_default(identicalAmbiguities, (currAmbDescriptor) => {
    const ambgIndices = map_default(currAmbDescriptor.alts, (currAltIdx) => currAltIdx + 1);
    const currMessage = errMsgProvider.buildAlternationAmbiguityError({
      topLevelRule: rule,
      alternation,
      ambiguityIndices: ambgIndices,
      prefixPath: currAmbDescriptor.path
    });
    return {
      message: currMessage,
      type: ParserDefinitionErrorType.AMBIGUOUS_ALTS,
      ruleName: rule.name,
      occurrence: alternation.idx,
      alternatives: currAmbDescriptor.alts
    };
  });
  return currErrors;
}
function checkPrefixAlternativesAmbiguities(alternatives, alternation, rule, errMsgProvider) {
  const pathsAndIndices = reduce_default(alternatives, (result, currAlt, idx) => {
    const currPathsAndIdx = map_default(currAlt, (currPath) => {
      return { idx, path: currPath };
    });
    return result.concat(currPathsAndIdx);
  }, []);
  const errors = compact_default(flatMap_default(pathsAndIndices, (currPathAndIdx) => {
    const alternativeGast = alternation.definition[currPathAndIdx.idx];
    if (alternativeGast.ignoreAmbiguities === true) {
      return [];
    }
    const targetIdx = currPathAndIdx.idx;
    const targetPath = currPathAndIdx.path;
    const prefixAmbiguitiesPathsAndIndices = filter_default(pathsAndIndices, (searchPathAndIdx) => {
      return (
        // ignore (skip) ambiguities with this "other" alternative
        alternation.definition[searchPathAndIdx.idx].ignoreAmbiguities !== true && searchPathAndIdx.idx < targetIdx && // checking for strict prefix because identical lookaheads
        // will be be detected using a different validation.
        isStrictPrefixOfPath(searchPathAndIdx.path, targetPath)
      );
    });
    const currPathPrefixErrors = map_default(prefixAmbiguitiesPathsAndIndices, (currAmbPathAndIdx) => {
      const ambgIndices = [currAmbPathAndIdx.idx + 1, targetIdx + 1];
      const occurrence = alternation.idx === 0 ? "" : alternation.idx;
      const message = errMsgProvider.buildAlternationPrefixAmbiguityError({
        topLevelRule: rule,
        alternation,
        ambiguityIndices: ambgIndices,
        prefixPath: currAmbPathAndIdx.path
      });
      return {
        message,
        type: ParserDefinitionErrorType.AMBIGUOUS_PREFIX_ALTS,
        ruleName: rule.name,
        occurrence,
        alternatives: ambgIndices
      };
    });
    return currPathPrefixErrors;
  }));
  return errors;
}
function checkTerminalAndNoneTerminalsNameSpace(topLevels, tokenTypes, errMsgProvider) {
  const errors = [];
  const tokenNames = map_default(tokenTypes, (currToken) => currToken.name);
  forEach_default(topLevels, (currRule) => {
    const currRuleName = currRule.name;
    if (includes_default(tokenNames, currRuleName)) {
      const errMsg = errMsgProvider.buildNamespaceConflictError(currRule);
      errors.push({
        message: errMsg,
        type: ParserDefinitionErrorType.CONFLICT_TOKENS_RULES_NAMESPACE,
        ruleName: currRuleName
      });
    }
  });
  return errors;
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/gast/gast_resolver_public.js
function resolveGrammar2(options) {
  const actualOptions = defaults_default(options, {
    errMsgProvider: defaultGrammarResolverErrorProvider
  });
  const topRulesTable = {};
  forEach_default(options.rules, (rule) => {
    topRulesTable[rule.name] = rule;
  });
  return resolveGrammar(topRulesTable, actualOptions.errMsgProvider);
}
function validateGrammar2(options) {
  options = defaults_default(options, {
    errMsgProvider: defaultGrammarValidatorErrorProvider
  });
  return validateGrammar(options.rules, options.tokenTypes, options.errMsgProvider, options.grammarName);
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/exceptions_public.js
var MISMATCHED_TOKEN_EXCEPTION = "MismatchedTokenException";
var NO_VIABLE_ALT_EXCEPTION = "NoViableAltException";
var EARLY_EXIT_EXCEPTION = "EarlyExitException";
var NOT_ALL_INPUT_PARSED_EXCEPTION = "NotAllInputParsedException";
var RECOGNITION_EXCEPTION_NAMES = [
  MISMATCHED_TOKEN_EXCEPTION,
  NO_VIABLE_ALT_EXCEPTION,
  EARLY_EXIT_EXCEPTION,
  NOT_ALL_INPUT_PARSED_EXCEPTION
];
Object.freeze(RECOGNITION_EXCEPTION_NAMES);
function isRecognitionException(error2) {
  return includes_default(RECOGNITION_EXCEPTION_NAMES, error2.name);
}
var RecognitionException = class extends Error {
  constructor(message, token2) {
    super(message);
    this.token = token2;
    this.resyncedTokens = [];
    Object.setPrototypeOf(this, new.target.prototype);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
};
var MismatchedTokenException = class extends RecognitionException {
  constructor(message, token2, previousToken) {
    super(message, token2);
    this.previousToken = previousToken;
    this.name = MISMATCHED_TOKEN_EXCEPTION;
  }
};
var NoViableAltException = class extends RecognitionException {
  constructor(message, token2, previousToken) {
    super(message, token2);
    this.previousToken = previousToken;
    this.name = NO_VIABLE_ALT_EXCEPTION;
  }
};
var NotAllInputParsedException = class extends RecognitionException {
  constructor(message, token2) {
    super(message, token2);
    this.name = NOT_ALL_INPUT_PARSED_EXCEPTION;
  }
};
var EarlyExitException = class extends RecognitionException {
  constructor(message, token2, previousToken) {
    super(message, token2);
    this.previousToken = previousToken;
    this.name = EARLY_EXIT_EXCEPTION;
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/recoverable.js
var EOF_FOLLOW_KEY = {};
var IN_RULE_RECOVERY_EXCEPTION = "InRuleRecoveryException";
var InRuleRecoveryException = class extends Error {
  constructor(message) {
    super(message);
    this.name = IN_RULE_RECOVERY_EXCEPTION;
  }
};
var Recoverable = class {
  initRecoverable(config2) {
    this.firstAfterRepMap = {};
    this.resyncFollows = {};
    this.recoveryEnabled = has_default(config2, "recoveryEnabled") ? config2.recoveryEnabled : DEFAULT_PARSER_CONFIG.recoveryEnabled;
    if (this.recoveryEnabled) {
      this.attemptInRepetitionRecovery = attemptInRepetitionRecovery;
    }
  }
  getTokenToInsert(tokType) {
    const tokToInsert = createTokenInstance(tokType, "", NaN, NaN, NaN, NaN, NaN, NaN);
    tokToInsert.isInsertedInRecovery = true;
    return tokToInsert;
  }
  canTokenTypeBeInsertedInRecovery(tokType) {
    return true;
  }
  canTokenTypeBeDeletedInRecovery(tokType) {
    return true;
  }
  tryInRepetitionRecovery(grammarRule, grammarRuleArgs, lookAheadFunc, expectedTokType) {
    const reSyncTokType = this.findReSyncTokenType();
    const savedLexerState = this.exportLexerState();
    const resyncedTokens = [];
    let passedResyncPoint = false;
    const nextTokenWithoutResync = this.LA_FAST(1);
    let currToken = this.LA_FAST(1);
    const generateErrorMessage = () => {
      const previousToken = this.LA(0);
      const msg = this.errorMessageProvider.buildMismatchTokenMessage({
        expected: expectedTokType,
        actual: nextTokenWithoutResync,
        previous: previousToken,
        ruleName: this.getCurrRuleFullName()
      });
      const error2 = new MismatchedTokenException(msg, nextTokenWithoutResync, this.LA(0));
      error2.resyncedTokens = dropRight_default(resyncedTokens);
      this.SAVE_ERROR(error2);
    };
    while (!passedResyncPoint) {
      if (this.tokenMatcher(currToken, expectedTokType)) {
        generateErrorMessage();
        return;
      } else if (lookAheadFunc.call(this)) {
        generateErrorMessage();
        grammarRule.apply(this, grammarRuleArgs);
        return;
      } else if (this.tokenMatcher(currToken, reSyncTokType)) {
        passedResyncPoint = true;
      } else {
        currToken = this.SKIP_TOKEN();
        this.addToResyncTokens(currToken, resyncedTokens);
      }
    }
    this.importLexerState(savedLexerState);
  }
  shouldInRepetitionRecoveryBeTried(expectTokAfterLastMatch, nextTokIdx, notStuck) {
    if (notStuck === false) {
      return false;
    }
    if (this.tokenMatcher(this.LA_FAST(1), expectTokAfterLastMatch)) {
      return false;
    }
    if (this.isBackTracking()) {
      return false;
    }
    if (this.canPerformInRuleRecovery(expectTokAfterLastMatch, this.getFollowsForInRuleRecovery(expectTokAfterLastMatch, nextTokIdx))) {
      return false;
    }
    return true;
  }
  // Error Recovery functionality
  getFollowsForInRuleRecovery(tokType, tokIdxInRule) {
    const grammarPath = this.getCurrentGrammarPath(tokType, tokIdxInRule);
    const follows = this.getNextPossibleTokenTypes(grammarPath);
    return follows;
  }
  tryInRuleRecovery(expectedTokType, follows) {
    if (this.canRecoverWithSingleTokenInsertion(expectedTokType, follows)) {
      const tokToInsert = this.getTokenToInsert(expectedTokType);
      return tokToInsert;
    }
    if (this.canRecoverWithSingleTokenDeletion(expectedTokType)) {
      const nextTok = this.SKIP_TOKEN();
      this.consumeToken();
      return nextTok;
    }
    throw new InRuleRecoveryException("sad sad panda");
  }
  canPerformInRuleRecovery(expectedToken, follows) {
    return this.canRecoverWithSingleTokenInsertion(expectedToken, follows) || this.canRecoverWithSingleTokenDeletion(expectedToken);
  }
  canRecoverWithSingleTokenInsertion(expectedTokType, follows) {
    if (!this.canTokenTypeBeInsertedInRecovery(expectedTokType)) {
      return false;
    }
    if (isEmpty_default(follows)) {
      return false;
    }
    const mismatchedTok = this.LA_FAST(1);
    const isMisMatchedTokInFollows = find_default(follows, (possibleFollowsTokType) => {
      return this.tokenMatcher(mismatchedTok, possibleFollowsTokType);
    }) !== void 0;
    return isMisMatchedTokInFollows;
  }
  canRecoverWithSingleTokenDeletion(expectedTokType) {
    if (!this.canTokenTypeBeDeletedInRecovery(expectedTokType)) {
      return false;
    }
    const isNextTokenWhatIsExpected = this.tokenMatcher(
      // not using LA_FAST because LA(2) might be un-safe with maxLookahead=1
      // in some edge cases (?)
      this.LA(2),
      expectedTokType
    );
    return isNextTokenWhatIsExpected;
  }
  isInCurrentRuleReSyncSet(tokenTypeIdx) {
    const followKey = this.getCurrFollowKey();
    const currentRuleReSyncSet = this.getFollowSetFromFollowKey(followKey);
    return includes_default(currentRuleReSyncSet, tokenTypeIdx);
  }
  findReSyncTokenType() {
    const allPossibleReSyncTokTypes = this.flattenFollowSet();
    let nextToken = this.LA_FAST(1);
    let k = 2;
    while (true) {
      const foundMatch = find_default(allPossibleReSyncTokTypes, (resyncTokType) => {
        const canMatch = tokenMatcher(nextToken, resyncTokType);
        return canMatch;
      });
      if (foundMatch !== void 0) {
        return foundMatch;
      }
      nextToken = this.LA(k);
      k++;
    }
  }
  getCurrFollowKey() {
    if (this.RULE_STACK_IDX === 0) {
      return EOF_FOLLOW_KEY;
    }
    const currRuleShortName = this.currRuleShortName;
    const currRuleIdx = this.getLastExplicitRuleOccurrenceIndex();
    const prevRuleShortName = this.getPreviousExplicitRuleShortName();
    return {
      ruleName: this.shortRuleNameToFullName(currRuleShortName),
      idxInCallingRule: currRuleIdx,
      inRule: this.shortRuleNameToFullName(prevRuleShortName)
    };
  }
  buildFullFollowKeyStack() {
    const explicitRuleStack = this.RULE_STACK;
    const explicitOccurrenceStack = this.RULE_OCCURRENCE_STACK;
    const len = this.RULE_STACK_IDX + 1;
    const result = new Array(len);
    for (let idx = 0; idx < len; idx++) {
      if (idx === 0) {
        result[idx] = EOF_FOLLOW_KEY;
      } else {
        result[idx] = {
          ruleName: this.shortRuleNameToFullName(explicitRuleStack[idx]),
          idxInCallingRule: explicitOccurrenceStack[idx],
          inRule: this.shortRuleNameToFullName(explicitRuleStack[idx - 1])
        };
      }
    }
    return result;
  }
  flattenFollowSet() {
    const followStack = map_default(this.buildFullFollowKeyStack(), (currKey) => {
      return this.getFollowSetFromFollowKey(currKey);
    });
    return flatten_default(followStack);
  }
  getFollowSetFromFollowKey(followKey) {
    if (followKey === EOF_FOLLOW_KEY) {
      return [EOF];
    }
    const followName = followKey.ruleName + followKey.idxInCallingRule + IN + followKey.inRule;
    return this.resyncFollows[followName];
  }
  // It does not make any sense to include a virtual EOF token in the list of resynced tokens
  // as EOF does not really exist and thus does not contain any useful information (line/column numbers)
  addToResyncTokens(token2, resyncTokens) {
    if (!this.tokenMatcher(token2, EOF)) {
      resyncTokens.push(token2);
    }
    return resyncTokens;
  }
  reSyncTo(tokType) {
    const resyncedTokens = [];
    let nextTok = this.LA_FAST(1);
    while (this.tokenMatcher(nextTok, tokType) === false) {
      nextTok = this.SKIP_TOKEN();
      this.addToResyncTokens(nextTok, resyncedTokens);
    }
    return dropRight_default(resyncedTokens);
  }
  attemptInRepetitionRecovery(prodFunc, args, lookaheadFunc, dslMethodIdx, prodOccurrence, nextToksWalker, notStuck) {
  }
  getCurrentGrammarPath(tokType, tokIdxInRule) {
    const pathRuleStack = this.getHumanReadableRuleStack();
    const pathOccurrenceStack = this.RULE_OCCURRENCE_STACK.slice(0, this.RULE_OCCURRENCE_STACK_IDX + 1);
    const grammarPath = {
      ruleStack: pathRuleStack,
      occurrenceStack: pathOccurrenceStack,
      lastTok: tokType,
      lastTokOccurrence: tokIdxInRule
    };
    return grammarPath;
  }
  getHumanReadableRuleStack() {
    const len = this.RULE_STACK_IDX + 1;
    const result = new Array(len);
    for (let i = 0; i < len; i++) {
      result[i] = this.shortRuleNameToFullName(this.RULE_STACK[i]);
    }
    return result;
  }
};
function attemptInRepetitionRecovery(prodFunc, args, lookaheadFunc, dslMethodIdx, prodOccurrence, nextToksWalker, notStuck) {
  const key = this.getKeyForAutomaticLookahead(dslMethodIdx, prodOccurrence);
  let firstAfterRepInfo = this.firstAfterRepMap[key];
  if (firstAfterRepInfo === void 0) {
    const currRuleName = this.getCurrRuleFullName();
    const ruleGrammar = this.getGAstProductions()[currRuleName];
    const walker = new nextToksWalker(ruleGrammar, prodOccurrence);
    firstAfterRepInfo = walker.startWalking();
    this.firstAfterRepMap[key] = firstAfterRepInfo;
  }
  let expectTokAfterLastMatch = firstAfterRepInfo.token;
  let nextTokIdx = firstAfterRepInfo.occurrence;
  const isEndOfRule = firstAfterRepInfo.isEndOfRule;
  if (this.RULE_STACK_IDX === 0 && isEndOfRule && expectTokAfterLastMatch === void 0) {
    expectTokAfterLastMatch = EOF;
    nextTokIdx = 1;
  }
  if (expectTokAfterLastMatch === void 0 || nextTokIdx === void 0) {
    return;
  }
  if (this.shouldInRepetitionRecoveryBeTried(expectTokAfterLastMatch, nextTokIdx, notStuck)) {
    this.tryInRepetitionRecovery(prodFunc, args, lookaheadFunc, expectTokAfterLastMatch);
  }
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/keys.js
var BITS_FOR_METHOD_TYPE = 4;
var BITS_FOR_OCCURRENCE_IDX = 8;
var BITS_FOR_ALT_IDX = 8;
var OR_IDX = 1 << BITS_FOR_OCCURRENCE_IDX;
var OPTION_IDX = 2 << BITS_FOR_OCCURRENCE_IDX;
var MANY_IDX = 3 << BITS_FOR_OCCURRENCE_IDX;
var AT_LEAST_ONE_IDX = 4 << BITS_FOR_OCCURRENCE_IDX;
var MANY_SEP_IDX = 5 << BITS_FOR_OCCURRENCE_IDX;
var AT_LEAST_ONE_SEP_IDX = 6 << BITS_FOR_OCCURRENCE_IDX;
function getKeyForAutomaticLookahead(ruleIdx, dslMethodIdx, occurrence) {
  return occurrence | dslMethodIdx | ruleIdx;
}
var BITS_START_FOR_ALT_IDX = 32 - BITS_FOR_ALT_IDX;

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/grammar/llk_lookahead.js
var LLkLookaheadStrategy = class {
  constructor(options) {
    var _a;
    this.maxLookahead = (_a = options === null || options === void 0 ? void 0 : options.maxLookahead) !== null && _a !== void 0 ? _a : DEFAULT_PARSER_CONFIG.maxLookahead;
  }
  validate(options) {
    const leftRecursionErrors = this.validateNoLeftRecursion(options.rules);
    if (isEmpty_default(leftRecursionErrors)) {
      const emptyAltErrors = this.validateEmptyOrAlternatives(options.rules);
      const ambiguousAltsErrors = this.validateAmbiguousAlternationAlternatives(options.rules, this.maxLookahead);
      const emptyRepetitionErrors = this.validateSomeNonEmptyLookaheadPath(options.rules, this.maxLookahead);
      const allErrors = [
        ...leftRecursionErrors,
        ...emptyAltErrors,
        ...ambiguousAltsErrors,
        ...emptyRepetitionErrors
      ];
      return allErrors;
    }
    return leftRecursionErrors;
  }
  validateNoLeftRecursion(rules) {
    return flatMap_default(rules, (currTopRule) => validateNoLeftRecursion(currTopRule, currTopRule, defaultGrammarValidatorErrorProvider));
  }
  validateEmptyOrAlternatives(rules) {
    return flatMap_default(rules, (currTopRule) => validateEmptyOrAlternative(currTopRule, defaultGrammarValidatorErrorProvider));
  }
  validateAmbiguousAlternationAlternatives(rules, maxLookahead) {
    return flatMap_default(rules, (currTopRule) => validateAmbiguousAlternationAlternatives(currTopRule, maxLookahead, defaultGrammarValidatorErrorProvider));
  }
  validateSomeNonEmptyLookaheadPath(rules, maxLookahead) {
    return validateSomeNonEmptyLookaheadPath(rules, maxLookahead, defaultGrammarValidatorErrorProvider);
  }
  buildLookaheadForAlternation(options) {
    return buildLookaheadFuncForOr(options.prodOccurrence, options.rule, options.maxLookahead, options.hasPredicates, options.dynamicTokensEnabled, buildAlternativesLookAheadFunc);
  }
  buildLookaheadForOptional(options) {
    return buildLookaheadFuncForOptionalProd(options.prodOccurrence, options.rule, options.maxLookahead, options.dynamicTokensEnabled, getProdType(options.prodType), buildSingleAlternativeLookaheadFunction);
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/looksahead.js
var LooksAhead = class {
  initLooksAhead(config2) {
    this.dynamicTokensEnabled = has_default(config2, "dynamicTokensEnabled") ? config2.dynamicTokensEnabled : DEFAULT_PARSER_CONFIG.dynamicTokensEnabled;
    this.maxLookahead = has_default(config2, "maxLookahead") ? config2.maxLookahead : DEFAULT_PARSER_CONFIG.maxLookahead;
    this.lookaheadStrategy = has_default(config2, "lookaheadStrategy") ? config2.lookaheadStrategy : new LLkLookaheadStrategy({ maxLookahead: this.maxLookahead });
    this.lookAheadFuncsCache = /* @__PURE__ */ new Map();
  }
  preComputeLookaheadFunctions(rules) {
    forEach_default(rules, (currRule) => {
      this.TRACE_INIT(`${currRule.name} Rule Lookahead`, () => {
        const { alternation, repetition, option, repetitionMandatory, repetitionMandatoryWithSeparator, repetitionWithSeparator } = collectMethods(currRule);
        forEach_default(alternation, (currProd) => {
          const prodIdx = currProd.idx === 0 ? "" : currProd.idx;
          this.TRACE_INIT(`${getProductionDslName(currProd)}${prodIdx}`, () => {
            const laFunc = this.lookaheadStrategy.buildLookaheadForAlternation({
              prodOccurrence: currProd.idx,
              rule: currRule,
              maxLookahead: currProd.maxLookahead || this.maxLookahead,
              hasPredicates: currProd.hasPredicates,
              dynamicTokensEnabled: this.dynamicTokensEnabled
            });
            const key = getKeyForAutomaticLookahead(this.fullRuleNameToShort[currRule.name], OR_IDX, currProd.idx);
            this.setLaFuncCache(key, laFunc);
          });
        });
        forEach_default(repetition, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, MANY_IDX, "Repetition", currProd.maxLookahead, getProductionDslName(currProd));
        });
        forEach_default(option, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, OPTION_IDX, "Option", currProd.maxLookahead, getProductionDslName(currProd));
        });
        forEach_default(repetitionMandatory, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, AT_LEAST_ONE_IDX, "RepetitionMandatory", currProd.maxLookahead, getProductionDslName(currProd));
        });
        forEach_default(repetitionMandatoryWithSeparator, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, AT_LEAST_ONE_SEP_IDX, "RepetitionMandatoryWithSeparator", currProd.maxLookahead, getProductionDslName(currProd));
        });
        forEach_default(repetitionWithSeparator, (currProd) => {
          this.computeLookaheadFunc(currRule, currProd.idx, MANY_SEP_IDX, "RepetitionWithSeparator", currProd.maxLookahead, getProductionDslName(currProd));
        });
      });
    });
  }
  computeLookaheadFunc(rule, prodOccurrence, prodKey, prodType, prodMaxLookahead, dslMethodName) {
    this.TRACE_INIT(`${dslMethodName}${prodOccurrence === 0 ? "" : prodOccurrence}`, () => {
      const laFunc = this.lookaheadStrategy.buildLookaheadForOptional({
        prodOccurrence,
        rule,
        maxLookahead: prodMaxLookahead || this.maxLookahead,
        dynamicTokensEnabled: this.dynamicTokensEnabled,
        prodType
      });
      const key = getKeyForAutomaticLookahead(this.fullRuleNameToShort[rule.name], prodKey, prodOccurrence);
      this.setLaFuncCache(key, laFunc);
    });
  }
  // this actually returns a number, but it is always used as a string (object prop key)
  getKeyForAutomaticLookahead(dslMethodIdx, occurrence) {
    return getKeyForAutomaticLookahead(this.currRuleShortName, dslMethodIdx, occurrence);
  }
  getLaFuncFromCache(key) {
    return this.lookAheadFuncsCache.get(key);
  }
  /* istanbul ignore next */
  setLaFuncCache(key, value) {
    this.lookAheadFuncsCache.set(key, value);
  }
};
var DslMethodsCollectorVisitor = class extends GAstVisitor {
  constructor() {
    super(...arguments);
    this.dslMethods = {
      option: [],
      alternation: [],
      repetition: [],
      repetitionWithSeparator: [],
      repetitionMandatory: [],
      repetitionMandatoryWithSeparator: []
    };
  }
  reset() {
    this.dslMethods = {
      option: [],
      alternation: [],
      repetition: [],
      repetitionWithSeparator: [],
      repetitionMandatory: [],
      repetitionMandatoryWithSeparator: []
    };
  }
  visitOption(option) {
    this.dslMethods.option.push(option);
  }
  visitRepetitionWithSeparator(manySep) {
    this.dslMethods.repetitionWithSeparator.push(manySep);
  }
  visitRepetitionMandatory(atLeastOne) {
    this.dslMethods.repetitionMandatory.push(atLeastOne);
  }
  visitRepetitionMandatoryWithSeparator(atLeastOneSep) {
    this.dslMethods.repetitionMandatoryWithSeparator.push(atLeastOneSep);
  }
  visitRepetition(many) {
    this.dslMethods.repetition.push(many);
  }
  visitAlternation(or) {
    this.dslMethods.alternation.push(or);
  }
};
var collectorVisitor = new DslMethodsCollectorVisitor();
function collectMethods(rule) {
  collectorVisitor.reset();
  rule.accept(collectorVisitor);
  const dslMethods = collectorVisitor.dslMethods;
  collectorVisitor.reset();
  return dslMethods;
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/cst/cst.js
function setNodeLocationOnlyOffset(currNodeLocation, newLocationInfo) {
  if (isNaN(currNodeLocation.startOffset) === true) {
    currNodeLocation.startOffset = newLocationInfo.startOffset;
    currNodeLocation.endOffset = newLocationInfo.endOffset;
  } else if (currNodeLocation.endOffset < newLocationInfo.endOffset === true) {
    currNodeLocation.endOffset = newLocationInfo.endOffset;
  }
}
function setNodeLocationFull(currNodeLocation, newLocationInfo) {
  if (isNaN(currNodeLocation.startOffset) === true) {
    currNodeLocation.startOffset = newLocationInfo.startOffset;
    currNodeLocation.startColumn = newLocationInfo.startColumn;
    currNodeLocation.startLine = newLocationInfo.startLine;
    currNodeLocation.endOffset = newLocationInfo.endOffset;
    currNodeLocation.endColumn = newLocationInfo.endColumn;
    currNodeLocation.endLine = newLocationInfo.endLine;
  } else if (currNodeLocation.endOffset < newLocationInfo.endOffset === true) {
    currNodeLocation.endOffset = newLocationInfo.endOffset;
    currNodeLocation.endColumn = newLocationInfo.endColumn;
    currNodeLocation.endLine = newLocationInfo.endLine;
  }
}
function addTerminalToCst(node, token2, tokenTypeName) {
  if (node.children[tokenTypeName] === void 0) {
    node.children[tokenTypeName] = [token2];
  } else {
    node.children[tokenTypeName].push(token2);
  }
}
function addNoneTerminalToCst(node, ruleName, ruleResult) {
  if (node.children[ruleName] === void 0) {
    node.children[ruleName] = [ruleResult];
  } else {
    node.children[ruleName].push(ruleResult);
  }
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/lang/lang_extensions.js
var NAME = "name";
function defineNameProp(obj, nameValue) {
  Object.defineProperty(obj, NAME, {
    enumerable: false,
    configurable: true,
    writable: false,
    value: nameValue
  });
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/cst/cst_visitor.js
function defaultVisit(ctx, param) {
  const childrenNames = keys_default(ctx);
  const childrenNamesLength = childrenNames.length;
  for (let i = 0; i < childrenNamesLength; i++) {
    const currChildName = childrenNames[i];
    const currChildArray = ctx[currChildName];
    const currChildArrayLength = currChildArray.length;
    for (let j = 0; j < currChildArrayLength; j++) {
      const currChild = currChildArray[j];
      if (currChild.tokenTypeIdx === void 0) {
        this[currChild.name](currChild.children, param);
      }
    }
  }
}
function createBaseSemanticVisitorConstructor(grammarName, ruleNames) {
  const derivedConstructor = function() {
  };
  defineNameProp(derivedConstructor, grammarName + "BaseSemantics");
  const semanticProto = {
    visit: function(cstNode, param) {
      if (isArray_default(cstNode)) {
        cstNode = cstNode[0];
      }
      if (isUndefined_default(cstNode)) {
        return void 0;
      }
      return this[cstNode.name](cstNode.children, param);
    },
    validateVisitor: function() {
      const semanticDefinitionErrors = validateVisitor(this, ruleNames);
      if (!isEmpty_default(semanticDefinitionErrors)) {
        const errorMessages = map_default(semanticDefinitionErrors, (currDefError) => currDefError.msg);
        throw Error(`Errors Detected in CST Visitor <${this.constructor.name}>:
	${errorMessages.join("\n\n").replace(/\n/g, "\n	")}`);
      }
    }
  };
  derivedConstructor.prototype = semanticProto;
  derivedConstructor.prototype.constructor = derivedConstructor;
  derivedConstructor._RULE_NAMES = ruleNames;
  return derivedConstructor;
}
function createBaseVisitorConstructorWithDefaults(grammarName, ruleNames, baseConstructor) {
  const derivedConstructor = function() {
  };
  defineNameProp(derivedConstructor, grammarName + "BaseSemanticsWithDefaults");
  const withDefaultsProto = Object.create(baseConstructor.prototype);
  forEach_default(ruleNames, (ruleName) => {
    withDefaultsProto[ruleName] = defaultVisit;
  });
  derivedConstructor.prototype = withDefaultsProto;
  derivedConstructor.prototype.constructor = derivedConstructor;
  return derivedConstructor;
}
var CstVisitorDefinitionError;
(function(CstVisitorDefinitionError2) {
  CstVisitorDefinitionError2[CstVisitorDefinitionError2["REDUNDANT_METHOD"] = 0] = "REDUNDANT_METHOD";
  CstVisitorDefinitionError2[CstVisitorDefinitionError2["MISSING_METHOD"] = 1] = "MISSING_METHOD";
})(CstVisitorDefinitionError || (CstVisitorDefinitionError = {}));
function validateVisitor(visitorInstance, ruleNames) {
  const missingErrors = validateMissingCstMethods(visitorInstance, ruleNames);
  return missingErrors;
}
function validateMissingCstMethods(visitorInstance, ruleNames) {
  const missingRuleNames = filter_default(ruleNames, (currRuleName) => {
    return isFunction_default(visitorInstance[currRuleName]) === false;
  });
  const errors = map_default(missingRuleNames, (currRuleName) => {
    return {
      msg: `Missing visitor method: <${currRuleName}> on ${visitorInstance.constructor.name} CST Visitor.`,
      type: CstVisitorDefinitionError.MISSING_METHOD,
      methodName: currRuleName
    };
  });
  return compact_default(errors);
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/tree_builder.js
var TreeBuilder = class {
  initTreeBuilder(config2) {
    this.CST_STACK = [];
    this.outputCst = config2.outputCst;
    this.nodeLocationTracking = has_default(config2, "nodeLocationTracking") ? config2.nodeLocationTracking : DEFAULT_PARSER_CONFIG.nodeLocationTracking;
    if (!this.outputCst) {
      this.cstInvocationStateUpdate = noop_default;
      this.cstFinallyStateUpdate = noop_default;
      this.cstPostTerminal = noop_default;
      this.cstPostNonTerminal = noop_default;
      this.cstPostRule = noop_default;
    } else {
      if (/full/i.test(this.nodeLocationTracking)) {
        if (this.recoveryEnabled) {
          this.setNodeLocationFromToken = setNodeLocationFull;
          this.setNodeLocationFromNode = setNodeLocationFull;
          this.cstPostRule = noop_default;
          this.setInitialNodeLocation = this.setInitialNodeLocationFullRecovery;
        } else {
          this.setNodeLocationFromToken = noop_default;
          this.setNodeLocationFromNode = noop_default;
          this.cstPostRule = this.cstPostRuleFull;
          this.setInitialNodeLocation = this.setInitialNodeLocationFullRegular;
        }
      } else if (/onlyOffset/i.test(this.nodeLocationTracking)) {
        if (this.recoveryEnabled) {
          this.setNodeLocationFromToken = setNodeLocationOnlyOffset;
          this.setNodeLocationFromNode = setNodeLocationOnlyOffset;
          this.cstPostRule = noop_default;
          this.setInitialNodeLocation = this.setInitialNodeLocationOnlyOffsetRecovery;
        } else {
          this.setNodeLocationFromToken = noop_default;
          this.setNodeLocationFromNode = noop_default;
          this.cstPostRule = this.cstPostRuleOnlyOffset;
          this.setInitialNodeLocation = this.setInitialNodeLocationOnlyOffsetRegular;
        }
      } else if (/none/i.test(this.nodeLocationTracking)) {
        this.setNodeLocationFromToken = noop_default;
        this.setNodeLocationFromNode = noop_default;
        this.cstPostRule = noop_default;
        this.setInitialNodeLocation = noop_default;
      } else {
        throw Error(`Invalid <nodeLocationTracking> config option: "${config2.nodeLocationTracking}"`);
      }
    }
  }
  setInitialNodeLocationOnlyOffsetRecovery(cstNode) {
    cstNode.location = {
      startOffset: NaN,
      endOffset: NaN
    };
  }
  setInitialNodeLocationOnlyOffsetRegular(cstNode) {
    cstNode.location = {
      // without error recovery the starting Location of a new CstNode is guaranteed
      // To be the next Token's startOffset (for valid inputs).
      // For invalid inputs there won't be any CSTOutput so this potential
      // inaccuracy does not matter
      startOffset: this.LA_FAST(1).startOffset,
      endOffset: NaN
    };
  }
  setInitialNodeLocationFullRecovery(cstNode) {
    cstNode.location = {
      startOffset: NaN,
      startLine: NaN,
      startColumn: NaN,
      endOffset: NaN,
      endLine: NaN,
      endColumn: NaN
    };
  }
  /**
       *  @see setInitialNodeLocationOnlyOffsetRegular for explanation why this work
  
       * @param cstNode
       */
  setInitialNodeLocationFullRegular(cstNode) {
    const nextToken = this.LA_FAST(1);
    cstNode.location = {
      startOffset: nextToken.startOffset,
      startLine: nextToken.startLine,
      startColumn: nextToken.startColumn,
      endOffset: NaN,
      endLine: NaN,
      endColumn: NaN
    };
  }
  cstInvocationStateUpdate(fullRuleName) {
    const cstNode = {
      name: fullRuleName,
      children: /* @__PURE__ */ Object.create(null)
    };
    this.setInitialNodeLocation(cstNode);
    this.CST_STACK.push(cstNode);
  }
  cstFinallyStateUpdate() {
    this.CST_STACK.pop();
  }
  cstPostRuleFull(ruleCstNode) {
    const prevToken = this.LA(0);
    const loc = ruleCstNode.location;
    if (loc.startOffset <= prevToken.startOffset === true) {
      loc.endOffset = prevToken.endOffset;
      loc.endLine = prevToken.endLine;
      loc.endColumn = prevToken.endColumn;
    } else {
      loc.startOffset = NaN;
      loc.startLine = NaN;
      loc.startColumn = NaN;
    }
  }
  cstPostRuleOnlyOffset(ruleCstNode) {
    const prevToken = this.LA(0);
    const loc = ruleCstNode.location;
    if (loc.startOffset <= prevToken.startOffset === true) {
      loc.endOffset = prevToken.endOffset;
    } else {
      loc.startOffset = NaN;
    }
  }
  cstPostTerminal(key, consumedToken) {
    const rootCst = this.CST_STACK[this.CST_STACK.length - 1];
    addTerminalToCst(rootCst, consumedToken, key);
    this.setNodeLocationFromToken(rootCst.location, consumedToken);
  }
  cstPostNonTerminal(ruleCstResult, ruleName) {
    const preCstNode = this.CST_STACK[this.CST_STACK.length - 1];
    addNoneTerminalToCst(preCstNode, ruleName, ruleCstResult);
    this.setNodeLocationFromNode(preCstNode.location, ruleCstResult.location);
  }
  getBaseCstVisitorConstructor() {
    if (isUndefined_default(this.baseCstVisitorConstructor)) {
      const newBaseCstVisitorConstructor = createBaseSemanticVisitorConstructor(this.className, keys_default(this.gastProductionsCache));
      this.baseCstVisitorConstructor = newBaseCstVisitorConstructor;
      return newBaseCstVisitorConstructor;
    }
    return this.baseCstVisitorConstructor;
  }
  getBaseCstVisitorConstructorWithDefaults() {
    if (isUndefined_default(this.baseCstVisitorWithDefaultsConstructor)) {
      const newConstructor = createBaseVisitorConstructorWithDefaults(this.className, keys_default(this.gastProductionsCache), this.getBaseCstVisitorConstructor());
      this.baseCstVisitorWithDefaultsConstructor = newConstructor;
      return newConstructor;
    }
    return this.baseCstVisitorWithDefaultsConstructor;
  }
  getPreviousExplicitRuleShortName() {
    return this.RULE_STACK[this.RULE_STACK_IDX - 1];
  }
  getLastExplicitRuleOccurrenceIndex() {
    return this.RULE_OCCURRENCE_STACK[this.RULE_OCCURRENCE_STACK_IDX];
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/lexer_adapter.js
var LexerAdapter = class {
  initLexerAdapter() {
    this.tokVector = [];
    this.tokVectorLength = 0;
    this.currIdx = -1;
  }
  set input(newInput) {
    if (this.selfAnalysisDone !== true) {
      throw Error(`Missing <performSelfAnalysis> invocation at the end of the Parser's constructor.`);
    }
    this.reset();
    this.tokVector = newInput;
    this.tokVectorLength = newInput.length;
  }
  get input() {
    return this.tokVector;
  }
  // skips a token and returns the next token
  SKIP_TOKEN() {
    if (this.currIdx <= this.tokVectorLength - 2) {
      this.consumeToken();
      return this.LA_FAST(1);
    } else {
      return END_OF_FILE;
    }
  }
  // Lexer (accessing Token vector) related methods which can be overridden to implement lazy lexers
  // or lexers dependent on parser context.
  // Performance Optimized version of LA without bound checks
  // note that token beyond the end of the token vector EOF Token will still be returned
  // due to using sentinels at the end of the token vector. (for K=max lookahead)
  LA_FAST(howMuch) {
    const soughtIdx = this.currIdx + howMuch;
    return this.tokVector[soughtIdx];
  }
  LA(howMuch) {
    const soughtIdx = this.currIdx + howMuch;
    if (soughtIdx < 0 || this.tokVectorLength <= soughtIdx) {
      return END_OF_FILE;
    } else {
      return this.tokVector[soughtIdx];
    }
  }
  consumeToken() {
    this.currIdx++;
  }
  exportLexerState() {
    return this.currIdx;
  }
  importLexerState(newState) {
    this.currIdx = newState;
  }
  resetLexerState() {
    this.currIdx = -1;
  }
  moveToTerminatedState() {
    this.currIdx = this.tokVectorLength - 1;
  }
  getLexerPosition() {
    return this.exportLexerState();
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/recognizer_api.js
var RecognizerApi = class {
  ACTION(impl) {
    return impl.call(this);
  }
  consume(idx, tokType, options) {
    return this.consumeInternal(tokType, idx, options);
  }
  subrule(idx, ruleToCall, options) {
    return this.subruleInternal(ruleToCall, idx, options);
  }
  option(idx, actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, idx);
  }
  or(idx, altsOrOpts) {
    return this.orInternal(altsOrOpts, idx);
  }
  many(idx, actionORMethodDef) {
    return this.manyInternal(idx, actionORMethodDef);
  }
  atLeastOne(idx, actionORMethodDef) {
    return this.atLeastOneInternal(idx, actionORMethodDef);
  }
  CONSUME(tokType, options) {
    return this.consumeInternal(tokType, 0, options);
  }
  CONSUME1(tokType, options) {
    return this.consumeInternal(tokType, 1, options);
  }
  CONSUME2(tokType, options) {
    return this.consumeInternal(tokType, 2, options);
  }
  CONSUME3(tokType, options) {
    return this.consumeInternal(tokType, 3, options);
  }
  CONSUME4(tokType, options) {
    return this.consumeInternal(tokType, 4, options);
  }
  CONSUME5(tokType, options) {
    return this.consumeInternal(tokType, 5, options);
  }
  CONSUME6(tokType, options) {
    return this.consumeInternal(tokType, 6, options);
  }
  CONSUME7(tokType, options) {
    return this.consumeInternal(tokType, 7, options);
  }
  CONSUME8(tokType, options) {
    return this.consumeInternal(tokType, 8, options);
  }
  CONSUME9(tokType, options) {
    return this.consumeInternal(tokType, 9, options);
  }
  SUBRULE(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 0, options);
  }
  SUBRULE1(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 1, options);
  }
  SUBRULE2(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 2, options);
  }
  SUBRULE3(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 3, options);
  }
  SUBRULE4(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 4, options);
  }
  SUBRULE5(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 5, options);
  }
  SUBRULE6(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 6, options);
  }
  SUBRULE7(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 7, options);
  }
  SUBRULE8(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 8, options);
  }
  SUBRULE9(ruleToCall, options) {
    return this.subruleInternal(ruleToCall, 9, options);
  }
  OPTION(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 0);
  }
  OPTION1(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 1);
  }
  OPTION2(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 2);
  }
  OPTION3(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 3);
  }
  OPTION4(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 4);
  }
  OPTION5(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 5);
  }
  OPTION6(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 6);
  }
  OPTION7(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 7);
  }
  OPTION8(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 8);
  }
  OPTION9(actionORMethodDef) {
    return this.optionInternal(actionORMethodDef, 9);
  }
  OR(altsOrOpts) {
    return this.orInternal(altsOrOpts, 0);
  }
  OR1(altsOrOpts) {
    return this.orInternal(altsOrOpts, 1);
  }
  OR2(altsOrOpts) {
    return this.orInternal(altsOrOpts, 2);
  }
  OR3(altsOrOpts) {
    return this.orInternal(altsOrOpts, 3);
  }
  OR4(altsOrOpts) {
    return this.orInternal(altsOrOpts, 4);
  }
  OR5(altsOrOpts) {
    return this.orInternal(altsOrOpts, 5);
  }
  OR6(altsOrOpts) {
    return this.orInternal(altsOrOpts, 6);
  }
  OR7(altsOrOpts) {
    return this.orInternal(altsOrOpts, 7);
  }
  OR8(altsOrOpts) {
    return this.orInternal(altsOrOpts, 8);
  }
  OR9(altsOrOpts) {
    return this.orInternal(altsOrOpts, 9);
  }
  MANY(actionORMethodDef) {
    this.manyInternal(0, actionORMethodDef);
  }
  MANY1(actionORMethodDef) {
    this.manyInternal(1, actionORMethodDef);
  }
  MANY2(actionORMethodDef) {
    this.manyInternal(2, actionORMethodDef);
  }
  MANY3(actionORMethodDef) {
    this.manyInternal(3, actionORMethodDef);
  }
  MANY4(actionORMethodDef) {
    this.manyInternal(4, actionORMethodDef);
  }
  MANY5(actionORMethodDef) {
    this.manyInternal(5, actionORMethodDef);
  }
  MANY6(actionORMethodDef) {
    this.manyInternal(6, actionORMethodDef);
  }
  MANY7(actionORMethodDef) {
    this.manyInternal(7, actionORMethodDef);
  }
  MANY8(actionORMethodDef) {
    this.manyInternal(8, actionORMethodDef);
  }
  MANY9(actionORMethodDef) {
    this.manyInternal(9, actionORMethodDef);
  }
  MANY_SEP(options) {
    this.manySepFirstInternal(0, options);
  }
  MANY_SEP1(options) {
    this.manySepFirstInternal(1, options);
  }
  MANY_SEP2(options) {
    this.manySepFirstInternal(2, options);
  }
  MANY_SEP3(options) {
    this.manySepFirstInternal(3, options);
  }
  MANY_SEP4(options) {
    this.manySepFirstInternal(4, options);
  }
  MANY_SEP5(options) {
    this.manySepFirstInternal(5, options);
  }
  MANY_SEP6(options) {
    this.manySepFirstInternal(6, options);
  }
  MANY_SEP7(options) {
    this.manySepFirstInternal(7, options);
  }
  MANY_SEP8(options) {
    this.manySepFirstInternal(8, options);
  }
  MANY_SEP9(options) {
    this.manySepFirstInternal(9, options);
  }
  AT_LEAST_ONE(actionORMethodDef) {
    this.atLeastOneInternal(0, actionORMethodDef);
  }
  AT_LEAST_ONE1(actionORMethodDef) {
    return this.atLeastOneInternal(1, actionORMethodDef);
  }
  AT_LEAST_ONE2(actionORMethodDef) {
    this.atLeastOneInternal(2, actionORMethodDef);
  }
  AT_LEAST_ONE3(actionORMethodDef) {
    this.atLeastOneInternal(3, actionORMethodDef);
  }
  AT_LEAST_ONE4(actionORMethodDef) {
    this.atLeastOneInternal(4, actionORMethodDef);
  }
  AT_LEAST_ONE5(actionORMethodDef) {
    this.atLeastOneInternal(5, actionORMethodDef);
  }
  AT_LEAST_ONE6(actionORMethodDef) {
    this.atLeastOneInternal(6, actionORMethodDef);
  }
  AT_LEAST_ONE7(actionORMethodDef) {
    this.atLeastOneInternal(7, actionORMethodDef);
  }
  AT_LEAST_ONE8(actionORMethodDef) {
    this.atLeastOneInternal(8, actionORMethodDef);
  }
  AT_LEAST_ONE9(actionORMethodDef) {
    this.atLeastOneInternal(9, actionORMethodDef);
  }
  AT_LEAST_ONE_SEP(options) {
    this.atLeastOneSepFirstInternal(0, options);
  }
  AT_LEAST_ONE_SEP1(options) {
    this.atLeastOneSepFirstInternal(1, options);
  }
  AT_LEAST_ONE_SEP2(options) {
    this.atLeastOneSepFirstInternal(2, options);
  }
  AT_LEAST_ONE_SEP3(options) {
    this.atLeastOneSepFirstInternal(3, options);
  }
  AT_LEAST_ONE_SEP4(options) {
    this.atLeastOneSepFirstInternal(4, options);
  }
  AT_LEAST_ONE_SEP5(options) {
    this.atLeastOneSepFirstInternal(5, options);
  }
  AT_LEAST_ONE_SEP6(options) {
    this.atLeastOneSepFirstInternal(6, options);
  }
  AT_LEAST_ONE_SEP7(options) {
    this.atLeastOneSepFirstInternal(7, options);
  }
  AT_LEAST_ONE_SEP8(options) {
    this.atLeastOneSepFirstInternal(8, options);
  }
  AT_LEAST_ONE_SEP9(options) {
    this.atLeastOneSepFirstInternal(9, options);
  }
  RULE(name, implementation, config2 = DEFAULT_RULE_CONFIG) {
    if (includes_default(this.definedRulesNames, name)) {
      const errMsg = defaultGrammarValidatorErrorProvider.buildDuplicateRuleNameError({
        topLevelRule: name,
        grammarName: this.className
      });
      const error2 = {
        message: errMsg,
        type: ParserDefinitionErrorType.DUPLICATE_RULE_NAME,
        ruleName: name
      };
      this.definitionErrors.push(error2);
    }
    this.definedRulesNames.push(name);
    const ruleImplementation = this.defineRule(name, implementation, config2);
    this[name] = ruleImplementation;
    return ruleImplementation;
  }
  OVERRIDE_RULE(name, impl, config2 = DEFAULT_RULE_CONFIG) {
    const ruleErrors = validateRuleIsOverridden(name, this.definedRulesNames, this.className);
    this.definitionErrors = this.definitionErrors.concat(ruleErrors);
    const ruleImplementation = this.defineRule(name, impl, config2);
    this[name] = ruleImplementation;
    return ruleImplementation;
  }
  BACKTRACK(grammarRule, args) {
    var _a;
    const ruleToCall = (_a = grammarRule.coreRule) !== null && _a !== void 0 ? _a : grammarRule;
    return function() {
      this.isBackTrackingStack.push(1);
      const orgState = this.saveRecogState();
      try {
        ruleToCall.apply(this, args);
        return true;
      } catch (e) {
        if (isRecognitionException(e)) {
          return false;
        } else {
          throw e;
        }
      } finally {
        this.reloadRecogState(orgState);
        this.isBackTrackingStack.pop();
      }
    };
  }
  // GAST export APIs
  getGAstProductions() {
    return this.gastProductionsCache;
  }
  getSerializedGastProductions() {
    return serializeGrammar(values_default(this.gastProductionsCache));
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/recognizer_engine.js
var RecognizerEngine = class {
  initRecognizerEngine(tokenVocabulary, config2) {
    this.className = this.constructor.name;
    this.shortRuleNameToFull = {};
    this.fullRuleNameToShort = {};
    this.ruleShortNameIdx = 256;
    this.tokenMatcher = tokenStructuredMatcherNoCategories;
    this.subruleIdx = 0;
    this.currRuleShortName = 0;
    this.definedRulesNames = [];
    this.tokensMap = {};
    this.isBackTrackingStack = [];
    this.RULE_STACK = [];
    this.RULE_STACK_IDX = -1;
    this.RULE_OCCURRENCE_STACK = [];
    this.RULE_OCCURRENCE_STACK_IDX = -1;
    this.gastProductionsCache = {};
    if (has_default(config2, "serializedGrammar")) {
      throw Error("The Parser's configuration can no longer contain a <serializedGrammar> property.\n	See: https://chevrotain.io/docs/changes/BREAKING_CHANGES.html#_6-0-0\n	For Further details.");
    }
    if (isArray_default(tokenVocabulary)) {
      if (isEmpty_default(tokenVocabulary)) {
        throw Error("A Token Vocabulary cannot be empty.\n	Note that the first argument for the parser constructor\n	is no longer a Token vector (since v4.0).");
      }
      if (typeof tokenVocabulary[0].startOffset === "number") {
        throw Error("The Parser constructor no longer accepts a token vector as the first argument.\n	See: https://chevrotain.io/docs/changes/BREAKING_CHANGES.html#_4-0-0\n	For Further details.");
      }
    }
    if (isArray_default(tokenVocabulary)) {
      this.tokensMap = reduce_default(tokenVocabulary, (acc, tokType) => {
        acc[tokType.name] = tokType;
        return acc;
      }, {});
    } else if (has_default(tokenVocabulary, "modes") && every_default(flatten_default(values_default(tokenVocabulary.modes)), isTokenType)) {
      const allTokenTypes2 = flatten_default(values_default(tokenVocabulary.modes));
      const uniqueTokens = uniq_default(allTokenTypes2);
      this.tokensMap = reduce_default(uniqueTokens, (acc, tokType) => {
        acc[tokType.name] = tokType;
        return acc;
      }, {});
    } else if (isObject_default(tokenVocabulary)) {
      this.tokensMap = clone_default(tokenVocabulary);
    } else {
      throw new Error("<tokensDictionary> argument must be An Array of Token constructors, A dictionary of Token constructors or an IMultiModeLexerDefinition");
    }
    this.tokensMap["EOF"] = EOF;
    const allTokenTypes = has_default(tokenVocabulary, "modes") ? flatten_default(values_default(tokenVocabulary.modes)) : values_default(tokenVocabulary);
    const noTokenCategoriesUsed = every_default(allTokenTypes, (tokenConstructor) => isEmpty_default(tokenConstructor.categoryMatches));
    this.tokenMatcher = noTokenCategoriesUsed ? tokenStructuredMatcherNoCategories : tokenStructuredMatcher;
    augmentTokenTypes(values_default(this.tokensMap));
  }
  defineRule(ruleName, impl, config2) {
    if (this.selfAnalysisDone) {
      throw Error(`Grammar rule <${ruleName}> may not be defined after the 'performSelfAnalysis' method has been called'
Make sure that all grammar rule definitions are done before 'performSelfAnalysis' is called.`);
    }
    const resyncEnabled = has_default(config2, "resyncEnabled") ? config2.resyncEnabled : DEFAULT_RULE_CONFIG.resyncEnabled;
    const recoveryValueFunc = has_default(config2, "recoveryValueFunc") ? config2.recoveryValueFunc : DEFAULT_RULE_CONFIG.recoveryValueFunc;
    const shortName = this.ruleShortNameIdx << BITS_FOR_METHOD_TYPE + BITS_FOR_OCCURRENCE_IDX;
    this.ruleShortNameIdx++;
    this.shortRuleNameToFull[shortName] = ruleName;
    this.fullRuleNameToShort[ruleName] = shortName;
    let coreRuleFunction;
    if (this.outputCst === true) {
      coreRuleFunction = function invokeRuleWithTry(...args) {
        try {
          this.ruleInvocationStateUpdate(shortName, ruleName, this.subruleIdx);
          impl.apply(this, args);
          const cst = this.CST_STACK[this.CST_STACK.length - 1];
          this.cstPostRule(cst);
          return cst;
        } catch (e) {
          return this.invokeRuleCatch(e, resyncEnabled, recoveryValueFunc);
        } finally {
          this.ruleFinallyStateUpdate();
        }
      };
    } else {
      coreRuleFunction = function invokeRuleWithTryCst(...args) {
        try {
          this.ruleInvocationStateUpdate(shortName, ruleName, this.subruleIdx);
          return impl.apply(this, args);
        } catch (e) {
          return this.invokeRuleCatch(e, resyncEnabled, recoveryValueFunc);
        } finally {
          this.ruleFinallyStateUpdate();
        }
      };
    }
    const rootRuleFunction = function rootRule(...args) {
      this.onBeforeParse(ruleName);
      try {
        return coreRuleFunction.apply(this, args);
      } finally {
        this.onAfterParse(ruleName);
      }
    };
    const wrappedGrammarRule = Object.assign(rootRuleFunction, { ruleName, originalGrammarAction: impl, coreRule: coreRuleFunction });
    return wrappedGrammarRule;
  }
  invokeRuleCatch(e, resyncEnabledConfig, recoveryValueFunc) {
    const isFirstInvokedRule = this.RULE_STACK_IDX === 0;
    const reSyncEnabled = resyncEnabledConfig && !this.isBackTracking() && this.recoveryEnabled;
    if (isRecognitionException(e)) {
      const recogError = e;
      if (reSyncEnabled) {
        const reSyncTokType = this.findReSyncTokenType();
        if (this.isInCurrentRuleReSyncSet(reSyncTokType)) {
          recogError.resyncedTokens = this.reSyncTo(reSyncTokType);
          if (this.outputCst) {
            const partialCstResult = this.CST_STACK[this.CST_STACK.length - 1];
            partialCstResult.recoveredNode = true;
            return partialCstResult;
          } else {
            return recoveryValueFunc(e);
          }
        } else {
          if (this.outputCst) {
            const partialCstResult = this.CST_STACK[this.CST_STACK.length - 1];
            partialCstResult.recoveredNode = true;
            recogError.partialCstResult = partialCstResult;
          }
          throw recogError;
        }
      } else if (isFirstInvokedRule) {
        this.moveToTerminatedState();
        return recoveryValueFunc(e);
      } else {
        throw recogError;
      }
    } else {
      throw e;
    }
  }
  // Implementation of parsing DSL
  optionInternal(actionORMethodDef, occurrence) {
    const key = this.getKeyForAutomaticLookahead(OPTION_IDX, occurrence);
    return this.optionInternalLogic(actionORMethodDef, occurrence, key);
  }
  optionInternalLogic(actionORMethodDef, occurrence, key) {
    let lookAheadFunc = this.getLaFuncFromCache(key);
    let action;
    if (typeof actionORMethodDef !== "function") {
      action = actionORMethodDef.DEF;
      const predicate = actionORMethodDef.GATE;
      if (predicate !== void 0) {
        const orgLookaheadFunction = lookAheadFunc;
        lookAheadFunc = () => {
          return predicate.call(this) && orgLookaheadFunction.call(this);
        };
      }
    } else {
      action = actionORMethodDef;
    }
    if (lookAheadFunc.call(this) === true) {
      return action.call(this);
    }
    return void 0;
  }
  atLeastOneInternal(prodOccurrence, actionORMethodDef) {
    const laKey = this.getKeyForAutomaticLookahead(AT_LEAST_ONE_IDX, prodOccurrence);
    return this.atLeastOneInternalLogic(prodOccurrence, actionORMethodDef, laKey);
  }
  atLeastOneInternalLogic(prodOccurrence, actionORMethodDef, key) {
    let lookAheadFunc = this.getLaFuncFromCache(key);
    let action;
    if (typeof actionORMethodDef !== "function") {
      action = actionORMethodDef.DEF;
      const predicate = actionORMethodDef.GATE;
      if (predicate !== void 0) {
        const orgLookaheadFunction = lookAheadFunc;
        lookAheadFunc = () => {
          return predicate.call(this) && orgLookaheadFunction.call(this);
        };
      }
    } else {
      action = actionORMethodDef;
    }
    if (lookAheadFunc.call(this) === true) {
      let notStuck = this.doSingleRepetition(action);
      while (lookAheadFunc.call(this) === true && notStuck === true) {
        notStuck = this.doSingleRepetition(action);
      }
    } else {
      throw this.raiseEarlyExitException(prodOccurrence, PROD_TYPE.REPETITION_MANDATORY, actionORMethodDef.ERR_MSG);
    }
    this.attemptInRepetitionRecovery(this.atLeastOneInternal, [prodOccurrence, actionORMethodDef], lookAheadFunc, AT_LEAST_ONE_IDX, prodOccurrence, NextTerminalAfterAtLeastOneWalker);
  }
  atLeastOneSepFirstInternal(prodOccurrence, options) {
    const laKey = this.getKeyForAutomaticLookahead(AT_LEAST_ONE_SEP_IDX, prodOccurrence);
    this.atLeastOneSepFirstInternalLogic(prodOccurrence, options, laKey);
  }
  atLeastOneSepFirstInternalLogic(prodOccurrence, options, key) {
    const action = options.DEF;
    const separator = options.SEP;
    const firstIterationLookaheadFunc = this.getLaFuncFromCache(key);
    if (firstIterationLookaheadFunc.call(this) === true) {
      action.call(this);
      const separatorLookAheadFunc = () => {
        return this.tokenMatcher(this.LA_FAST(1), separator);
      };
      while (this.tokenMatcher(this.LA_FAST(1), separator) === true) {
        this.CONSUME(separator);
        action.call(this);
      }
      this.attemptInRepetitionRecovery(this.repetitionSepSecondInternal, [
        prodOccurrence,
        separator,
        separatorLookAheadFunc,
        action,
        NextTerminalAfterAtLeastOneSepWalker
      ], separatorLookAheadFunc, AT_LEAST_ONE_SEP_IDX, prodOccurrence, NextTerminalAfterAtLeastOneSepWalker);
    } else {
      throw this.raiseEarlyExitException(prodOccurrence, PROD_TYPE.REPETITION_MANDATORY_WITH_SEPARATOR, options.ERR_MSG);
    }
  }
  manyInternal(prodOccurrence, actionORMethodDef) {
    const laKey = this.getKeyForAutomaticLookahead(MANY_IDX, prodOccurrence);
    return this.manyInternalLogic(prodOccurrence, actionORMethodDef, laKey);
  }
  manyInternalLogic(prodOccurrence, actionORMethodDef, key) {
    let lookaheadFunction = this.getLaFuncFromCache(key);
    let action;
    if (typeof actionORMethodDef !== "function") {
      action = actionORMethodDef.DEF;
      const predicate = actionORMethodDef.GATE;
      if (predicate !== void 0) {
        const orgLookaheadFunction = lookaheadFunction;
        lookaheadFunction = () => {
          return predicate.call(this) && orgLookaheadFunction.call(this);
        };
      }
    } else {
      action = actionORMethodDef;
    }
    let notStuck = true;
    while (lookaheadFunction.call(this) === true && notStuck === true) {
      notStuck = this.doSingleRepetition(action);
    }
    this.attemptInRepetitionRecovery(
      this.manyInternal,
      [prodOccurrence, actionORMethodDef],
      lookaheadFunction,
      MANY_IDX,
      prodOccurrence,
      NextTerminalAfterManyWalker,
      // The notStuck parameter is only relevant when "attemptInRepetitionRecovery"
      // is invoked from manyInternal, in the MANY_SEP case and AT_LEAST_ONE[_SEP]
      // An infinite loop cannot occur as:
      // - Either the lookahead is guaranteed to consume something (Single Token Separator)
      // - AT_LEAST_ONE by definition is guaranteed to consume something (or error out).
      notStuck
    );
  }
  manySepFirstInternal(prodOccurrence, options) {
    const laKey = this.getKeyForAutomaticLookahead(MANY_SEP_IDX, prodOccurrence);
    this.manySepFirstInternalLogic(prodOccurrence, options, laKey);
  }
  manySepFirstInternalLogic(prodOccurrence, options, key) {
    const action = options.DEF;
    const separator = options.SEP;
    const firstIterationLaFunc = this.getLaFuncFromCache(key);
    if (firstIterationLaFunc.call(this) === true) {
      action.call(this);
      const separatorLookAheadFunc = () => {
        return this.tokenMatcher(this.LA_FAST(1), separator);
      };
      while (this.tokenMatcher(this.LA_FAST(1), separator) === true) {
        this.CONSUME(separator);
        action.call(this);
      }
      this.attemptInRepetitionRecovery(this.repetitionSepSecondInternal, [
        prodOccurrence,
        separator,
        separatorLookAheadFunc,
        action,
        NextTerminalAfterManySepWalker
      ], separatorLookAheadFunc, MANY_SEP_IDX, prodOccurrence, NextTerminalAfterManySepWalker);
    }
  }
  repetitionSepSecondInternal(prodOccurrence, separator, separatorLookAheadFunc, action, nextTerminalAfterWalker) {
    while (separatorLookAheadFunc()) {
      this.CONSUME(separator);
      action.call(this);
    }
    this.attemptInRepetitionRecovery(this.repetitionSepSecondInternal, [
      prodOccurrence,
      separator,
      separatorLookAheadFunc,
      action,
      nextTerminalAfterWalker
    ], separatorLookAheadFunc, AT_LEAST_ONE_SEP_IDX, prodOccurrence, nextTerminalAfterWalker);
  }
  doSingleRepetition(action) {
    const beforeIteration = this.getLexerPosition();
    action.call(this);
    const afterIteration = this.getLexerPosition();
    return afterIteration > beforeIteration;
  }
  orInternal(altsOrOpts, occurrence) {
    const laKey = this.getKeyForAutomaticLookahead(OR_IDX, occurrence);
    const alts = isArray_default(altsOrOpts) ? altsOrOpts : altsOrOpts.DEF;
    const laFunc = this.getLaFuncFromCache(laKey);
    const altIdxToTake = laFunc.call(this, alts);
    if (altIdxToTake !== void 0) {
      const chosenAlternative = alts[altIdxToTake];
      return chosenAlternative.ALT.call(this);
    }
    this.raiseNoAltException(occurrence, altsOrOpts.ERR_MSG);
  }
  ruleFinallyStateUpdate() {
    this.RULE_STACK_IDX--;
    this.RULE_OCCURRENCE_STACK_IDX--;
    if (this.RULE_STACK_IDX >= 0) {
      this.currRuleShortName = this.RULE_STACK[this.RULE_STACK_IDX];
    }
    this.cstFinallyStateUpdate();
  }
  subruleInternal(ruleToCall, idx, options) {
    let ruleResult;
    try {
      const args = options !== void 0 ? options.ARGS : void 0;
      this.subruleIdx = idx;
      ruleResult = ruleToCall.coreRule.apply(this, args);
      this.cstPostNonTerminal(ruleResult, options !== void 0 && options.LABEL !== void 0 ? options.LABEL : ruleToCall.ruleName);
      return ruleResult;
    } catch (e) {
      throw this.subruleInternalError(e, options, ruleToCall.ruleName);
    }
  }
  subruleInternalError(e, options, ruleName) {
    if (isRecognitionException(e) && e.partialCstResult !== void 0) {
      this.cstPostNonTerminal(e.partialCstResult, options !== void 0 && options.LABEL !== void 0 ? options.LABEL : ruleName);
      delete e.partialCstResult;
    }
    throw e;
  }
  consumeInternal(tokType, idx, options) {
    let consumedToken;
    try {
      const nextToken = this.LA_FAST(1);
      if (this.tokenMatcher(nextToken, tokType) === true) {
        this.consumeToken();
        consumedToken = nextToken;
      } else {
        this.consumeInternalError(tokType, nextToken, options);
      }
    } catch (eFromConsumption) {
      consumedToken = this.consumeInternalRecovery(tokType, idx, eFromConsumption);
    }
    this.cstPostTerminal(options !== void 0 && options.LABEL !== void 0 ? options.LABEL : tokType.name, consumedToken);
    return consumedToken;
  }
  consumeInternalError(tokType, nextToken, options) {
    let msg;
    const previousToken = this.LA(0);
    if (options !== void 0 && options.ERR_MSG) {
      msg = options.ERR_MSG;
    } else {
      msg = this.errorMessageProvider.buildMismatchTokenMessage({
        expected: tokType,
        actual: nextToken,
        previous: previousToken,
        ruleName: this.getCurrRuleFullName()
      });
    }
    throw this.SAVE_ERROR(new MismatchedTokenException(msg, nextToken, previousToken));
  }
  consumeInternalRecovery(tokType, idx, eFromConsumption) {
    if (this.recoveryEnabled && // TODO: more robust checking of the exception type. Perhaps Typescript extending expressions?
    eFromConsumption.name === "MismatchedTokenException" && !this.isBackTracking()) {
      const follows = this.getFollowsForInRuleRecovery(tokType, idx);
      try {
        return this.tryInRuleRecovery(tokType, follows);
      } catch (eFromInRuleRecovery) {
        if (eFromInRuleRecovery.name === IN_RULE_RECOVERY_EXCEPTION) {
          throw eFromConsumption;
        } else {
          throw eFromInRuleRecovery;
        }
      }
    } else {
      throw eFromConsumption;
    }
  }
  saveRecogState() {
    const savedErrors = this.errors;
    const savedRuleStack = this.RULE_STACK.slice(0, this.RULE_STACK_IDX + 1);
    return {
      errors: savedErrors,
      lexerState: this.exportLexerState(),
      RULE_STACK: savedRuleStack,
      CST_STACK: this.CST_STACK
    };
  }
  reloadRecogState(newState) {
    this.errors = newState.errors;
    this.importLexerState(newState.lexerState);
    const saved = newState.RULE_STACK;
    for (let i = 0; i < saved.length; i++) {
      this.RULE_STACK[i] = saved[i];
    }
    this.RULE_STACK_IDX = saved.length - 1;
    if (this.RULE_STACK_IDX >= 0) {
      this.currRuleShortName = this.RULE_STACK[this.RULE_STACK_IDX];
    }
  }
  ruleInvocationStateUpdate(shortName, fullName, idxInCallingRule) {
    this.RULE_OCCURRENCE_STACK[++this.RULE_OCCURRENCE_STACK_IDX] = idxInCallingRule;
    this.RULE_STACK[++this.RULE_STACK_IDX] = shortName;
    this.currRuleShortName = shortName;
    this.cstInvocationStateUpdate(fullName);
  }
  isBackTracking() {
    return this.isBackTrackingStack.length !== 0;
  }
  getCurrRuleFullName() {
    const shortName = this.currRuleShortName;
    return this.shortRuleNameToFull[shortName];
  }
  shortRuleNameToFullName(shortName) {
    return this.shortRuleNameToFull[shortName];
  }
  isAtEndOfInput() {
    return this.tokenMatcher(this.LA(1), EOF);
  }
  reset() {
    this.resetLexerState();
    this.subruleIdx = 0;
    this.currRuleShortName = 0;
    this.isBackTrackingStack = [];
    this.errors = [];
    this.RULE_STACK_IDX = -1;
    this.RULE_OCCURRENCE_STACK_IDX = -1;
    this.CST_STACK = [];
  }
  /**
   * Hook called before the root-level parsing rule is invoked.
   * This is only called when a rule is invoked directly by the consumer
   * (e.g., `parser.json()`), not when invoked as a sub-rule via SUBRULE.
   *
   * Override this method to perform actions before parsing begins.
   * The default implementation is a no-op.
   *
   * @param ruleName - The name of the root rule being invoked.
   */
  onBeforeParse(ruleName) {
    for (let i = 0; i < this.maxLookahead + 1; i++) {
      this.tokVector.push(END_OF_FILE);
    }
  }
  /**
   * Hook called after the root-level parsing rule has completed (or thrown).
   * This is only called when a rule is invoked directly by the consumer
   * (e.g., `parser.json()`), not when invoked as a sub-rule via SUBRULE.
   *
   * This hook is called in a `finally` block, so it executes regardless of
   * whether parsing succeeded or threw an error.
   *
   * Override this method to perform actions after parsing completes.
   * The default implementation is a no-op.
   *
   * @param ruleName - The name of the root rule that was invoked.
   */
  onAfterParse(ruleName) {
    if (this.isAtEndOfInput() === false) {
      const firstRedundantTok = this.LA(1);
      const errMsg = this.errorMessageProvider.buildNotAllInputParsedMessage({
        firstRedundant: firstRedundantTok,
        ruleName: this.getCurrRuleFullName()
      });
      this.SAVE_ERROR(new NotAllInputParsedException(errMsg, firstRedundantTok));
    }
    while (this.tokVector.at(-1) === END_OF_FILE) {
      this.tokVector.pop();
    }
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/error_handler.js
var ErrorHandler = class {
  initErrorHandler(config2) {
    this._errors = [];
    this.errorMessageProvider = has_default(config2, "errorMessageProvider") ? config2.errorMessageProvider : DEFAULT_PARSER_CONFIG.errorMessageProvider;
  }
  SAVE_ERROR(error2) {
    if (isRecognitionException(error2)) {
      error2.context = {
        ruleStack: this.getHumanReadableRuleStack(),
        ruleOccurrenceStack: this.RULE_OCCURRENCE_STACK.slice(0, this.RULE_OCCURRENCE_STACK_IDX + 1)
      };
      this._errors.push(error2);
      return error2;
    } else {
      throw Error("Trying to save an Error which is not a RecognitionException");
    }
  }
  get errors() {
    return clone_default(this._errors);
  }
  set errors(newErrors) {
    this._errors = newErrors;
  }
  // TODO: consider caching the error message computed information
  raiseEarlyExitException(occurrence, prodType, userDefinedErrMsg) {
    const ruleName = this.getCurrRuleFullName();
    const ruleGrammar = this.getGAstProductions()[ruleName];
    const lookAheadPathsPerAlternative = getLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, this.maxLookahead);
    const insideProdPaths = lookAheadPathsPerAlternative[0];
    const actualTokens = [];
    for (let i = 1; i <= this.maxLookahead; i++) {
      actualTokens.push(this.LA(i));
    }
    const msg = this.errorMessageProvider.buildEarlyExitMessage({
      expectedIterationPaths: insideProdPaths,
      actual: actualTokens,
      previous: this.LA(0),
      customUserDescription: userDefinedErrMsg,
      ruleName
    });
    throw this.SAVE_ERROR(new EarlyExitException(msg, this.LA(1), this.LA(0)));
  }
  // TODO: consider caching the error message computed information
  raiseNoAltException(occurrence, errMsgTypes) {
    const ruleName = this.getCurrRuleFullName();
    const ruleGrammar = this.getGAstProductions()[ruleName];
    const lookAheadPathsPerAlternative = getLookaheadPathsForOr(occurrence, ruleGrammar, this.maxLookahead);
    const actualTokens = [];
    for (let i = 1; i <= this.maxLookahead; i++) {
      actualTokens.push(this.LA(i));
    }
    const previousToken = this.LA(0);
    const errMsg = this.errorMessageProvider.buildNoViableAltMessage({
      expectedPathsPerAlt: lookAheadPathsPerAlternative,
      actual: actualTokens,
      previous: previousToken,
      customUserDescription: errMsgTypes,
      ruleName: this.getCurrRuleFullName()
    });
    throw this.SAVE_ERROR(new NoViableAltException(errMsg, this.LA(1), previousToken));
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/context_assist.js
var ContentAssist = class {
  initContentAssist() {
  }
  computeContentAssist(startRuleName, precedingInput) {
    const startRuleGast = this.gastProductionsCache[startRuleName];
    if (isUndefined_default(startRuleGast)) {
      throw Error(`Rule ->${startRuleName}<- does not exist in this grammar.`);
    }
    return nextPossibleTokensAfter([startRuleGast], precedingInput, this.tokenMatcher, this.maxLookahead);
  }
  // TODO: should this be a member method or a utility? it does not have any state or usage of 'this'...
  // TODO: should this be more explicitly part of the public API?
  getNextPossibleTokenTypes(grammarPath) {
    const topRuleName = head_default(grammarPath.ruleStack);
    const gastProductions = this.getGAstProductions();
    const topProduction = gastProductions[topRuleName];
    const nextPossibleTokenTypes = new NextAfterTokenWalker(topProduction, grammarPath).startWalking();
    return nextPossibleTokenTypes;
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/gast_recorder.js
var RECORDING_NULL_OBJECT = {
  description: "This Object indicates the Parser is during Recording Phase"
};
Object.freeze(RECORDING_NULL_OBJECT);
var HANDLE_SEPARATOR = true;
var MAX_METHOD_IDX = Math.pow(2, BITS_FOR_OCCURRENCE_IDX) - 1;
var RFT = createToken({ name: "RECORDING_PHASE_TOKEN", pattern: Lexer.NA });
augmentTokenTypes([RFT]);
var RECORDING_PHASE_TOKEN = createTokenInstance(
  RFT,
  "This IToken indicates the Parser is in Recording Phase\n	See: https://chevrotain.io/docs/guide/internals.html#grammar-recording for details",
  // Using "-1" instead of NaN (as in EOF) because an actual number is less likely to
  // cause errors if the output of LA or CONSUME would be (incorrectly) used during the recording phase.
  -1,
  -1,
  -1,
  -1,
  -1,
  -1
);
Object.freeze(RECORDING_PHASE_TOKEN);
var RECORDING_PHASE_CSTNODE = {
  name: "This CSTNode indicates the Parser is in Recording Phase\n	See: https://chevrotain.io/docs/guide/internals.html#grammar-recording for details",
  children: {}
};
var GastRecorder = class {
  initGastRecorder(config2) {
    this.recordingProdStack = [];
    this.RECORDING_PHASE = false;
  }
  enableRecording() {
    this.RECORDING_PHASE = true;
    this.TRACE_INIT("Enable Recording", () => {
      for (let i = 0; i < 10; i++) {
        const idx = i > 0 ? i : "";
        this[`CONSUME${idx}`] = function(arg1, arg2) {
          return this.consumeInternalRecord(arg1, i, arg2);
        };
        this[`SUBRULE${idx}`] = function(arg1, arg2) {
          return this.subruleInternalRecord(arg1, i, arg2);
        };
        this[`OPTION${idx}`] = function(arg1) {
          return this.optionInternalRecord(arg1, i);
        };
        this[`OR${idx}`] = function(arg1) {
          return this.orInternalRecord(arg1, i);
        };
        this[`MANY${idx}`] = function(arg1) {
          this.manyInternalRecord(i, arg1);
        };
        this[`MANY_SEP${idx}`] = function(arg1) {
          this.manySepFirstInternalRecord(i, arg1);
        };
        this[`AT_LEAST_ONE${idx}`] = function(arg1) {
          this.atLeastOneInternalRecord(i, arg1);
        };
        this[`AT_LEAST_ONE_SEP${idx}`] = function(arg1) {
          this.atLeastOneSepFirstInternalRecord(i, arg1);
        };
      }
      this[`consume`] = function(idx, arg1, arg2) {
        return this.consumeInternalRecord(arg1, idx, arg2);
      };
      this[`subrule`] = function(idx, arg1, arg2) {
        return this.subruleInternalRecord(arg1, idx, arg2);
      };
      this[`option`] = function(idx, arg1) {
        return this.optionInternalRecord(arg1, idx);
      };
      this[`or`] = function(idx, arg1) {
        return this.orInternalRecord(arg1, idx);
      };
      this[`many`] = function(idx, arg1) {
        this.manyInternalRecord(idx, arg1);
      };
      this[`atLeastOne`] = function(idx, arg1) {
        this.atLeastOneInternalRecord(idx, arg1);
      };
      this.ACTION = this.ACTION_RECORD;
      this.BACKTRACK = this.BACKTRACK_RECORD;
      this.LA = this.LA_RECORD;
    });
  }
  disableRecording() {
    this.RECORDING_PHASE = false;
    this.TRACE_INIT("Deleting Recording methods", () => {
      const that = this;
      for (let i = 0; i < 10; i++) {
        const idx = i > 0 ? i : "";
        delete that[`CONSUME${idx}`];
        delete that[`SUBRULE${idx}`];
        delete that[`OPTION${idx}`];
        delete that[`OR${idx}`];
        delete that[`MANY${idx}`];
        delete that[`MANY_SEP${idx}`];
        delete that[`AT_LEAST_ONE${idx}`];
        delete that[`AT_LEAST_ONE_SEP${idx}`];
      }
      delete that[`consume`];
      delete that[`subrule`];
      delete that[`option`];
      delete that[`or`];
      delete that[`many`];
      delete that[`atLeastOne`];
      delete that.ACTION;
      delete that.BACKTRACK;
      delete that.LA;
    });
  }
  //   Parser methods are called inside an ACTION?
  //   Maybe try/catch/finally on ACTIONS while disabling the recorders state changes?
  // @ts-expect-error -- noop place holder
  ACTION_RECORD(impl) {
  }
  // Executing backtracking logic will break our recording logic assumptions
  BACKTRACK_RECORD(grammarRule, args) {
    return () => true;
  }
  // LA is part of the official API and may be used for custom lookahead logic
  // by end users who may forget to wrap it in ACTION or inside a GATE
  LA_RECORD(howMuch) {
    return END_OF_FILE;
  }
  topLevelRuleRecord(name, def) {
    try {
      const newTopLevelRule = new Rule({ definition: [], name });
      newTopLevelRule.name = name;
      this.recordingProdStack.push(newTopLevelRule);
      def.call(this);
      this.recordingProdStack.pop();
      return newTopLevelRule;
    } catch (originalError) {
      if (originalError.KNOWN_RECORDER_ERROR !== true) {
        try {
          originalError.message = originalError.message + '\n	 This error was thrown during the "grammar recording phase" For more info see:\n	https://chevrotain.io/docs/guide/internals.html#grammar-recording';
        } catch (mutabilityError) {
          throw originalError;
        }
      }
      throw originalError;
    }
  }
  // Implementation of parsing DSL
  optionInternalRecord(actionORMethodDef, occurrence) {
    return recordProd.call(this, Option, actionORMethodDef, occurrence);
  }
  atLeastOneInternalRecord(occurrence, actionORMethodDef) {
    recordProd.call(this, RepetitionMandatory, actionORMethodDef, occurrence);
  }
  atLeastOneSepFirstInternalRecord(occurrence, options) {
    recordProd.call(this, RepetitionMandatoryWithSeparator, options, occurrence, HANDLE_SEPARATOR);
  }
  manyInternalRecord(occurrence, actionORMethodDef) {
    recordProd.call(this, Repetition, actionORMethodDef, occurrence);
  }
  manySepFirstInternalRecord(occurrence, options) {
    recordProd.call(this, RepetitionWithSeparator, options, occurrence, HANDLE_SEPARATOR);
  }
  orInternalRecord(altsOrOpts, occurrence) {
    return recordOrProd.call(this, altsOrOpts, occurrence);
  }
  subruleInternalRecord(ruleToCall, occurrence, options) {
    assertMethodIdxIsValid(occurrence);
    if (!ruleToCall || has_default(ruleToCall, "ruleName") === false) {
      const error2 = new Error(`<SUBRULE${getIdxSuffix(occurrence)}> argument is invalid expecting a Parser method reference but got: <${JSON.stringify(ruleToCall)}>
 inside top level rule: <${this.recordingProdStack[0].name}>`);
      error2.KNOWN_RECORDER_ERROR = true;
      throw error2;
    }
    const prevProd = last_default(this.recordingProdStack);
    const ruleName = ruleToCall.ruleName;
    const newNoneTerminal = new NonTerminal({
      idx: occurrence,
      nonTerminalName: ruleName,
      label: options === null || options === void 0 ? void 0 : options.LABEL,
      // The resolving of the `referencedRule` property will be done once all the Rule's GASTs have been created
      referencedRule: void 0
    });
    prevProd.definition.push(newNoneTerminal);
    return this.outputCst ? RECORDING_PHASE_CSTNODE : RECORDING_NULL_OBJECT;
  }
  consumeInternalRecord(tokType, occurrence, options) {
    assertMethodIdxIsValid(occurrence);
    if (!hasShortKeyProperty(tokType)) {
      const error2 = new Error(`<CONSUME${getIdxSuffix(occurrence)}> argument is invalid expecting a TokenType reference but got: <${JSON.stringify(tokType)}>
 inside top level rule: <${this.recordingProdStack[0].name}>`);
      error2.KNOWN_RECORDER_ERROR = true;
      throw error2;
    }
    const prevProd = last_default(this.recordingProdStack);
    const newNoneTerminal = new Terminal({
      idx: occurrence,
      terminalType: tokType,
      label: options === null || options === void 0 ? void 0 : options.LABEL
    });
    prevProd.definition.push(newNoneTerminal);
    return RECORDING_PHASE_TOKEN;
  }
};
function recordProd(prodConstructor, mainProdArg, occurrence, handleSep = false) {
  assertMethodIdxIsValid(occurrence);
  const prevProd = last_default(this.recordingProdStack);
  const grammarAction = isFunction_default(mainProdArg) ? mainProdArg : mainProdArg.DEF;
  const newProd = new prodConstructor({ definition: [], idx: occurrence });
  if (handleSep) {
    newProd.separator = mainProdArg.SEP;
  }
  if (has_default(mainProdArg, "MAX_LOOKAHEAD")) {
    newProd.maxLookahead = mainProdArg.MAX_LOOKAHEAD;
  }
  this.recordingProdStack.push(newProd);
  grammarAction.call(this);
  prevProd.definition.push(newProd);
  this.recordingProdStack.pop();
  return RECORDING_NULL_OBJECT;
}
function recordOrProd(mainProdArg, occurrence) {
  assertMethodIdxIsValid(occurrence);
  const prevProd = last_default(this.recordingProdStack);
  const hasOptions = isArray_default(mainProdArg) === false;
  const alts = hasOptions === false ? mainProdArg : mainProdArg.DEF;
  const newOrProd = new Alternation({
    definition: [],
    idx: occurrence,
    ignoreAmbiguities: hasOptions && mainProdArg.IGNORE_AMBIGUITIES === true
  });
  if (has_default(mainProdArg, "MAX_LOOKAHEAD")) {
    newOrProd.maxLookahead = mainProdArg.MAX_LOOKAHEAD;
  }
  const hasPredicates = some_default(alts, (currAlt) => isFunction_default(currAlt.GATE));
  newOrProd.hasPredicates = hasPredicates;
  prevProd.definition.push(newOrProd);
  forEach_default(alts, (currAlt) => {
    const currAltFlat = new Alternative({ definition: [] });
    newOrProd.definition.push(currAltFlat);
    if (has_default(currAlt, "IGNORE_AMBIGUITIES")) {
      currAltFlat.ignoreAmbiguities = currAlt.IGNORE_AMBIGUITIES;
    } else if (has_default(currAlt, "GATE")) {
      currAltFlat.ignoreAmbiguities = true;
    }
    this.recordingProdStack.push(currAltFlat);
    currAlt.ALT.call(this);
    this.recordingProdStack.pop();
  });
  return RECORDING_NULL_OBJECT;
}
function getIdxSuffix(idx) {
  return idx === 0 ? "" : `${idx}`;
}
function assertMethodIdxIsValid(idx) {
  if (idx < 0 || idx > MAX_METHOD_IDX) {
    const error2 = new Error(
      // The stack trace will contain all the needed details
      `Invalid DSL Method idx value: <${idx}>
	Idx value must be a none negative value smaller than ${MAX_METHOD_IDX + 1}`
    );
    error2.KNOWN_RECORDER_ERROR = true;
    throw error2;
  }
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/traits/perf_tracer.js
var PerformanceTracer = class {
  initPerformanceTracer(config2) {
    if (has_default(config2, "traceInitPerf")) {
      const userTraceInitPerf = config2.traceInitPerf;
      const traceIsNumber = typeof userTraceInitPerf === "number";
      this.traceInitMaxIdent = traceIsNumber ? userTraceInitPerf : Infinity;
      this.traceInitPerf = traceIsNumber ? userTraceInitPerf > 0 : userTraceInitPerf;
    } else {
      this.traceInitMaxIdent = 0;
      this.traceInitPerf = DEFAULT_PARSER_CONFIG.traceInitPerf;
    }
    this.traceInitIndent = -1;
  }
  TRACE_INIT(phaseDesc, phaseImpl) {
    if (this.traceInitPerf === true) {
      this.traceInitIndent++;
      const indent = new Array(this.traceInitIndent + 1).join("	");
      if (this.traceInitIndent < this.traceInitMaxIdent) {
        console.log(`${indent}--> <${phaseDesc}>`);
      }
      const { time, value } = timer(phaseImpl);
      const traceMethod = time > 10 ? console.warn : console.log;
      if (this.traceInitIndent < this.traceInitMaxIdent) {
        traceMethod(`${indent}<-- <${phaseDesc}> time: ${time}ms`);
      }
      this.traceInitIndent--;
      return value;
    } else {
      return phaseImpl();
    }
  }
};

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/utils/apply_mixins.js
function applyMixins(derivedCtor, baseCtors) {
  baseCtors.forEach((baseCtor) => {
    const baseProto = baseCtor.prototype;
    Object.getOwnPropertyNames(baseProto).forEach((propName) => {
      if (propName === "constructor") {
        return;
      }
      const basePropDescriptor = Object.getOwnPropertyDescriptor(baseProto, propName);
      if (basePropDescriptor && (basePropDescriptor.get || basePropDescriptor.set)) {
        Object.defineProperty(derivedCtor.prototype, propName, basePropDescriptor);
      } else {
        derivedCtor.prototype[propName] = baseCtor.prototype[propName];
      }
    });
  });
}

// ../node_modules/.pnpm/chevrotain@11.2.0/node_modules/chevrotain/lib/src/parse/parser/parser.js
var END_OF_FILE = createTokenInstance(EOF, "", NaN, NaN, NaN, NaN, NaN, NaN);
Object.freeze(END_OF_FILE);
var DEFAULT_PARSER_CONFIG = Object.freeze({
  recoveryEnabled: false,
  maxLookahead: 3,
  dynamicTokensEnabled: false,
  outputCst: true,
  errorMessageProvider: defaultParserErrorProvider,
  nodeLocationTracking: "none",
  traceInitPerf: false,
  skipValidations: false
});
var DEFAULT_RULE_CONFIG = Object.freeze({
  recoveryValueFunc: () => void 0,
  resyncEnabled: true
});
var ParserDefinitionErrorType;
(function(ParserDefinitionErrorType2) {
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["INVALID_RULE_NAME"] = 0] = "INVALID_RULE_NAME";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["DUPLICATE_RULE_NAME"] = 1] = "DUPLICATE_RULE_NAME";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["INVALID_RULE_OVERRIDE"] = 2] = "INVALID_RULE_OVERRIDE";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["DUPLICATE_PRODUCTIONS"] = 3] = "DUPLICATE_PRODUCTIONS";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["UNRESOLVED_SUBRULE_REF"] = 4] = "UNRESOLVED_SUBRULE_REF";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["LEFT_RECURSION"] = 5] = "LEFT_RECURSION";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["NONE_LAST_EMPTY_ALT"] = 6] = "NONE_LAST_EMPTY_ALT";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["AMBIGUOUS_ALTS"] = 7] = "AMBIGUOUS_ALTS";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["CONFLICT_TOKENS_RULES_NAMESPACE"] = 8] = "CONFLICT_TOKENS_RULES_NAMESPACE";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["INVALID_TOKEN_NAME"] = 9] = "INVALID_TOKEN_NAME";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["NO_NON_EMPTY_LOOKAHEAD"] = 10] = "NO_NON_EMPTY_LOOKAHEAD";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["AMBIGUOUS_PREFIX_ALTS"] = 11] = "AMBIGUOUS_PREFIX_ALTS";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["TOO_MANY_ALTS"] = 12] = "TOO_MANY_ALTS";
  ParserDefinitionErrorType2[ParserDefinitionErrorType2["CUSTOM_LOOKAHEAD_VALIDATION"] = 13] = "CUSTOM_LOOKAHEAD_VALIDATION";
})(ParserDefinitionErrorType || (ParserDefinitionErrorType = {}));
var Parser = class _Parser {
  /**
   *  @deprecated use the **instance** method with the same name instead
   */
  static performSelfAnalysis(parserInstance) {
    throw Error("The **static** `performSelfAnalysis` method has been deprecated.	\nUse the **instance** method with the same name instead.");
  }
  performSelfAnalysis() {
    this.TRACE_INIT("performSelfAnalysis", () => {
      let defErrorsMsgs;
      this.selfAnalysisDone = true;
      const className = this.className;
      this.TRACE_INIT("toFastProps", () => {
        toFastProperties(this);
      });
      this.TRACE_INIT("Grammar Recording", () => {
        try {
          this.enableRecording();
          forEach_default(this.definedRulesNames, (currRuleName) => {
            const wrappedRule = this[currRuleName];
            const originalGrammarAction = wrappedRule["originalGrammarAction"];
            let recordedRuleGast;
            this.TRACE_INIT(`${currRuleName} Rule`, () => {
              recordedRuleGast = this.topLevelRuleRecord(currRuleName, originalGrammarAction);
            });
            this.gastProductionsCache[currRuleName] = recordedRuleGast;
          });
        } finally {
          this.disableRecording();
        }
      });
      let resolverErrors = [];
      this.TRACE_INIT("Grammar Resolving", () => {
        resolverErrors = resolveGrammar2({
          rules: values_default(this.gastProductionsCache)
        });
        this.definitionErrors = this.definitionErrors.concat(resolverErrors);
      });
      this.TRACE_INIT("Grammar Validations", () => {
        if (isEmpty_default(resolverErrors) && this.skipValidations === false) {
          const validationErrors = validateGrammar2({
            rules: values_default(this.gastProductionsCache),
            tokenTypes: values_default(this.tokensMap),
            errMsgProvider: defaultGrammarValidatorErrorProvider,
            grammarName: className
          });
          const lookaheadValidationErrors = validateLookahead({
            lookaheadStrategy: this.lookaheadStrategy,
            rules: values_default(this.gastProductionsCache),
            tokenTypes: values_default(this.tokensMap),
            grammarName: className
          });
          this.definitionErrors = this.definitionErrors.concat(validationErrors, lookaheadValidationErrors);
        }
      });
      if (isEmpty_default(this.definitionErrors)) {
        if (this.recoveryEnabled) {
          this.TRACE_INIT("computeAllProdsFollows", () => {
            const allFollows = computeAllProdsFollows(values_default(this.gastProductionsCache));
            this.resyncFollows = allFollows;
          });
        }
        this.TRACE_INIT("ComputeLookaheadFunctions", () => {
          var _a, _b;
          (_b = (_a = this.lookaheadStrategy).initialize) === null || _b === void 0 ? void 0 : _b.call(_a, {
            rules: values_default(this.gastProductionsCache)
          });
          this.preComputeLookaheadFunctions(values_default(this.gastProductionsCache));
        });
      }
      if (!_Parser.DEFER_DEFINITION_ERRORS_HANDLING && !isEmpty_default(this.definitionErrors)) {
        defErrorsMsgs = map_default(this.definitionErrors, (defError) => defError.message);
        throw new Error(`Parser Definition Errors detected:
 ${defErrorsMsgs.join("\n-------------------------------\n")}`);
      }
    });
  }
  constructor(tokenVocabulary, config2) {
    this.definitionErrors = [];
    this.selfAnalysisDone = false;
    const that = this;
    that.initErrorHandler(config2);
    that.initLexerAdapter();
    that.initLooksAhead(config2);
    that.initRecognizerEngine(tokenVocabulary, config2);
    that.initRecoverable(config2);
    that.initTreeBuilder(config2);
    that.initContentAssist();
    that.initGastRecorder(config2);
    that.initPerformanceTracer(config2);
    if (has_default(config2, "ignoredIssues")) {
      throw new Error("The <ignoredIssues> IParserConfig property has been deprecated.\n	Please use the <IGNORE_AMBIGUITIES> flag on the relevant DSL method instead.\n	See: https://chevrotain.io/docs/guide/resolving_grammar_errors.html#IGNORING_AMBIGUITIES\n	For further details.");
    }
    this.skipValidations = has_default(config2, "skipValidations") ? config2.skipValidations : DEFAULT_PARSER_CONFIG.skipValidations;
  }
};
Parser.DEFER_DEFINITION_ERRORS_HANDLING = false;
applyMixins(Parser, [
  Recoverable,
  LooksAhead,
  TreeBuilder,
  LexerAdapter,
  RecognizerEngine,
  RecognizerApi,
  ErrorHandler,
  ContentAssist,
  GastRecorder,
  PerformanceTracer
]);
var CstParser = class extends Parser {
  constructor(tokenVocabulary, config2 = DEFAULT_PARSER_CONFIG) {
    const configClone = clone_default(config2);
    configClone.outputCst = true;
    super(tokenVocabulary, configClone);
  }
};

// src/lexer/line-index.ts
var LineIndex = class {
  constructor(text) {
    this.text = text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }
  text;
  starts = [0];
  /** The line of the last lookup: the AST builder asks in nearly ascending order. */
  hint = 0;
  /** The position of an offset, clamped into [0, text.length]. */
  position(offset) {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : this.text.length, this.text.length));
    const line = this.lineAt(at);
    return { line, column: at - this.starts[line], offset: at };
  }
  /** The range [start, end) of two offsets. */
  range(start, end) {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
  /** 0-based line of an offset. */
  line(offset) {
    return this.position(offset).line;
  }
  /** The line holding `at`, an offset already clamped into the text. */
  lineAt(at) {
    const starts = this.starts;
    const last2 = starts.length - 1;
    let low = this.hint;
    if (starts[low] <= at && (low === last2 || starts[low + 1] > at)) return low;
    if (low < last2 && starts[low + 1] <= at && (low + 1 === last2 || starts[low + 2] > at)) return this.hint = low + 1;
    low = 0;
    let high = last2;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return this.hint = low;
  }
};

// src/lexer/tokens.ts
var Keyword = createToken({ name: "Keyword", pattern: Lexer.NA });
var Operator = createToken({ name: "Operator", pattern: Lexer.NA });
var Literal = createToken({ name: "Literal", pattern: Lexer.NA });
var BinaryOperator = createToken({ name: "BinaryOperator", pattern: Lexer.NA, label: "an operator" });
var Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });
var WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED
});
var DocComment = createToken({
  name: "DocComment",
  pattern: /\/\/\/(?!\/)[^\n\r]*/,
  group: "comments",
  label: "doc comment"
});
var LineComment = createToken({
  name: "LineComment",
  pattern: /\/\/[^\n\r]*/,
  group: "comments",
  label: "comment"
});
var Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*(?:\.[A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*)*/,
  categories: [Name],
  label: "a name"
});
var keywordTokens = [];
var SOFT_KEYWORDS = /* @__PURE__ */ new Set([
  "amount",
  "band",
  "biweekly",
  "business",
  "fees",
  "installment",
  "interest",
  "iva",
  "max",
  "min",
  "monthly",
  "moratorium",
  "overdue",
  "payments",
  "principal",
  "rate",
  "score",
  "semimonthly",
  "today",
  "total",
  "weekly"
]);
function keyword(word, extraCategories = []) {
  const soft = SOFT_KEYWORDS.has(word);
  const token2 = createToken({
    name: `Kw_${word}`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: soft ? [Keyword, Name, ...extraCategories] : [Keyword, ...extraCategories],
    label: `\`${word}\``
  });
  keywordTokens.push(token2);
  return token2;
}
var Accrual = keyword("accrual");
var Allocation = keyword("allocation");
var Allowed = keyword("allowed");
var Amount = keyword("amount");
var And = keyword("and", [BinaryOperator]);
var Annual = keyword("annual");
var Approve = keyword("approve");
var At = keyword("at");
var Band = keyword("band");
var Base = keyword("base");
var Basis = keyword("basis");
var Biweekly = keyword("biweekly");
var BooleanType = keyword("boolean");
var Business = keyword("business");
var By = keyword("by");
var Cat = keyword("cat");
var Characteristic = keyword("characteristic");
var Collection = keyword("collection");
var Counteroffer = keyword("counteroffer");
var Currency = keyword("currency");
var DateType = keyword("date");
var Days = keyword("days");
var Decline = keyword("decline");
var Disburse = keyword("disburse");
var Doc = keyword("doc");
var Dpd = keyword("dpd");
var Eligibility = keyword("eligibility");
var Else = keyword("else");
var EnumType = keyword("enum");
var Every = keyword("every");
var Expect = keyword("expect");
var False = keyword("false", [Literal]);
var Fee = keyword("fee");
var Fees = keyword("fees");
var Financed = keyword("financed");
var First = keyword("first");
var From = keyword("from");
var Given = keyword("given");
var Grace = keyword("grace");
var If = keyword("if");
var In = keyword("in");
var Includes = keyword("includes");
var Input = keyword("input");
var Installment = keyword("installment");
var IntegerType = keyword("integer");
var Interest = keyword("interest");
var Is = keyword("is");
var Iva = keyword("iva");
var Kind = keyword("kind");
var Late = keyword("late");
var Let = keyword("let");
var Limits = keyword("limits");
var Max = keyword("max");
var Message = keyword("message");
var Method = keyword("method");
var Min = keyword("min");
var Missing = keyword("missing");
var MoneyType = keyword("money");
var Monthly = keyword("monthly");
var Moratorium = keyword("moratorium");
var Multiple = keyword("multiple");
var No = keyword("no");
var Not = keyword("not");
var Notify = keyword("notify");
var NumberType = keyword("number");
var Of = keyword("of");
var Off = keyword("off");
var Offer = keyword("offer");
var On = keyword("on");
var Optional = keyword("optional");
var Or = keyword("or", [BinaryOperator]);
var Ordinary = keyword("ordinary");
var Otherwise = keyword("otherwise");
var Outstanding = keyword("outstanding");
var Overdue = keyword("overdue");
var Pay = keyword("pay");
var Payment = keyword("payment");
var Payments = keyword("payments");
var Penalties = keyword("penalties");
var Per = keyword("per");
var PercentType = keyword("percent");
var Prepayment = keyword("prepayment");
var Present = keyword("present");
var Pricing = keyword("pricing");
var Principal = keyword("principal");
var Product = keyword("product");
var Queue = keyword("queue");
var Rate = keyword("rate");
var Reason = keyword("reason");
var Reasons = keyword("reasons");
var Reduce = keyword("reduce");
var Refer = keyword("refer");
var Restructure = keyword("restructure");
var Rounding = keyword("rounding");
var Score = keyword("score");
var Scorecard = keyword("scorecard");
var Semimonthly = keyword("semimonthly");
var Stage = keyword("stage");
var Step = keyword("step");
var Stop = keyword("stop");
var StringType = keyword("string");
var Term = keyword("term");
var Test = keyword("test");
var Then = keyword("then");
var To = keyword("to");
var Today = keyword("today");
var Total = keyword("total");
var True = keyword("true", [Literal]);
var Unless = keyword("unless");
var Upfront = keyword("upfront");
var Weekly = keyword("weekly");
var When = keyword("when");
var Write = keyword("write");
var Deducted = keyword("deducted");
function previousIs(tokens2, back, type) {
  return tokens2[tokens2.length - back]?.tokenType === type;
}
var BasisName = createToken({
  name: "BasisName",
  pattern: {
    exec: (text, offset, tokens2) => {
      if (!previousIs(tokens2, 1, Basis)) return null;
      const match = /actual\/36[05](?![A-Za-z0-9_])|30\/360(?![0-9_])/y;
      match.lastIndex = offset;
      return match.exec(text);
    }
  },
  start_chars_hint: ["a", "3"],
  line_breaks: false,
  categories: [Literal],
  label: "an interest basis (`actual/360`, `actual/365`, `30/360`)"
});
var RoundingMode = createToken({
  name: "RoundingMode",
  pattern: {
    exec: (text, offset, tokens2) => {
      if (!previousIs(tokens2, 2, Rounding)) return null;
      const match = /[a-z]+(?:-[a-z]+)+/y;
      match.lastIndex = offset;
      return match.exec(text);
    }
  },
  start_chars_hint: [..."abcdefghijklmnopqrstuvwxyz"],
  line_breaks: false,
  label: "a rounding mode"
});
var StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
  categories: [Literal],
  label: "a string"
});
var UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?/,
  label: "string"
});
var DateLiteral = createToken({
  name: "DateLiteral",
  pattern: /\d{4}-\d{2}-\d{2}(?![0-9_])/,
  categories: [Literal],
  label: "a date"
});
var MultipleLiteral = createToken({
  name: "MultipleLiteral",
  pattern: /\d(?:_?\d)*(?:\.\d(?:_?\d)*)?x(?![A-Za-z0-9_])/,
  categories: [Literal],
  label: "a multiple such as `1.5x`"
});
var PercentLiteral = createToken({
  name: "PercentLiteral",
  pattern: /\d(?:_?\d)*(?:\.\d(?:_?\d)*)?%/,
  categories: [Literal],
  label: "a percent"
});
var NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /\d(?:_?\d)*(?:\.\d(?:_?\d)*)?/,
  categories: [Literal],
  label: "a number"
});
function operator(name, pattern, binary = false) {
  return createToken({ name, pattern, categories: binary ? [Operator, BinaryOperator] : [Operator], label: `\`${pattern}\`` });
}
var Arrow = operator("Arrow", "->");
var RangeExclusive = operator("RangeExclusive", "..<");
var RangeDots = operator("RangeDots", "..");
var LessEq = operator("LessEq", "<=", true);
var GreaterEq = operator("GreaterEq", ">=", true);
var NotEquals = operator("NotEquals", "!=", true);
var Less = operator("Less", "<", true);
var Greater = operator("Greater", ">", true);
var Equals = operator("Equals", "=", true);
var Plus = operator("Plus", "+", true);
var Minus = operator("Minus", "-", true);
var Star = operator("Star", "*", true);
var Slash = operator("Slash", "/", true);
var LCurly = operator("LCurly", "{");
var RCurly = operator("RCurly", "}");
var LParen = operator("LParen", "(");
var RParen = operator("RParen", ")");
var Comma = operator("Comma", ",");
var Colon = operator("Colon", ":");
var allTokens = [
  WhiteSpace,
  DocComment,
  LineComment,
  StringLiteral,
  UnterminatedString,
  BasisName,
  RoundingMode,
  DateLiteral,
  MultipleLiteral,
  PercentLiteral,
  NumberLiteral,
  Arrow,
  RangeExclusive,
  RangeDots,
  LessEq,
  GreaterEq,
  NotEquals,
  Less,
  Greater,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  LCurly,
  RCurly,
  LParen,
  RParen,
  Comma,
  Colon,
  // longest first, so `input` is tried before `in` and `payments` before `pay`
  ...[...keywordTokens].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  Keyword,
  Operator,
  Literal,
  BinaryOperator,
  Name
];
var keywords = Object.freeze(
  keywordTokens.map((t) => String(t.PATTERN).slice(1, -1)).sort()
);

// src/lexer/lexer.ts
var UNTERMINATED = "unterminated";
var lexer = new Lexer([...allTokens], {
  // Offsets only: lines and columns come from the LineIndex (see tokenRange in ast/cst.ts).
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  recoveryEnabled: true
});
function lex(text, lines = new LineIndex(text)) {
  const result = lexer.tokenize(text);
  const diagnostics = [];
  for (const error2 of result.errors) {
    const bad = text.slice(error2.offset, error2.offset + error2.length);
    const shown = bad.length > 20 ? `${bad.slice(0, 20)}\u2026` : bad;
    diagnostics.push({
      severity: "error",
      code: "invalid-character",
      message: `invalid character${[...bad].length > 1 ? "s" : ""} \`${shown}\``,
      range: lines.range(error2.offset, error2.offset + error2.length),
      help: "names use letters, digits and `_`; strings go between double quotes"
    });
  }
  for (const token2 of result.tokens) {
    if (token2.tokenType !== UnterminatedString) continue;
    diagnostics.push({
      severity: "error",
      code: "unterminated-string",
      message: 'unterminated string: expected a closing `"` before the end of the line',
      range: lines.range(token2.startOffset, token2.startOffset + token2.image.length)
    });
    token2.payload = UNTERMINATED;
    token2.tokenType = StringLiteral;
    token2.tokenTypeIdx = StringLiteral.tokenTypeIdx;
  }
  return { tokens: result.tokens, comments: result.groups["comments"] ?? [], diagnostics, lines };
}

// src/ast/cst.ts
function isRealToken(token2) {
  return token2 !== void 0 && !token2.isInsertedInRecovery && Number.isFinite(token2.startOffset);
}
function isCstNode(element) {
  return "children" in element;
}
function token(node, label) {
  const list = node?.children[label];
  if (list === void 0) return void 0;
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    if (element.image !== void 0 && element.isInsertedInRecovery !== true && element.startOffset === element.startOffset) return element;
  }
  return void 0;
}
function tokens(node, label) {
  const list = node?.children[label];
  if (!list) return [];
  return list.filter((element) => !isCstNode(element) && isRealToken(element));
}
function child(node, label) {
  const list = node?.children[label];
  if (!list) return void 0;
  for (const element of list) if (isCstNode(element)) return element;
  return void 0;
}
function children(node, label) {
  const list = node?.children[label];
  if (!list) return [];
  return list.filter(isCstNode);
}
function hasRealToken(node) {
  if (!node) return false;
  if (node.first !== void 0) return true;
  for (const list of Object.values(node.children)) {
    for (const element of list) {
      if (isCstNode(element) ? hasRealToken(element) : isRealToken(element)) return true;
    }
  }
  return false;
}
function tokenRange(t, lines) {
  const start = t.startOffset;
  return { start: lines.position(start), end: lines.position(start + t.image.length) };
}
function cover(a, b) {
  return {
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end
  };
}
function emptyAt(position) {
  return { start: position, end: position };
}
function nodeRange(node, fallback, lines) {
  if (node === void 0) return fallback;
  const { first: first2, last: last2 } = node;
  if (first2 === void 0 || last2 === void 0) return fallback;
  return { start: lines.position(first2.startOffset), end: lines.position(last2.startOffset + last2.image.length) };
}

// src/ast/build-literals.ts
function identifier(t, ctx) {
  return Object.freeze({ kind: "Identifier", name: t.image, range: tokenRange(t, ctx.lines) });
}
function missingIdentifier(range) {
  return Object.freeze({ kind: "Identifier", name: "", range });
}
function withoutGrouping(image) {
  return image.includes("_") ? image.replaceAll("_", "") : image;
}
function numberLiteral(t, ctx, sign2) {
  const image = t.image;
  const digits = withoutGrouping(image.charCodeAt(image.length - 1) === 120 ? image.slice(0, -1) : image);
  if (!sign2) return Object.freeze({ kind: "NumberLiteral", value: digits, range: tokenRange(t, ctx.lines) });
  return Object.freeze({ kind: "NumberLiteral", value: sign2.image + digits, range: signedRange(sign2, t, ctx) });
}
function signedRange(sign2, t, ctx) {
  return cover(tokenRange(sign2, ctx.lines), tokenRange(t, ctx.lines));
}
function percentFraction(value) {
  return new Dec(value).div(100).toFixed();
}
function percentLiteral(t, ctx, sign2) {
  const value = `${sign2?.image ?? ""}${withoutGrouping(t.image.slice(0, -1))}`;
  const range = sign2 ? signedRange(sign2, t, ctx) : tokenRange(t, ctx.lines);
  return Object.freeze({ kind: "PercentLiteral", value, fraction: percentFraction(value), range });
}
function stringLiteral(t, ctx) {
  const terminated = t.payload !== UNTERMINATED;
  const body = t.image.slice(1, terminated ? -1 : void 0);
  let value = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      value += c;
      continue;
    }
    const next = body[i + 1];
    if (next === '"' || next === "\\") {
      value += next;
    } else {
      const at = t.startOffset + 1 + i;
      ctx.diagnostics.push({
        severity: "error",
        code: "invalid-escape",
        message: next === void 0 ? "a string cannot end with `\\`" : `invalid escape \`\\${next}\` in a string`,
        range: ctx.lines.range(at, at + (next === void 0 ? 1 : 2)),
        help: 'the only escapes are `\\"` (a double quote) and `\\\\` (a backslash)'
      });
      if (next !== void 0) value += next;
    }
    i++;
  }
  return Object.freeze({ kind: "StringLiteral", value, range: tokenRange(t, ctx.lines) });
}
function dateLiteral(t, ctx) {
  return Object.freeze({ kind: "DateLiteral", value: t.image, range: tokenRange(t, ctx.lines) });
}
function booleanLiteral(t, ctx) {
  return Object.freeze({ kind: "BooleanLiteral", value: t.image === "true", range: tokenRange(t, ctx.lines) });
}
function signedNumber(node, ctx) {
  const value = token(node, "value");
  if (!value) return void 0;
  return numberLiteral(value, ctx, token(node, "sign"));
}
function bound(node, ctx) {
  const value = token(node, "value");
  if (!value) return void 0;
  const sign2 = token(node, "sign");
  return value.image.endsWith("%") ? percentLiteral(value, ctx, sign2) : numberLiteral(value, ctx, sign2);
}

// src/ast/build-expression.ts
function errorExpr(range) {
  return Object.freeze({ kind: "ErrorExpr", range });
}
var PRECEDENCE = {
  or: 1,
  and: 2,
  "=": 4,
  "!=": 4,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6
};
var NOT_OPERAND = 4;
var COMPARISON = 4;
function hasErrorOperand(expr) {
  return expr.kind === "BinaryExpr" && (expr.left.kind === "ErrorExpr" || expr.right.kind === "ErrorExpr");
}
var FlatExpression = class {
  constructor(node, ctx, here2) {
    this.node = node;
    this.ctx = ctx;
    this.here = here2;
    this.tails = children(node, "tails");
  }
  node;
  ctx;
  here;
  index = 0;
  tails;
  build() {
    const first2 = this.operand(child(this.node, "operand"), 0, emptyAt(this.here.start));
    return this.climb(first2, 0);
  }
  /** Extends `left` with every tail whose operator binds at least `minPrecedence`. */
  climb(left, minPrecedence) {
    let comparisonMade = false;
    while (this.index < this.tails.length) {
      const tail = this.tails[this.index];
      const operator2 = token(tail, "operator");
      const precedence = operator2 ? PRECEDENCE[operator2.image] ?? 0 : COMPARISON;
      if (precedence < minPrecedence || operator2 === void 0 && !token(tail, "in") && !token(tail, "is")) break;
      this.index++;
      if (precedence === COMPARISON) {
        if (comparisonMade && left.kind !== "ErrorExpr" && !hasErrorOperand(left)) this.chained(tail);
        comparisonMade = true;
      }
      const tailRange = nodeRange(tail, emptyAt(left.range.end), this.ctx.lines);
      if (operator2) {
        const right = this.climb(this.operand(child(tail, "operand"), 0, emptyAt(tailRange.end)), precedence + 1);
        left = Object.freeze({
          kind: "BinaryExpr",
          operator: operator2.image,
          left,
          right,
          range: cover(left.range, right.range)
        });
      } else if (token(tail, "in")) {
        const values2 = children(tail, "values").filter(hasRealToken).map((value) => buildExpression(value, this.ctx, emptyAt(tailRange.end)));
        left = Object.freeze({ kind: "InExpr", operand: left, values: values2, range: cover(left.range, tailRange) });
      } else {
        const presence = token(tail, "presence");
        left = Object.freeze({ kind: "PresenceExpr", operand: left, present: presence?.image === "present", range: cover(left.range, tailRange) });
      }
    }
    return left;
  }
  chained(tail) {
    this.ctx.diagnostics.push({
      severity: "error",
      code: "chained-comparison",
      message: "comparisons cannot be chained",
      range: nodeRange(tail, this.here, this.ctx.lines),
      help: "join two comparisons with `and`: `a < b and b < c`"
    });
  }
  /** An operand: its prefix operators (from `prefix` on), applied to the atom. */
  operand(node, prefix, fallback) {
    if (!node || !hasRealToken(node)) return errorExpr(fallback);
    const prefixes = tokens(node, "prefixes");
    const op = prefixes[prefix];
    if (!op) return atom(node, this.ctx, nodeRange(node, fallback, this.ctx.lines));
    const start = tokenRange(op, this.ctx.lines);
    if (op.image === "-") {
      const operand2 = this.operand(node, prefix + 1, fallback);
      return Object.freeze({ kind: "UnaryExpr", operator: "-", operand: operand2, range: cover(start, operand2.range) });
    }
    const operand = this.climb(this.operand(node, prefix + 1, fallback), NOT_OPERAND);
    return Object.freeze({ kind: "UnaryExpr", operator: "not", operand, range: cover(start, operand.range) });
  }
};
function buildExpression(node, ctx, fallback) {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  return new FlatExpression(node, ctx, nodeRange(node, fallback, ctx.lines)).build();
}
function atom(node, ctx, here2) {
  let t;
  if (t = token(node, "number")) return numberLiteral(t, ctx);
  if (t = token(node, "percent")) return percentLiteral(t, ctx);
  if (t = token(node, "string")) return stringLiteral(t, ctx);
  if (t = token(node, "date")) return dateLiteral(t, ctx);
  if (t = token(node, "boolean")) return booleanLiteral(t, ctx);
  if (t = token(node, "name")) return Object.freeze({ kind: "NameRef", name: t.image, range: tokenRange(t, ctx.lines) });
  const call = child(node, "call");
  if (call) {
    const callee = token(call, "callee");
    const range = nodeRange(call, here2, ctx.lines);
    if (!callee) return errorExpr(range);
    const args = children(call, "args").filter(hasRealToken).map((arg) => buildExpression(arg, ctx, emptyAt(range.end)));
    return Object.freeze({ kind: "CallExpr", callee: identifier(callee, ctx), args, range });
  }
  const paren = child(node, "paren");
  if (paren) {
    const range = nodeRange(paren, here2, ctx.lines);
    const inner = buildExpression(child(paren, "inner"), ctx, emptyAt(range.end));
    return Object.freeze({ kind: "ParenExpr", inner, range });
  }
  const ifNode = child(node, "if");
  if (ifNode) {
    const range = nodeRange(ifNode, here2, ctx.lines);
    const end = emptyAt(range.end);
    return Object.freeze({
      kind: "IfExpr",
      condition: buildExpression(child(ifNode, "condition"), ctx, end),
      then: buildExpression(child(ifNode, "then"), ctx, end),
      otherwise: buildExpression(child(ifNode, "otherwise"), ctx, end),
      range
    });
  }
  return errorExpr(here2);
}

// src/ast/build.ts
function buildFile(cst, ctx) {
  const whole = ctx.lines.range(0, ctx.lines.text.length);
  const productCst = child(cst, "product");
  const product = productCst && hasRealToken(productCst) ? buildProduct(productCst, ctx) : void 0;
  return Object.freeze({ kind: "ProductFile", product, range: whole });
}
function rangeOf(node, ctx, fallback) {
  return nodeRange(node, fallback ?? emptyAt(ctx.lines.position(ctx.lines.text.length)), ctx.lines);
}
function nameOr(t, fallback, ctx) {
  return t ? identifier(t, ctx) : missingIdentifier(emptyAt(fallback.end));
}
function stringOr(t, ctx, fallback) {
  return t ? stringLiteral(t, ctx) : Object.freeze({ kind: "StringLiteral", value: "", range: emptyAt(fallback.end) });
}
function duplicate(ctx, what, range, where) {
  ctx.diagnostics.push({
    severity: "error",
    code: "duplicate-setting",
    message: `\`${what}\` is set twice in \`${where}\``,
    range,
    help: "keep one of them; the second one is ignored"
  });
}
function setOnce(target, key, value, ctx, what, range, where) {
  if (value === void 0) return;
  if (target[key] !== void 0) duplicate(ctx, what, range, where);
  else target[key] = value;
}
function lowerBound(tokensList, offset) {
  let low = 0;
  let high = tokensList.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (tokensList[mid].startOffset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
function docFor(range, ctx) {
  const start = range.start.offset;
  const previous = ctx.tokens[lowerBound(ctx.tokens, start) - 1];
  const previousEnd = previous ? previous.startOffset + previous.image.length : -1;
  const previousLine = previous ? ctx.lines.line(previousEnd) : -1;
  const lines = [];
  for (let i = lowerBound(ctx.comments, previousEnd); i < ctx.comments.length; i++) {
    const comment = ctx.comments[i];
    if (comment.startOffset >= start) break;
    if (!comment.image.startsWith("///") || comment.image.startsWith("////")) continue;
    if (ctx.lines.line(comment.startOffset) === previousLine) continue;
    lines.push(comment.image.slice(3).replace(/^ /, "").trimEnd());
  }
  return lines.length > 0 ? lines.join("\n") : void 0;
}
function documented(node, ctx, range) {
  const doc = docFor(range, ctx);
  return Object.freeze(doc === void 0 ? node : { ...node, doc });
}
function components(node, label, ctx) {
  return children(node, label).map((c) => token(c, "name")).filter((t) => t !== void 0).map((t) => identifier(t, ctx));
}
function rangeExpr(node, ctx, fallback) {
  if (!node || !hasRealToken(node)) return void 0;
  const dots = token(node, "dots");
  if (!dots) return void 0;
  const range = { kind: "RangeExpr", maxExclusive: dots.image === "..<", range: rangeOf(node, ctx, fallback) };
  const min2 = bound(child(node, "min"), ctx);
  const max2 = bound(child(node, "max"), ctx);
  if (min2) range.min = min2;
  if (max2) range.max = max2;
  return Object.freeze(range);
}
function buildProduct(node, ctx) {
  const range = rangeOf(node, ctx);
  const name = token(node, "name");
  const product = {
    kind: "ProductDecl",
    code: nameOr(token(node, "code"), range, ctx),
    sections: [],
    range
  };
  if (name) product.name = stringLiteral(name, ctx);
  const sections = [];
  for (const [ruleName, list] of Object.entries(node.children)) {
    for (const element of list) {
      if (!("children" in element) || !hasRealToken(element)) continue;
      const item = element;
      const at = rangeOf(item, ctx, range);
      switch (ruleName) {
        case "currencySetting": {
          const value = token(item, "value");
          setOnce(product, "currency", value && identifier(value, ctx), ctx, "currency", at, "product");
          break;
        }
        case "kindSetting": {
          const value = token(item, "value");
          setOnce(product, "productKind", value && identifier(value, ctx), ctx, "kind", at, "product");
          break;
        }
        case "docSetting": {
          const value = token(item, "value");
          setOnce(product, "description", value && stringLiteral(value, ctx), ctx, "doc", at, "product");
          break;
        }
        default: {
          const section = buildSection(ruleName, item, ctx, at);
          if (section) sections.push(section);
        }
      }
    }
  }
  sections.sort((a, b) => a.range.start.offset - b.range.start.offset);
  product.sections = sections;
  return documented(product, ctx, range);
}
function buildSection(ruleName, node, ctx, at) {
  switch (ruleName) {
    case "inputSection":
      return buildInput(node, ctx, at);
    case "letDecl":
      return buildLet(node, ctx, at);
    case "limitsSection":
      return buildLimits(node, ctx, at);
    case "pricingSection":
      return buildPricing(node, ctx, at);
    case "feeDecl":
      return buildFee(node, ctx, at);
    case "eligibilitySection":
      return buildEligibility(node, ctx, at);
    case "scorecardSection":
      return buildScorecard(node, ctx, at);
    case "offerSection":
      return buildOffer(node, ctx, at);
    case "penaltiesSection":
      return buildPenalties(node, ctx, at);
    case "collectionSection":
      return buildCollection(node, ctx, at);
    case "allocationDecl":
      return Object.freeze({
        kind: "AllocationDecl",
        components: components(node, "components", ctx),
        range: at
      });
    case "prepaymentDecl": {
      const reduce2 = token(node, "reduce");
      const notAllowed = token(node, "notAllowed");
      if (!reduce2 && !notAllowed) return void 0;
      const policy = notAllowed ? "not-allowed" : reduce2.image === "term" ? "reduce-term" : "reduce-installment";
      return Object.freeze({ kind: "PrepaymentDecl", policy, range: at });
    }
    case "testDecl":
      return buildTest(node, ctx, at);
    default:
      return void 0;
  }
}
function buildInput(node, ctx, range) {
  const fields = [];
  for (const field of children(node, "inputField")) {
    if (!hasRealToken(field)) continue;
    const at = rangeOf(field, ctx, range);
    const enumNode = child(field, "enum");
    const typeToken = token(field, "type") ?? token(enumNode, "type");
    if (!typeToken) continue;
    const bounds = rangeExpr(child(field, "bounds"), ctx, at);
    const decl = {
      kind: "InputFieldDecl",
      name: nameOr(token(field, "name"), at, ctx),
      type: typeToken.image,
      typeRange: enumNode ? rangeOf(enumNode, ctx, at) : tokenRange(typeToken, ctx.lines),
      enumValues: tokens(enumNode, "values").map((t) => identifier(t, ctx)),
      ...bounds ? { bounds } : {},
      optional: token(field, "optional") !== void 0,
      range: at
    };
    fields.push(documented(decl, ctx, at));
  }
  return Object.freeze({ kind: "InputSection", fields, range });
}
function buildLet(node, ctx, range) {
  const decl = {
    kind: "LetDecl",
    name: nameOr(token(node, "name"), range, ctx),
    value: buildExpression(child(node, "value"), ctx, emptyAt(range.end)),
    range
  };
  return documented(decl, ctx, range);
}
function buildFrequency(node, ctx, fallback) {
  if (!node || !hasRealToken(node)) return void 0;
  const range = rangeOf(node, ctx, fallback);
  const named = token(node, "named");
  if (named) return Object.freeze({ kind: named.image, range });
  const days = token(node, "days");
  return days ? Object.freeze({ kind: "every", days: numberLiteral(days, ctx), range }) : void 0;
}
function buildLimits(node, ctx, range) {
  const limits = { kind: "LimitsSection", terms: [], range };
  const terms = [];
  for (const item of children(node, "amountLimit")) {
    const at = rangeOf(item, ctx, range);
    const limitRange = rangeExpr(child(item, "range"), ctx, at);
    if (!limitRange) continue;
    const step = token(item, "step");
    const amount = Object.freeze({ range: limitRange, ...step ? { step: numberLiteral(step, ctx) } : {}, at });
    setOnce(limits, "amount", amount, ctx, "amount", at, "limits");
  }
  for (const item of children(node, "termLimit")) {
    const at = rangeOf(item, ctx, range);
    const payments = rangeExpr(child(item, "range"), ctx, at);
    const frequency = buildFrequency(child(item, "frequency"), ctx, at);
    if (payments && frequency) terms.push(Object.freeze({ payments, frequency, at }));
  }
  for (const item of children(node, "firstPaymentLimit")) {
    const at = rangeOf(item, ctx, range);
    const days = rangeExpr(child(item, "range"), ctx, at);
    setOnce(limits, "firstPayment", days && Object.freeze({ days, at }), ctx, "first payment", at, "limits");
  }
  terms.sort((a, b) => a.at.start.offset - b.at.start.offset);
  limits.terms = terms;
  return Object.freeze(limits);
}
function basisIdentifier(node, ctx) {
  const value = token(node, "value");
  return value && identifier(value, ctx);
}
function buildRate(node, ctx, at) {
  const fixed = token(node, "fixed");
  if (fixed) return Object.freeze({ kind: "FixedRate", rate: percentLiteral(fixed, ctx), range: at });
  const table = child(node, "table");
  if (!table || !hasRealToken(table)) return void 0;
  const rows = [];
  for (const row of children(table, "rows")) {
    const rate = token(row, "rate");
    if (!rate) continue;
    const rowRange = rangeOf(row, ctx, at);
    const cells = [];
    for (const cell of children(row, "cells")) {
      const name = token(cell, "name");
      const cellRange = name ? identifier(name, ctx) : rangeExpr(child(cell, "range"), ctx, rowRange);
      if (cellRange) cells.push(cellRange);
    }
    rows.push(Object.freeze({ kind: "RateRow", cells, rate: percentLiteral(rate, ctx), range: rowRange }));
  }
  return Object.freeze({ kind: "RateTable", keys: tokens(table, "keys").map((t) => identifier(t, ctx)), rows, range: at });
}
function buildPricing(node, ctx, range) {
  const pricing = { kind: "PricingSection", grace: [], installmentIncludesIva: false, range };
  const grace = [];
  const where = "pricing";
  for (const [ruleName, list] of Object.entries(node.children)) {
    for (const element of list) {
      if (!("children" in element) || !hasRealToken(element)) continue;
      const item = element;
      const at = rangeOf(item, ctx, range);
      switch (ruleName) {
        case "methodSetting": {
          const value = token(item, "value");
          setOnce(pricing, "method", value && identifier(value, ctx), ctx, "method", at, where);
          break;
        }
        case "basisSetting":
          setOnce(pricing, "basis", basisIdentifier(child(item, "value"), ctx), ctx, "basis", at, where);
          break;
        case "rateSetting":
          setOnce(pricing, "rate", buildRate(item, ctx, at), ctx, "rate", at, where);
          break;
        case "ivaSetting": {
          const rate = token(item, "rate");
          const iva = rate && Object.freeze({ rate: percentLiteral(rate, ctx), on: components(item, "on", ctx), range: at });
          setOnce(pricing, "iva", iva, ctx, "iva", at, where);
          break;
        }
        case "roundingSetting": {
          const decimals = token(item, "decimals");
          const mode = token(item, "mode");
          const multiple = token(item, "multiple");
          const rounding = decimals && Object.freeze({
            decimals: numberLiteral(decimals, ctx),
            ...mode ? { mode: identifier(mode, ctx) } : {},
            ...multiple ? { multiple: numberLiteral(multiple, ctx) } : {},
            range: at
          });
          setOnce(pricing, "rounding", rounding, ctx, "rounding", at, where);
          break;
        }
        case "graceSetting": {
          const what = token(item, "what");
          const count = token(item, "count");
          if (what && count) {
            grace.push(Object.freeze({ what: what.image, count: numberLiteral(count, ctx), range: at }));
          }
          break;
        }
        case "businessDaysSetting": {
          const value = token(item, "value");
          setOnce(pricing, "businessDays", value && identifier(value, ctx), ctx, "business days", at, where);
          break;
        }
        case "installmentIncludesIva":
          if (pricing.installmentIncludesIva) duplicate(ctx, "installment includes iva", at, where);
          pricing.installmentIncludesIva = true;
          break;
      }
    }
  }
  grace.sort((a, b) => a.range.start.offset - b.range.start.offset);
  pricing.grace = grace;
  return Object.freeze(pricing);
}
function feeAmount(node, ctx) {
  const value = token(node, "value");
  if (!value) return void 0;
  return value.image.endsWith("%") ? percentLiteral(value, ctx) : numberLiteral(value, ctx);
}
function capsAndTax(node, target, ctx, where) {
  for (const label of ["min", "max"]) {
    for (const cap of children(node, label)) {
      const value = token(cap, "value");
      setOnce(target, label, value && numberLiteral(value, ctx), ctx, label, rangeOf(cap, ctx), where);
    }
  }
  for (const tax of children(node, "taxable")) {
    if (!hasRealToken(tax)) continue;
    setOnce(target, "taxable", token(tax, "no") === void 0, ctx, "iva", rangeOf(tax, ctx), where);
  }
}
function buildFee(node, ctx, range) {
  const amount = feeAmount(child(node, "amount"), ctx);
  if (!amount) return void 0;
  const of = token(node, "of");
  const fee = {
    kind: "FeeDecl",
    name: nameOr(token(node, "name"), range, ctx),
    amount,
    ...of ? { of: identifier(of, ctx) } : {},
    range
  };
  const where = `fee ${fee.name.name}`;
  capsAndTax(node, fee, ctx, where);
  for (const timingNode of children(node, "timing")) {
    const timing = token(timingNode, "timing");
    if (!timing) continue;
    const at = rangeOf(timingNode, ctx, range);
    const value = timing.image === "per" ? "per-installment" : timing.image;
    setOnce(fee, "timing", Object.freeze({ value, range: at }), ctx, "timing", at, where);
  }
  return documented(fee, ctx, range);
}
function buildPenalties(node, ctx, range) {
  const penalties = { kind: "PenaltiesSection", range };
  for (const item of children(node, "lateFeeDecl")) {
    const at = rangeOf(item, ctx, range);
    const amount = feeAmount(child(item, "amount"), ctx);
    if (!amount) continue;
    const of = token(item, "of");
    const lateFee = {
      amount,
      ...of ? { of: identifier(of, ctx) } : {},
      range: at
    };
    capsAndTax(item, lateFee, ctx, "late fee");
    for (const grace of children(item, "grace")) {
      const value = token(grace, "value");
      setOnce(lateFee, "graceDays", value && numberLiteral(value, ctx), ctx, "grace", rangeOf(grace, ctx, at), "late fee");
    }
    setOnce(penalties, "lateFee", Object.freeze({ ...lateFee, taxable: lateFee.taxable ?? false }), ctx, "late fee", at, "penalties");
  }
  for (const item of children(node, "moratoriumDecl")) {
    const at = rangeOf(item, ctx, range);
    const factor = token(item, "factor");
    const annual = token(item, "annual");
    const on = token(item, "on");
    if (!factor && !annual || !on) continue;
    const rate = factor ? Object.freeze({ kind: "multiple", factor: numberLiteral(factor, ctx) }) : Object.freeze({ kind: "annual", rate: percentLiteral(annual, ctx) });
    const moratorium = {
      rate,
      on: on.image === "principal" ? "overdue-principal" : "overdue-installment",
      range: at
    };
    for (const basis of children(item, "basis")) {
      setOnce(moratorium, "basis", basisIdentifier(basis, ctx), ctx, "basis", rangeOf(basis, ctx, at), "moratorium");
    }
    capsAndTax(item, moratorium, ctx, "moratorium");
    const taxable = moratorium.taxable ?? false;
    setOnce(penalties, "moratorium", Object.freeze({ ...moratorium, taxable }), ctx, "moratorium", at, "penalties");
  }
  return Object.freeze(penalties);
}
function outcomeOf(node) {
  const outcome = token(child(node, "outcome"), "outcome");
  return outcome ? outcome.image : void 0;
}
function buildEligibility(node, ctx, range) {
  const rules = [];
  for (const ruleNode of children(node, "rules")) {
    if (!hasRealToken(ruleNode)) continue;
    const at = rangeOf(ruleNode, ctx, range);
    const outcome = outcomeOf(ruleNode);
    if (!outcome) continue;
    const message = token(ruleNode, "message");
    const rule = {
      kind: "RuleDecl",
      outcome,
      reason: stringOr(token(ruleNode, "reason"), ctx, at),
      negated: token(ruleNode, "unless") !== void 0,
      condition: buildExpression(child(ruleNode, "condition"), ctx, emptyAt(at.end)),
      ...message ? { message: stringLiteral(message, ctx) } : {},
      range: at
    };
    rules.push(documented(rule, ctx, at));
  }
  return Object.freeze({ kind: "EligibilitySection", rules, range });
}
function buildBin(node, ctx, fallback) {
  const at = rangeOf(node, ctx, fallback);
  const points = signedNumber(child(node, "points"), ctx);
  if (!points) return void 0;
  let match;
  const missing = token(node, "missing");
  const otherwise = token(node, "otherwise");
  if (missing) match = Object.freeze({ kind: "missing", range: tokenRange(missing, ctx.lines) });
  else if (otherwise) match = Object.freeze({ kind: "otherwise", range: tokenRange(otherwise, ctx.lines) });
  else {
    const range = rangeExpr(child(node, "range"), ctx, at);
    if (range) match = Object.freeze({ kind: "range", value: range, range: range.range });
    else {
      const valueNodes = children(node, "values").filter(hasRealToken);
      const values2 = [];
      for (const valueNode of valueNodes) {
        const name = token(valueNode, "name");
        const bool = token(valueNode, "boolean");
        const str = token(valueNode, "string");
        if (name) values2.push(identifier(name, ctx));
        else if (bool) values2.push(booleanLiteral(bool, ctx));
        else if (str) values2.push(stringLiteral(str, ctx));
      }
      const first2 = values2[0];
      const last2 = values2[values2.length - 1];
      if (first2 && last2) match = Object.freeze({ kind: "values", values: values2, range: { start: first2.range.start, end: last2.range.end } });
    }
  }
  if (!match) return void 0;
  const reason = token(node, "reason");
  return Object.freeze({ kind: "BinDecl", match, points, ...reason ? { reason: stringLiteral(reason, ctx) } : {}, range: at });
}
function buildScorecard(node, ctx, range) {
  const scorecard = { kind: "ScorecardSection", characteristics: [], bands: [], range };
  for (const item of children(node, "baseSetting")) {
    const at = rangeOf(item, ctx, range);
    setOnce(scorecard, "base", signedNumber(child(item, "value"), ctx), ctx, "base", at, "scorecard");
  }
  const characteristics = [];
  for (const item of children(node, "characteristicDecl")) {
    if (!hasRealToken(item)) continue;
    const at = rangeOf(item, ctx, range);
    const label = token(item, "label");
    const bins = children(item, "bins").filter(hasRealToken).map((bin) => buildBin(bin, ctx, at)).filter((bin) => bin !== void 0);
    const decl = {
      kind: "CharacteristicDecl",
      name: nameOr(token(item, "name"), at, ctx),
      ...label ? { label: stringLiteral(label, ctx) } : {},
      bins,
      range: at
    };
    characteristics.push(documented(decl, ctx, at));
  }
  scorecard.characteristics = characteristics;
  const bands = [];
  for (const item of children(node, "bandDecl")) {
    const at = rangeOf(item, ctx, range);
    const minScore = token(item, "minScore");
    if (!minScore) continue;
    bands.push(Object.freeze({ kind: "BandDecl", name: nameOr(token(item, "name"), at, ctx), minScore: numberLiteral(minScore, ctx), range: at }));
  }
  scorecard.bands = bands;
  for (const item of children(node, "scoreOtherwise")) {
    const at = rangeOf(item, ctx, range);
    const outcome = outcomeOf(item);
    if (!outcome) continue;
    const message = token(item, "message");
    const otherwise = Object.freeze({
      outcome,
      reason: stringOr(token(item, "reason"), ctx, at),
      ...message ? { message: stringLiteral(message, ctx) } : {},
      range: at
    });
    setOnce(scorecard, "otherwise", otherwise, ctx, "otherwise", at, "scorecard");
  }
  return Object.freeze(scorecard);
}
function buildOffer(node, ctx, range) {
  const offer = { kind: "OfferSection", caps: [], range };
  const caps = [];
  for (const item of children(node, "installmentCap")) {
    const at = rangeOf(item, ctx, range);
    caps.push(Object.freeze({ kind: "installment", value: buildExpression(child(item, "value"), ctx, emptyAt(at.end)), range: at }));
  }
  for (const item of children(node, "amountCap")) {
    const at = rangeOf(item, ctx, range);
    const byBand = child(item, "byBand");
    if (byBand) {
      const entries = children(byBand, "entries").map((entry) => ({ band: token(entry, "band"), amount: token(entry, "amount") })).filter((entry) => entry.band !== void 0 && entry.amount !== void 0).map((entry) => Object.freeze({ band: identifier(entry.band, ctx), amount: numberLiteral(entry.amount, ctx) }));
      caps.push(Object.freeze({ kind: "amount-by-band", entries, range: at }));
    } else {
      caps.push(Object.freeze({ kind: "amount", value: buildExpression(child(item, "value"), ctx, emptyAt(at.end)), range: at }));
    }
  }
  for (const item of children(node, "counterofferSetting")) {
    if (!hasRealToken(item)) continue;
    setOnce(offer, "counteroffer", token(item, "no") === void 0, ctx, "counteroffer", rangeOf(item, ctx, range), "offer");
  }
  caps.sort((a, b) => a.range.start.offset - b.range.start.offset);
  offer.caps = caps;
  return Object.freeze(offer);
}
function buildAction(node, ctx, fallback) {
  const at = rangeOf(node, ctx, fallback);
  if (token(node, "notify")) {
    const template = token(node, "template");
    if (!template) return void 0;
    return Object.freeze({ kind: "notify", channel: nameOr(token(node, "channel"), at, ctx), template: stringLiteral(template, ctx), range: at });
  }
  if (token(node, "queue")) {
    const queue = token(node, "queueName");
    return queue ? Object.freeze({ kind: "queue", queue: stringLiteral(queue, ctx), range: at }) : void 0;
  }
  if (token(node, "stopAccrual")) return Object.freeze({ kind: "stop-accrual", range: at });
  if (token(node, "offerRestructure")) return Object.freeze({ kind: "offer-restructure", range: at });
  if (token(node, "writeOff")) return Object.freeze({ kind: "write-off", range: at });
  return void 0;
}
function actionsOf(node, ctx, at) {
  return children(node, "actions").filter(hasRealToken).map((action) => buildAction(action, ctx, at)).filter((action) => action !== void 0);
}
function buildCollection(node, ctx, range) {
  const steps = [];
  for (const step of children(node, "steps")) {
    if (!hasRealToken(step)) continue;
    const at = rangeOf(step, ctx, range);
    if (step.name === "atStep") {
      const day = signedNumber(child(step, "day"), ctx);
      if (day) steps.push(Object.freeze({ kind: "at", day, actions: actionsOf(step, ctx, at), range: at }));
    } else {
      const from = token(step, "from");
      if (!from) continue;
      const to = token(step, "to");
      const stage = token(step, "stage");
      steps.push(
        Object.freeze({
          kind: "stage",
          from: numberLiteral(from, ctx),
          ...to ? { to: numberLiteral(to, ctx) } : {},
          ...stage ? { stage: identifier(stage, ctx) } : {},
          actions: actionsOf(step, ctx, at),
          range: at
        })
      );
    }
  }
  return Object.freeze({ kind: "CollectionSection", steps, range });
}
function givenValue(node, ctx) {
  const number = signedNumber(child(node, "number"), ctx);
  if (number) return number;
  let t;
  if (t = token(node, "percent")) return percentLiteral(t, ctx);
  if (t = token(node, "string")) return stringLiteral(t, ctx);
  if (t = token(node, "date")) return dateLiteral(t, ctx);
  if (t = token(node, "boolean")) return booleanLiteral(t, ctx);
  if (t = token(node, "name")) return identifier(t, ctx);
  return void 0;
}
function buildExpectation(node, ctx, fallback) {
  const at = rangeOf(node, ctx, fallback);
  const outcome = token(node, "outcome");
  if (outcome) {
    const reasons = tokens(node, "reasons").map((reason) => stringLiteral(reason, ctx));
    return Object.freeze({ kind: "outcome", outcome: outcome.image, reasons, range: at });
  }
  if (token(node, "band")) {
    const band = token(node, "bandName");
    return band ? Object.freeze({ kind: "band", band: identifier(band, ctx), range: at }) : void 0;
  }
  const amountKind = token(node, "amountKind");
  if (amountKind) {
    const value = token(node, "number");
    const kind = amountKind.image;
    return value ? Object.freeze({ kind, value: numberLiteral(value, ctx), range: at }) : void 0;
  }
  const percentKind = token(node, "percentKind");
  if (percentKind) {
    const value = token(node, "percent");
    return value ? Object.freeze({ kind: percentKind.image, value: percentLiteral(value, ctx), range: at }) : void 0;
  }
  const state = child(node, "state");
  const on = token(state, "on");
  if (!state || !on) return void 0;
  const expectation = { kind: "state", on: dateLiteral(on, ctx), range: at };
  const where = "expect on";
  for (const label of ["dpd", "outstanding", "lateFees", "moratorium"]) {
    for (const t of tokens(state, label)) {
      const shown = label === "lateFees" ? "late fees" : label;
      setOnce(expectation, label, numberLiteral(t, ctx), ctx, shown, tokenRange(t, ctx.lines), where);
    }
  }
  for (const stage of tokens(state, "stage")) setOnce(expectation, "stage", identifier(stage, ctx), ctx, "stage", tokenRange(stage, ctx.lines), where);
  return Object.freeze(expectation);
}
function buildTest(node, ctx, range) {
  const test = {
    kind: "TestDecl",
    name: stringOr(token(node, "name"), ctx, range),
    given: [],
    payments: [],
    expects: [],
    range
  };
  const given = [];
  for (const statement of children(node, "givenStatement")) {
    for (const entry of children(statement, "entries")) {
      const field = token(entry, "field");
      const value = givenValue(entry, ctx);
      if (!field || !value) continue;
      given.push(Object.freeze({ kind: "GivenEntry", field: identifier(field, ctx), value, range: rangeOf(entry, ctx, range) }));
    }
  }
  test.given = given;
  for (const [label, key] of [
    ["todayStatement", "today"],
    ["disburseStatement", "disburse"]
  ]) {
    for (const statement of children(node, label)) {
      const date = token(statement, "date");
      setOnce(test, key, date && dateLiteral(date, ctx), ctx, key, rangeOf(statement, ctx, range), "test");
    }
  }
  test.payments = children(node, "payStatement").map((statement) => ({ amount: token(statement, "amount"), on: token(statement, "date"), at: rangeOf(statement, ctx, range) })).filter((p) => p.amount !== void 0 && p.on !== void 0).map((p) => Object.freeze({ amount: numberLiteral(p.amount, ctx), on: dateLiteral(p.on, ctx), range: p.at }));
  const expects = [];
  for (const statement of children(node, "expectStatement")) {
    for (const expectation of children(statement, "expectations")) {
      if (!hasRealToken(expectation)) continue;
      const built = buildExpectation(expectation, ctx, rangeOf(statement, ctx, range));
      if (built) expects.push(built);
    }
  }
  test.expects = expects;
  return documented(test, ctx, range);
}

// src/parser/messages.ts
var constructs = {
  file: "file",
  product: "product",
  currencySetting: "currency",
  kindSetting: "kind",
  docSetting: "doc",
  inputSection: "input",
  inputField: "input field",
  enumType: "enum",
  letDecl: "let",
  rangeExpr: "range",
  bound: "range bound",
  signedNumber: "number",
  limitsSection: "limits",
  amountLimit: "amount",
  termLimit: "payments",
  firstPaymentLimit: "first payment",
  frequency: "frequency",
  pricingSection: "pricing",
  methodSetting: "method",
  basisSetting: "basis",
  basisValue: "basis",
  rateSetting: "rate",
  rateTable: "rate by",
  rateRow: "rate table row",
  rateCell: "rate table row",
  ivaSetting: "iva",
  roundingSetting: "rounding",
  graceSetting: "grace",
  businessDaysSetting: "business days",
  installmentIncludesIva: "installment includes iva",
  feeDecl: "fee",
  feeAmount: "fee",
  minCap: "min",
  maxCap: "max",
  feeTiming: "fee",
  taxability: "iva",
  eligibilitySection: "eligibility",
  ruleDecl: "rule",
  outcome: "rule",
  scorecardSection: "scorecard",
  baseSetting: "base",
  characteristicDecl: "characteristic",
  binDecl: "bin",
  binValue: "bin",
  bandDecl: "band",
  scoreOtherwise: "otherwise",
  offerSection: "offer",
  installmentCap: "installment",
  amountCap: "amount",
  amountByBand: "by band",
  bandAmount: "by band",
  counterofferSetting: "counteroffer",
  penaltiesSection: "penalties",
  lateFeeDecl: "late fee",
  graceDays: "grace",
  moratoriumDecl: "moratorium",
  collectionSection: "collection",
  atStep: "at",
  stageStep: "from",
  action: "action",
  allocationDecl: "allocation",
  prepaymentDecl: "prepayment",
  component: "component",
  testDecl: "test",
  givenStatement: "given",
  givenEntry: "given",
  todayStatement: "today",
  disburseStatement: "disburse",
  payStatement: "pay",
  expectStatement: "expect",
  expectation: "expect",
  stateExpectation: "expect on",
  call: "call",
  parenExpr: "expression",
  ifExpr: "if"
};
var expectedThings = {
  product: "a section (`input`, `let`, `limits`, `pricing`, `fee`, `eligibility`, `scorecard`, `offer`, `penalties`, `collection`, `allocation`, `prepayment`, `test`) or `}`",
  expression: "an expression",
  operand: "an expression",
  exprTail: "an operator",
  rangeExpr: "a range such as `1..10`",
  bound: "a number or a percent",
  inputField: "a type (`number`, `integer`, `money`, `percent`, `string`, `boolean`, `date`, `enum { ... }`)",
  binDecl: "a bin (`missing`, `otherwise`, a range such as `580..679`, or values)",
  givenEntry: "a value (number, percent, string, date, `true`, `false` or a name)"
};
function constructOf(ruleName) {
  return constructs[ruleName] ?? ruleName;
}
function describeExpected(type) {
  return tokenLabel2(type);
}
function describeActual(token2) {
  if (!token2 || token2.tokenType?.name === "EOF") return "the end of the file";
  const image = token2.image.length > 30 ? `${token2.image.slice(0, 30)}\u2026` : token2.image;
  return `\`${image}\``;
}
function listExpected(paths) {
  const labels = [...new Set(paths.map((path) => path[0]).filter((type) => type !== void 0).map(describeExpected))];
  if (labels.length === 0) return "something else";
  if (labels.length === 1) return labels[0];
  if (labels.length > 8) return `one of ${labels.slice(0, 8).join(", ")}, \u2026`;
  return `one of ${labels.join(", ")}`;
}
var expressionRules = /* @__PURE__ */ new Set(["expression", "exprTail", "operand", "parenExpr"]);
function inConstruct(ruleName) {
  return expressionRules.has(ruleName) ? "" : ` in \`${constructOf(ruleName)}\``;
}
var syntaxMessages = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const found = describeActual(actual);
    if (ruleName === "product" && expected === Product) return `expected \`product\` (a file holds one product), found ${found}`;
    if (expected === RCurly) return `expected \`}\` to close \`${constructOf(ruleName)}\`, found ${found}`;
    return `expected ${describeExpected(expected)}${inConstruct(ruleName)}, found ${found}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeActual(firstRedundant)} after the end of the product (a file holds one product)`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const expected = expectedThings[ruleName] ?? listExpected(expectedPathsPerAlt.flat());
    return `expected ${expected}${inConstruct(ruleName)}, found ${describeActual(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const expected = expectedThings[ruleName] ?? listExpected(expectedIterationPaths);
    return `expected at least one ${expected}${inConstruct(ruleName)}, found ${describeActual(actual[0])}`;
  }
};

// src/parser/parser.ts
var SIGN_CACHE = 102;
var L = {
  actions: { LABEL: "actions" },
  amount: { LABEL: "amount" },
  amountKind: { LABEL: "amountKind" },
  annual: { LABEL: "annual" },
  args: { LABEL: "args" },
  band: { LABEL: "band" },
  bandName: { LABEL: "bandName" },
  basis: { LABEL: "basis" },
  bins: { LABEL: "bins" },
  boolean: { LABEL: "boolean" },
  bounds: { LABEL: "bounds" },
  byBand: { LABEL: "byBand" },
  call: { LABEL: "call" },
  callee: { LABEL: "callee" },
  cells: { LABEL: "cells" },
  channel: { LABEL: "channel" },
  code: { LABEL: "code" },
  components: { LABEL: "components" },
  condition: { LABEL: "condition" },
  count: { LABEL: "count" },
  date: { LABEL: "date" },
  day: { LABEL: "day" },
  days: { LABEL: "days" },
  decimals: { LABEL: "decimals" },
  dots: { LABEL: "dots" },
  dpd: { LABEL: "dpd" },
  entries: { LABEL: "entries" },
  enum: { LABEL: "enum" },
  every: { LABEL: "every" },
  expectations: { LABEL: "expectations" },
  factor: { LABEL: "factor" },
  field: { LABEL: "field" },
  fixed: { LABEL: "fixed" },
  frequency: { LABEL: "frequency" },
  from: { LABEL: "from" },
  grace: { LABEL: "grace" },
  if: { LABEL: "if" },
  in: { LABEL: "in" },
  inner: { LABEL: "inner" },
  is: { LABEL: "is" },
  keys: { LABEL: "keys" },
  label: { LABEL: "label" },
  lateFees: { LABEL: "lateFees" },
  max: { LABEL: "max" },
  message: { LABEL: "message" },
  min: { LABEL: "min" },
  minScore: { LABEL: "minScore" },
  missing: { LABEL: "missing" },
  mode: { LABEL: "mode" },
  moratorium: { LABEL: "moratorium" },
  multiple: { LABEL: "multiple" },
  name: { LABEL: "name" },
  named: { LABEL: "named" },
  no: { LABEL: "no" },
  notAllowed: { LABEL: "notAllowed" },
  notify: { LABEL: "notify" },
  number: { LABEL: "number" },
  of: { LABEL: "of" },
  offerRestructure: { LABEL: "offerRestructure" },
  on: { LABEL: "on" },
  operand: { LABEL: "operand" },
  operator: { LABEL: "operator" },
  optional: { LABEL: "optional" },
  otherwise: { LABEL: "otherwise" },
  outcome: { LABEL: "outcome" },
  outstanding: { LABEL: "outstanding" },
  paren: { LABEL: "paren" },
  percent: { LABEL: "percent" },
  percentKind: { LABEL: "percentKind" },
  points: { LABEL: "points" },
  prefixes: { LABEL: "prefixes" },
  presence: { LABEL: "presence" },
  queue: { LABEL: "queue" },
  queueName: { LABEL: "queueName" },
  range: { LABEL: "range" },
  rate: { LABEL: "rate" },
  reason: { LABEL: "reason" },
  reasons: { LABEL: "reasons" },
  reduce: { LABEL: "reduce" },
  rows: { LABEL: "rows" },
  rules: { LABEL: "rules" },
  sign: { LABEL: "sign" },
  stage: { LABEL: "stage" },
  state: { LABEL: "state" },
  step: { LABEL: "step" },
  steps: { LABEL: "steps" },
  stopAccrual: { LABEL: "stopAccrual" },
  string: { LABEL: "string" },
  table: { LABEL: "table" },
  tails: { LABEL: "tails" },
  taxable: { LABEL: "taxable" },
  template: { LABEL: "template" },
  then: { LABEL: "then" },
  timing: { LABEL: "timing" },
  to: { LABEL: "to" },
  type: { LABEL: "type" },
  unless: { LABEL: "unless" },
  value: { LABEL: "value" },
  values: { LABEL: "values" },
  what: { LABEL: "what" },
  when: { LABEL: "when" },
  writeOff: { LABEL: "writeOff" }
};
var CHILDREN = /* @__PURE__ */ Object.create(null);
var PlazoParser = class extends CstParser {
  // Alternatives and separator options are built on first use and reused: allocating them (and,
  // under tsx/esbuild keepNames, naming their closures) on every rule call dominated parse time.
  cache = [];
  sepCache = [];
  constructor() {
    super([...allTokens], {
      recoveryEnabled: true,
      // Node locations are kept as the first and last real tokens instead (see `cstPostTerminal`).
      nodeLocationTracking: "none",
      maxLookahead: 3,
      errorMessageProvider: syntaxMessages
    });
    this.performSelfAnalysis();
  }
  // ------------------------------------------------------------ file and product
  file = this.RULE("file", () => {
    this.SUBRULE(this.product);
  });
  product = this.RULE("product", () => {
    this.CONSUME(Product);
    this.CONSUME(Name, L.code);
    this.OPTION(() => this.CONSUME(StringLiteral, L.name));
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cache[0] ??= [
        { ALT: () => this.SUBRULE(this.currencySetting) },
        { ALT: () => this.SUBRULE(this.kindSetting) },
        { ALT: () => this.SUBRULE(this.docSetting) },
        { ALT: () => this.SUBRULE(this.inputSection) },
        { ALT: () => this.SUBRULE(this.letDecl) },
        { ALT: () => this.SUBRULE(this.limitsSection) },
        { ALT: () => this.SUBRULE(this.pricingSection) },
        { ALT: () => this.SUBRULE(this.feeDecl) },
        { ALT: () => this.SUBRULE(this.eligibilitySection) },
        { ALT: () => this.SUBRULE(this.scorecardSection) },
        { ALT: () => this.SUBRULE(this.offerSection) },
        { ALT: () => this.SUBRULE(this.penaltiesSection) },
        { ALT: () => this.SUBRULE(this.collectionSection) },
        { ALT: () => this.SUBRULE(this.allocationDecl) },
        { ALT: () => this.SUBRULE(this.prepaymentDecl) },
        { ALT: () => this.SUBRULE(this.testDecl) }
      ]);
    });
    this.CONSUME(RCurly);
  });
  currencySetting = this.RULE("currencySetting", () => {
    this.CONSUME(Currency);
    this.CONSUME(Name, L.value);
  });
  kindSetting = this.RULE("kindSetting", () => {
    this.CONSUME(Kind);
    this.CONSUME(Name, L.value);
  });
  docSetting = this.RULE("docSetting", () => {
    this.CONSUME(Doc);
    this.CONSUME(StringLiteral, L.value);
  });
  // ------------------------------------------------------------ input and let
  inputSection = this.RULE("inputSection", () => {
    this.CONSUME(Input);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.inputField));
    this.CONSUME(RCurly);
  });
  inputField = this.RULE("inputField", () => {
    this.CONSUME(Name, L.name);
    this.CONSUME(Colon);
    this.OR(this.cache[1] ??= [
      { ALT: () => this.CONSUME(NumberType, L.type) },
      { ALT: () => this.CONSUME(IntegerType, L.type) },
      { ALT: () => this.CONSUME(MoneyType, L.type) },
      { ALT: () => this.CONSUME(PercentType, L.type) },
      { ALT: () => this.CONSUME(StringType, L.type) },
      { ALT: () => this.CONSUME(BooleanType, L.type) },
      { ALT: () => this.CONSUME(DateType, L.type) },
      { ALT: () => this.SUBRULE(this.enumType, L.enum) }
    ]);
    this.OPTION(() => this.SUBRULE(this.rangeExpr, L.bounds));
    this.OPTION2(() => this.CONSUME(Optional, L.optional));
  });
  enumType = this.RULE("enumType", () => {
    this.CONSUME(EnumType, L.type);
    this.CONSUME(LCurly);
    this.MANY_SEP(this.sepCache[40] ??= { SEP: Comma, DEF: () => this.CONSUME(Name, L.values) });
    this.CONSUME(RCurly);
  });
  letDecl = this.RULE("letDecl", () => {
    this.CONSUME(Let);
    this.CONSUME(Name, L.name);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression, L.value);
  });
  // ------------------------------------------------------------ ranges and signed numbers
  /** `a..b`, `a..<b`, `..b`, `a..`, `..` */
  rangeExpr = this.RULE("rangeExpr", () => {
    this.OR(this.cache[2] ??= [
      {
        ALT: () => {
          this.SUBRULE(this.bound, L.min);
          this.OR2(this.cache[100] ??= [{ ALT: () => this.CONSUME(RangeDots, L.dots) }, { ALT: () => this.CONSUME(RangeExclusive, L.dots) }]);
          this.OPTION(() => this.SUBRULE2(this.bound, L.max));
        }
      },
      {
        ALT: () => {
          this.OR3(this.cache[101] ??= [{ ALT: () => this.CONSUME2(RangeDots, L.dots) }, { ALT: () => this.CONSUME2(RangeExclusive, L.dots) }]);
          this.OPTION2(() => this.SUBRULE3(this.bound, L.max));
        }
      }
    ]);
  });
  bound = this.RULE("bound", () => {
    this.OPTION(() => this.OR5(this.cache[SIGN_CACHE] ??= this.signAlternatives()));
    this.OR(this.cache[4] ??= [
      { ALT: () => this.CONSUME(NumberLiteral, L.value) },
      { ALT: () => this.CONSUME(PercentLiteral, L.value) }
    ]);
  });
  signedNumber = this.RULE("signedNumber", () => {
    this.OPTION(() => this.OR5(this.cache[SIGN_CACHE] ??= this.signAlternatives()));
    this.CONSUME(NumberLiteral, L.value);
  });
  /** `+` or `-` before a number (shared by `bound` and `signedNumber`). */
  signAlternatives() {
    return [{ ALT: () => this.CONSUME(Plus, L.sign) }, { ALT: () => this.CONSUME(Minus, L.sign) }];
  }
  // ------------------------------------------------------------ limits
  limitsSection = this.RULE("limitsSection", () => {
    this.CONSUME(Limits);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cache[6] ??= [
        { ALT: () => this.SUBRULE(this.amountLimit) },
        { ALT: () => this.SUBRULE(this.termLimit) },
        { ALT: () => this.SUBRULE(this.firstPaymentLimit) }
      ]);
    });
    this.CONSUME(RCurly);
  });
  amountLimit = this.RULE("amountLimit", () => {
    this.CONSUME(Amount);
    this.SUBRULE(this.rangeExpr, L.range);
    this.OPTION(() => {
      this.CONSUME(Step);
      this.CONSUME(NumberLiteral, L.step);
    });
  });
  termLimit = this.RULE("termLimit", () => {
    this.CONSUME(Payments);
    this.SUBRULE(this.rangeExpr, L.range);
    this.SUBRULE(this.frequency, L.frequency);
  });
  firstPaymentLimit = this.RULE("firstPaymentLimit", () => {
    this.CONSUME(First);
    this.CONSUME(Payment);
    this.SUBRULE(this.rangeExpr, L.range);
    this.CONSUME(Days);
  });
  frequency = this.RULE("frequency", () => {
    this.OR(this.cache[7] ??= [
      { ALT: () => this.CONSUME(Weekly, L.named) },
      { ALT: () => this.CONSUME(Biweekly, L.named) },
      { ALT: () => this.CONSUME(Semimonthly, L.named) },
      { ALT: () => this.CONSUME(Monthly, L.named) },
      {
        ALT: () => {
          this.CONSUME(Every, L.every);
          this.CONSUME(NumberLiteral, L.days);
          this.CONSUME(Days);
        }
      }
    ]);
  });
  // ------------------------------------------------------------ pricing
  pricingSection = this.RULE("pricingSection", () => {
    this.CONSUME(Pricing);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cache[8] ??= [
        { ALT: () => this.SUBRULE(this.methodSetting) },
        { ALT: () => this.SUBRULE(this.basisSetting) },
        { ALT: () => this.SUBRULE(this.rateSetting) },
        { ALT: () => this.SUBRULE(this.ivaSetting) },
        { ALT: () => this.SUBRULE(this.roundingSetting) },
        { ALT: () => this.SUBRULE(this.graceSetting) },
        { ALT: () => this.SUBRULE(this.businessDaysSetting) },
        { ALT: () => this.SUBRULE(this.installmentIncludesIva) }
      ]);
    });
    this.CONSUME(RCurly);
  });
  methodSetting = this.RULE("methodSetting", () => {
    this.CONSUME(Method);
    this.CONSUME(Name, L.value);
  });
  basisSetting = this.RULE("basisSetting", () => {
    this.CONSUME(Basis);
    this.SUBRULE(this.basisValue, L.value);
  });
  basisValue = this.RULE("basisValue", () => {
    this.OR(this.cache[9] ??= [
      { ALT: () => this.CONSUME(BasisName, L.value) },
      { ALT: () => this.CONSUME(Name, L.value) }
    ]);
  });
  rateSetting = this.RULE("rateSetting", () => {
    this.CONSUME(Rate);
    this.OR(this.cache[10] ??= [
      { ALT: () => this.CONSUME(PercentLiteral, L.fixed) },
      { ALT: () => this.SUBRULE(this.rateTable, L.table) }
    ]);
  });
  rateTable = this.RULE("rateTable", () => {
    this.CONSUME(By);
    this.AT_LEAST_ONE_SEP(this.sepCache[41] ??= { SEP: Comma, DEF: () => this.CONSUME(Name, L.keys) });
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.rateRow, L.rows));
    this.CONSUME(RCurly);
  });
  rateRow = this.RULE("rateRow", () => {
    this.AT_LEAST_ONE_SEP(this.sepCache[42] ??= { SEP: Comma, DEF: () => this.SUBRULE(this.rateCell, L.cells) });
    this.CONSUME(Colon);
    this.CONSUME(PercentLiteral, L.rate);
    this.OPTION(() => this.CONSUME2(Comma));
  });
  rateCell = this.RULE("rateCell", () => {
    this.OR(this.cache[11] ??= [
      { ALT: () => this.CONSUME(Name, L.name) },
      { ALT: () => this.SUBRULE(this.rangeExpr, L.range) }
    ]);
  });
  ivaSetting = this.RULE("ivaSetting", () => {
    this.CONSUME(Iva);
    this.CONSUME(PercentLiteral, L.rate);
    this.CONSUME(On);
    this.AT_LEAST_ONE_SEP(this.sepCache[43] ??= { SEP: Comma, DEF: () => this.SUBRULE(this.component, L.on) });
  });
  roundingSetting = this.RULE("roundingSetting", () => {
    this.CONSUME(Rounding);
    this.CONSUME(NumberLiteral, L.decimals);
    this.OPTION(() => {
      this.OR(this.cache[12] ??= [
        { ALT: () => this.CONSUME(RoundingMode, L.mode) },
        { ALT: () => this.CONSUME(Identifier, L.mode) }
      ]);
    });
    this.OPTION2(() => {
      this.CONSUME(Multiple);
      this.CONSUME2(NumberLiteral, L.multiple);
    });
  });
  graceSetting = this.RULE("graceSetting", () => {
    this.CONSUME(Grace);
    this.OR(this.cache[13] ??= [
      { ALT: () => this.CONSUME(Principal, L.what) },
      { ALT: () => this.CONSUME(Interest, L.what) }
    ]);
    this.CONSUME(NumberLiteral, L.count);
  });
  businessDaysSetting = this.RULE("businessDaysSetting", () => {
    this.CONSUME(Business);
    this.CONSUME(Days);
    this.CONSUME(Name, L.value);
  });
  installmentIncludesIva = this.RULE("installmentIncludesIva", () => {
    this.CONSUME(Installment);
    this.CONSUME(Includes);
    this.CONSUME(Iva);
  });
  // ------------------------------------------------------------ fees
  feeDecl = this.RULE("feeDecl", () => {
    this.CONSUME(Fee);
    this.CONSUME(Name, L.name);
    this.SUBRULE(this.feeAmount, L.amount);
    this.OPTION(() => {
      this.CONSUME(Of);
      this.CONSUME2(Name, L.of);
    });
    this.MANY(() => {
      this.OR(this.cache[14] ??= [
        { ALT: () => this.SUBRULE(this.minCap, L.min) },
        { ALT: () => this.SUBRULE(this.maxCap, L.max) },
        { ALT: () => this.SUBRULE(this.feeTiming, L.timing) },
        { ALT: () => this.SUBRULE(this.taxability, L.taxable) }
      ]);
    });
  });
  feeAmount = this.RULE("feeAmount", () => {
    this.OR(this.cache[15] ??= [
      { ALT: () => this.CONSUME(NumberLiteral, L.value) },
      { ALT: () => this.CONSUME(PercentLiteral, L.value) }
    ]);
  });
  minCap = this.RULE("minCap", () => {
    this.CONSUME(Min);
    this.CONSUME(NumberLiteral, L.value);
  });
  maxCap = this.RULE("maxCap", () => {
    this.CONSUME(Max);
    this.CONSUME(NumberLiteral, L.value);
  });
  feeTiming = this.RULE("feeTiming", () => {
    this.OR(this.cache[16] ??= [
      { ALT: () => this.CONSUME(Upfront, L.timing) },
      { ALT: () => this.CONSUME(Deducted, L.timing) },
      { ALT: () => this.CONSUME(Financed, L.timing) },
      {
        ALT: () => {
          this.CONSUME(Per, L.timing);
          this.CONSUME(Installment);
        }
      }
    ]);
  });
  /** `iva` or `no iva`. */
  taxability = this.RULE("taxability", () => {
    this.OPTION(() => this.CONSUME(No, L.no));
    this.CONSUME(Iva);
  });
  // ------------------------------------------------------------ eligibility
  eligibilitySection = this.RULE("eligibilitySection", () => {
    this.CONSUME(Eligibility);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.ruleDecl, L.rules));
    this.CONSUME(RCurly);
  });
  ruleDecl = this.RULE("ruleDecl", () => {
    this.SUBRULE(this.outcome, L.outcome);
    this.CONSUME(StringLiteral, L.reason);
    this.OR(this.cache[17] ??= [
      { ALT: () => this.CONSUME(When, L.when) },
      { ALT: () => this.CONSUME(Unless, L.unless) }
    ]);
    this.SUBRULE(this.expression, L.condition);
    this.OPTION(() => {
      this.CONSUME(Message);
      this.CONSUME2(StringLiteral, L.message);
    });
  });
  outcome = this.RULE("outcome", () => {
    this.OR(this.cache[18] ??= [
      { ALT: () => this.CONSUME(Decline, L.outcome) },
      { ALT: () => this.CONSUME(Refer, L.outcome) }
    ]);
  });
  // ------------------------------------------------------------ scorecard
  scorecardSection = this.RULE("scorecardSection", () => {
    this.CONSUME(Scorecard);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cache[19] ??= [
        { ALT: () => this.SUBRULE(this.baseSetting) },
        { ALT: () => this.SUBRULE(this.characteristicDecl) },
        { ALT: () => this.SUBRULE(this.bandDecl) },
        { ALT: () => this.SUBRULE(this.scoreOtherwise) }
      ]);
    });
    this.CONSUME(RCurly);
  });
  baseSetting = this.RULE("baseSetting", () => {
    this.CONSUME(Base);
    this.SUBRULE(this.signedNumber, L.value);
  });
  characteristicDecl = this.RULE("characteristicDecl", () => {
    this.CONSUME(Characteristic);
    this.CONSUME(Name, L.name);
    this.OPTION(() => this.CONSUME(StringLiteral, L.label));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.binDecl, L.bins));
    this.CONSUME(RCurly);
  });
  binDecl = this.RULE("binDecl", () => {
    this.OR(this.cache[20] ??= [
      { ALT: () => this.CONSUME(Missing, L.missing) },
      { ALT: () => this.CONSUME(Otherwise, L.otherwise) },
      { ALT: () => this.SUBRULE(this.rangeExpr, L.range) },
      {
        ALT: () => this.AT_LEAST_ONE_SEP(this.sepCache[44] ??= { SEP: Comma, DEF: () => this.SUBRULE(this.binValue, L.values) })
      }
    ]);
    this.CONSUME(Arrow);
    this.SUBRULE(this.signedNumber, L.points);
    this.OPTION(() => {
      this.CONSUME(Reason);
      this.CONSUME(StringLiteral, L.reason);
    });
  });
  binValue = this.RULE("binValue", () => {
    this.OR(this.cache[21] ??= [
      { ALT: () => this.CONSUME(Name, L.name) },
      { ALT: () => this.CONSUME(True, L.boolean) },
      { ALT: () => this.CONSUME(False, L.boolean) },
      { ALT: () => this.CONSUME(StringLiteral, L.string) }
    ]);
  });
  bandDecl = this.RULE("bandDecl", () => {
    this.CONSUME(Band);
    this.CONSUME(Name, L.name);
    this.CONSUME(When);
    this.CONSUME(Score);
    this.CONSUME(GreaterEq);
    this.CONSUME(NumberLiteral, L.minScore);
  });
  scoreOtherwise = this.RULE("scoreOtherwise", () => {
    this.CONSUME(Otherwise);
    this.SUBRULE(this.outcome, L.outcome);
    this.CONSUME(StringLiteral, L.reason);
    this.OPTION(() => {
      this.CONSUME(Message);
      this.CONSUME2(StringLiteral, L.message);
    });
  });
  // ------------------------------------------------------------ offer
  offerSection = this.RULE("offerSection", () => {
    this.CONSUME(Offer);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cache[22] ??= [
        { ALT: () => this.SUBRULE(this.installmentCap) },
        { ALT: () => this.SUBRULE(this.amountCap) },
        { ALT: () => this.SUBRULE(this.counterofferSetting) }
      ]);
    });
    this.CONSUME(RCurly);
  });
  installmentCap = this.RULE("installmentCap", () => {
    this.CONSUME(Installment);
    this.CONSUME(LessEq);
    this.SUBRULE(this.expression, L.value);
  });
  amountCap = this.RULE("amountCap", () => {
    this.CONSUME(Amount);
    this.CONSUME(LessEq);
    this.OR(this.cache[23] ??= [
      { ALT: () => this.SUBRULE(this.amountByBand, L.byBand) },
      { ALT: () => this.SUBRULE(this.expression, L.value) }
    ]);
  });
  amountByBand = this.RULE("amountByBand", () => {
    this.CONSUME(By);
    this.CONSUME(Band);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.bandAmount, L.entries));
    this.CONSUME(RCurly);
  });
  bandAmount = this.RULE("bandAmount", () => {
    this.CONSUME(Name, L.band);
    this.CONSUME(Colon);
    this.CONSUME(NumberLiteral, L.amount);
    this.OPTION(() => this.CONSUME(Comma));
  });
  counterofferSetting = this.RULE("counterofferSetting", () => {
    this.OPTION(() => this.CONSUME(No, L.no));
    this.CONSUME(Counteroffer);
  });
  // ------------------------------------------------------------ penalties
  penaltiesSection = this.RULE("penaltiesSection", () => {
    this.CONSUME(Penalties);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cache[24] ??= [
        { ALT: () => this.SUBRULE(this.lateFeeDecl) },
        { ALT: () => this.SUBRULE(this.moratoriumDecl) }
      ]);
    });
    this.CONSUME(RCurly);
  });
  lateFeeDecl = this.RULE("lateFeeDecl", () => {
    this.CONSUME(Late);
    this.CONSUME(Fee);
    this.SUBRULE(this.feeAmount, L.amount);
    this.OPTION(() => {
      this.CONSUME(Of);
      this.CONSUME(Name, L.of);
    });
    this.MANY(() => {
      this.OR(this.cache[25] ??= [
        { ALT: () => this.SUBRULE(this.minCap, L.min) },
        { ALT: () => this.SUBRULE(this.maxCap, L.max) },
        { ALT: () => this.SUBRULE(this.graceDays, L.grace) },
        { ALT: () => this.SUBRULE(this.taxability, L.taxable) }
      ]);
    });
  });
  graceDays = this.RULE("graceDays", () => {
    this.CONSUME(Grace);
    this.CONSUME(NumberLiteral, L.value);
    this.CONSUME(Days);
  });
  moratoriumDecl = this.RULE("moratoriumDecl", () => {
    this.CONSUME(Moratorium);
    this.OR(this.cache[26] ??= [
      {
        ALT: () => {
          this.CONSUME(MultipleLiteral, L.factor);
          this.CONSUME(Ordinary);
        }
      },
      {
        ALT: () => {
          this.CONSUME(PercentLiteral, L.annual);
          this.CONSUME(Annual);
        }
      }
    ]);
    this.CONSUME(On);
    this.CONSUME(Overdue);
    this.OR2(this.cache[27] ??= [
      { ALT: () => this.CONSUME(Principal, L.on) },
      { ALT: () => this.CONSUME(Installment, L.on) }
    ]);
    this.MANY(() => {
      this.OR3(this.cache[28] ??= [
        {
          ALT: () => {
            this.CONSUME(Basis);
            this.SUBRULE(this.basisValue, L.basis);
          }
        },
        { ALT: () => this.SUBRULE(this.taxability, L.taxable) }
      ]);
    });
  });
  // ------------------------------------------------------------ collection
  collectionSection = this.RULE("collectionSection", () => {
    this.CONSUME(Collection);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cache[29] ??= [
        { ALT: () => this.SUBRULE(this.atStep, L.steps) },
        { ALT: () => this.SUBRULE(this.stageStep, L.steps) }
      ]);
    });
    this.CONSUME(RCurly);
  });
  atStep = this.RULE("atStep", () => {
    this.CONSUME(At);
    this.SUBRULE(this.signedNumber, L.day);
    this.CONSUME(Days);
    this.MANY(() => this.SUBRULE(this.action, L.actions));
  });
  stageStep = this.RULE("stageStep", () => {
    this.CONSUME(From);
    this.CONSUME(NumberLiteral, L.from);
    this.OPTION(() => {
      this.CONSUME(To);
      this.CONSUME2(NumberLiteral, L.to);
    });
    this.CONSUME(Dpd);
    this.OPTION2(() => {
      this.CONSUME(Stage);
      this.CONSUME(Name, L.stage);
    });
    this.MANY(() => this.SUBRULE(this.action, L.actions));
  });
  action = this.RULE("action", () => {
    this.OR(this.cache[30] ??= [
      {
        ALT: () => {
          this.CONSUME(Notify, L.notify);
          this.CONSUME(Name, L.channel);
          this.CONSUME(StringLiteral, L.template);
        }
      },
      {
        ALT: () => {
          this.CONSUME(Queue, L.queue);
          this.CONSUME2(StringLiteral, L.queueName);
        }
      },
      {
        ALT: () => {
          this.CONSUME(Stop, L.stopAccrual);
          this.CONSUME(Accrual);
        }
      },
      {
        ALT: () => {
          this.CONSUME(Offer, L.offerRestructure);
          this.CONSUME(Restructure);
        }
      },
      {
        ALT: () => {
          this.CONSUME(Write, L.writeOff);
          this.CONSUME(Off);
        }
      }
    ]);
  });
  // ------------------------------------------------------------ allocation and prepayment
  allocationDecl = this.RULE("allocationDecl", () => {
    this.CONSUME(Allocation);
    this.AT_LEAST_ONE_SEP(this.sepCache[45] ??= { SEP: Comma, DEF: () => this.SUBRULE(this.component, L.components) });
  });
  /** A loan component: `interest`, `fees`, `iva`... `penalties` is reserved (it opens a section) but allowed here. */
  component = this.RULE("component", () => {
    this.OR(this.cache[31] ??= [
      { ALT: () => this.CONSUME(Name, L.name) },
      { ALT: () => this.CONSUME(Penalties, L.name) }
    ]);
  });
  prepaymentDecl = this.RULE("prepaymentDecl", () => {
    this.CONSUME(Prepayment);
    this.OR(this.cache[32] ??= [
      {
        ALT: () => {
          this.CONSUME(Reduce);
          this.OR2([
            { ALT: () => this.CONSUME(Term, L.reduce) },
            { ALT: () => this.CONSUME(Installment, L.reduce) }
          ]);
        }
      },
      {
        ALT: () => {
          this.CONSUME(Not, L.notAllowed);
          this.CONSUME(Allowed);
        }
      }
    ]);
  });
  // ------------------------------------------------------------ tests
  testDecl = this.RULE("testDecl", () => {
    this.CONSUME(Test);
    this.CONSUME(StringLiteral, L.name);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cache[33] ??= [
        { ALT: () => this.SUBRULE(this.givenStatement) },
        { ALT: () => this.SUBRULE(this.todayStatement) },
        { ALT: () => this.SUBRULE(this.disburseStatement) },
        { ALT: () => this.SUBRULE(this.payStatement) },
        { ALT: () => this.SUBRULE(this.expectStatement) }
      ]);
    });
    this.CONSUME(RCurly);
  });
  givenStatement = this.RULE("givenStatement", () => {
    this.CONSUME(Given);
    this.AT_LEAST_ONE_SEP(this.sepCache[46] ??= { SEP: Comma, DEF: () => this.SUBRULE(this.givenEntry, L.entries) });
  });
  givenEntry = this.RULE("givenEntry", () => {
    this.CONSUME(Name, L.field);
    this.CONSUME(Equals);
    this.OR(this.cache[34] ??= [
      { ALT: () => this.SUBRULE(this.signedNumber, L.number) },
      { ALT: () => this.CONSUME(PercentLiteral, L.percent) },
      { ALT: () => this.CONSUME(StringLiteral, L.string) },
      { ALT: () => this.CONSUME(DateLiteral, L.date) },
      { ALT: () => this.CONSUME(True, L.boolean) },
      { ALT: () => this.CONSUME(False, L.boolean) },
      { ALT: () => this.CONSUME2(Name, L.name) }
    ]);
  });
  todayStatement = this.RULE("todayStatement", () => {
    this.CONSUME(Today);
    this.CONSUME(DateLiteral, L.date);
  });
  disburseStatement = this.RULE("disburseStatement", () => {
    this.CONSUME(Disburse);
    this.CONSUME(DateLiteral, L.date);
  });
  payStatement = this.RULE("payStatement", () => {
    this.CONSUME(Pay);
    this.CONSUME(NumberLiteral, L.amount);
    this.CONSUME(On);
    this.CONSUME(DateLiteral, L.date);
  });
  expectStatement = this.RULE("expectStatement", () => {
    this.CONSUME(Expect);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.expectation, L.expectations));
  });
  expectation = this.RULE("expectation", () => {
    this.OR(this.cache[35] ??= [
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(Approve, L.outcome) },
            { ALT: () => this.CONSUME(Refer, L.outcome) },
            { ALT: () => this.CONSUME(Decline, L.outcome) }
          ]);
          this.OPTION(() => {
            this.CONSUME(Reasons);
            this.AT_LEAST_ONE_SEP(this.sepCache[47] ??= { SEP: Comma, DEF: () => this.CONSUME(StringLiteral, L.reasons) });
          });
        }
      },
      {
        ALT: () => {
          this.CONSUME(Band, L.band);
          this.CONSUME(Name, L.bandName);
        }
      },
      {
        ALT: () => {
          this.OR3([
            { ALT: () => this.CONSUME(Score, L.amountKind) },
            { ALT: () => this.CONSUME(Offer, L.amountKind) },
            { ALT: () => this.CONSUME(Counteroffer, L.amountKind) },
            { ALT: () => this.CONSUME(Installment, L.amountKind) },
            { ALT: () => this.CONSUME(Total, L.amountKind) }
          ]);
          this.CONSUME(NumberLiteral, L.number);
        }
      },
      {
        ALT: () => {
          this.OR4([
            { ALT: () => this.CONSUME(Rate, L.percentKind) },
            { ALT: () => this.CONSUME(Cat, L.percentKind) }
          ]);
          this.CONSUME(PercentLiteral, L.percent);
        }
      },
      { ALT: () => this.SUBRULE(this.stateExpectation, L.state) }
    ]);
  });
  stateExpectation = this.RULE("stateExpectation", () => {
    this.CONSUME(On);
    this.CONSUME(DateLiteral, L.on);
    this.MANY(() => {
      this.OR(this.cache[36] ??= [
        {
          ALT: () => {
            this.CONSUME(Dpd);
            this.CONSUME(NumberLiteral, L.dpd);
          }
        },
        {
          ALT: () => {
            this.CONSUME(Stage);
            this.CONSUME(Name, L.stage);
          }
        },
        {
          ALT: () => {
            this.CONSUME(Outstanding);
            this.CONSUME2(NumberLiteral, L.outstanding);
          }
        },
        {
          ALT: () => {
            this.CONSUME(Late);
            this.CONSUME(Fees);
            this.CONSUME3(NumberLiteral, L.lateFees);
          }
        },
        {
          ALT: () => {
            this.CONSUME(Moratorium);
            this.CONSUME4(NumberLiteral, L.moratorium);
          }
        }
      ]);
    });
  });
  // ------------------------------------------------------------ expressions
  // Expressions are flat here: operands and the operators between them, in order. Precedence is
  // applied by the AST builder (build-expression.ts); a CST node per precedence level per operand
  // would cost most of the parse time on large products.
  expression = this.RULE("expression", () => {
    this.SUBRULE(this.operand, L.operand);
    this.MANY(() => this.SUBRULE(this.exprTail, L.tails));
  });
  /** What follows an operand: a binary operator and the next operand, `in { ... }`, or `is missing|present`. */
  exprTail = this.RULE("exprTail", () => {
    this.OR(this.cache[37] ??= [
      {
        ALT: () => {
          this.CONSUME(BinaryOperator, L.operator);
          this.SUBRULE(this.operand, L.operand);
        }
      },
      {
        ALT: () => {
          this.CONSUME(In, L.in);
          this.CONSUME(LCurly);
          this.MANY_SEP(this.sepCache[48] ??= { SEP: Comma, DEF: () => this.SUBRULE(this.expression, L.values) });
          this.CONSUME(RCurly);
        }
      },
      {
        ALT: () => {
          this.CONSUME(Is, L.is);
          this.OR2([
            { ALT: () => this.CONSUME(Missing, L.presence) },
            { ALT: () => this.CONSUME(Present, L.presence) }
          ]);
        }
      }
    ]);
  });
  /** Prefix operators (`not`, `-`) and an atom. */
  operand = this.RULE("operand", () => {
    this.MANY(() => {
      this.OR(this.cache[38] ??= [
        { ALT: () => this.CONSUME(Not, L.prefixes) },
        { ALT: () => this.CONSUME(Minus, L.prefixes) }
      ]);
    });
    this.OR2(this.cache[39] ??= [
      { ALT: () => this.CONSUME(NumberLiteral, L.number) },
      { ALT: () => this.CONSUME(PercentLiteral, L.percent) },
      { ALT: () => this.CONSUME(StringLiteral, L.string) },
      { ALT: () => this.CONSUME(DateLiteral, L.date) },
      { ALT: () => this.CONSUME(True, L.boolean) },
      { ALT: () => this.CONSUME(False, L.boolean) },
      { ALT: () => this.SUBRULE(this.call, L.call) },
      { ALT: () => this.CONSUME(Name, L.name) },
      { ALT: () => this.SUBRULE(this.parenExpr, L.paren) },
      { ALT: () => this.SUBRULE(this.ifExpr, L.if) }
    ]);
  });
  call = this.RULE("call", () => {
    this.CONSUME(Name, L.callee);
    this.CONSUME(LParen);
    this.MANY_SEP(this.sepCache[49] ??= { SEP: Comma, DEF: () => this.SUBRULE(this.expression, L.args) });
    this.CONSUME(RParen);
  });
  parenExpr = this.RULE("parenExpr", () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression, L.inner);
    this.CONSUME(RParen);
  });
  ifExpr = this.RULE("ifExpr", () => {
    this.CONSUME(If);
    this.SUBRULE(this.expression, L.condition);
    this.CONSUME(Then);
    this.SUBRULE2(this.expression, L.then);
    this.CONSUME(Else);
    this.SUBRULE3(this.expression, L.otherwise);
  });
  // ------------------------------------------------------------ CST building
  // Chevrotain's CST builder (traits/tree_builder.js) with cheaper nodes: fast-mode `children`,
  // and, instead of a `location` of six boxed doubles updated on every token, the first and last
  // real tokens of the node. Same semantics as its `nodeLocationTracking: 'full'` with recovery
  // (`setNodeLocationFull`): the first token with an offset starts the node, and the end moves to
  // any later-ending token; tokens inserted by recovery (NaN offsets) are ignored.
  /** Called by Chevrotain on entering a rule. */
  cstInvocationStateUpdate(name) {
    const node = { name, children: Object.create(CHILDREN), first: void 0, last: void 0 };
    this.CST_STACK.push(node);
  }
  /** Called by Chevrotain after each consumed (or recovery-inserted) token. */
  cstPostTerminal(key, token2) {
    const stack = this.CST_STACK;
    const node = stack[stack.length - 1];
    const list = node.children[key];
    if (list === void 0) node.children[key] = [token2];
    else list.push(token2);
    if (token2.startOffset !== token2.startOffset) return;
    if (node.first === void 0) {
      node.first = token2;
      node.last = token2;
    } else if (node.last.endOffset < token2.endOffset) node.last = token2;
  }
  /** Called by Chevrotain after each subrule (complete or partial after recovery). */
  cstPostNonTerminal(result, key) {
    const stack = this.CST_STACK;
    const node = stack[stack.length - 1];
    const list = node.children[key];
    if (list === void 0) node.children[key] = [result];
    else list.push(result);
    if (result.first === void 0) return;
    if (node.first === void 0) {
      node.first = result.first;
      node.last = result.last;
    } else if (node.last.endOffset < result.last.endOffset) node.last = result.last;
  }
  /** Parses a token vector into a CST; errors are left in `this.errors`. */
  parseFile(tokens2) {
    this.input = tokens2;
    return this.file();
  }
};
var plazoParser = new PlazoParser();

// src/parse.ts
function syntaxDiagnostic(error2, lines, tokens2) {
  const found = error2.token;
  const atEnd = !isRealToken(found) || found.tokenType.name === "EOF";
  let range;
  if (!atEnd) range = tokenRange(found, lines);
  else {
    const last2 = tokens2[tokens2.length - 1];
    const end = last2 ? last2.startOffset + last2.image.length : lines.text.length;
    range = lines.range(end, end);
  }
  return {
    severity: "error",
    code: atEnd ? "unexpected-end-of-file" : "unexpected-token",
    message: error2.message,
    range
  };
}
function parse(text) {
  const { file, diagnostics, comments } = parseDocument(text);
  return { file, diagnostics, comments };
}
function parseDocument(text) {
  const lines = new LineIndex(text);
  const lexed = lex(text, lines);
  const cst = plazoParser.parseFile(lexed.tokens);
  const diagnostics = [...lexed.diagnostics];
  const seen = /* @__PURE__ */ new Set();
  for (const error2 of plazoParser.errors) {
    const diagnostic = syntaxDiagnostic(error2, lines, lexed.tokens);
    const key = `${diagnostic.range.start.offset}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  const buildDiagnostics = [];
  const file = buildFile(cst, { diagnostics: buildDiagnostics, lines, tokens: lexed.tokens, comments: lexed.comments });
  diagnostics.push(...buildDiagnostics);
  const comments = lexed.comments.map((c) => Object.freeze({ text: c.image, doc: c.tokenType.name === "DocComment", range: tokenRange(c, lines) }));
  return { file, diagnostics, comments, tokens: lexed.tokens, commentTokens: lexed.comments, lines };
}

// src/format/layout.ts
var INDENT = "  ";
var MAX_WIDTH = 100;
var keepSourceBlanks = (_previous, _next, sourceHadBlank) => sourceHadBlank;
function blankLineBefore(text, offset) {
  let newlines = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n") newlines++;
    else if (c !== " " && c !== "	" && c !== "\r" && c !== "\f" && c !== "\v" && c !== "\xA0" && c !== "\uFEFF") break;
  }
  return newlines >= 2;
}
function verbatimLines(ctx, start, end) {
  return ctx.text.slice(start, end).split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}
function commentText(comment) {
  return comment.text.trimEnd();
}
function renderChildren(children2, comments, indent, ctx, out2, policy, header) {
  const bySource = [...children2].sort((a, b) => a.start - b.start);
  const placements = new Map(children2.map((item) => [item, { leading: [], inside: [] }]));
  const dangling = [];
  let headerTrailing;
  let next = 0;
  for (const comment of comments) {
    while (next < bySource.length && bySource[next].end <= comment.start) next++;
    const following = bySource[next];
    if (following && following.start <= comment.start) {
      placements.get(following).inside.push(comment);
      continue;
    }
    const previous2 = bySource[next - 1];
    const line = ctx.lines.line(comment.start);
    if (previous2 && ctx.lines.line(previous2.end) === line && !placements.get(previous2).trailing) {
      placements.get(previous2).trailing = comment;
    } else if (!previous2 && header && header.sourceLine === line && !headerTrailing) {
      headerTrailing = comment;
    } else if (following) {
      placements.get(following).leading.push(comment);
    } else {
      dangling.push(comment);
    }
  }
  if (header && headerTrailing) out2[header.line] += `  ${commentText(headerTrailing)}`;
  const trailing = [];
  let previous;
  for (const item of children2) {
    const placement = placements.get(item);
    const firstOffset = placement.leading[0]?.start ?? item.start;
    if (previous && policy(previous, item, blankLineBefore(ctx.text, firstOffset))) out2.push("");
    placement.leading.forEach((comment, i) => {
      if (i > 0 && blankLineBefore(ctx.text, comment.start)) out2.push("");
      out2.push(indent + commentText(comment));
    });
    renderItem(item, placement.inside, indent, ctx, out2);
    if (placement.trailing) trailing.push({ line: out2.length - 1, comment: commentText(placement.trailing) });
    previous = item;
  }
  alignTrailingComments(out2, trailing);
  dangling.forEach((comment, i) => {
    if ((previous || i > 0) && blankLineBefore(ctx.text, comment.start)) out2.push("");
    out2.push(indent + commentText(comment));
  });
}
function alignTrailingComments(out2, trailing) {
  let runStart = 0;
  while (runStart < trailing.length) {
    let runEnd = runStart + 1;
    while (runEnd < trailing.length && trailing[runEnd].line === trailing[runEnd - 1].line + 1) runEnd++;
    const run = trailing.slice(runStart, runEnd);
    const column = Math.max(...run.map(({ line }) => out2[line].trimEnd().length)) + 2;
    for (const { line, comment } of run) out2[line] = out2[line].trimEnd().padEnd(column) + comment;
    runStart = runEnd;
  }
}
function renderItem(item, inside, indent, ctx, out2) {
  if (item.kind === "leaf") {
    if (inside.length === 0) {
      item.lines.forEach((line) => out2.push(indent + line));
      return;
    }
    const lines = verbatimLines(ctx, item.start, item.end);
    lines.forEach((line, i) => out2.push(i === 0 ? indent + (item.verbatimPrefix ?? "") + line : `${indent}${INDENT}${INDENT}${line}`));
    return;
  }
  const headerComments = inside.filter((comment) => comment.start < item.headerEnd);
  const bodyComments = inside.filter((comment) => comment.start >= item.headerEnd);
  if (item.inline !== void 0 && inside.length === 0 && indent.length + item.header.length + item.inline.length + 1 <= MAX_WIDTH) {
    out2.push(`${indent}${item.header} ${item.inline}`);
    return;
  }
  if (headerComments.length > 0) {
    const lines = verbatimLines(ctx, item.start, item.headerEnd);
    lines.forEach((line, i) => out2.push(i === 0 ? indent + line : `${indent}${INDENT}${INDENT}${line}`));
  } else {
    out2.push(indent + item.header);
  }
  if (item.children.length === 0 && bodyComments.length === 0) {
    out2[out2.length - 1] += "}";
    return;
  }
  const header = { line: out2.length - 1, sourceLine: ctx.lines.line(item.headerEnd - 1) };
  renderChildren(item.children, bodyComments, indent + INDENT, ctx, out2, item.blankPolicy, header);
  out2.push(`${indent}}`);
}
function renderFile(items, comments, ctx) {
  const out2 = [];
  renderChildren(items, comments, "", ctx, out2, () => true);
  return out2.map((line) => line.trimEnd()).join("\n") + "\n";
}

// src/format/print-expression.ts
var Spelling = class {
  constructor(text) {
    this.text = text;
  }
  text;
  /** A literal as written, whitespace between a sign and its digits removed: `5_000`, `-40`, `1.5x`. */
  literal(node) {
    const written = this.text.slice(node.range.start.offset, node.range.end.offset);
    return node.kind === "StringLiteral" ? written : written.replace(/\s+/g, "");
  }
  /** Any literal or name, as written (booleans and dates have one spelling). */
  value(node) {
    switch (node.kind) {
      case "NumberLiteral":
      case "PercentLiteral":
      case "StringLiteral":
        return this.literal(node);
      case "BooleanLiteral":
        return node.value ? "true" : "false";
      case "DateLiteral":
        return node.value;
      case "Identifier":
        return node.name;
    }
  }
  /** `a..b`, `..<b`, `a..`, `..` */
  range(range) {
    const min2 = range.min ? this.literal(range.min) : "";
    const max2 = range.max ? this.literal(range.max) : "";
    return `${min2}${range.maxExclusive ? "..<" : ".."}${max2}`;
  }
  /** An expression on one line. */
  expression(expr) {
    switch (expr.kind) {
      case "StringLiteral":
      case "NumberLiteral":
      case "PercentLiteral":
      case "BooleanLiteral":
      case "DateLiteral":
        return this.value(expr);
      case "BinaryExpr":
        return `${this.expression(expr.left)} ${expr.operator} ${this.expression(expr.right)}`;
      case "UnaryExpr":
        return expr.operator === "not" ? `not ${this.expression(expr.operand)}` : `-${this.expression(expr.operand)}`;
      case "InExpr":
        return expr.values.length === 0 ? `${this.expression(expr.operand)} in {}` : `${this.expression(expr.operand)} in { ${expr.values.map((v) => this.expression(v)).join(", ")} }`;
      case "PresenceExpr":
        return `${this.expression(expr.operand)} is ${expr.present ? "present" : "missing"}`;
      case "IfExpr":
        return `if ${this.expression(expr.condition)} then ${this.expression(expr.then)} else ${this.expression(expr.otherwise)}`;
      case "CallExpr":
        return `${expr.callee.name}(${expr.args.map((a) => this.expression(a)).join(", ")})`;
      case "NameRef":
        return expr.name;
      case "ParenExpr":
        return `(${this.expression(expr.inner)})`;
      case "ErrorExpr":
        throw new Error("cannot print an expression with a syntax error");
    }
  }
};

// src/format/product-layout.ts
var sectionRank = {
  InputSection: 10,
  LetDecl: 11,
  LimitsSection: 12,
  PricingSection: 13,
  FeeDecl: 14,
  EligibilitySection: 15,
  ScorecardSection: 16,
  OfferSection: 17,
  PenaltiesSection: 18,
  CollectionSection: 19,
  AllocationDecl: 20,
  PrepaymentDecl: 21,
  TestDecl: 22
};
function canonicalSections(sections) {
  return sections.map((section, index) => ({ section, index })).sort((a, b) => sectionRank[a.section.kind] - sectionRank[b.section.kind] || a.index - b.index).map(({ section }) => section);
}
var tightGroups = /* @__PURE__ */ new Set(["header", "let", "fee", "settle"]);
var productBlanks = (previous, next, sourceHadBlank) => previous.group !== next.group || !tightGroups.has(next.group) ? true : sourceHadBlank;
function withMessage(head2, message, indent) {
  if (!message) return [head2];
  const line = `${head2} message ${message}`;
  return indent + line.length <= MAX_WIDTH ? [line] : [head2, `  message ${message}`];
}
var ProductLayout = class {
  constructor(spell, tokens2) {
    this.spell = spell;
    this.tokens = tokens2;
  }
  spell;
  tokens;
  // -------------------------------------------------------------- token lookups
  /** Index of the first token starting at or after `offset`. */
  tokenIndexAt(offset) {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const mid = low + high >> 1;
      if (this.tokens[mid].startOffset < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
  /** The start of the `count`-th token before `offset` (a keyword the AST range leaves out). */
  keywordStart(offset, count = 1) {
    return this.tokens[this.tokenIndexAt(offset) - count]?.startOffset ?? offset;
  }
  tokenBefore(offset) {
    return this.tokens[this.tokenIndexAt(offset) - 1];
  }
  /** The offset just after the first `{` at or after `offset`. */
  braceEnd(offset) {
    for (let i = this.tokenIndexAt(offset); i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.image === "{") return t.startOffset + 1;
    }
    return offset;
  }
  /** The first token with this image inside [start, end). */
  find(start, end, image) {
    for (let i = this.tokenIndexAt(start); i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.startOffset >= end) return void 0;
      if (t.image === image) return t;
    }
    return void 0;
  }
  // -------------------------------------------------------------- item helpers
  leaf(start, end, line, group = "item", verbatimPrefix) {
    return {
      kind: "leaf",
      start,
      end,
      group,
      lines: typeof line === "string" ? [line] : line,
      ...verbatimPrefix ? { verbatimPrefix } : {}
    };
  }
  leafOf(range, line, group = "item") {
    return this.leaf(range.start.offset, range.end.offset, line, group);
  }
  block(range, header, children2, group = "item", extra = {}) {
    return {
      kind: "block",
      start: range.start.offset,
      end: range.end.offset,
      group,
      header,
      headerEnd: this.braceEnd(range.start.offset),
      children: children2,
      blankPolicy: keepSourceBlanks,
      ...extra
    };
  }
  // -------------------------------------------------------------- product
  /** The layout of a whole product. */
  product(product) {
    const s = this.spell;
    const children2 = [];
    const setting = (node, keyword2) => {
      if (!node) return;
      const start = this.keywordStart(node.range.start.offset);
      children2.push(this.leaf(start, node.range.end.offset, `${keyword2} ${s.value(node)}`, "header"));
    };
    setting(product.currency, "currency");
    setting(product.productKind, "kind");
    setting(product.description, "doc");
    for (const section of canonicalSections(product.sections)) children2.push(this.section(section));
    const name = product.name ? ` ${s.literal(product.name)}` : "";
    return this.block(product.range, `product ${product.code.name}${name} {`, children2, "product", { blankPolicy: productBlanks });
  }
  section(section) {
    const s = this.spell;
    switch (section.kind) {
      case "InputSection":
        return this.block(section.range, "input {", section.fields.map((f) => this.leafOf(f.range, this.field(f))), "input");
      case "LetDecl":
        return this.leafOf(section.range, `let ${section.name.name} = ${s.expression(section.value)}`, "let");
      case "LimitsSection":
        return this.limits(section);
      case "PricingSection":
        return this.pricing(section);
      case "FeeDecl":
        return this.leafOf(section.range, this.fee(section), "fee");
      case "EligibilitySection":
        return this.block(section.range, "eligibility {", section.rules.map((r2) => this.leaf(r2.range.start.offset, r2.range.end.offset, this.rule(r2))), "eligibility");
      case "ScorecardSection":
        return this.scorecard(section);
      case "OfferSection":
        return this.offer(section);
      case "PenaltiesSection":
        return this.penalties(section);
      case "CollectionSection":
        return this.block(section.range, "collection {", section.steps.map((step) => this.leafOf(step.range, this.step(step))), "collection");
      case "AllocationDecl":
        return this.leafOf(section.range, `allocation ${section.components.map((c) => c.name).join(", ")}`, "settle");
      case "PrepaymentDecl": {
        const policy = { "reduce-term": "reduce term", "reduce-installment": "reduce installment", "not-allowed": "not allowed" }[section.policy];
        return this.leafOf(section.range, `prepayment ${policy}`, "settle");
      }
      case "TestDecl":
        return this.test(section);
    }
  }
  // -------------------------------------------------------------- input, limits, pricing, fees
  field(field) {
    const type = field.type === "enum" ? `enum { ${field.enumValues.map((v) => v.name).join(", ")} }` : field.type;
    const enumType = field.type === "enum" && field.enumValues.length === 0 ? "enum {}" : type;
    const bounds = field.bounds ? ` ${this.spell.range(field.bounds)}` : "";
    return `${field.name.name}: ${enumType}${bounds}${field.optional ? " optional" : ""}`;
  }
  frequency(frequency) {
    return frequency.kind === "every" ? `every ${this.spell.literal(frequency.days)} days` : frequency.kind;
  }
  limits(limits) {
    const s = this.spell;
    const children2 = [];
    if (limits.amount) {
      const step = limits.amount.step ? ` step ${s.literal(limits.amount.step)}` : "";
      children2.push(this.leafOf(limits.amount.at, `amount ${s.range(limits.amount.range)}${step}`));
    }
    for (const term of limits.terms) {
      children2.push(this.leafOf(term.at, `payments ${s.range(term.payments)} ${this.frequency(term.frequency)}`));
    }
    if (limits.firstPayment) children2.push(this.leafOf(limits.firstPayment.at, `first payment ${s.range(limits.firstPayment.days)} days`));
    return this.block(limits.range, "limits {", children2, "limits");
  }
  rate(rate) {
    const s = this.spell;
    if (rate.kind === "FixedRate") return this.leafOf(rate.range, `rate ${s.literal(rate.rate)}`);
    const row = (r2) => `${r2.cells.map((c) => c.kind === "Identifier" ? c.name : s.range(c)).join(", ")}: ${s.literal(r2.rate)}`;
    const rows = rate.rows.map((r2) => this.leafOf(r2.range, row(r2)));
    const header = `rate by ${rate.keys.map((k) => k.name).join(", ")} {`;
    const inline = rate.keys.length === 1 ? rate.rows.length === 0 ? "}" : `${rate.rows.map(row).join(", ")} }` : void 0;
    return this.block(rate.range, header, rows, "item", inline === void 0 ? {} : { inline });
  }
  pricing(pricing) {
    const s = this.spell;
    const children2 = [];
    const named = (node, keyword2, keywordTokens2 = 1) => {
      if (!node) return;
      children2.push(this.leaf(this.keywordStart(node.range.start.offset, keywordTokens2), node.range.end.offset, `${keyword2} ${node.name}`));
    };
    named(pricing.method, "method");
    named(pricing.basis, "basis");
    if (pricing.rate) children2.push(this.rate(pricing.rate));
    if (pricing.iva) {
      children2.push(this.leafOf(pricing.iva.range, `iva ${s.literal(pricing.iva.rate)} on ${pricing.iva.on.map((o) => o.name).join(", ")}`));
    }
    if (pricing.rounding) {
      const r2 = pricing.rounding;
      const mode = r2.mode ? ` ${r2.mode.name}` : "";
      const multiple = r2.multiple ? ` multiple ${s.literal(r2.multiple)}` : "";
      children2.push(this.leafOf(r2.range, `rounding ${s.literal(r2.decimals)}${mode}${multiple}`));
    }
    for (const grace of pricing.grace) children2.push(this.leafOf(grace.range, `grace ${grace.what} ${s.literal(grace.count)}`));
    named(pricing.businessDays, "business days", 2);
    if (pricing.installmentIncludesIva) {
      const includes2 = this.find(pricing.range.start.offset, pricing.range.end.offset, "includes");
      const start = includes2 ? this.keywordStart(includes2.startOffset) : pricing.range.start.offset;
      const iva = includes2 ? this.tokens[this.tokenIndexAt(includes2.startOffset) + 1] : void 0;
      const end = iva ? iva.startOffset + iva.image.length : start;
      children2.push(this.leaf(start, end, "installment includes iva"));
    }
    return this.block(pricing.range, "pricing {", children2, "pricing");
  }
  caps(node) {
    const min2 = node.min ? ` min ${this.spell.literal(node.min)}` : "";
    const max2 = node.max ? ` max ${this.spell.literal(node.max)}` : "";
    return min2 + max2;
  }
  fee(fee) {
    const s = this.spell;
    const of = fee.of ? ` of ${fee.of.name}` : "";
    const timing = fee.timing ? ` ${fee.timing.value === "per-installment" ? "per installment" : fee.timing.value}` : "";
    const tax = fee.taxable === void 0 ? "" : fee.taxable ? " iva" : " no iva";
    return `fee ${fee.name.name} ${s.literal(fee.amount)}${of}${this.caps(fee)}${timing}${tax}`;
  }
  // -------------------------------------------------------------- rules and scorecard
  /** A rule; its `message` moves to a continuation line when the whole would pass the width. */
  rule(rule) {
    const s = this.spell;
    const head2 = `${rule.outcome} ${s.literal(rule.reason)} ${rule.negated ? "unless" : "when"} ${s.expression(rule.condition)}`;
    return withMessage(head2, rule.message && s.literal(rule.message), 4);
  }
  bin(bin) {
    const s = this.spell;
    const m = bin.match;
    const match = m.kind === "missing" || m.kind === "otherwise" ? m.kind : m.kind === "range" ? s.range(m.value) : m.values.map((v) => s.value(v)).join(", ");
    const reason = bin.reason ? ` reason ${s.literal(bin.reason)}` : "";
    return `${match} -> ${s.literal(bin.points)}${reason}`;
  }
  scorecard(scorecard) {
    const s = this.spell;
    const children2 = [];
    if (scorecard.base) {
      const base = scorecard.base;
      children2.push(this.leaf(this.keywordStart(base.range.start.offset), base.range.end.offset, `base ${s.literal(base)}`));
    }
    for (const c of scorecard.characteristics) {
      const label = c.label ? ` ${s.literal(c.label)}` : "";
      const bins = c.bins.map((bin) => this.leafOf(bin.range, this.bin(bin)));
      children2.push(this.block(c.range, `characteristic ${c.name.name}${label} {`, bins));
    }
    for (const band of scorecard.bands) {
      children2.push(this.leafOf(band.range, `band ${band.name.name} when score >= ${s.literal(band.minScore)}`));
    }
    if (scorecard.otherwise) {
      const o = scorecard.otherwise;
      const lines = withMessage(`otherwise ${o.outcome} ${s.literal(o.reason)}`, o.message && s.literal(o.message), 4);
      children2.push(this.leaf(o.range.start.offset, o.range.end.offset, lines));
    }
    return this.block(scorecard.range, "scorecard {", children2, "scorecard");
  }
  // -------------------------------------------------------------- offer, penalties, collection
  offer(offer) {
    const s = this.spell;
    const children2 = offer.caps.map((cap) => {
      if (cap.kind !== "amount-by-band") return this.leafOf(cap.range, `${cap.kind} <= ${s.expression(cap.value)}`);
      const entry = (e) => `${e.band.name}: ${s.literal(e.amount)}`;
      const rows = cap.entries.map((e) => this.leaf(e.band.range.start.offset, e.amount.range.end.offset, entry(e)));
      const inline = cap.entries.length === 0 ? "}" : `${cap.entries.map(entry).join(", ")} }`;
      return this.block(cap.range, "amount <= by band {", rows, "item", { inline });
    });
    if (offer.counteroffer !== void 0) {
      const keyword2 = this.find(offer.range.start.offset, offer.range.end.offset, "counteroffer");
      const end = keyword2 ? keyword2.startOffset + keyword2.image.length : offer.range.start.offset;
      const start = keyword2 && !offer.counteroffer ? this.keywordStart(keyword2.startOffset) : keyword2?.startOffset ?? end;
      children2.push(this.leaf(start, end, offer.counteroffer ? "counteroffer" : "no counteroffer"));
    }
    return this.block(offer.range, "offer {", children2, "offer");
  }
  penalties(penalties) {
    const s = this.spell;
    const children2 = [];
    const tax = (taxable) => taxable ? " iva" : "";
    if (penalties.lateFee) {
      const f = penalties.lateFee;
      const of = f.of ? ` of ${f.of.name}` : "";
      const grace = f.graceDays ? ` grace ${s.literal(f.graceDays)} days` : "";
      children2.push(this.leafOf(f.range, `late fee ${s.literal(f.amount)}${of}${this.caps(f)}${grace}${tax(f.taxable)}`));
    }
    if (penalties.moratorium) {
      const m = penalties.moratorium;
      const rate = m.rate.kind === "multiple" ? `${s.literal(m.rate.factor)} ordinary` : `${s.literal(m.rate.rate)} annual`;
      const on = m.on === "overdue-principal" ? "overdue principal" : "overdue installment";
      const basis = m.basis ? ` basis ${m.basis.name}` : "";
      children2.push(this.leafOf(m.range, `moratorium ${rate} on ${on}${basis}${tax(m.taxable)}`));
    }
    return this.block(penalties.range, "penalties {", children2, "penalties");
  }
  action(action) {
    switch (action.kind) {
      case "notify":
        return `notify ${action.channel.name} ${this.spell.literal(action.template)}`;
      case "queue":
        return `queue ${this.spell.literal(action.queue)}`;
      case "stop-accrual":
        return "stop accrual";
      case "offer-restructure":
        return "offer restructure";
      case "write-off":
        return "write off";
    }
  }
  step(step) {
    const s = this.spell;
    const actions = step.actions.map((a) => ` ${this.action(a)}`).join("");
    if (step.kind === "at") return `at ${s.literal(step.day)} days${actions}`;
    const to = step.to ? ` to ${s.literal(step.to)}` : "";
    const stage = step.stage ? ` stage ${step.stage.name}` : "";
    return `from ${s.literal(step.from)}${to} dpd${stage}${actions}`;
  }
  // -------------------------------------------------------------- tests
  test(test) {
    const s = this.spell;
    const children2 = [...this.givens(test)];
    const dated = (date, keyword2) => {
      if (date) children2.push(this.leaf(this.keywordStart(date.range.start.offset), date.range.end.offset, `${keyword2} ${date.value}`));
    };
    dated(test.today, "today");
    dated(test.disburse, "disburse");
    for (const p of test.payments) children2.push(this.leafOf(p.range, `pay ${s.literal(p.amount)} on ${p.on.value}`));
    for (const e of test.expects) {
      const before = this.tokenBefore(e.range.start.offset);
      const keyword2 = before?.image === "expect" ? before : void 0;
      const start = keyword2 ? keyword2.startOffset : e.range.start.offset;
      children2.push(this.leaf(start, e.range.end.offset, `expect ${this.expectation(e)}`, "item", keyword2 ? void 0 : "expect "));
    }
    return this.block(test.range, `test ${s.literal(test.name)} {`, children2, "test");
  }
  /** One leaf per `given` statement, entries wrapped at the line width under the first entry. */
  givens(test) {
    const statements = [];
    for (const entry of test.given) {
      const keyword2 = this.givenKeyword(entry.range.start.offset);
      const last2 = statements[statements.length - 1];
      if (last2 && keyword2 && last2.keyword.startOffset === keyword2.startOffset) last2.entries.push(entry);
      else if (keyword2) statements.push({ keyword: keyword2, entries: [entry] });
    }
    const budget = MAX_WIDTH - 4;
    return statements.map(({ keyword: keyword2, entries }) => {
      const texts2 = entries.map((e) => `${e.field.name} = ${this.spell.value(e.value)}`);
      const lines = [];
      let line = "given ";
      texts2.forEach((text, i) => {
        const piece = i < texts2.length - 1 ? `${text},` : text;
        if (line.trim() !== "given" && line.length + piece.length > budget) {
          lines.push(line.trimEnd());
          line = "      ";
        }
        line += `${piece} `;
      });
      lines.push(line.trimEnd());
      return this.leaf(keyword2.startOffset, entries[entries.length - 1].range.end.offset, lines);
    });
  }
  /** The `given` keyword that opens the statement holding the entry at `offset`. */
  givenKeyword(offset) {
    for (let i = this.tokenIndexAt(offset) - 1; i >= 0; i--) {
      const t = this.tokens[i];
      if (t.image === "given") return t;
      if (t.image === "{" || t.image === "}") return void 0;
    }
    return void 0;
  }
  expectation(e) {
    const s = this.spell;
    switch (e.kind) {
      case "outcome":
        return e.reasons.length === 0 ? e.outcome : `${e.outcome} reasons ${e.reasons.map((r2) => s.literal(r2)).join(", ")}`;
      case "band":
        return `band ${e.band.name}`;
      case "score":
      case "offer":
      case "counteroffer":
      case "installment":
      case "total":
        return `${e.kind} ${s.literal(e.value)}`;
      case "rate":
      case "cat":
        return `${e.kind} ${s.literal(e.value)}`;
      case "state": {
        const parts = [`on ${e.on.value}`];
        if (e.dpd) parts.push(`dpd ${s.literal(e.dpd)}`);
        if (e.stage) parts.push(`stage ${e.stage.name}`);
        if (e.outstanding) parts.push(`outstanding ${s.literal(e.outstanding)}`);
        if (e.lateFees) parts.push(`late fees ${s.literal(e.lateFees)}`);
        if (e.moratorium) parts.push(`moratorium ${s.literal(e.moratorium)}`);
        return parts.join(" ");
      }
    }
  }
};

// src/format/format.ts
function format(text) {
  const parsed = parseDocument(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { text, diagnostics: errors };
  const comments = parsed.commentTokens.map((c) => ({
    start: c.startOffset,
    end: c.startOffset + c.image.length,
    text: c.image
  }));
  const items = [];
  if (parsed.file.product) {
    items.push(new ProductLayout(new Spelling(text), parsed.tokens).product(parsed.file.product));
  }
  if (items.length === 0 && comments.length === 0) return { text: "", diagnostics: [] };
  return { text: renderFile(items, comments, { text, lines: parsed.lines }), diagnostics: [] };
}

// src/check/diagnostics.ts
function error(code, message, range, help) {
  return help === void 0 ? { severity: "error", code, message, range } : { severity: "error", code, message, range, help };
}
function warning(code, message, range, help) {
  return help === void 0 ? { severity: "warning", code, message, range } : { severity: "warning", code, message, range, help };
}
function isPlacedRange(range) {
  return range !== void 0 && Number.isFinite(range.start?.line) && Number.isFinite(range.start?.column) && Number.isFinite(range.start?.offset) && Number.isFinite(range.end?.offset);
}
function headRange(range, length) {
  const end = Math.min(range.start.offset + length, range.end.offset);
  const width = end - range.start.offset;
  return { start: range.start, end: { line: range.start.line, column: range.start.column + width, offset: end } };
}
function lineOf(range) {
  return `line ${range.start.line + 1}`;
}

// src/check/decimals.ts
function literalValue(literal) {
  if (literal === void 0) return void 0;
  return decimalOf(literal.kind === "PercentLiteral" ? literal.fraction : literal.value);
}
function decimalOf(text) {
  if (text === void 0) return void 0;
  const cleaned = text.replace(/_/g, "").replace(/^\+/, "");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return void 0;
  return new Dec(cleaned);
}
function showValue(value, percent) {
  if (!value.isFinite()) return value.isNegative() ? "-\u221E" : "\u221E";
  return percent ? `${value.times(100).toFixed()}%` : value.toFixed();
}

// src/check/suggest.ts
function closestName(name, candidates) {
  const wanted = name.toLowerCase();
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= tolerance ? best : void 0;
}
function didYouMean(name, candidates) {
  const best = closestName(name, candidates);
  return best === void 0 ? void 0 : `did you mean \`${best}\`?`;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

// src/check/options.ts
function checkRateValue(rate, accept) {
  if (!rate) return;
  const value = literalValue(rate);
  if (value?.isNegative()) accept(error("invalid-number", `the rate \`${rate.value}%\` is negative`, rate.range));
}
function checkOption(id, allowed, what, accept) {
  if (!id.name || allowed.includes(id.name)) return true;
  accept(
    error("unknown-option", `unknown ${what} \`${id.name}\``, id.range, didYouMean(id.name, allowed) ?? `write one of ${allowed.map((a) => `\`${a}\``).join(", ")}`)
  );
  return false;
}

// src/check/check-allocation.ts
var ALLOCATION_COMPONENTS = ["penalties", "moratorium", "iva", "interest", "fees", "principal"];
function checkAllocation(allocation, accept) {
  const seen = /* @__PURE__ */ new Set();
  for (const component of allocation.components) {
    if (!component?.name) continue;
    if (!checkOption(component, ALLOCATION_COMPONENTS, "allocation component", accept)) continue;
    if (seen.has(component.name)) {
      accept(error("allocation-duplicate", `\`${component.name}\` is listed twice`, component.range, "list every component once"));
    }
    seen.add(component.name);
  }
  const missing = ALLOCATION_COMPONENTS.filter((c) => !seen.has(c));
  if (missing.length > 0 && allocation.components.length > 0) {
    accept(
      error(
        "allocation-incomplete",
        `allocation does not list ${missing.map((m) => `\`${m}\``).join(", ")}`,
        headRange(allocation.range, "allocation".length),
        `a payment must go somewhere: list all of ${ALLOCATION_COMPONENTS.join(", ")}`
      )
    );
  }
}

// src/check/intervals.ts
var NEG_INF = { value: new Dec(-Infinity), open: true };
var POS_INF = { value: new Dec(Infinity), open: true };
function interval(min2, max2, maxExclusive = false) {
  return {
    lo: min2 === void 0 ? NEG_INF : { value: min2, open: false },
    hi: max2 === void 0 ? POS_INF : { value: max2, open: maxExclusive }
  };
}
function integerInterval(min2, max2, maxExclusive = false) {
  const lo = min2 === void 0 ? NEG_INF : { value: min2.ceil(), open: false };
  let hi = POS_INF;
  if (max2 !== void 0) {
    const last2 = maxExclusive ? max2.ceil().minus(1) : max2.floor();
    hi = { value: last2.plus(1), open: true };
  }
  return { lo, hi };
}
function isEmpty2(i) {
  const c = i.lo.value.comparedTo(i.hi.value);
  return c > 0 || c === 0 && (i.lo.open || i.hi.open);
}
function intersect(a, b) {
  return { lo: maxLo(a.lo, b.lo), hi: minHi(a.hi, b.hi) };
}
function maxLo(a, b) {
  const c = a.value.comparedTo(b.value);
  if (c !== 0) return c > 0 ? a : b;
  return a.open ? a : b;
}
function minHi(a, b) {
  const c = a.value.comparedTo(b.value);
  if (c !== 0) return c < 0 ? a : b;
  return a.open ? a : b;
}
function uncovered(domain, covers) {
  const gaps = [];
  const sorted = covers.map((c) => intersect(c, domain)).filter((c) => !isEmpty2(c)).sort((a, b) => a.lo.value.comparedTo(b.lo.value) || Number(a.lo.open) - Number(b.lo.open));
  let frontier = domain.lo.value;
  let frontierIncluded = domain.lo.open;
  for (const cover2 of sorted) {
    const gap = { lo: { value: frontier, open: frontierIncluded }, hi: { value: cover2.lo.value, open: !cover2.lo.open } };
    if (!isEmpty2(gap)) gaps.push(gap);
    const c = cover2.hi.value.comparedTo(frontier);
    if (c > 0 || c === 0 && !cover2.hi.open && !frontierIncluded) {
      frontier = cover2.hi.value;
      frontierIncluded = !cover2.hi.open;
    }
  }
  const tail = { lo: { value: frontier, open: frontierIncluded }, hi: domain.hi };
  if (!isEmpty2(tail)) gaps.push(tail);
  return gaps;
}
function describeInterval(i, options) {
  const show = (d) => showValue(d, options.percent);
  const loInf = !i.lo.value.isFinite();
  const hiInf = !i.hi.value.isFinite();
  if (options.integer) {
    const last2 = i.hi.value.minus(1);
    if (loInf && hiInf) return "all values";
    if (loInf) return `values ..${show(last2)}`;
    if (hiInf) return `values ${show(i.lo.value)}..`;
    return i.lo.value.eq(last2) ? `value ${show(last2)}` : `values ${show(i.lo.value)}..${show(last2)}`;
  }
  if (loInf && hiInf) return "all values";
  if (!loInf && !hiInf && i.lo.value.eq(i.hi.value)) return `value ${show(i.lo.value)}`;
  if (i.lo.open && !loInf) {
    const above = `values above ${show(i.lo.value)}`;
    if (hiInf) return above;
    return `${above} and ${i.hi.open ? "below" : "up to"} ${show(i.hi.value)}`;
  }
  const from = loInf ? "" : show(i.lo.value);
  if (hiInf) return `values ${from}..`;
  return `values ${from}..${i.hi.open ? "<" : ""}${show(i.hi.value)}`;
}

// src/check/check-collection.ts
var CHANNELS = ["sms", "whatsapp", "email"];
function checkCollection(collection, accept) {
  const stages = [];
  const names = /* @__PURE__ */ new Map();
  for (const step of collection.steps) {
    for (const action of step.actions) checkAction(action, accept);
    if (step.kind === "at") {
      const day = literalValue(step.day);
      if (step.day && (!day || !day.isInteger())) accept(error("invalid-number", "`at` takes a whole number of days", step.day.range));
      continue;
    }
    const name = step.stage?.name;
    if (name) {
      const first3 = names.get(name);
      if (first3) accept(error("duplicate-name", `stage \`${name}\` is declared twice`, step.stage.range, `the first is on ${lineOf(first3.range)}`));
      else names.set(name, step);
    }
    const from = literalValue(step.from);
    const to = literalValue(step.to);
    if (!from || !from.isInteger() || step.to && (!to || !to.isInteger())) {
      if (step.from) accept(error("invalid-number", "stages take whole numbers of days past due", (step.to && !to?.isInteger() ? step.to : step.from).range));
      continue;
    }
    if (from.lt(1)) {
      accept(error("invalid-number", `a stage starts at 1 day past due or later, found ${from.toFixed()}`, step.from.range, "use `at N days` for reminders on or before the due date"));
      continue;
    }
    if (to && from.gt(to)) {
      accept(error("range-inverted", `stage \`${name ?? ""}\` runs from ${from.toFixed()} to ${to.toFixed()} days`, step.to.range, "write the smaller day first"));
      continue;
    }
    const own = integerInterval(from, to);
    for (const earlier of stages) {
      const shared = intersect(earlier.interval, own);
      if (isEmpty2(shared)) continue;
      accept(
        error(
          "stage-overlap",
          `days ${describeInterval(shared, { integer: true, percent: false }).replace(/^values? /, "")} past due are in stages \`${earlier.step.stage?.name ?? ""}\` and \`${name ?? ""}\``,
          step.from.range,
          `the stage on ${lineOf(earlier.step.range)} already covers them`
        )
      );
    }
    stages.push({ step, interval: own });
  }
  if (stages.length < 2) return;
  const first2 = stages.reduce((a, b) => a.interval.lo.value.lte(b.interval.lo.value) ? a : b);
  const domain = { lo: first2.interval.lo, hi: stages.reduce((a, b) => a.interval.hi.value.gte(b.interval.hi.value) ? a : b).interval.hi };
  for (const gap of uncovered(domain, stages.map((s) => s.interval))) {
    const next = stages.find((s) => s.interval.lo.value.eq(gap.hi.value));
    accept(
      warning(
        "stage-gap",
        `days ${describeInterval(gap, { integer: true, percent: false }).replace(/^values? /, "")} past due are in no stage`,
        next?.step.from.range ?? collection.range,
        "make each stage start the day after the previous one ends"
      )
    );
  }
}
function checkAction(action, accept) {
  if (action.kind === "notify" && action.channel) checkOption(action.channel, CHANNELS, "channel", accept);
}

// src/check/value-types.ts
var UNKNOWN = { kind: "unknown" };
var BOOLEAN = { kind: "boolean" };
var MONEY = { kind: "money" };
var NUMBER = { kind: "number" };
var INTEGER = { kind: "integer" };
var PERCENT = { kind: "percent" };
var DATE = { kind: "date" };
var STRING = { kind: "string" };
function typeLabel(type) {
  switch (type.kind) {
    case "literal":
      return "a bare number";
    case "enum":
      return `\`enum { ${(type.values ?? []).join(", ")} }\``;
    default:
      return `\`${type.kind}\``;
  }
}
function isNumeric(type) {
  return ["number", "integer", "money", "percent", "literal"].includes(type.kind);
}
var VERB = { "+": "add", "-": "subtract", "*": "multiply", "/": "divide" };
function arithmeticType(operator2, left, right) {
  if (left.kind === "unknown" || right.kind === "unknown") return UNKNOWN;
  const result = arithmeticResult(operator2, left, right);
  if (result) return result;
  const pair = operator2 === "+" || operator2 === "-" ? "and" : operator2 === "*" ? "by" : "by";
  const verb2 = VERB[operator2];
  return {
    message: `cannot ${verb2} ${typeLabel(left)} ${pair} ${typeLabel(right)}`,
    help: "valid: `money + money`, `money - money`, `money * percent`, `money * number`, `money / number`, `money / money` (a number), `percent * number`, `number + number`; a bare number like `500` adapts to money or number, but a percent must be written as one (`30%`)"
  };
}
function arithmeticResult(operator2, left, right) {
  const l = left.kind;
  const r2 = right.kind;
  const plain = (k) => k === "number" || k === "integer";
  const numberLike = (k) => plain(k) || k === "literal";
  if (l === "literal" && r2 === "literal") {
    return { kind: "literal", integral: operator2 !== "/" && left.integral === true && right.integral === true };
  }
  switch (operator2) {
    case "+":
    case "-":
      if (l === "money" && (r2 === "money" || r2 === "literal") || l === "literal" && r2 === "money") return MONEY;
      if (l === "percent" && r2 === "percent") return PERCENT;
      if (numberLike(l) && numberLike(r2)) return wholeIf(left, right);
      return void 0;
    case "*":
      if (l === "money" && r2 === "money") return void 0;
      if (l === "money" && (r2 === "percent" || numberLike(r2)) || r2 === "money" && (l === "percent" || numberLike(l))) {
        return MONEY;
      }
      if (l === "percent" && (r2 === "percent" || numberLike(r2)) || r2 === "percent" && numberLike(l)) return PERCENT;
      if (numberLike(l) && numberLike(r2)) return wholeIf(left, right);
      return void 0;
    case "/":
      if (l === "money" && r2 === "money") return NUMBER;
      if (l === "money" && (r2 === "percent" || numberLike(r2))) return MONEY;
      if (l === "percent" && r2 === "percent") return NUMBER;
      if (l === "percent" && numberLike(r2)) return PERCENT;
      if (numberLike(l) && numberLike(r2)) return NUMBER;
      return void 0;
  }
}
function wholeIf(left, right) {
  const whole = (t) => t.kind === "integer" || t.kind === "literal" && t.integral === true;
  return whole(left) && whole(right) ? INTEGER : NUMBER;
}
function comparable(operator2, left, right) {
  if (left.kind === "unknown" || right.kind === "unknown") return true;
  const ordered = operator2 !== "=" && operator2 !== "!=";
  const l = left.kind;
  const r2 = right.kind;
  const numberLike = (k) => k === "number" || k === "integer" || k === "literal";
  if (l === "money" || r2 === "money") return (l === "money" || l === "literal") && (r2 === "money" || r2 === "literal");
  if (l === "percent" || r2 === "percent") return l === "percent" && r2 === "percent";
  if (numberLike(l) && numberLike(r2)) return true;
  if (l === "date" && r2 === "date") return true;
  if (ordered) return false;
  if (l === "string" && r2 === "string") return true;
  if (l === "boolean" && r2 === "boolean") return true;
  if (l === "enum" && r2 === "enum") return sameValues(left.values, right.values);
  return false;
}
function sameValues(a = [], b = []) {
  return a.length === b.length && a.every((value) => b.includes(value));
}
function comparableWith(type) {
  switch (type.kind) {
    case "money":
      return "money: a money field or let, or a bare number like `5_000`";
    case "percent":
      return "a percent such as `50%` (not `0.5`)";
    case "number":
    case "integer":
    case "literal":
      return "a number";
    case "date":
      return "a date such as `2025-01-06` or `today`";
    case "string":
      return 'a string such as `"texto"`';
    case "boolean":
      return "`true` or `false`";
    case "enum":
      return `one of its values: ${(type.values ?? []).map((v) => `\`${v}\``).join(", ")}`;
    default:
      return "a value of the same type";
  }
}
function fieldType(type, enumValues) {
  return type === "enum" ? { kind: "enum", values: enumValues } : { kind: type };
}
function assignable(actual, wanted) {
  if (actual.kind === "unknown" || wanted.kind === "unknown") return true;
  if (actual.kind === "literal") {
    return wanted.kind === "literal" || wanted.kind === "money" || wanted.kind === "number" || wanted.kind === "integer" && actual.integral === true;
  }
  if (actual.kind === "integer" && wanted.kind === "number") return true;
  if (actual.kind === "enum" && wanted.kind === "enum") return sameValues(actual.values, wanted.values);
  return actual.kind === wanted.kind;
}

// src/check/scope.ts
var BUILTINS = /* @__PURE__ */ new Map([
  ["score", { kind: "builtin", name: "score", type: NUMBER, optional: false }],
  ["today", { kind: "builtin", name: "today", type: DATE, optional: false }]
]);
function buildScope(product) {
  const inputs = /* @__PURE__ */ new Map();
  const lets = /* @__PURE__ */ new Map();
  const bands = /* @__PURE__ */ new Map();
  const reasons = new Set(Object.keys(ENGINE_REASONS));
  const stages = /* @__PURE__ */ new Set();
  let scorecard;
  for (const section of product.sections) {
    switch (section.kind) {
      case "InputSection":
        for (const field of section.fields) {
          const name = field.name?.name;
          if (!name || inputs.has(name)) continue;
          const values2 = (field.enumValues ?? []).map((v) => v.name);
          inputs.set(name, { kind: "input", name, decl: field, type: fieldType(field.type, values2), optional: field.optional });
        }
        break;
      case "LetDecl": {
        const name = section.name?.name;
        if (name && !lets.has(name)) {
          lets.set(name, { kind: "let", name, decl: section, index: lets.size, type: UNKNOWN, optional: false });
        }
        break;
      }
      case "ScorecardSection":
        scorecard ??= section;
        for (const band of section.bands) if (band.name?.name && !bands.has(band.name.name)) bands.set(band.name.name, band);
        for (const characteristic of section.characteristics) {
          for (const bin of characteristic.bins) if (bin.reason?.value) reasons.add(bin.reason.value);
        }
        if (section.otherwise?.reason?.value) reasons.add(section.otherwise.reason.value);
        break;
      case "EligibilitySection":
        for (const rule of section.rules) if (rule.reason?.value) reasons.add(rule.reason.value);
        break;
      case "CollectionSection":
        for (const step of section.steps) if (step.kind === "stage" && step.stage?.name) stages.add(step.stage.name);
        break;
      default:
        break;
    }
  }
  const inputGroups = /* @__PURE__ */ new Map();
  for (const path of inputs.keys()) if (!inputGroups.has(path.split(".")[0])) inputGroups.set(path.split(".")[0], path);
  const common = { product, inputs, inputGroups, lets, bands, reasons, stages };
  return scorecard ? { ...common, scorecard } : common;
}
function lookup(scope, name) {
  return scope.inputs.get(name) ?? scope.lets.get(name) ?? BUILTINS.get(name);
}
function knownNames(scope) {
  return [...scope.inputs.keys(), ...scope.lets.keys(), ...BUILTINS.keys()];
}

// src/check/check-expression.ts
var FUNCTIONS = ["min", "max", "round", "days_between", "years_between"];
function inferType(expr, ctx) {
  if (expr === void 0) return UNKNOWN;
  switch (expr.kind) {
    case "NumberLiteral":
      return { kind: "literal", integral: !expr.value.includes(".") || /\.0*$/.test(expr.value) };
    case "PercentLiteral":
      return PERCENT;
    case "StringLiteral":
      return STRING;
    case "BooleanLiteral":
      return BOOLEAN;
    case "DateLiteral":
      return DATE;
    case "ErrorExpr":
      return UNKNOWN;
    case "ParenExpr":
      return inferType(expr.inner, ctx);
    case "NameRef":
      return resolveName(expr, ctx);
    case "UnaryExpr": {
      const operand = inferType(expr.operand, ctx);
      if (expr.operator === "not") {
        expectBoolean(expr.operand, operand, "`not`", ctx);
        return BOOLEAN;
      }
      if (operand.kind !== "unknown" && !isNumeric(operand)) {
        ctx.accept(error("type-mismatch", `cannot negate ${typeLabel(operand)}`, expr.operand.range, "only numbers, money and percents have a sign"));
        return UNKNOWN;
      }
      return operand;
    }
    case "BinaryExpr":
      return inferBinary(expr, ctx);
    case "InExpr":
      return inferIn(expr, ctx);
    case "PresenceExpr": {
      const operand = unwrap(expr.operand);
      if (operand?.kind === "NameRef") {
        resolveName(operand, ctx);
      } else if (operand && operand.kind !== "ErrorExpr") {
        ctx.accept(
          error(
            "presence-operand",
            `\`is ${expr.present ? "present" : "missing"}\` applies to a field or a let, not to an expression`,
            operand.range,
            "test the field itself: `bureau.score is present`"
          )
        );
      }
      return BOOLEAN;
    }
    case "IfExpr": {
      expectBoolean(expr.condition, inferType(expr.condition, ctx), "the condition of `if`", ctx);
      const then = inferType(expr.then, ctx);
      const otherwise = inferType(expr.otherwise, ctx);
      if (assignable(then, otherwise)) return otherwise.kind === "literal" ? then : otherwise;
      if (assignable(otherwise, then)) return then;
      ctx.accept(
        error(
          "type-mismatch",
          `the branches of \`if\` have different types: ${typeLabel(then)} and ${typeLabel(otherwise)}`,
          expr.otherwise.range,
          "both branches must give the same type"
        )
      );
      return UNKNOWN;
    }
    case "CallExpr":
      return inferCall(expr, ctx);
  }
}
function expectType(expr, wanted, what, ctx) {
  const actual = inferType(expr, ctx);
  if (expr && !assignable(actual, wanted)) {
    ctx.accept(
      error("type-mismatch", `${what} must be ${typeLabel(wanted)}, found ${typeLabel(actual)}`, expr.range, `write ${comparableWith(wanted)}`)
    );
  }
  return actual;
}
function expectBoolean(expr, type, what, ctx) {
  if (type.kind !== "unknown" && type.kind !== "boolean") {
    ctx.accept(
      error("type-mismatch", `${what} must be \`boolean\`, found ${typeLabel(type)}`, expr.range, "write a condition such as `applicant.age > 70`")
    );
  }
}
function inferBinary(expr, ctx) {
  const op = expr.operator;
  if (op === "and" || op === "or") {
    expectBoolean(expr.left, inferType(expr.left, ctx), `the left side of \`${op}\``, ctx);
    expectBoolean(expr.right, inferType(expr.right, ctx), `the right side of \`${op}\``, ctx);
    return BOOLEAN;
  }
  if (op === "+" || op === "-" || op === "*" || op === "/") {
    const left2 = inferType(expr.left, ctx);
    const right2 = inferType(expr.right, ctx);
    const result = arithmeticType(op, left2, right2);
    if ("kind" in result) return result;
    ctx.accept(error("type-mismatch", result.message, expr.right.range, result.help));
    return UNKNOWN;
  }
  const [left, right] = comparedTypes(expr.left, expr.right, ctx);
  if (left.kind === "unknown" || right.kind === "unknown") return BOOLEAN;
  if (enumAgainstString(expr.left, left, expr.right, right, ctx) || enumAgainstString(expr.right, right, expr.left, left, ctx)) {
    return BOOLEAN;
  }
  if (!comparable(op, left, right)) {
    const ordered = op !== "=" && op !== "!=" && comparable("=", left, right);
    ctx.accept(
      error(
        "type-mismatch",
        ordered ? `cannot order ${typeLabel(left)} values with \`${op}\`` : `cannot compare ${typeLabel(left)} with ${typeLabel(right)}`,
        expr.right.range,
        ordered ? "only numbers, money, percents and dates have an order; use `=` or `!=`" : `compare ${describeOperand(expr.left)} with ${comparableWith(left)}`
      )
    );
  }
  return BOOLEAN;
}
function inferIn(expr, ctx) {
  const operand = inferType(expr.operand, ctx);
  for (const value of expr.values) {
    const type = isEnumValueCandidate(value, ctx.scope) ? enumValue(value, operand, ctx) : inferType(value, ctx);
    if (operand.kind === "unknown" || type.kind === "unknown") continue;
    if (enumAgainstString(expr.operand, operand, value, type, ctx)) continue;
    if (!comparable("=", operand, type)) {
      ctx.accept(
        error("type-mismatch", `cannot compare ${typeLabel(operand)} with ${typeLabel(type)}`, value.range, `list ${comparableWith(operand)}`)
      );
    }
  }
  return BOOLEAN;
}
function inferCall(expr, ctx) {
  const name = expr.callee?.name ?? "";
  const args = expr.args.map((arg) => inferType(arg, ctx));
  const arity = (min2, max2, shape) => {
    if (args.length >= min2 && args.length <= max2) return true;
    ctx.accept(error("wrong-arity", `\`${name}\` takes ${shape}, given ${args.length}`, expr.range, `write \`${name}(${shape.replace(/^.*: /, "")})\``));
    return false;
  };
  switch (name) {
    case "min":
    case "max": {
      if (!arity(2, Infinity, "two or more arguments: a, b")) return UNKNOWN;
      let result = args[0];
      args.forEach((type, i) => {
        if (type.kind !== "unknown" && !isNumeric(type)) {
          ctx.accept(error("type-mismatch", `\`${name}\` needs numbers, money or percents, found ${typeLabel(type)}`, expr.args[i].range));
          result = UNKNOWN;
        } else if (!comparable("<", result, type)) {
          ctx.accept(error("type-mismatch", `\`${name}\` mixes ${typeLabel(result)} and ${typeLabel(type)}`, expr.args[i].range, "all arguments must have the same type"));
          result = UNKNOWN;
        } else if (result.kind === "literal") {
          result = type;
        }
      });
      return result;
    }
    case "round": {
      if (!arity(2, 2, "two arguments: x, decimals")) return UNKNOWN;
      const [value, scale] = args;
      const scaleExpr = expr.args[1];
      if (value.kind !== "unknown" && !isNumeric(value)) {
        ctx.accept(error("type-mismatch", `\`round\` needs a number, money or percent, found ${typeLabel(value)}`, expr.args[0].range));
      }
      if (scaleExpr.kind !== "NumberLiteral" || !/^\d+$/.test(scaleExpr.value) || Number(scaleExpr.value) > 10) {
        if (scale.kind !== "unknown") {
          ctx.accept(error("type-mismatch", "the decimals of `round` must be a whole number from 0 to 10", scaleExpr.range, "write `round(x, 2)`"));
        }
      }
      return value;
    }
    case "days_between":
    case "years_between": {
      if (!arity(2, 2, "two dates: from, to")) return UNKNOWN;
      args.forEach((type, i) => {
        if (type.kind !== "unknown" && type.kind !== "date") {
          ctx.accept(error("type-mismatch", `\`${name}\` needs dates, found ${typeLabel(type)}`, expr.args[i].range, "pass a date field, a date literal or `today`"));
        }
      });
      return INTEGER;
    }
    default: {
      if (name) {
        ctx.accept(error("unknown-function", `unknown function \`${name}\``, expr.callee.range, didYouMean(name, FUNCTIONS) ?? `the functions are ${FUNCTIONS.map((f) => `\`${f}\``).join(", ")}`));
      }
      return UNKNOWN;
    }
  }
}
function comparedTypes(left, right, ctx) {
  const leftIsValue = isEnumValueCandidate(left, ctx.scope);
  const rightIsValue = isEnumValueCandidate(right, ctx.scope);
  if (leftIsValue && !rightIsValue) {
    const r2 = inferType(right, ctx);
    return [enumValue(left, r2, ctx), r2];
  }
  if (rightIsValue && !leftIsValue) {
    const l = inferType(left, ctx);
    return [l, enumValue(right, l, ctx)];
  }
  return [inferType(left, ctx), inferType(right, ctx)];
}
function isEnumValueCandidate(expr, scope) {
  return expr.kind === "NameRef" && expr.name !== "" && !expr.name.includes(".") && lookup(scope, expr.name) === void 0;
}
function enumValue(ref, partner, ctx) {
  if (partner.kind !== "enum") return resolveName(ref, ctx);
  const values2 = partner.values ?? [];
  if (values2.includes(ref.name)) return partner;
  ctx.accept(
    error(
      "unknown-enum-value",
      `\`${ref.name}\` is not a value of ${typeLabel(partner)}`,
      ref.range,
      didYouMean(ref.name, values2) ?? `use one of ${values2.map((v) => `\`${v}\``).join(", ")}`
    )
  );
  return UNKNOWN;
}
function enumAgainstString(enumExpr, enumType, other, otherType, ctx) {
  if (enumType.kind !== "enum" || otherType.kind !== "string" || unwrap(other)?.kind !== "StringLiteral") return false;
  const literal = unwrap(other);
  const values2 = enumType.values ?? [];
  if (!values2.includes(literal.value)) {
    ctx.accept(
      error("unknown-enum-value", `\`${literal.value}\` is not a value of ${describeOperand(enumExpr)}`, literal.range, `use one of ${values2.map((v) => `\`${v}\``).join(", ")}`)
    );
  }
  return true;
}
function resolveName(ref, ctx) {
  if (!ref.name) return UNKNOWN;
  const symbol = lookup(ctx.scope, ref.name);
  if (symbol === void 0) {
    ctx.accept(
      error(
        "unknown-name",
        `unknown name \`${ref.name}\``,
        ref.range,
        didYouMean(ref.name, knownNames(ctx.scope)) ?? "declare it as an input field in `input { ... }` or with `let`"
      )
    );
    return UNKNOWN;
  }
  if (symbol.kind === "let" && ctx.letIndex !== void 0 && symbol.index >= ctx.letIndex) {
    const self2 = symbol.index === ctx.letIndex;
    ctx.accept(
      error(
        "let-order",
        self2 ? `\`${ref.name}\` cannot use itself` : `\`${ref.name}\` is defined later, on line ${symbol.decl.range.start.line + 1}`,
        ref.range,
        self2 ? "a let is computed once from inputs and earlier lets" : `move \`let ${ref.name}\` above the let that uses it`
      )
    );
    return UNKNOWN;
  }
  if (symbol.kind === "builtin" && symbol.name === "score") {
    if (!ctx.scope.scorecard) {
      ctx.accept(error("score-unavailable", "`score` needs a `scorecard` section", ref.range, "add `scorecard { base ... }` or remove the reference"));
      return UNKNOWN;
    }
    if (!ctx.allowScore) {
      ctx.accept(
        error("score-unavailable", "`score` is not available here", ref.range, "`score` is computed after lets and characteristics: use it in eligibility rules and offer caps")
      );
      return UNKNOWN;
    }
  }
  return symbol.type;
}
function unwrap(expr) {
  let current = expr;
  while (current?.kind === "ParenExpr") current = current.inner;
  return current;
}
function describeOperand(expr) {
  const inner = unwrap(expr);
  return inner?.kind === "NameRef" ? `\`${inner.name}\`` : "it";
}

// src/check/optional-guards.ts
function unguardedOptionalRefs(expr, scope) {
  if (expr === void 0) return [];
  const guarded = /* @__PURE__ */ new Set();
  const refs = [];
  visit(expr, (node) => {
    if (node.kind === "PresenceExpr" && node.operand.kind === "NameRef") guarded.add(node.operand.name);
    if (node.kind === "NameRef") refs.push(node);
  });
  return refs.filter((ref) => {
    if (guarded.has(ref.name)) return false;
    const symbol = lookup(scope, ref.name);
    return symbol !== void 0 && symbol.kind !== "builtin" && symbol.optional;
  });
}
function visit(expr, f) {
  if (expr === void 0) return;
  f(expr);
  switch (expr.kind) {
    case "BinaryExpr":
      visit(expr.left, f);
      visit(expr.right, f);
      break;
    case "UnaryExpr":
      visit(expr.operand, f);
      break;
    case "InExpr":
      visit(expr.operand, f);
      for (const value of expr.values) visit(value, f);
      break;
    case "PresenceExpr":
      if (expr.operand.kind !== "NameRef") visit(expr.operand, f);
      break;
    case "IfExpr":
      visit(expr.condition, f);
      visit(expr.then, f);
      visit(expr.otherwise, f);
      break;
    case "CallExpr":
      for (const arg of expr.args) visit(arg, f);
      break;
    case "ParenExpr":
      visit(expr.inner, f);
      break;
    default:
      break;
  }
}
function expressionKey(expr) {
  if (expr === void 0) return "?";
  switch (expr.kind) {
    case "NumberLiteral":
    case "DateLiteral":
      return expr.value;
    case "PercentLiteral":
      return `${expr.fraction}f`;
    case "StringLiteral":
      return JSON.stringify(expr.value);
    case "BooleanLiteral":
      return String(expr.value);
    case "NameRef":
      return expr.name;
    case "ParenExpr":
      return expressionKey(expr.inner);
    case "BinaryExpr":
      return `(${expressionKey(expr.left)} ${expr.operator} ${expressionKey(expr.right)})`;
    case "UnaryExpr":
      return `(${expr.operator} ${expressionKey(expr.operand)})`;
    case "InExpr":
      return `(${expressionKey(expr.operand)} in ${expr.values.map(expressionKey).join(",")})`;
    case "PresenceExpr":
      return `(${expressionKey(expr.operand)} is ${expr.present ? "present" : "missing"})`;
    case "IfExpr":
      return `(if ${expressionKey(expr.condition)} ${expressionKey(expr.then)} ${expressionKey(expr.otherwise)})`;
    case "CallExpr":
      return `${expr.callee?.name ?? "?"}(${expr.args.map(expressionKey).join(",")})`;
    case "ErrorExpr":
      return `?${expr.range.start.offset}`;
  }
}

// src/check/rule-reachability.ts
var MAYBE = { truth: "maybe" };
function truthOf(expr, scope) {
  if (expr === void 0) return MAYBE;
  switch (expr.kind) {
    case "ParenExpr":
      return truthOf(expr.inner, scope);
    case "BooleanLiteral":
      return { truth: expr.value ? "always" : "never", because: `it is \`${expr.value}\`` };
    case "UnaryExpr": {
      if (expr.operator !== "not") return MAYBE;
      const inner = truthOf(expr.operand, scope);
      return inner.truth === "maybe" ? MAYBE : { ...inner, truth: inner.truth === "always" ? "never" : "always" };
    }
    case "BinaryExpr": {
      if (expr.operator === "and" || expr.operator === "or") {
        const left = truthOf(expr.left, scope);
        const right = truthOf(expr.right, scope);
        const decisive = expr.operator === "and" ? "never" : "always";
        if (left.truth === decisive) return left;
        if (right.truth === decisive) return right;
        if (left.truth !== "maybe" && right.truth !== "maybe") return left;
        return MAYBE;
      }
      return compareWithBounds(expr.operator, expr.left, expr.right, scope);
    }
    default:
      return MAYBE;
  }
}
function compareWithBounds(operator2, left, right, scope) {
  const flipped = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "!=": "!=" };
  if (left.kind !== "NameRef" && right.kind === "NameRef") return compareWithBounds(flipped[operator2] ?? operator2, right, left, scope);
  if (left.kind !== "NameRef" || right.kind !== "NumberLiteral" && right.kind !== "PercentLiteral") return MAYBE;
  const symbol = lookup(scope, left.name);
  if (symbol?.kind !== "input" || !symbol.decl.bounds) return MAYBE;
  const bounds = symbol.decl.bounds;
  const percent = symbol.type.kind === "percent";
  if (percent !== (right.kind === "PercentLiteral")) return MAYBE;
  const value = literalValue(right);
  const lo = literalValue(bounds.min);
  const hi = literalValue(bounds.max);
  if (!value) return MAYBE;
  const because = `\`${left.name}\` is declared ${lo ? showValue(lo, percent) : ""}..${bounds.maxExclusive ? "<" : ""}${hi ? showValue(hi, percent) : ""}`;
  const domain = interval(lo, hi, bounds.maxExclusive);
  const open = (o) => ({ value, open: o });
  const truthSets = {
    ">": [{ lo: open(true), hi: interval(void 0, void 0).hi }],
    ">=": [{ lo: open(false), hi: interval(void 0, void 0).hi }],
    "<": [{ lo: interval(void 0, void 0).lo, hi: open(true) }],
    "<=": [{ lo: interval(void 0, void 0).lo, hi: open(false) }],
    "=": [{ lo: open(false), hi: open(false) }],
    "!=": [
      { lo: interval(void 0, void 0).lo, hi: open(true) },
      { lo: open(true), hi: interval(void 0, void 0).hi }
    ]
  };
  const truths = truthSets[operator2];
  if (!truths) return MAYBE;
  if (truths.every((t) => isEmpty2(intersect(domain, t)))) return { truth: "never", because };
  if (uncovered(domain, truths).length === 0 && !symbol.optional) return { truth: "always", because };
  return MAYBE;
}

// src/check/check-eligibility.ts
function checkEligibility(section, accept, scope) {
  const conditions = /* @__PURE__ */ new Map();
  for (const rule of section.rules) {
    checkRule(rule, accept, scope);
    const key = `${rule.negated ? "!" : ""}${expressionKey(rule.condition)}`;
    const first2 = conditions.get(key);
    if (first2 && rule.condition?.kind !== "ErrorExpr") {
      accept(
        warning(
          "rule-duplicate",
          `this condition repeats rule \`${first2.reason?.value ?? ""}\` on ${lineOf(first2.range)}`,
          rule.condition.range,
          "both fire together: remove one, or give them different conditions"
        )
      );
    } else {
      conditions.set(key, rule);
    }
  }
}
function checkReasonOutcomes(rules, otherwise, accept) {
  const outcomes = /* @__PURE__ */ new Map();
  const uses = rules.map((r2) => ({ outcome: r2.outcome, reason: r2.reason }));
  if (otherwise) uses.push({ outcome: otherwise.outcome, reason: otherwise.reason });
  for (const { outcome, reason } of uses) {
    if (!reason?.value) continue;
    const first2 = outcomes.get(reason.value);
    if (first2 && first2.outcome !== outcome) {
      accept(
        error(
          "reason-conflict",
          `reason \`${reason.value}\` is a \`${first2.outcome}\` on ${first2.line} and a \`${outcome}\` here`,
          reason.range,
          "a reason code must mean one outcome: use a different code"
        )
      );
    } else if (!first2) {
      outcomes.set(reason.value, { outcome, line: lineOf(reason.range) });
    }
  }
}
function checkRule(rule, accept, scope) {
  const name = rule.reason?.value ?? "";
  expectType(rule.condition, BOOLEAN, `the condition of rule \`${name}\``, { scope, accept, allowScore: true });
  for (const ref of unguardedOptionalRefs(rule.condition, scope)) {
    accept(
      warning(
        "unguarded-optional",
        `\`${ref.name}\` is optional: when it is missing, the comparison is false and this rule ${rule.negated ? "fires" : "does not fire"}`,
        ref.range,
        `say what a missing value means: \`${ref.name} is present and ...\` or \`${ref.name} is missing or ...\``
      )
    );
  }
  const verdict = truthOf(rule.condition, scope);
  if (verdict.truth === "maybe") return;
  const fires = verdict.truth === "always" !== rule.negated;
  accept(
    warning(
      fires ? "rule-always-fires" : "rule-unreachable",
      fires ? `rule \`${name}\` fires for every application` : `rule \`${name}\` can never fire`,
      rule.condition.range,
      `its condition is ${verdict.truth === "always" ? "always" : "never"} true: ${verdict.because ?? ""}`
    )
  );
}

// src/check/check-fees.ts
var FEE_BASES = ["amount", "balance", "principal", "installment"];
function checkFees(fees, accept, pricing) {
  const seen = /* @__PURE__ */ new Map();
  for (const fee of fees) {
    const name = fee.name?.name;
    if (name) {
      const first2 = seen.get(name);
      if (first2) accept(error("duplicate-name", `fee \`${name}\` is declared twice`, fee.name.range, `the first is on ${lineOf(first2.range)}; rename or merge them`));
      else seen.set(name, fee);
    }
    checkFee(fee, accept, pricing);
  }
}
function checkFee(fee, accept, pricing) {
  const name = fee.name?.name ?? "";
  const amount = literalValue(fee.amount);
  if (amount?.isNegative()) accept(error("invalid-number", `fee \`${name}\` is negative`, fee.amount.range));
  if (fee.amount?.kind === "NumberLiteral") {
    if (fee.of) accept(error("fee-base", `a fixed fee is not a percent of \`${fee.of.name}\``, fee.of.range, `drop \`of ${fee.of.name}\`, or write a percent such as \`2.5% of ${fee.of.name}\``));
    for (const cap of [fee.min, fee.max]) {
      if (cap) accept(error("invalid-cap", `a fixed fee of ${fee.amount.value} cannot have a \`min\` or \`max\``, cap.range, "caps bound percent fees"));
    }
  } else if (fee.of) {
    checkOption(fee.of, FEE_BASES, "fee base", accept);
  }
  const min2 = literalValue(fee.min);
  const max2 = literalValue(fee.max);
  for (const [cap, value] of [[fee.min, min2], [fee.max, max2]]) {
    if (cap && value?.isNegative()) accept(error("invalid-number", `the cap ${cap.value} of fee \`${name}\` is negative`, cap.range));
  }
  if (min2 && max2 && min2.gt(max2)) {
    accept(error("range-inverted", `fee \`${name}\` has \`min ${fee.min.value}\` above \`max ${fee.max.value}\``, fee.max.range, "swap them"));
  }
  const base = fee.of?.name;
  if ((base === "balance" || base === "installment") && fee.timing && fee.timing.value !== "per-installment") {
    accept(error("fee-base", `a fee on the \`${base}\` is charged with each installment, not \`${fee.timing.value}\``, fee.timing.range, "write `per installment`"));
  }
  if (fee.taxable === true && !pricing?.iva) {
    accept(error("iva-rate-missing", `fee \`${name}\` is marked \`iva\` but the pricing declares no IVA rate`, fee.name?.range ?? fee.range, "add `iva 16% on interest, fees` to `pricing`"));
  }
}

// src/check/check-input.ts
var NUMERIC_TYPES = /* @__PURE__ */ new Set(["number", "integer", "money", "percent"]);
function checkInputSection(section, accept) {
  const seen = /* @__PURE__ */ new Map();
  for (const field of section.fields) {
    const name = field.name?.name;
    if (!name) continue;
    const first2 = seen.get(name);
    if (first2) {
      accept(error("duplicate-name", `input field \`${name}\` is declared twice`, field.name.range, `it is first declared on ${lineOf(first2.range)}`));
    } else {
      seen.set(name, field);
    }
    checkInputField(field, accept);
  }
}
function checkInputField(field, accept) {
  const name = field.name?.name ?? "";
  if (field.type === "enum") {
    if (field.enumValues.length === 0) accept(error("invalid-enum", `enum \`${name}\` has no values`, field.typeRange, "list its values: `enum { CDMX, JAL, other }`"));
    const values2 = /* @__PURE__ */ new Set();
    for (const value of field.enumValues) {
      if (values2.has(value.name)) accept(error("duplicate-name", `enum value \`${value.name}\` is listed twice`, value.range));
      values2.add(value.name);
    }
  }
  const bounds = field.bounds;
  if (!bounds) return;
  if (!NUMERIC_TYPES.has(field.type)) {
    accept(error("bounds-not-allowed", `a \`${field.type}\` field cannot have a range`, bounds.range, "ranges apply to number, integer, money and percent fields"));
    return;
  }
  for (const bound2 of [bounds.min, bounds.max]) {
    if (!bound2) continue;
    if (field.type === "percent" && bound2.kind !== "PercentLiteral") {
      accept(error("type-mismatch", `the range of percent field \`${name}\` must be written in percents`, bound2.range, `write \`${bound2.value}%\``));
    } else if (field.type !== "percent" && bound2.kind === "PercentLiteral") {
      accept(error("type-mismatch", `the range of ${field.type} field \`${name}\` cannot be a percent`, bound2.range, "write a number without `%`"));
    } else if (field.type === "integer" && !literalValue(bound2)?.isInteger()) {
      accept(error("type-mismatch", `the range of integer field \`${name}\` must have whole-number bounds`, bound2.range));
    }
  }
  const min2 = literalValue(bounds.min);
  const max2 = literalValue(bounds.max);
  if (min2 && max2 && (min2.gt(max2) || bounds.maxExclusive && min2.eq(max2))) {
    accept(error("range-inverted", `the range of \`${name}\` is empty: ${bounds.min.value} is not below ${bounds.max.value}`, bounds.range, "write the smaller bound first"));
  }
}
function checkRequiredInputs(product, fields, accept) {
  const section = product.sections.find((s) => s.kind === "InputSection");
  if (!section) return;
  const required = [
    ["request.amount", "money"],
    ["request.payments", "integer"]
  ];
  for (const [path, type] of required) {
    const field = fields.get(path);
    if (!field) {
      accept(
        error("missing-input", `the input schema lacks \`${path}: ${type}\``, headRange(section.range, "input".length), `every product needs \`${path}: ${type}\`: it is what the client asks for`)
      );
    } else if (field.type !== type) {
      accept(error("type-mismatch", `\`${path}\` must be \`${type}\`, declared \`${field.type}\``, field.typeRange, `declare \`${path}: ${type}\``));
    } else if (field.optional) {
      accept(error("required-input-optional", `\`${path}\` cannot be optional`, field.name.range, `every application states \`${path}\`; remove \`optional\``));
    }
  }
}

// src/check/check-lets.ts
function checkLet(decl, accept, scope) {
  const name = decl.name?.name;
  if (!name) return;
  const symbol = scope.lets.get(name);
  if (symbol === void 0) return;
  if (symbol.decl !== decl) {
    accept(error("duplicate-name", `\`${name}\` is already defined`, decl.name.range, `the first \`let ${name}\` is on ${lineOf(symbol.decl.range)}; rename one`));
    inferType(decl.value, { scope, accept, allowScore: false, letIndex: symbol.index });
    return;
  }
  const group = scope.inputGroups.get(name);
  if (BUILTINS.has(name) || group !== void 0) {
    accept(
      error(
        "name-clash",
        BUILTINS.has(name) ? `\`${name}\` is a built-in name` : `\`${name}\` clashes with the input field \`${group}\``,
        decl.name.range,
        "choose another name for the let"
      )
    );
  }
  symbol.type = inferType(decl.value, { scope, accept, allowScore: false, letIndex: symbol.index });
  symbol.optional = unguardedOptionalRefs(decl.value, scope).length > 0;
}

// src/check/check-limits.ts
function checkLimits(limits, accept) {
  const head2 = headRange(limits.range, "limits".length);
  if (!limits.amount) {
    accept(error("missing-amount-limit", "`limits` has no amount range", head2, "add `amount 1_000..50_000 step 500`"));
  } else {
    checkAmountLimit(limits.amount, accept);
  }
  if (limits.terms.length === 0) {
    accept(error("missing-term", "`limits` allows no term", head2, "add a line such as `payments 6..24 monthly`"));
  }
  const frequencies = /* @__PURE__ */ new Map();
  for (const term of limits.terms) {
    checkWholeRange(term.payments, "payments", 1, accept);
    const key = frequencyKey(term.frequency);
    if (term.frequency?.kind === "every") checkEveryDays(term.frequency, accept);
    if (key === void 0) continue;
    const first2 = frequencies.get(key);
    if (first2) {
      accept(error("duplicate-name", `frequency \`${key}\` is listed twice`, term.frequency.range, `it already has payments on ${lineOf(first2)}; keep one line per frequency`));
    } else {
      frequencies.set(key, term.at);
    }
  }
  if (limits.firstPayment) checkWholeRange(limits.firstPayment.days, "first payment days", 0, accept);
}
function checkAmountLimit(amount, accept) {
  const range = amount.range;
  const [min2, max2] = [range.min, range.max].map((bound2) => {
    if (bound2?.kind === "PercentLiteral") {
      accept(error("type-mismatch", "an amount limit must be money, not a percent", bound2.range, `write \`${bound2.value}\` without \`%\``));
      return void 0;
    }
    return literalValue(bound2);
  });
  if (!range.min || !range.max) {
    accept(error("range-unbounded", "the amount range needs both a minimum and a maximum", range.range, "write `amount 1_000..50_000`"));
    return;
  }
  if (!min2 || !max2) return;
  if (min2.lte(0)) accept(error("invalid-number", `the minimum amount ${range.min.value} must be positive`, range.min.range));
  if (range.maxExclusive) accept(error("invalid-range", "write the amount range with an inclusive maximum", range.range, `write \`${range.min.value}..${range.max.value}\` with the largest amount allowed`));
  if (min2.gt(max2)) {
    accept(error("range-inverted", `the amount range is empty: ${range.min.value} is above ${range.max.value}`, range.range, "write the smaller amount first"));
    return;
  }
  if (!amount.step) return;
  const step = literalValue(amount.step);
  if (!step) return;
  if (step.lte(0)) {
    accept(error("invalid-number", `the step ${amount.step.value} must be positive`, amount.step.range));
    return;
  }
  const span = max2.minus(min2);
  if (!span.mod(step).isZero()) {
    const fitted = min2.plus(span.div(step).floor().times(step));
    accept(
      error(
        "step-mismatch",
        `step ${amount.step.value} does not divide the range ${min2.toFixed()}..${max2.toFixed()}: ${span.toFixed()} is not a multiple of ${step.toFixed()}`,
        amount.step.range,
        `make the bounds differ by a multiple of the step, e.g. \`${min2.toFixed()}..${fitted.toFixed()}\``
      )
    );
  }
}
function checkWholeRange(range, what, least, accept) {
  if (!range) return void 0;
  if (!range.min || !range.max) {
    accept(error("range-unbounded", `${what} need both a minimum and a maximum`, range.range, "write `6..24`"));
    return void 0;
  }
  let sound = true;
  const values2 = [range.min, range.max].map((bound2) => {
    const value = literalValue(bound2);
    if (bound2.kind === "PercentLiteral" || !value || !value.isInteger()) {
      accept(error("invalid-number", `${what} must be whole numbers, found \`${bound2.kind === "PercentLiteral" ? `${bound2.value}%` : bound2.value}\``, bound2.range));
      sound = false;
    } else if (value.lt(least)) {
      accept(error("invalid-number", `${what} start at ${least}, found ${value.toFixed()}`, bound2.range));
      sound = false;
    }
    return value;
  });
  const [min2, max2] = values2;
  if (!sound) return void 0;
  const last2 = range.maxExclusive ? max2.minus(1) : max2;
  if (min2.gt(last2)) {
    accept(error("range-inverted", `the range of ${what} is empty: ${range.min.value} is above ${range.max.value}`, range.range, "write the smaller bound first"));
    return void 0;
  }
  return [min2, last2];
}
function checkEveryDays(frequency, accept) {
  const days = literalValue(frequency.days);
  if (frequency.days && (!days || !days.isInteger() || days.lt(1))) {
    accept(error("invalid-number", `\`every ${frequency.days.value} days\` needs a whole number of days, at least 1`, frequency.days.range));
  }
}
function frequencyKey(frequency) {
  if (!frequency) return void 0;
  if (frequency.kind === "every") return frequency.days?.value ? `every ${frequency.days.value} days` : void 0;
  return frequency.kind;
}

// src/check/check-offer.ts
function checkOffer(offer, accept, scope) {
  for (const cap of offer.caps) {
    if (cap.kind === "installment" || cap.kind === "amount") {
      expectType(cap.value, MONEY, `the ${cap.kind} cap`, { scope, accept, allowScore: true });
      continue;
    }
    if (!scope.scorecard) {
      accept(error("no-scorecard", "amounts by band need a `scorecard` with bands", headRange(cap.range, "amount".length), "add a scorecard, or cap the amount with an expression"));
      continue;
    }
    const seen = /* @__PURE__ */ new Set();
    for (const entry of cap.entries) {
      const band = entry.band?.name;
      if (!band) continue;
      if (!scope.bands.has(band)) {
        accept(error("unknown-band", `unknown band \`${band}\``, entry.band.range, didYouMean(band, scope.bands.keys()) ?? `the bands are ${[...scope.bands.keys()].map((b) => `\`${b}\``).join(", ")}`));
      } else if (seen.has(band)) {
        accept(error("duplicate-name", `band \`${band}\` is listed twice`, entry.band.range));
      }
      seen.add(band);
      const amount = literalValue(entry.amount);
      if (entry.amount && (!amount || amount.isNegative())) accept(error("invalid-number", `the amount for band \`${band}\` must be a positive amount`, entry.amount.range));
    }
    for (const band of scope.bands.keys()) {
      if (!seen.has(band)) {
        accept(error("band-missing", `band \`${band}\` has no maximum amount`, headRange(cap.range, "amount".length), `add \`${band}: ...\` to \`by band { ... }\``));
      }
    }
  }
}

// src/check/check-rate-table.ts
var KEYS = ["band", "payments", "amount"];
function checkRateTable(table, accept, scope, limits) {
  const keys2 = table.keys.map((key) => key?.name ?? "");
  const seen = /* @__PURE__ */ new Set();
  let sound = true;
  for (const key of table.keys) {
    if (!key?.name) continue;
    if (!KEYS.includes(key.name)) {
      accept(error("unknown-option", `a rate table cannot be keyed by \`${key.name}\``, key.range, didYouMean(key.name, KEYS) ?? "key it by `band`, `payments` and/or `amount`"));
      sound = false;
    } else if (seen.has(key.name)) {
      accept(error("duplicate-name", `\`${key.name}\` is listed twice as a key`, key.range));
      sound = false;
    } else if (key.name === "band" && !scope.scorecard) {
      accept(error("no-scorecard", "rates by band need a `scorecard` with bands", key.range, "add a scorecard with `band A when score >= ...`, or key the table by `payments` or `amount`"));
      sound = false;
    }
    seen.add(key.name);
  }
  for (const row of table.rows) {
    checkRateValue(row.rate, accept);
    if (row.cells.length !== keys2.length) {
      accept(error("rate-row-shape", `this row has ${row.cells.length} cell(s) for ${keys2.length} key(s) (${keys2.join(", ")})`, row.range, `write one cell per key, then the rate: \`${keys2.map((k) => k === "band" ? "A" : "..").join(", ")}: 40%\``));
      sound = false;
      continue;
    }
    row.cells.forEach((cell, i) => {
      if (!checkCell(cell, keys2[i], accept, scope)) sound = false;
    });
  }
  if (!sound) return;
  const bandIndex = keys2.indexOf("band");
  if (bandIndex >= 0) {
    const bandKey = table.keys[bandIndex];
    const priced = new Set(table.rows.map((row) => row.cells[bandIndex].name));
    for (const band of scope.bands.keys()) {
      if (!priced.has(band)) accept(error("band-missing", `band \`${band}\` has no rate`, bandKey.range, `add a row for band \`${band}\``));
    }
  }
  checkNumericCoverage(table, keys2, accept, scope, limits);
}
function checkCell(cell, key, accept, scope) {
  if (key === "band") {
    if (cell.kind !== "Identifier") {
      accept(error("type-mismatch", "this cell must be a band name", cell.range, "write a band such as `A`"));
      return false;
    }
    if (cell.name && scope.scorecard && !scope.bands.has(cell.name)) {
      accept(error("unknown-band", `unknown band \`${cell.name}\``, cell.range, didYouMean(cell.name, scope.bands.keys()) ?? `the bands are ${[...scope.bands.keys()].map((b) => `\`${b}\``).join(", ")}`));
      return false;
    }
    return true;
  }
  if (cell.kind !== "RangeExpr") {
    accept(error("type-mismatch", `this cell must be a range of ${key}`, cell.range, "write `6..12`, `13..` or `..` for any"));
    return false;
  }
  for (const bound2 of [cell.min, cell.max]) {
    if (bound2?.kind === "PercentLiteral") {
      accept(error("type-mismatch", `a range of ${key} cannot be in percents`, bound2.range));
      return false;
    }
    if (key === "payments" && bound2 && !literalValue(bound2)?.isInteger()) {
      accept(error("invalid-number", "payments are whole numbers", bound2.range));
      return false;
    }
  }
  const min2 = literalValue(cell.min);
  const max2 = literalValue(cell.max);
  if (min2 && max2 && (min2.gt(max2) || cell.maxExclusive && min2.eq(max2))) {
    accept(error("range-inverted", `the range ${cell.min.value}..${cell.max.value} is empty`, cell.range, "write the smaller bound first"));
    return false;
  }
  return true;
}
function checkNumericCoverage(table, keys2, accept, scope, limits) {
  const numeric = keys2.map((k, i) => [k, i]).filter(([k]) => k !== "band");
  if (numeric.length !== 1 || !limits) return;
  const [key, index] = numeric[0];
  const integer = key === "payments";
  const domains = [];
  if (integer) {
    for (const term of limits.terms) {
      const min2 = literalValue(term.payments?.min);
      const max2 = literalValue(term.payments?.max);
      if (min2 && max2) domains.push(integerInterval(min2, max2, term.payments.maxExclusive));
    }
  } else {
    const min2 = literalValue(limits.amount?.range.min);
    const max2 = literalValue(limits.amount?.range.max);
    if (min2 && max2) domains.push(interval(min2, max2));
  }
  if (domains.length === 0) return;
  const bandIndex = keys2.indexOf("band");
  const groups = bandIndex >= 0 ? [...scope.bands.keys()] : [void 0];
  for (const band of groups) {
    const rows = table.rows.filter((row) => band === void 0 || row.cells[bandIndex].name === band);
    if (rows.length === 0) continue;
    const covers = rows.map((row) => cellInterval(row, index, integer));
    const reported = /* @__PURE__ */ new Set();
    for (const domain of domains) {
      for (const gap of uncovered(domain, covers)) {
        const text = describeInterval(gap, { integer, percent: false }).replace(/^values? /, "");
        if (reported.has(text)) continue;
        reported.add(text);
        accept(
          error(
            "rate-gap",
            `${key} ${text} ${band === void 0 ? "" : `for band \`${band}\` `}have no rate`,
            table.keys[index].range,
            `the limits allow them: add a row covering them${integer ? "" : ` (write \`..<x\` to make rows meet exactly)`}`
          )
        );
      }
    }
  }
}
function cellInterval(row, index, integer) {
  const cell = row.cells[index];
  const min2 = literalValue(cell.min);
  const max2 = literalValue(cell.max);
  return integer ? integerInterval(min2, max2, cell.maxExclusive) : interval(min2, max2, cell.maxExclusive);
}

// src/check/check-pricing.ts
var METHODS = ["french", "german", "flat", "bullet"];
var BASES = ["period", "actual/360", "actual/365", "30/360"];
var ROUNDING_MODES = ["half-even", "half-up"];
var BUSINESS_DAY_RULES = ["next", "previous", "none"];
var TAX_TARGETS = ["interest", "fees", "moratorium", "penalties"];
function checkPricing(pricing, accept, scope, limits) {
  const head2 = headRange(pricing.range, "pricing".length);
  if (!pricing.method?.name) {
    accept(error("missing-method", "`pricing` has no interest method", head2, "add `method french` (or german, flat, bullet)"));
  } else {
    checkOption(pricing.method, METHODS, "interest method", accept);
  }
  if (pricing.basis?.name) checkOption(pricing.basis, BASES, "interest basis", accept);
  if (!pricing.rate) {
    accept(error("missing-rate", "`pricing` has no rate", head2, "add `rate 48%` or a table such as `rate by band { A: 36%, B: 48% }`"));
  } else if (pricing.rate.kind === "FixedRate") {
    checkRateValue(pricing.rate.rate, accept);
  } else {
    checkRateTable(pricing.rate, accept, scope, limits);
  }
  checkIva(pricing, accept);
  const rounding = pricing.rounding;
  if (rounding) {
    const decimals = literalValue(rounding.decimals);
    if (rounding.decimals && (!decimals || !decimals.isInteger() || decimals.lt(0) || decimals.gt(10))) {
      accept(error("invalid-number", `rounding scale \`${rounding.decimals.value}\` must be a whole number from 0 to 10`, rounding.decimals.range, "write `rounding 2 half-even`"));
    }
    if (rounding.mode?.name) checkOption(rounding.mode, ROUNDING_MODES, "rounding mode", accept);
    if (rounding.multiple) {
      const multiple = literalValue(rounding.multiple);
      if (!multiple || multiple.lte(0)) accept(error("invalid-number", `installment multiple \`${rounding.multiple.value}\` must be positive`, rounding.multiple.range));
      const method = pricing.method?.name;
      if (method === "german" || method === "bullet") {
        accept(error("multiple-not-level", `\`multiple\` rounds a level installment, and \`${method}\` has none`, rounding.multiple.range, "use `multiple` with `method french` or `method flat`"));
      }
    }
  }
  const graceSeen = /* @__PURE__ */ new Map();
  for (const grace of pricing.grace) {
    const count = literalValue(grace.count);
    if (grace.count && (!count || !count.isInteger() || count.lt(0))) {
      accept(error("invalid-number", `grace \`${grace.count.value}\` must be a whole number of installments`, grace.count.range));
    }
    const first2 = graceSeen.get(grace.what);
    if (first2) accept(error("duplicate-name", `\`grace ${grace.what}\` is given twice`, grace.range, `keep the one on ${lineOf(first2)}`));
    else graceSeen.set(grace.what, grace.range);
  }
  if (pricing.businessDays?.name) checkOption(pricing.businessDays, BUSINESS_DAY_RULES, "business-day rule", accept);
  const kind = scope.product.productKind?.name || "consumer";
  const onInterest = pricing.iva?.on.some((target) => target.name === "interest") ?? false;
  if (kind === "consumer" && !onInterest) {
    accept(
      warning(
        "iva-missing",
        pricing.iva ? "interest carries no IVA on this consumer product" : "no IVA on interest for this consumer product",
        pricing.iva ? pricing.iva.range : head2,
        "interest on loans to individuals is taxed at 16% (LIVA art. 15 exempts only business activity and a few others): write `iva 16% on interest, fees`, or `kind business` if the borrowers have business activity"
      )
    );
  }
}
function checkIva(pricing, accept) {
  const iva = pricing.iva;
  if (!iva) {
    if (pricing.installmentIncludesIva) {
      accept(error("iva-rate-missing", "`installment includes iva` needs an IVA rate", headRange(pricing.range, "pricing".length), "add `iva 16% on interest, fees`"));
    }
    return;
  }
  const rate = literalValue(iva.rate);
  if (iva.rate && (!rate || rate.lt(0) || rate.gt(1))) {
    accept(error("invalid-number", `the IVA rate \`${iva.rate.value}%\` must be between 0% and 100%`, iva.rate.range, "the general rate is `16%`"));
  }
  const seen = /* @__PURE__ */ new Set();
  for (const target of iva.on) {
    if (!target.name) continue;
    checkOption(target, TAX_TARGETS, "IVA target", accept);
    if (seen.has(target.name)) accept(error("duplicate-name", `\`${target.name}\` is listed twice`, target.range));
    seen.add(target.name);
  }
}

// src/check/check-penalties.ts
function checkPenalties(penalties, accept, pricing) {
  const { lateFee, moratorium } = penalties;
  const taxedOn = (target) => pricing?.iva?.on.some((t) => t.name === target) ?? false;
  if (lateFee) {
    const amount = literalValue(lateFee.amount);
    if (amount?.isNegative()) accept(error("invalid-number", "the late fee is negative", lateFee.amount.range));
    if (lateFee.amount?.kind === "NumberLiteral" && lateFee.of) {
      accept(error("fee-base", `a fixed late fee is not a percent of \`${lateFee.of.name}\``, lateFee.of.range, `drop \`of ${lateFee.of.name}\`, or write a percent such as \`5% of ${lateFee.of.name}\``));
    } else if (lateFee.of) {
      checkOption(lateFee.of, ["overdue", "installment"], "late-fee base", accept);
    }
    const min2 = literalValue(lateFee.min);
    const max2 = literalValue(lateFee.max);
    if (min2 && max2 && min2.gt(max2)) accept(error("range-inverted", `the late fee has \`min ${lateFee.min.value}\` above \`max ${lateFee.max.value}\``, lateFee.max.range, "swap them"));
    const grace = literalValue(lateFee.graceDays);
    if (lateFee.graceDays && (!grace || !grace.isInteger() || grace.isNegative())) {
      accept(error("invalid-number", "grace days must be a whole number", lateFee.graceDays.range));
    }
    if ((lateFee.taxable || taxedOn("penalties")) && !pricing?.iva) {
      accept(error("iva-rate-missing", "the late fee is marked `iva` but the pricing declares no IVA rate", lateFee.range, "add `iva 16% on interest, fees` to `pricing`"));
    }
  }
  if (moratorium) {
    if (moratorium.rate.kind === "multiple") {
      const factor = literalValue(moratorium.rate.factor);
      if (moratorium.rate.factor && (!factor || factor.lte(0))) accept(error("invalid-number", "the moratorium multiple must be positive", moratorium.rate.factor.range));
    } else {
      const rate = literalValue(moratorium.rate.rate);
      if (rate?.isNegative()) accept(error("invalid-number", "the moratorium rate is negative", moratorium.rate.rate.range));
    }
    if (moratorium.basis?.name) checkOption(moratorium.basis, BASES, "interest basis", accept);
    if ((moratorium.taxable || taxedOn("moratorium")) && !pricing?.iva) {
      accept(error("iva-rate-missing", "moratorium interest is marked `iva` but the pricing declares no IVA rate", moratorium.range, "add `iva 16% on interest, fees` to `pricing`"));
    }
  }
  if (lateFee && moratorium) {
    accept(
      warning(
        "late-fee-with-moratorium",
        "a late fee together with moratorium interest",
        lateFee.range,
        "Banxico Circular 22/2010: no late fee may be charged for a period in which moratorium interest is charged; keep one of them, or make sure servicing never charges both for the same installment"
      )
    );
  }
}

// src/check/check-product.ts
var SINGLE_SECTIONS = {
  InputSection: "input",
  LimitsSection: "limits",
  PricingSection: "pricing",
  EligibilitySection: "eligibility",
  ScorecardSection: "scorecard",
  OfferSection: "offer",
  PenaltiesSection: "penalties",
  CollectionSection: "collection",
  AllocationDecl: "allocation",
  PrepaymentDecl: "prepayment"
};
function checkProduct(product, accept) {
  const at = product.code?.name ? product.code.range : headRange(product.range, "product".length);
  if (!product.currency?.name) {
    accept(error("missing-currency", `product \`${product.code?.name ?? ""}\` has no currency`, at, "add `currency MXN` inside the product"));
  } else if (!/^[A-Z]{3}$/.test(product.currency.name)) {
    accept(error("invalid-currency", `\`${product.currency.name}\` is not an ISO 4217 currency code`, product.currency.range, "write three capital letters, such as `MXN` or `USD`"));
  }
  const kind = product.productKind?.name;
  if (kind !== void 0 && kind !== "" && kind !== "consumer" && kind !== "business") {
    accept(
      error("unknown-option", `unknown product kind \`${kind}\``, product.productKind.range, didYouMean(kind, ["consumer", "business"]) ?? "write `kind consumer` or `kind business`")
    );
  }
  const seen = /* @__PURE__ */ new Map();
  for (const section of product.sections) {
    const keyword2 = SINGLE_SECTIONS[section.kind];
    if (keyword2 === void 0) continue;
    const first2 = seen.get(section.kind);
    if (first2) {
      accept(
        error("duplicate-section", `\`${keyword2}\` appears twice`, headRange(section.range, keyword2.length), `merge it into the \`${keyword2}\` on ${lineOf(first2.range)}`)
      );
    } else {
      seen.set(section.kind, section);
    }
  }
  const required = [
    ["InputSection", "input", "declare the application data: `input { request.amount: money  request.payments: integer ... }`"],
    ["LimitsSection", "limits", "add `limits { amount 1_000..50_000 step 500  payments 6..24 monthly }`"],
    ["PricingSection", "pricing", "add `pricing { method french  rate 48% }`"]
  ];
  for (const [kindName, keyword2, help] of required) {
    if (!seen.has(kindName)) accept(error("missing-section", `product \`${product.code?.name ?? ""}\` has no \`${keyword2}\` section`, at, help));
  }
}

// src/check/bin-coverage.ts
var NUMERIC = /* @__PURE__ */ new Set(["number", "integer", "money", "percent"]);
function checkBinCoverage(characteristic, symbol, accept) {
  const name = characteristic.name.name;
  const type = symbol.type;
  if (type.kind === "unknown") return false;
  let sound = true;
  let otherwise;
  let missing;
  for (const bin of characteristic.bins) {
    const match = bin.match;
    if (!match) continue;
    if (otherwise) {
      accept(warning("bin-unreachable", "this bin comes after `otherwise` and never matches", match.range, "put `otherwise` last"));
      continue;
    }
    if (match.kind === "otherwise") otherwise = bin;
    if (match.kind === "missing") {
      if (missing) accept(error("bin-overlap", `\`${name}\` has two \`missing\` bins`, match.range, `the first is on ${lineOf(missing.range)}`));
      else if (!symbol.optional) accept(warning("bin-unreachable", `\`${name}\` is required, so this \`missing\` bin never matches`, match.range));
      missing ??= bin;
    }
  }
  if (symbol.optional && !missing && !otherwise) {
    accept(
      error(
        "missing-bin-required",
        `\`${name}\` is optional but no bin handles it missing`,
        characteristic.name.range,
        'add a bin such as `missing -> -40 reason "SIN_HISTORIAL"`'
      )
    );
  }
  if (NUMERIC.has(type.kind)) {
    sound = checkNumericBins(characteristic, symbol, !otherwise, accept) && sound;
  } else {
    sound = checkValueBins(characteristic, symbol, !otherwise, accept) && sound;
  }
  return sound;
}
function checkNumericBins(characteristic, symbol, needCoverage, accept) {
  const name = characteristic.name.name;
  const percent = symbol.type.kind === "percent";
  const integer = symbol.type.kind === "integer";
  const bounds = symbol.kind === "input" ? symbol.decl.bounds : void 0;
  const domain = domainOf(bounds, integer);
  const ranges = [];
  let sound = true;
  for (const bin of characteristic.bins) {
    const match = bin.match;
    if (match?.kind === "values") {
      accept(error("bin-type", `\`${name}\` is ${symbol.type.kind}: its bins are ranges, not values`, match.range, percent ? "write a range such as `30%..<45%`" : "write a range such as `580..679`"));
      sound = false;
      continue;
    }
    if (match?.kind !== "range" || !match.value) continue;
    const range = match.value;
    let boundsOk = true;
    for (const bound2 of [range.min, range.max]) {
      if (!bound2) continue;
      if (percent !== (bound2.kind === "PercentLiteral")) {
        accept(
          error(
            "type-mismatch",
            percent ? `\`${name}\` is a percent: write this bound as a percent` : `\`${name}\` is ${symbol.type.kind}: this bound cannot be a percent`,
            bound2.range,
            percent ? `write \`${bound2.value}%\`` : `write \`${bound2.value}\``
          )
        );
        boundsOk = false;
      } else if (integer && !literalValue(bound2)?.isInteger()) {
        accept(error("type-mismatch", `\`${name}\` is an integer: bin bounds must be whole numbers`, bound2.range));
        boundsOk = false;
      }
    }
    if (!boundsOk) {
      sound = false;
      continue;
    }
    const min2 = literalValue(range.min);
    const max2 = literalValue(range.max);
    const own = integer ? integerInterval(min2, max2, range.maxExclusive) : interval(min2, max2, range.maxExclusive);
    if (isEmpty2(own)) {
      accept(error("range-inverted", "this bin is empty: its lower bound is not below its upper bound", range.range, "write the smaller bound first"));
      sound = false;
      continue;
    }
    if (isEmpty2(intersect(own, domain))) {
      accept(
        warning(
          "bin-unreachable",
          `this bin lies outside the declared range ${declared(bounds, percent)} of \`${name}\``,
          range.range,
          "remove it, or widen the declared range in `input`"
        )
      );
      continue;
    }
    for (const earlier of ranges) {
      const shared = intersect(intersect(earlier.interval, own), domain);
      if (isEmpty2(shared)) continue;
      accept(
        error(
          "bin-overlap",
          `${describeInterval(shared, { integer, percent })} of \`${name}\` ${verb(describeInterval(shared, { integer, percent }))} covered by two bins`,
          range.range,
          `the bin on ${lineOf(earlier.bin.range)} already covers them; the first match wins, so change one of the bounds`
        )
      );
    }
    ranges.push({ bin, interval: own });
  }
  if (!needCoverage || !sound) return sound;
  for (const gap of uncovered(domain, ranges.map((r2) => r2.interval))) {
    const next = ranges.find((r2) => r2.interval.lo.value.gte(gap.hi.value));
    const previous = [...ranges].reverse().find((r2) => r2.interval.hi.value.lte(gap.lo.value));
    const at = next?.bin.match.range ?? previous?.bin.match.range ?? characteristic.name.range;
    let help = "add a bin for them, or an `otherwise` bin";
    if (!integer && gap.lo.open && gap.hi.open && gap.lo.value.isFinite() && gap.hi.value.isFinite()) {
      help = `the bins end at ${showValue(gap.lo.value, percent)} and start again at ${showValue(gap.hi.value, percent)}: write the lower bin as \`..<${showValue(gap.hi.value, percent)}\` so they meet`;
    }
    accept(error("bin-gap", `${describeInterval(gap, { integer, percent })} of \`${name}\` ${verb(describeInterval(gap, { integer, percent }))} not covered`, at, help));
  }
  return sound;
}
function checkValueBins(characteristic, symbol, needCoverage, accept) {
  const name = characteristic.name.name;
  const kind = symbol.type.kind;
  const allowed = kind === "enum" ? symbol.type.values ?? [] : kind === "boolean" ? ["true", "false"] : void 0;
  const covered = /* @__PURE__ */ new Map();
  let sound = true;
  for (const bin of characteristic.bins) {
    const match = bin.match;
    if (match?.kind === "range") {
      accept(error("bin-type", `\`${name}\` is ${kind}: its bins are values, not ranges`, match.range, allowed ? `write values such as \`${allowed.slice(0, 2).join(", ")} -> 10\`` : "write string values"));
      sound = false;
      continue;
    }
    if (match?.kind !== "values") continue;
    for (const value of match.values) {
      const text = value.kind === "BooleanLiteral" ? String(value.value) : value.kind === "StringLiteral" ? value.value : value.name;
      const fits = kind === "enum" ? value.kind === "Identifier" : kind === "boolean" ? value.kind === "BooleanLiteral" : value.kind === "StringLiteral";
      if (!fits) {
        accept(error("bin-type", `\`${text}\` is not a ${kind} value of \`${name}\``, value.range, kind === "string" ? `write it as a string: \`"${text}"\`` : void 0));
        sound = false;
        continue;
      }
      if (allowed && !allowed.includes(text)) {
        accept(error("unknown-enum-value", `\`${text}\` is not a value of \`${name}\``, value.range, didYouMean(text, allowed) ?? `its values are ${allowed.map((v) => `\`${v}\``).join(", ")}`));
        sound = false;
        continue;
      }
      const first2 = covered.get(text);
      if (first2) {
        accept(error("bin-overlap", `value \`${text}\` of \`${name}\` is in two bins`, value.range, `the bin on ${lineOf(first2.range)} already has it`));
      } else {
        covered.set(text, bin);
      }
    }
  }
  if (!needCoverage || !sound) return sound;
  if (!allowed) {
    accept(error("bin-gap", `the strings of \`${name}\` cannot all be listed`, characteristic.name.range, "add an `otherwise` bin"));
    return sound;
  }
  const left = allowed.filter((value) => !covered.has(value));
  if (left.length > 0) {
    accept(
      error(
        "bin-gap",
        `${left.length === 1 ? "value" : "values"} ${left.map((v) => `\`${v}\``).join(", ")} of \`${name}\` ${left.length === 1 ? "is" : "are"} not covered`,
        characteristic.name.range,
        "add them to a bin, or add an `otherwise` bin"
      )
    );
  }
  return sound;
}
function domainOf(bounds, integer) {
  const min2 = literalValue(bounds?.min);
  const max2 = literalValue(bounds?.max);
  return integer ? integerInterval(min2, max2, bounds?.maxExclusive) : interval(min2, max2, bounds?.maxExclusive);
}
function declared(bounds, percent) {
  const min2 = literalValue(bounds?.min);
  const max2 = literalValue(bounds?.max);
  return `${min2 ? showValue(min2, percent) : ""}..${bounds?.maxExclusive ? "<" : ""}${max2 ? showValue(max2, percent) : ""}`;
}
function verb(description) {
  return description.startsWith("value ") ? "is" : "are";
}

// src/check/check-scorecard.ts
function checkScorecard(section, accept, scope) {
  const seen = /* @__PURE__ */ new Map();
  const ranges = [];
  for (const characteristic of section.characteristics) {
    const name = characteristic.name?.name;
    if (name) {
      const first2 = seen.get(name);
      if (first2) {
        accept(error("duplicate-name", `characteristic \`${name}\` is declared twice`, characteristic.name.range, `the first is on ${lineOf(first2.range)}; merge their bins`));
      } else {
        seen.set(name, characteristic);
      }
    }
    ranges.push(checkCharacteristic(characteristic, accept, scope));
  }
  const base = section.base ? literalValue(section.base) : new Dec(0);
  let reachable;
  if (base && ranges.every((r2) => r2 !== void 0)) {
    reachable = ranges.reduce((acc, r2) => ({ min: acc.min.plus(r2.min), max: acc.max.plus(r2.max) }), { min: base, max: base });
  }
  checkBands(section, accept, reachable);
}
function checkCharacteristic(characteristic, accept, scope) {
  const name = characteristic.name?.name;
  if (!name) return void 0;
  const symbol = lookup(scope, name);
  let sound = true;
  if (symbol === void 0 || symbol.kind === "builtin") {
    const candidates = [...scope.inputs.keys(), ...scope.lets.keys()];
    accept(
      error(
        "unknown-name",
        symbol ? `\`${name}\` cannot be a characteristic` : `unknown name \`${name}\``,
        characteristic.name.range,
        didYouMean(name, candidates) ?? "a characteristic is an input field or a let"
      )
    );
    sound = false;
  } else if (symbol.type.kind === "date" || symbol.type.kind === "literal") {
    accept(error("characteristic-type", `a characteristic cannot be ${typeLabel(symbol.type)}`, characteristic.name.range, "derive a number from it with `let`, e.g. `years_between(applicant.birth_date, today)`"));
    sound = false;
  }
  for (const bin of characteristic.bins) {
    if (bin.points && !literalValue(bin.points)) sound = false;
  }
  if (symbol !== void 0 && symbol.kind !== "builtin" && sound) {
    sound = checkBinCoverage(characteristic, symbol, accept) && sound;
  }
  if (characteristic.bins.length === 0) {
    accept(error("bin-gap", `characteristic \`${name}\` has no bins`, characteristic.name.range, "add bins such as `..579 -> -60  580.. -> 0`"));
    return void 0;
  }
  if (!sound || symbol === void 0 || symbol.kind === "builtin") return void 0;
  const matchable = characteristic.bins.filter((bin, i) => {
    if (bin.match?.kind === "missing" && !symbol.optional) return false;
    return !characteristic.bins.slice(0, i).some((earlier) => earlier.match?.kind === "otherwise");
  });
  const points = matchable.map((bin) => literalValue(bin.points)).filter((p) => p !== void 0);
  if (points.length === 0) return { min: new Dec(0), max: new Dec(0) };
  return { min: Dec.min(...points), max: Dec.max(...points) };
}
function checkBands(section, accept, reachable) {
  const seen = /* @__PURE__ */ new Map();
  let previous;
  const ordered = [];
  for (const band of section.bands) {
    const name = band.name?.name ?? "";
    if (name) {
      const first2 = seen.get(name);
      if (first2) accept(error("duplicate-name", `band \`${name}\` is declared twice`, band.name.range, `the first is on ${lineOf(first2.range)}`));
      else seen.set(name, band);
    }
    const cutoff = literalValue(band.minScore);
    if (!cutoff) continue;
    if (previous && cutoff.gte(previous.cutoff)) {
      accept(
        error(
          "band-order",
          `band \`${name}\` starts at ${cutoff.toFixed()}, not below band \`${previous.band.name?.name ?? ""}\` at ${previous.cutoff.toFixed()}`,
          band.minScore.range,
          "list bands from the highest cutoff down: the first band whose cutoff the score reaches wins"
        )
      );
      return;
    }
    previous = { band, cutoff };
    ordered.push(previous);
  }
  if (!reachable || ordered.length === 0) return;
  const { min: min2, max: max2 } = reachable;
  for (const { band, cutoff } of ordered) {
    if (cutoff.gt(max2)) {
      accept(
        warning(
          "band-unreachable",
          `band \`${band.name?.name ?? ""}\` needs a score of ${cutoff.toFixed()} but the highest reachable score is ${max2.toFixed()}`,
          band.minScore.range,
          `the score ranges ${min2.toFixed()}..${max2.toFixed()} (base plus the lowest and highest bin of each characteristic)`
        )
      );
    }
  }
  const catchAll = ordered.findIndex(({ cutoff }) => cutoff.lte(min2));
  for (const { band } of ordered.slice(catchAll + 1)) {
    if (catchAll < 0) break;
    accept(
      warning(
        "band-unreachable",
        `band \`${band.name?.name ?? ""}\` is never reached: every reachable score (at least ${min2.toFixed()}) falls in band \`${ordered[catchAll].band.name?.name ?? ""}\` or above`,
        band.minScore.range,
        "remove the band or raise the cutoffs above it"
      )
    );
  }
  const lowest = ordered[ordered.length - 1];
  if (!section.otherwise && lowest.cutoff.gt(min2)) {
    accept(
      error(
        "band-coverage",
        `scores ${min2.toFixed()}..<${lowest.cutoff.toFixed()} fall below the lowest band \`${lowest.band.name?.name ?? ""}\` and nothing handles them`,
        lowest.band.minScore.range,
        `add \`otherwise decline "SCORE_BAJO"\` after the bands, or lower the cutoff of \`${lowest.band.name?.name ?? ""}\` to ${min2.toFixed()}`
      )
    );
  }
}

// src/check/check-tests.ts
function checkTests(tests, accept, scope) {
  const names = /* @__PURE__ */ new Map();
  const required = requiredInputs(scope);
  for (const test of tests) {
    const name = test.name?.value;
    if (name !== void 0) {
      const first2 = names.get(name);
      if (first2) accept(error("duplicate-name", `test \`${name}\` is declared twice`, test.name.range, `the first is on ${lineOf(first2.range)}`));
      else names.set(name, test);
    }
    checkTest(test, accept, scope, required);
  }
}
function requiredInputs(scope) {
  const required = [];
  for (const input of scope.inputs.values()) if (!input.optional) required.push(input.name);
  return required;
}
function checkTest(test, accept, scope, required = requiredInputs(scope)) {
  const given = /* @__PURE__ */ new Map();
  for (const entry of test.given) {
    const path = entry.field?.name;
    if (!path) continue;
    const first2 = given.get(path);
    if (first2) accept(error("duplicate-name", `\`${path}\` is given twice`, entry.field.range, `it is already given on ${lineOf(first2.range)}`));
    given.set(path, entry);
    checkGiven(entry, accept, scope);
  }
  const lacking = required.filter((name) => !given.has(name));
  if (lacking.length > 0 && test.name) {
    accept(
      error(
        "test-missing-input",
        `test \`${test.name.value}\` does not give ${lacking.map((l) => `\`${l}\``).join(", ")}`,
        test.name.range,
        `every required input needs a value: add \`${lacking[0]} = ...\` to \`given\``
      )
    );
  }
  for (const expectation of test.expects) {
    switch (expectation.kind) {
      case "band":
        if (expectation.band?.name && !scope.bands.has(expectation.band.name)) {
          accept(error("unknown-band", `unknown band \`${expectation.band.name}\``, expectation.band.range, didYouMean(expectation.band.name, scope.bands.keys()) ?? (scope.scorecard ? void 0 : "the product has no scorecard")));
        }
        break;
      case "score":
        if (!scope.scorecard) accept(error("no-scorecard", "`expect score` needs a `scorecard` section", expectation.range));
        break;
      case "outcome":
        for (const reason of expectation.reasons) {
          if (reason.value && !scope.reasons.has(reason.value)) {
            accept(error("unknown-reason", `no rule or bin gives reason \`${reason.value}\``, reason.range, didYouMean(reason.value, scope.reasons) ?? "reasons come from eligibility rules, scorecard bins and `otherwise`"));
          }
        }
        break;
      case "state":
        if (expectation.stage?.name && !scope.stages.has(expectation.stage.name)) {
          accept(error("unknown-stage", `unknown collection stage \`${expectation.stage.name}\``, expectation.stage.range, didYouMean(expectation.stage.name, scope.stages) ?? "stages are named in `collection { from ... dpd stage NAME }`"));
        }
        if (!test.disburse) accept(error("missing-disburse", "a loan-state expectation needs `disburse DATE`", expectation.range, "add `disburse 2025-01-06` to the test"));
        break;
      default:
        break;
    }
  }
  if (test.payments.length > 0 && !test.disburse) {
    accept(error("missing-disburse", "`pay` needs a loan: add `disburse DATE` to the test", test.payments[0].range));
  }
}
function checkGiven(entry, accept, scope) {
  const path = entry.field.name;
  const input = scope.inputs.get(path);
  if (!input) {
    const isLet = scope.lets.has(path);
    accept(
      error(
        "unknown-name",
        isLet ? `\`${path}\` is derived, not an input` : `unknown input \`${path}\``,
        entry.field.range,
        isLet ? "give the inputs it is computed from" : didYouMean(path, scope.inputs.keys()) ?? "tests give values to the fields of `input`"
      )
    );
    return;
  }
  const value = entry.value;
  if (!value) return;
  const type = input.type.kind;
  const shown = value.kind === "Identifier" ? value.name : value.kind === "StringLiteral" ? `"${value.value}"` : value.kind === "PercentLiteral" ? `${value.value}%` : String(value.value);
  const expected = {
    money: "an amount such as `24_000`",
    number: "a number",
    integer: "a whole number",
    percent: "a percent such as `35%`",
    string: 'a string such as `"texto"`',
    boolean: "`true` or `false`",
    date: "a date such as `1990-05-17`",
    enum: `one of ${(input.type.values ?? []).map((v) => `\`${v}\``).join(", ")}`
  };
  const fits = type === "money" || type === "number" ? value.kind === "NumberLiteral" : type === "integer" ? value.kind === "NumberLiteral" && literalValue(value)?.isInteger() === true : type === "percent" ? value.kind === "PercentLiteral" : type === "string" ? value.kind === "StringLiteral" : type === "boolean" ? value.kind === "BooleanLiteral" : type === "date" ? value.kind === "DateLiteral" : value.kind === "Identifier" || value.kind === "StringLiteral";
  if (!fits) {
    accept(error("type-mismatch", `\`${path}\` is \`${type}\`, given \`${shown}\``, value.range, `give ${expected[type] ?? "a value of its type"}`));
    return;
  }
  if (type === "enum") {
    const text = value.kind === "Identifier" ? value.name : value.kind === "StringLiteral" ? value.value : "";
    const values2 = input.type.values ?? [];
    if (!values2.includes(text)) {
      accept(error("unknown-enum-value", `\`${text}\` is not a value of \`${path}\``, value.range, didYouMean(text, values2) ?? `give ${expected.enum}`));
    }
    return;
  }
  const bounds = input.decl.bounds;
  if (!bounds || value.kind !== "NumberLiteral" && value.kind !== "PercentLiteral") return;
  const number = literalValue(value);
  const min2 = literalValue(bounds.min);
  const max2 = literalValue(bounds.max);
  if (!number) return;
  const below = min2 !== void 0 && number.lt(min2);
  const above = max2 !== void 0 && (bounds.maxExclusive ? number.gte(max2) : number.gt(max2));
  if (below || above) {
    const percent = type === "percent";
    accept(
      error(
        "out-of-declared-range",
        `\`${path}\` = ${shown} is outside its declared range ${min2 ? showValue(min2, percent) : ""}..${bounds.maxExclusive ? "<" : ""}${max2 ? showValue(max2, percent) : ""}`,
        value.range,
        "an application like this would be rejected before any rule runs: give a value inside the range"
      )
    );
  }
}

// src/check/check.ts
function analyze(file) {
  const diagnostics = [];
  const product = file.product;
  if (!product) {
    return { diagnostics: [error("missing-product", "the file declares no product", file.range, 'start with `product code "Name" { ... }`')] };
  }
  const fallback = product.code && isPlacedRange(product.code.range) ? product.code.range : product.range;
  const accept = (d) => diagnostics.push(isPlacedRange(d.range) ? d : { ...d, range: fallback });
  const scope = buildScope(product);
  const sections = product.sections;
  const limits = sections.find((s) => s.kind === "LimitsSection");
  const pricing = sections.find((s) => s.kind === "PricingSection");
  checkProduct(product, accept);
  for (const section of sections) if (section.kind === "InputSection") checkInputSection(section, accept);
  checkRequiredInputs(product, new Map([...scope.inputs].map(([name, symbol]) => [name, symbol.decl])), accept);
  for (const section of sections) if (section.kind === "LetDecl") checkLet(section, accept, scope);
  const rules = [];
  for (const section of sections) {
    switch (section.kind) {
      case "LimitsSection":
        checkLimits(section, accept);
        break;
      case "PricingSection":
        checkPricing(section, accept, scope, limits);
        break;
      case "EligibilitySection":
        checkEligibility(section, accept, scope);
        rules.push(...section.rules);
        break;
      case "ScorecardSection":
        checkScorecard(section, accept, scope);
        break;
      case "OfferSection":
        checkOffer(section, accept, scope);
        break;
      case "PenaltiesSection":
        checkPenalties(section, accept, pricing);
        break;
      case "CollectionSection":
        checkCollection(section, accept);
        break;
      case "AllocationDecl":
        checkAllocation(section, accept);
        break;
      case "InputSection":
      case "LetDecl":
      case "FeeDecl":
      case "TestDecl":
      case "PrepaymentDecl":
        break;
    }
  }
  checkFees(sections.filter((s) => s.kind === "FeeDecl"), accept, pricing);
  checkReasonOutcomes(rules, scope.scorecard?.otherwise, accept);
  checkTests(sections.filter((s) => s.kind === "TestDecl"), accept, scope);
  return { diagnostics: sortDiagnostics(diagnostics), scope };
}
function sortDiagnostics(diagnostics) {
  return diagnostics.map((d, i) => [d, i]).sort(([a, i], [b, j]) => a.range.start.offset - b.range.start.offset || i - j).map(([d]) => d);
}
function hasErrors(diagnostics) {
  return diagnostics.some((d) => d.severity === "error");
}

// src/compile/decimal-text.ts
function decimalText(text) {
  const value = new Dec(text.replace(/_/g, "").replace(/^\+/, ""));
  return value.isZero() ? "0" : value.toFixed();
}
function literalText(literal) {
  return decimalText(literal.kind === "PercentLiteral" ? literal.fraction : literal.value);
}
function wholeNumber(literal) {
  return Number(decimalText(literal.value));
}

// src/compile/compile-servicing.ts
function compilePenalties(penalties, pricing) {
  const lateFee = penalties?.lateFee;
  const moratorium = penalties?.moratorium;
  const taxedOn = (target) => pricing.tax?.on.includes(target) ?? false;
  return {
    ...lateFee ? {
      lateFee: {
        amount: lateFee.amount.kind === "PercentLiteral" ? { kind: "percent", rate: literalText(lateFee.amount), of: lateFee.of?.name ?? "overdue" } : { kind: "fixed", value: literalText(lateFee.amount) },
        ...lateFee.min ? { min: literalText(lateFee.min) } : {},
        ...lateFee.max ? { max: literalText(lateFee.max) } : {},
        graceDays: lateFee.graceDays ? wholeNumber(lateFee.graceDays) : 0,
        taxable: lateFee.taxable || taxedOn("penalties")
      }
    } : {},
    ...moratorium ? {
      moratorium: {
        rate: moratorium.rate.kind === "multiple" ? { kind: "multiple", factor: literalText(moratorium.rate.factor) } : { kind: "annual", rate: literalText(moratorium.rate.rate) },
        on: moratorium.on,
        basis: moratorium.basis?.name ?? pricing.basis,
        taxable: moratorium.taxable || taxedOn("moratorium")
      }
    } : {}
  };
}
function compileCollection(collection) {
  return (collection?.steps ?? []).map((step) => {
    const actions = step.actions.map(compileAction);
    if (step.kind === "at") return { kind: "at", day: wholeNumber(step.day), actions };
    const from = wholeNumber(step.from);
    const to = step.to ? wholeNumber(step.to) : void 0;
    return {
      kind: "stage",
      stage: step.stage?.name || `dpd-${from}-${to ?? "plus"}`,
      from,
      ...to !== void 0 ? { to } : {},
      actions
    };
  });
}
function compileAction(action) {
  switch (action.kind) {
    case "notify":
      return { kind: "notify", channel: action.channel.name, template: action.template.value };
    case "queue":
      return { kind: "queue", queue: action.queue.value };
    default:
      return { kind: action.kind };
  }
}
function compileAllocation(allocation) {
  if (!allocation || allocation.components.length === 0) return [...ALLOCATION_COMPONENTS];
  return allocation.components.map((c) => c.name);
}

// src/compile/expression.ts
var OPERATORS = {
  or: "or",
  and: "and",
  "=": "==",
  "!=": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  "+": "+",
  "-": "-",
  "*": "*",
  "/": "/"
};
function toJsonLogic(expr, scope) {
  switch (expr.kind) {
    case "NumberLiteral":
    case "PercentLiteral":
      return { decimal: literalText(expr) };
    case "StringLiteral":
    case "DateLiteral":
    case "BooleanLiteral":
      return expr.value;
    case "ParenExpr":
      return toJsonLogic(expr.inner, scope);
    case "NameRef":
      if (expr.name === "today") return { today: [] };
      return lookup(scope, expr.name) ? { var: expr.name } : expr.name;
    case "UnaryExpr":
      return expr.operator === "not" ? { "!": toJsonLogic(expr.operand, scope) } : { "-": [toJsonLogic(expr.operand, scope)] };
    case "BinaryExpr": {
      const operator2 = OPERATORS[expr.operator];
      if (expr.operator === "and" || expr.operator === "or") {
        return { [operator2]: [...chain(expr.left, expr.operator), ...chain(expr.right, expr.operator)].map((e) => toJsonLogic(e, scope)) };
      }
      return { [operator2]: [toJsonLogic(expr.left, scope), toJsonLogic(expr.right, scope)] };
    }
    case "InExpr":
      return { in: [toJsonLogic(expr.operand, scope), expr.values.map((value) => toJsonLogic(value, scope))] };
    case "PresenceExpr": {
      const missing = { missing: [presencePath(expr.operand)] };
      return expr.present ? { "!": missing } : { "!!": missing };
    }
    case "IfExpr":
      return { if: [toJsonLogic(expr.condition, scope), toJsonLogic(expr.then, scope), toJsonLogic(expr.otherwise, scope)] };
    case "CallExpr":
      return { [expr.callee.name]: expr.args.map((arg) => toJsonLogic(arg, scope)) };
    case "ErrorExpr":
      throw new Error("internal: compiling an expression with a syntax error (the checker should have refused it)");
  }
}
function chain(expr, operator2) {
  let inner = expr;
  while (inner.kind === "ParenExpr") inner = inner.inner;
  if (inner.kind === "BinaryExpr" && inner.operator === operator2) return [...chain(inner.left, operator2), ...chain(inner.right, operator2)];
  return [expr];
}
function presencePath(operand) {
  let inner = operand;
  while (inner.kind === "ParenExpr") inner = inner.inner;
  if (inner.kind !== "NameRef") throw new Error("internal: presence test on an expression (the checker should have refused it)");
  return inner.name;
}

// src/compile/compile-decision.ts
function compileRule(rule, scope) {
  const condition = toJsonLogic(rule.condition, scope);
  return {
    outcome: rule.outcome,
    reason: rule.reason.value,
    ...rule.message ? { message: rule.message.value } : {},
    when: rule.negated ? { "!": condition } : condition
  };
}
function compileScorecard(section) {
  const otherwise = section.otherwise;
  return {
    base: section.base ? literalText(section.base) : "0",
    characteristics: section.characteristics.map(compileCharacteristic),
    bands: section.bands.map((band) => ({ name: band.name.name, minScore: literalText(band.minScore) })),
    ...otherwise ? { otherwise: { outcome: otherwise.outcome, reason: otherwise.reason.value, ...otherwise.message ? { message: otherwise.message.value } : {} } } : {}
  };
}
function compileCharacteristic(characteristic) {
  const name = characteristic.name.name;
  return {
    name,
    ...characteristic.label ? { label: characteristic.label.value } : {},
    expr: { var: name },
    bins: characteristic.bins.map((bin, i) => ({
      id: `${name}#${i}`,
      match: compileBinMatch(bin),
      points: decimalText(bin.points.value),
      ...bin.reason ? { reason: bin.reason.value } : {}
    }))
  };
}
function compileBinMatch(bin) {
  const match = bin.match;
  switch (match.kind) {
    case "missing":
    case "otherwise":
      return { kind: match.kind };
    case "range":
      return {
        kind: "range",
        ...match.value.min ? { min: literalText(match.value.min) } : {},
        ...match.value.max ? { max: literalText(match.value.max) } : {},
        ...match.value.max && match.value.maxExclusive ? { maxExclusive: true } : {}
      };
    case "values":
      return {
        kind: "values",
        values: match.values.map((v) => v.kind === "BooleanLiteral" ? v.value : v.kind === "StringLiteral" ? v.value : v.name)
      };
  }
}
function compileOffer(offer, scope) {
  const caps = (offer?.caps ?? []).map((cap) => {
    switch (cap.kind) {
      case "installment":
        return { kind: "max-installment", expr: toJsonLogic(cap.value, scope) };
      case "amount":
        return { kind: "max-amount", expr: toJsonLogic(cap.value, scope) };
      case "amount-by-band":
        return { kind: "max-amount-by-band", values: Object.fromEntries(cap.entries.map((e) => [e.band.name, literalText(e.amount)])) };
    }
  });
  return { caps, counteroffer: offer?.counteroffer ?? true };
}

// src/compile/compile-inputs.ts
function compileInputs(scope) {
  return [...scope.inputs.values()].map(({ decl }) => compileInputField(decl));
}
function compileInputField(decl) {
  const bounds = decl.bounds;
  return {
    path: decl.name.name,
    type: decl.type,
    optional: decl.optional,
    ...decl.type === "enum" ? { values: decl.enumValues.map((v) => v.name) } : {},
    ...bounds?.min ? { min: literalText(bounds.min) } : {},
    ...bounds?.max ? { max: literalText(bounds.max) } : {},
    ...bounds?.max && bounds.maxExclusive ? { maxExclusive: true } : {},
    ...decl.doc ? { doc: decl.doc } : {}
  };
}
function compileDerived(scope) {
  return [...scope.lets.values()].map((symbol) => ({
    name: symbol.name,
    type: valueType(symbol.type),
    expr: toJsonLogic(symbol.decl.value, scope),
    ...symbol.decl.doc ? { doc: symbol.decl.doc } : {}
  }));
}
function valueType(type) {
  if (type.kind === "literal") return type.integral ? "integer" : "number";
  if (type.kind === "unknown") throw new Error("internal: compiling an expression of unknown type");
  return type.kind;
}

// src/compile/compile-pricing.ts
var DEFAULT_AMOUNT_STEP = "1";
function compileLimits(limits) {
  const amount = limits.amount;
  return {
    amount: {
      min: literalText(amount.range.min),
      max: literalText(amount.range.max),
      step: amount.step ? literalText(amount.step) : DEFAULT_AMOUNT_STEP
    },
    terms: limits.terms.map((term) => ({ frequency: compileFrequency(term.frequency), payments: integerRange(term.payments) })),
    ...limits.firstPayment ? { firstPaymentDays: integerRange(limits.firstPayment.days) } : {}
  };
}
function compileFrequency(frequency) {
  return frequency.kind === "every" ? { everyDays: wholeNumber(frequency.days) } : frequency.kind;
}
function integerRange(range) {
  const max2 = Number(literalText(range.max));
  return { min: Number(literalText(range.min)), max: range.maxExclusive ? max2 - 1 : max2 };
}
function compilePricing(pricing) {
  const grace = { principal: 0, interest: 0 };
  for (const g of pricing.grace) grace[g.what] = wholeNumber(g.count);
  const tax = pricing.iva ? {
    rate: literalText(pricing.iva.rate),
    // Canonical order, so `on fees, interest` and `on interest, fees` hash alike.
    on: TAX_TARGETS.filter((target) => pricing.iva.on.some((id) => id.name === target))
  } : void 0;
  return {
    method: pricing.method.name,
    basis: pricing.basis?.name ?? "period",
    rate: compileRate(pricing.rate),
    ...tax ? { tax } : {},
    rounding: {
      decimals: pricing.rounding ? wholeNumber(pricing.rounding.decimals) : 2,
      mode: pricing.rounding?.mode?.name ?? "half-even",
      ...pricing.rounding?.multiple ? { installmentMultipleOf: literalText(pricing.rounding.multiple) } : {}
    },
    installmentIncludesTax: pricing.installmentIncludesIva,
    grace,
    businessDays: pricing.businessDays?.name ?? "none"
  };
}
function compileRate(rate) {
  if (rate.kind === "FixedRate") return { kind: "fixed", rate: literalText(rate.rate) };
  return {
    kind: "table",
    keys: rate.keys.map((key) => key.name),
    rows: rate.rows.map((row) => ({
      cells: row.cells.map((cell) => cell.kind === "Identifier" ? { band: cell.name } : rangeCell(cell)),
      rate: literalText(row.rate)
    }))
  };
}
function rangeCell(range) {
  return {
    ...range.min ? { min: literalText(range.min) } : {},
    ...range.max ? { max: literalText(range.max) } : {},
    ...range.max && range.maxExclusive ? { maxExclusive: true } : {}
  };
}
function compileFee(fee, pricing) {
  return {
    name: fee.name.name,
    amount: fee.amount.kind === "PercentLiteral" ? { kind: "percent", rate: literalText(fee.amount), of: fee.of?.name ?? "amount" } : { kind: "fixed", value: literalText(fee.amount) },
    ...fee.min ? { min: literalText(fee.min) } : {},
    ...fee.max ? { max: literalText(fee.max) } : {},
    timing: fee.timing?.value ?? "upfront",
    taxable: fee.taxable ?? pricing.tax?.on.includes("fees") ?? false,
    inCat: true,
    ...fee.doc ? { doc: fee.doc } : {}
  };
}

// src/compile/compile-tests.ts
function compileTest(test) {
  return {
    name: test.name.value,
    given: Object.fromEntries(test.given.map((entry) => [entry.field.name, givenValue2(entry)])),
    ...test.today ? { asOf: test.today.value } : {},
    ...test.disburse ? { disburseOn: test.disburse.value } : {},
    payments: test.payments.map((p) => ({ date: p.on.value, amount: literalText(p.amount) })),
    expect: test.expects.flatMap(compileExpectation)
  };
}
function givenValue2(entry) {
  const value = entry.value;
  switch (value.kind) {
    case "NumberLiteral":
    case "PercentLiteral":
      return literalText(value);
    case "Identifier":
      return value.name;
    default:
      return value.value;
  }
}
function compileExpectation(node) {
  switch (node.kind) {
    case "outcome":
      return node.reasons.length === 0 ? [{ kind: "outcome", outcome: node.outcome }] : [
        { kind: "outcome", outcome: node.outcome },
        { kind: "reasons", reasons: node.reasons.map((r2) => r2.value) }
      ];
    case "band":
      return [{ kind: "band", band: node.band.name }];
    case "score":
      return [{ kind: "score", score: literalText(node.value) }];
    case "offer":
      return [{ kind: "offer-amount", amount: literalText(node.value) }];
    case "counteroffer":
    case "installment":
    case "total":
      return [{ kind: node.kind, amount: literalText(node.value) }];
    case "rate":
      return [{ kind: "rate", rate: literalText(node.value) }];
    case "cat":
      return [{ kind: "cat", cat: decimalText(node.value.value) }];
    case "state":
      return [
        {
          kind: "state",
          on: node.on.value,
          ...node.dpd ? { dpd: wholeNumber(node.dpd) } : {},
          ...node.stage ? { stage: node.stage.name } : {},
          ...node.outstanding ? { outstanding: literalText(node.outstanding) } : {},
          ...node.lateFees ? { lateFees: literalText(node.lateFees) } : {},
          ...node.moratorium ? { moratorium: literalText(node.moratorium) } : {}
        }
      ];
  }
}

// src/compile/compile.ts
function compile(file, options = {}) {
  const analysis = analyze(file);
  const diagnostics = [...options.parseDiagnostics ?? [], ...analysis.diagnostics];
  if (hasErrors(diagnostics) || !file.product || !analysis.scope) return { diagnostics };
  return { ir: toProductIR(file, analysis.scope), diagnostics };
}
function toProductIR(file, scope) {
  const product = file.product;
  const sections = product.sections;
  const first2 = (kind) => sections.find((s) => s.kind === kind);
  const all = (kind) => sections.filter((s) => s.kind === kind);
  const pricing = compilePricing(first2("PricingSection"));
  const scorecard = first2("ScorecardSection");
  return withProductHash({
    irVersion: IR_VERSION,
    code: product.code.name,
    name: product.name?.value ?? product.code.name,
    currency: product.currency.name,
    ...product.description ? { description: product.description.value } : {},
    kind: product.productKind?.name || "consumer",
    inputs: compileInputs(scope),
    derived: compileDerived(scope),
    limits: compileLimits(first2("LimitsSection")),
    pricing,
    fees: all("FeeDecl").map((fee) => compileFee(fee, pricing)),
    eligibility: all("EligibilitySection").flatMap((s) => s.rules.map((rule) => compileRule(rule, scope))),
    ...scorecard ? { scorecard: compileScorecard(scorecard) } : {},
    offer: compileOffer(first2("OfferSection"), scope),
    penalties: compilePenalties(first2("PenaltiesSection"), pricing),
    collection: compileCollection(first2("CollectionSection")),
    allocation: compileAllocation(first2("AllocationDecl")),
    prepayment: first2("PrepaymentDecl")?.policy ?? "reduce-term",
    tests: all("TestDecl").map(compileTest)
  });
}

// test/texts.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var here = dirname(fileURLToPath(import.meta.url));
function plazoFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".plazo")).sort().map((f) => ({ name: join(dir, f), text: readFileSync(join(dir, f), "utf8") }));
}
function exampleProducts() {
  return plazoFiles(join(here, "../../examples"));
}
function testProducts() {
  return plazoFiles(join(here, "products"));
}
function readmeProducts() {
  const readme = readFileSync(join(here, "../README.md"), "utf8");
  const blocks = [...readme.matchAll(/```plazo\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.map((text, i) => ({ name: `README block ${i + 1}`, text })).filter((b) => /^\s*(\/\/\/.*\n)*\s*product\s/.test(b.text) && !b.text.includes("..."));
}
function allProducts() {
  return [...exampleProducts(), ...testProducts(), ...readmeProducts()];
}

// bench/large-product.ts
function largeProduct(lines = 5e3) {
  const scale = Math.max(1, Math.round(lines / 12.6));
  const fields = 2 * scale;
  const out2 = ["/// Producto generado para medir el compilador", 'product generado "Producto generado" {', "  currency MXN", "", "  input {"];
  for (let i = 0; i < fields; i++) out2.push(`    applicant.x${i}: integer 0..1_000 optional       // campo ${i}`);
  out2.push("    applicant.income: money", "    request.amount: money", "    request.payments: integer", "  }", "");
  for (let i = 0; i < scale; i++) out2.push(`  let d${i} = if applicant.x${i} is present then applicant.x${i} * 2 + 1 else 0`);
  out2.push("", "  limits {", "    amount 1_000..50_000 step 500", "    payments 6..24 semimonthly", "  }", "");
  out2.push("  pricing {", "    method french", "    basis period", "    rate by band { A: 36%, B: 48% }", "    iva 16% on interest, fees", "    rounding 2 half-even", "  }", "");
  out2.push("  fee apertura 2% of amount min 100 financed iva", "", "  eligibility {");
  for (let i = 0; i < 2 * scale; i++) out2.push(`    decline "R${i}" when applicant.x${i} is present and applicant.x${i} > 990 message "Regla ${i}"`);
  out2.push("  }", "", "  scorecard {", "    base 600");
  for (let i = 0; i < scale; i++) {
    out2.push(`    characteristic applicant.x${i} {`, "      missing -> 0", '      ..249 -> -10 reason "BAJO"', "      250..499 -> 0", "      500..749 -> +10", "      750.. -> +20", "    }");
  }
  out2.push("    band A when score >= 600", "    band B when score >= 0", '    otherwise decline "SCORE"', "  }", "");
  out2.push("  offer {", "    installment <= applicant.income * 30%", "    amount <= by band { A: 50_000, B: 20_000 }", "  }", "");
  out2.push("  penalties {", "    moratorium 1.5x ordinary on overdue principal iva", "  }", "");
  out2.push("  allocation penalties, moratorium, iva, interest, fees, principal", "  prepayment reduce term", "");
  for (let i = 0; i < Math.round(scale / 8); i++) {
    out2.push(`  test "caso ${i}" {`, `    given applicant.x0 = ${i}, applicant.income = 20_000, request.amount = 10_000, request.payments = 12`, "    expect approve", "  }");
  }
  out2.push("}", "");
  return out2.join("\n");
}

// bench/equiv-tmp.ts
import { readFileSync as readFileSync2 } from "node:fs";
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var EXTRA = ["{", "}", "(", ")", ",", ":", "..", "..<", "->", "-", "+", "=", ">=", '"', '"abc', "%", "@", "///", "\n", "product", "missing", "0", "1.5x", "2025-13-40", "not", "in", "is", "if", "then", "else", "band", "by"];
function mutate(text, r2) {
  const tokens2 = lex(text).tokens;
  if (tokens2.length < 2) return text + EXTRA[Math.floor(r2() * EXTRA.length)];
  const pick = () => tokens2[Math.floor(r2() * tokens2.length)];
  const span = (t) => [t.startOffset, t.startOffset + t.image.length];
  const c = r2();
  if (c < 0.4) {
    const [s, e] = span(pick());
    return text.slice(0, s) + text.slice(e);
  }
  if (c < 0.75) {
    const [s] = span(pick());
    const ins = r2() < 0.5 ? pick().image : EXTRA[Math.floor(r2() * EXTRA.length)];
    return `${text.slice(0, s)}${ins} ${text.slice(s)}`;
  }
  const i = Math.floor(r2() * (tokens2.length - 1));
  const [as, ae] = span(tokens2[i]);
  const [bs, be] = span(tokens2[i + 1]);
  return text.slice(0, as) + text.slice(bs, be) + text.slice(ae, bs) + text.slice(as, ae) + text.slice(be);
}
function require_fixture() {
  return readFileSync2(new URL("../test/fixtures/full-product.plazo", import.meta.url), "utf8");
}
var texts = [];
var r = prng(12345);
for (const p of [...allProducts(), { name: "fixture", text: require_fixture() }]) {
  texts.push(p.text);
  for (let i = 0; i < Number(process.env.N ?? 300); i++) {
    let t = p.text;
    const k = 1 + Math.floor(r() * 4);
    for (let j = 0; j < k; j++) t = mutate(t, r);
    texts.push(t);
  }
}
texts.push(largeProduct(5e3));
var out = [];
for (const text of texts) {
  const p = parse(text);
  const c = compile(p.file, { parseDiagnostics: p.diagnostics });
  let f;
  try {
    f = format(text);
  } catch (e) {
    f = String(e);
  }
  out.push(JSON.stringify({ file: p.file, d: p.diagnostics, comments: p.comments, c, f }));
}
writeFileSync(process.argv[2], out.join("\n"));
console.log("texts", texts.length);
/*! Bundled license information:

decimal.js/decimal.mjs:
  (*!
   *  decimal.js v10.6.0
   *  An arbitrary-precision Decimal type for JavaScript.
   *  https://github.com/MikeMcl/decimal.js
   *  Copyright (c) 2025 Michael Mclaughlin <M8ch88l@gmail.com>
   *  MIT Licence
   *)

lodash-es/lodash.js:
  (**
   * @license
   * Lodash (Custom Build) <https://lodash.com/>
   * Build: `lodash modularize exports="es" -o ./`
   * Copyright OpenJS Foundation and other contributors <https://openjsf.org/>
   * Released under MIT license <https://lodash.com/license>
   * Based on Underscore.js 1.8.3 <http://underscorejs.org/LICENSE>
   * Copyright Jeremy Ashkenas, DocumentCloud and Investigative Reporters & Editors
   *)
*/
