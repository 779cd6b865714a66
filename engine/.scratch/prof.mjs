var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod2) => function __require() {
  try {
    return mod2 || (0, cb[__getOwnPropNames(cb)[0]])((mod2 = { exports: {} }).exports, mod2), mod2.exports;
  } catch (e) {
    throw mod2 = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod2, isNodeMode, target) => (target = mod2 != null ? __create(__getProtoOf(mod2)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod2 || !mod2.__esModule ? __defProp(target, "default", { value: mod2, enumerable: true }) : target,
  mod2
));

// ../node_modules/.pnpm/json-logic-js@2.0.5/node_modules/json-logic-js/logic.js
var require_logic = __commonJS({
  "../node_modules/.pnpm/json-logic-js@2.0.5/node_modules/json-logic-js/logic.js"(exports, module) {
    (function(root, factory) {
      if (typeof define === "function" && define.amd) {
        define(factory);
      } else if (typeof exports === "object") {
        module.exports = factory();
      } else {
        root.jsonLogic = factory();
      }
    })(exports, function() {
      "use strict";
      if (!Array.isArray) {
        Array.isArray = function(arg) {
          return Object.prototype.toString.call(arg) === "[object Array]";
        };
      }
      function arrayUnique(array) {
        var a = [];
        for (var i = 0, l = array.length; i < l; i++) {
          if (a.indexOf(array[i]) === -1) {
            a.push(array[i]);
          }
        }
        return a;
      }
      var jsonLogic2 = {};
      var operations = {
        "==": function(a, b) {
          return a == b;
        },
        "===": function(a, b) {
          return a === b;
        },
        "!=": function(a, b) {
          return a != b;
        },
        "!==": function(a, b) {
          return a !== b;
        },
        ">": function(a, b) {
          return a > b;
        },
        ">=": function(a, b) {
          return a >= b;
        },
        "<": function(a, b, c) {
          return c === void 0 ? a < b : a < b && b < c;
        },
        "<=": function(a, b, c) {
          return c === void 0 ? a <= b : a <= b && b <= c;
        },
        "!!": function(a) {
          return jsonLogic2.truthy(a);
        },
        "!": function(a) {
          return !jsonLogic2.truthy(a);
        },
        "%": function(a, b) {
          return a % b;
        },
        "log": function(a) {
          console.log(a);
          return a;
        },
        "in": function(a, b) {
          if (!b || typeof b.indexOf === "undefined") return false;
          return b.indexOf(a) !== -1;
        },
        "cat": function() {
          return Array.prototype.join.call(arguments, "");
        },
        "substr": function(source, start, end) {
          if (end < 0) {
            var temp = String(source).substr(start);
            return temp.substr(0, temp.length + end);
          }
          return String(source).substr(start, end);
        },
        "+": function() {
          return Array.prototype.reduce.call(arguments, function(a, b) {
            return parseFloat(a, 10) + parseFloat(b, 10);
          }, 0);
        },
        "*": function() {
          return Array.prototype.reduce.call(arguments, function(a, b) {
            return parseFloat(a, 10) * parseFloat(b, 10);
          });
        },
        "-": function(a, b) {
          if (b === void 0) {
            return -a;
          } else {
            return a - b;
          }
        },
        "/": function(a, b) {
          return a / b;
        },
        "min": function() {
          return Math.min.apply(this, arguments);
        },
        "max": function() {
          return Math.max.apply(this, arguments);
        },
        "merge": function() {
          return Array.prototype.reduce.call(arguments, function(a, b) {
            return a.concat(b);
          }, []);
        },
        "var": function(a, b) {
          var not_found = b === void 0 ? null : b;
          var data = this;
          if (typeof a === "undefined" || a === "" || a === null) {
            return data;
          }
          var sub_props = String(a).split(".");
          for (var i = 0; i < sub_props.length; i++) {
            if (data === null || data === void 0) {
              return not_found;
            }
            data = data[sub_props[i]];
            if (data === void 0) {
              return not_found;
            }
          }
          return data;
        },
        "missing": function() {
          var missing = [];
          var keys = Array.isArray(arguments[0]) ? arguments[0] : arguments;
          for (var i = 0; i < keys.length; i++) {
            var key = keys[i];
            var value = jsonLogic2.apply({ "var": key }, this);
            if (value === null || value === "") {
              missing.push(key);
            }
          }
          return missing;
        },
        "missing_some": function(need_count, options) {
          var are_missing = jsonLogic2.apply({ "missing": options }, this);
          if (options.length - are_missing.length >= need_count) {
            return [];
          } else {
            return are_missing;
          }
        }
      };
      jsonLogic2.is_logic = function(logic) {
        return typeof logic === "object" && // An object
        logic !== null && // but not null
        !Array.isArray(logic) && // and not an array
        Object.keys(logic).length === 1;
      };
      jsonLogic2.truthy = function(value) {
        if (Array.isArray(value) && value.length === 0) {
          return false;
        }
        return !!value;
      };
      jsonLogic2.get_operator = function(logic) {
        return Object.keys(logic)[0];
      };
      jsonLogic2.get_values = function(logic) {
        return logic[jsonLogic2.get_operator(logic)];
      };
      jsonLogic2.apply = function(logic, data) {
        if (Array.isArray(logic)) {
          return logic.map(function(l) {
            return jsonLogic2.apply(l, data);
          });
        }
        if (!jsonLogic2.is_logic(logic)) {
          return logic;
        }
        var op = jsonLogic2.get_operator(logic);
        var values = logic[op];
        var i;
        var current;
        var scopedLogic;
        var scopedData;
        var initial;
        if (!Array.isArray(values)) {
          values = [values];
        }
        if (op === "if" || op == "?:") {
          for (i = 0; i < values.length - 1; i += 2) {
            if (jsonLogic2.truthy(jsonLogic2.apply(values[i], data))) {
              return jsonLogic2.apply(values[i + 1], data);
            }
          }
          if (values.length === i + 1) {
            return jsonLogic2.apply(values[i], data);
          }
          return null;
        } else if (op === "and") {
          for (i = 0; i < values.length; i += 1) {
            current = jsonLogic2.apply(values[i], data);
            if (!jsonLogic2.truthy(current)) {
              return current;
            }
          }
          return current;
        } else if (op === "or") {
          for (i = 0; i < values.length; i += 1) {
            current = jsonLogic2.apply(values[i], data);
            if (jsonLogic2.truthy(current)) {
              return current;
            }
          }
          return current;
        } else if (op === "filter") {
          scopedData = jsonLogic2.apply(values[0], data);
          scopedLogic = values[1];
          if (!Array.isArray(scopedData)) {
            return [];
          }
          return scopedData.filter(function(datum) {
            return jsonLogic2.truthy(jsonLogic2.apply(scopedLogic, datum));
          });
        } else if (op === "map") {
          scopedData = jsonLogic2.apply(values[0], data);
          scopedLogic = values[1];
          if (!Array.isArray(scopedData)) {
            return [];
          }
          return scopedData.map(function(datum) {
            return jsonLogic2.apply(scopedLogic, datum);
          });
        } else if (op === "reduce") {
          scopedData = jsonLogic2.apply(values[0], data);
          scopedLogic = values[1];
          initial = typeof values[2] !== "undefined" ? jsonLogic2.apply(values[2], data) : null;
          if (!Array.isArray(scopedData)) {
            return initial;
          }
          return scopedData.reduce(
            function(accumulator, current2) {
              return jsonLogic2.apply(
                scopedLogic,
                { current: current2, accumulator }
              );
            },
            initial
          );
        } else if (op === "all") {
          scopedData = jsonLogic2.apply(values[0], data);
          scopedLogic = values[1];
          if (!Array.isArray(scopedData) || !scopedData.length) {
            return false;
          }
          for (i = 0; i < scopedData.length; i += 1) {
            if (!jsonLogic2.truthy(jsonLogic2.apply(scopedLogic, scopedData[i]))) {
              return false;
            }
          }
          return true;
        } else if (op === "none") {
          scopedData = jsonLogic2.apply(values[0], data);
          scopedLogic = values[1];
          if (!Array.isArray(scopedData) || !scopedData.length) {
            return true;
          }
          for (i = 0; i < scopedData.length; i += 1) {
            if (jsonLogic2.truthy(jsonLogic2.apply(scopedLogic, scopedData[i]))) {
              return false;
            }
          }
          return true;
        } else if (op === "some") {
          scopedData = jsonLogic2.apply(values[0], data);
          scopedLogic = values[1];
          if (!Array.isArray(scopedData) || !scopedData.length) {
            return false;
          }
          for (i = 0; i < scopedData.length; i += 1) {
            if (jsonLogic2.truthy(jsonLogic2.apply(scopedLogic, scopedData[i]))) {
              return true;
            }
          }
          return false;
        }
        values = values.map(function(val) {
          return jsonLogic2.apply(val, data);
        });
        if (operations.hasOwnProperty(op) && typeof operations[op] === "function") {
          return operations[op].apply(data, values);
        } else if (op.indexOf(".") > 0) {
          var sub_ops = String(op).split(".");
          var operation = operations;
          for (i = 0; i < sub_ops.length; i++) {
            if (!operation.hasOwnProperty(sub_ops[i])) {
              throw new Error("Unrecognized operation " + op + " (failed at " + sub_ops.slice(0, i + 1).join(".") + ")");
            }
            operation = operation[sub_ops[i]];
          }
          return operation.apply(data, values);
        }
        throw new Error("Unrecognized operation " + op);
      };
      jsonLogic2.uses_data = function(logic) {
        var collection = [];
        if (jsonLogic2.is_logic(logic)) {
          var op = jsonLogic2.get_operator(logic);
          var values = logic[op];
          if (!Array.isArray(values)) {
            values = [values];
          }
          if (op === "var") {
            collection.push(values[0]);
          } else {
            values.forEach(function(val) {
              collection.push.apply(collection, jsonLogic2.uses_data(val));
            });
          }
        }
        return arrayUnique(collection);
      };
      jsonLogic2.add_operation = function(name, code) {
        operations[name] = code;
      };
      jsonLogic2.rm_operation = function(name) {
        delete operations[name];
      };
      jsonLogic2.rule_like = function(rule, pattern) {
        if (pattern === rule) {
          return true;
        }
        if (pattern === "@") {
          return true;
        }
        if (pattern === "number") {
          return typeof rule === "number";
        }
        if (pattern === "string") {
          return typeof rule === "string";
        }
        if (pattern === "array") {
          return Array.isArray(rule) && !jsonLogic2.is_logic(rule);
        }
        if (jsonLogic2.is_logic(pattern)) {
          if (jsonLogic2.is_logic(rule)) {
            var pattern_op = jsonLogic2.get_operator(pattern);
            var rule_op = jsonLogic2.get_operator(rule);
            if (pattern_op === "@" || pattern_op === rule_op) {
              return jsonLogic2.rule_like(
                jsonLogic2.get_values(rule, false),
                jsonLogic2.get_values(pattern, false)
              );
            }
          }
          return false;
        }
        if (Array.isArray(pattern)) {
          if (Array.isArray(rule)) {
            if (pattern.length !== rule.length) {
              return false;
            }
            for (var i = 0; i < pattern.length; i += 1) {
              if (!jsonLogic2.rule_like(rule[i], pattern[i])) {
                return false;
              }
            }
            return true;
          } else {
            return false;
          }
        }
        return false;
      };
      return jsonLogic2;
    });
  }
});

// bench/expressions.bench.ts
var import_json_logic_js = __toESM(require_logic(), 1);

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
  var w, d3 = this.d, n2 = NaN;
  if (d3) {
    w = d3.length - 1;
    n2 = (w - mathfloor(this.e / LOG_BASE)) * LOG_BASE;
    w = d3[w];
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
  var isBase10, d3, denominator, k, inf, num, sd, r, arg = this, Ctor = arg.constructor, pr = Ctor.precision, rm = Ctor.rounding, guard = 5;
  if (base == null) {
    base = new Ctor(10);
    isBase10 = true;
  } else {
    base = new Ctor(base);
    d3 = base.d;
    if (base.s < 0 || !d3 || !d3[0] || base.eq(1)) return new Ctor(NaN);
    isBase10 = base.eq(10);
  }
  d3 = arg.d;
  if (arg.s < 0 || !d3 || !d3[0] || arg.eq(1)) {
    return new Ctor(d3 && !d3[0] ? -1 / 0 : arg.s != 1 ? NaN : d3 ? 0 : 1 / 0);
  }
  if (isBase10) {
    if (d3.length > 1) {
      inf = true;
    } else {
      for (k = d3[0]; k % 10 === 0; ) k /= 10;
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
  var d3, e, i, j, k, len, pr, rm, xd, xe, xLTy, yd, x = this, Ctor = x.constructor;
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
      d3 = xd;
      k = -k;
      len = yd.length;
    } else {
      d3 = yd;
      e = xe;
      len = xd.length;
    }
    i = Math.max(Math.ceil(pr / LOG_BASE), len) + 2;
    if (k > i) {
      k = i;
      d3.length = 1;
    }
    d3.reverse();
    for (i = k; i--; ) d3.push(0);
    d3.reverse();
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
    d3 = xd;
    xd = yd;
    yd = d3;
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
  var carry, d3, e, i, k, len, pr, rm, xd, yd, x = this, Ctor = x.constructor;
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
      d3 = xd;
      i = -i;
      len = yd.length;
    } else {
      d3 = yd;
      e = k;
      len = xd.length;
    }
    k = Math.ceil(pr / LOG_BASE);
    len = k > len ? k + 1 : len + 1;
    if (i > len) {
      i = len;
      d3.length = 1;
    }
    d3.reverse();
    for (; i--; ) d3.push(0);
    d3.reverse();
  }
  len = xd.length;
  i = yd.length;
  if (len - i < 0) {
    i = len;
    d3 = yd;
    yd = xd;
    xd = d3;
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
  var m, n2, sd, r, rep, t, x = this, d3 = x.d, e = x.e, s = x.s, Ctor = x.constructor;
  if (s !== 1 || !d3 || !d3[0]) {
    return new Ctor(!s || s < 0 && (!d3 || d3[0]) ? NaN : d3 ? x : 1 / 0);
  }
  external = false;
  s = Math.sqrt(+x);
  if (s == 0 || s == 1 / 0) {
    n2 = digitsToString(d3);
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
  var d3, d0, d1, d22, e, k, n2, n0, n1, pr, q, r, x = this, xd = x.d, Ctor = x.constructor;
  if (!xd) return new Ctor(x);
  n1 = d0 = new Ctor(1);
  d1 = n0 = new Ctor(0);
  d3 = new Ctor(d1);
  e = d3.e = getPrecision(xd) - x.e - 1;
  k = e % LOG_BASE;
  d3.d[0] = mathpow(10, k < 0 ? LOG_BASE + k : k);
  if (maxD == null) {
    maxD = e > 0 ? d3 : n1;
  } else {
    n2 = new Ctor(maxD);
    if (!n2.isInt() || n2.lt(n1)) throw Error(invalidArgument + n2);
    maxD = n2.gt(d3) ? e > 0 ? d3 : n1 : n2;
  }
  external = false;
  n2 = new Ctor(digitsToString(xd));
  pr = Ctor.precision;
  Ctor.precision = e = xd.length * LOG_BASE * 2;
  for (; ; ) {
    q = divide(n2, d3, 0, 1, 1);
    d22 = d0.plus(q.times(d1));
    if (d22.cmp(maxD) == 1) break;
    d0 = d1;
    d1 = d22;
    d22 = n1;
    n1 = n0.plus(q.times(d22));
    n0 = d22;
    d22 = d3;
    d3 = n2.minus(q.times(d22));
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
function digitsToString(d3) {
  var i, k, ws, indexOfLastWord = d3.length - 1, str = "", w = d3[0];
  if (indexOfLastWord > 0) {
    str += w;
    for (i = 1; i < indexOfLastWord; i++) {
      ws = d3[i] + "";
      k = LOG_BASE - ws.length;
      if (k) str += getZeroString(k);
      str += ws;
    }
    w = d3[i];
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
function checkRoundingDigits(d3, i, rm, repeating) {
  var di, k, r, rd;
  for (k = d3[0]; k >= 10; k /= 10) --i;
  if (--i < 0) {
    i += LOG_BASE;
    di = 0;
  } else {
    di = Math.ceil((i + 1) / LOG_BASE);
    i %= LOG_BASE;
  }
  k = mathpow(10, LOG_BASE - i);
  rd = d3[di] % k | 0;
  if (repeating == null) {
    if (i < 3) {
      if (i == 0) rd = rd / 100 | 0;
      else if (i == 1) rd = rd / 10 | 0;
      r = rm < 4 && rd == 99999 || rm > 3 && rd == 49999 || rd == 5e4 || rd == 0;
    } else {
      r = (rm < 4 && rd + 1 == k || rm > 3 && rd + 1 == k / 2) && (d3[di + 1] / k / 100 | 0) == mathpow(10, i - 2) - 1 || (rd == k / 2 || rd == 0) && (d3[di + 1] / k / 100 | 0) == 0;
    }
  } else {
    if (i < 4) {
      if (i == 0) rd = rd / 1e3 | 0;
      else if (i == 1) rd = rd / 100 | 0;
      else if (i == 2) rd = rd / 10 | 0;
      r = (repeating || rm < 4) && rd == 9999 || !repeating && rm > 3 && rd == 4999;
    } else {
      r = ((repeating || rm < 4) && rd + 1 == k || !repeating && rm > 3 && rd + 1 == k / 2) && (d3[di + 1] / k / 1e3 | 0) == mathpow(10, i - 3) - 1;
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
  function compare2(a, b, aL, bL) {
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
          cmp = compare2(yd, rem, yL, remL);
          if (cmp < 0) {
            rem0 = rem[0];
            if (yL != remL) rem0 = rem0 * base + (rem[1] || 0);
            k = rem0 / yd0 | 0;
            if (k > 1) {
              if (k >= base) k = base - 1;
              prod = multiplyInteger(yd, k, base);
              prodL = prod.length;
              remL = rem.length;
              cmp = compare2(prod, rem, prodL, remL);
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
              cmp = compare2(yd, rem, yL, remL);
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
  var i, p, v3, useDefaults = obj.defaults === true, ps = [
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
    if ((v3 = obj[p]) !== void 0) {
      if (mathfloor(v3) === v3 && v3 >= ps[i + 1] && v3 <= ps[i + 2]) this[p] = v3;
      else throw Error(invalidArgument + p + ": " + v3);
    }
  }
  if (p = "crypto", useDefaults) this[p] = DEFAULTS[p];
  if ((v3 = obj[p]) !== void 0) {
    if (v3 === true || v3 === false || v3 === 0 || v3 === 1) {
      if (v3) {
        if (typeof crypto != "undefined" && crypto && (crypto.getRandomValues || crypto.randomBytes)) {
          this[p] = true;
        } else {
          throw Error(cryptoUnavailable);
        }
      } else {
        this[p] = false;
      }
    } else {
      throw Error(invalidArgument + p + ": " + v3);
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
  function Decimal2(v3) {
    var e, i2, t, x = this;
    if (!(x instanceof Decimal2)) return new Decimal2(v3);
    x.constructor = Decimal2;
    if (isDecimalInstance(v3)) {
      x.s = v3.s;
      if (external) {
        if (!v3.d || v3.e > Decimal2.maxE) {
          x.e = NaN;
          x.d = null;
        } else if (v3.e < Decimal2.minE) {
          x.e = 0;
          x.d = [0];
        } else {
          x.e = v3.e;
          x.d = v3.d.slice();
        }
      } else {
        x.e = v3.e;
        x.d = v3.d ? v3.d.slice() : v3.d;
      }
      return;
    }
    t = typeof v3;
    if (t === "number") {
      if (v3 === 0) {
        x.s = 1 / v3 < 0 ? -1 : 1;
        x.e = 0;
        x.d = [0];
        return;
      }
      if (v3 < 0) {
        v3 = -v3;
        x.s = -1;
      } else {
        x.s = 1;
      }
      if (v3 === ~~v3 && v3 < 1e7) {
        for (e = 0, i2 = v3; i2 >= 10; i2 /= 10) e++;
        if (external) {
          if (e > Decimal2.maxE) {
            x.e = NaN;
            x.d = null;
          } else if (e < Decimal2.minE) {
            x.e = 0;
            x.d = [0];
          } else {
            x.e = e;
            x.d = [v3];
          }
        } else {
          x.e = e;
          x.d = [v3];
        }
        return;
      }
      if (v3 * 0 !== 0) {
        if (!v3) x.s = NaN;
        x.e = NaN;
        x.d = null;
        return;
      }
      return parseDecimal(x, v3.toString());
    }
    if (t === "string") {
      if ((i2 = v3.charCodeAt(0)) === 45) {
        v3 = v3.slice(1);
        x.s = -1;
      } else {
        if (i2 === 43) v3 = v3.slice(1);
        x.s = 1;
      }
      return isDecimal.test(v3) ? parseDecimal(x, v3) : parseOther(x, v3);
    }
    if (t === "bigint") {
      if (v3 < 0) {
        v3 = -v3;
        x.s = -1;
      } else {
        x.s = 1;
      }
      return parseDecimal(x, v3.toString());
    }
    throw Error(invalidArgument + v3);
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
  var d3, e, k, n2, i = 0, r = new this(1), rd = [];
  if (sd === void 0) sd = this.precision;
  else checkInt32(sd, 1, MAX_DIGITS);
  k = Math.ceil(sd / LOG_BASE);
  if (!this.crypto) {
    for (; i < k; ) rd[i++] = Math.random() * 1e7 | 0;
  } else if (crypto.getRandomValues) {
    d3 = crypto.getRandomValues(new Uint32Array(k));
    for (; i < k; ) {
      n2 = d3[i];
      if (n2 >= 429e7) {
        d3[i] = crypto.getRandomValues(new Uint32Array(1))[0];
      } else {
        rd[i++] = n2 % 1e7;
      }
    }
  } else if (crypto.randomBytes) {
    d3 = crypto.randomBytes(k *= 4);
    for (; i < k; ) {
      n2 = d3[i] + (d3[i + 1] << 8) + (d3[i + 2] << 16) + ((d3[i + 3] & 127) << 24);
      if (n2 >= 214e7) {
        crypto.randomBytes(4).copy(d3, i);
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
      const d3 = i + 1 < n2 ? s.charCodeAt(i + 1) : 0;
      if (c > 56319 || d3 < 56320 || d3 > 57343) return writeUtf8(JSON.stringify(s));
      const cp = 65536 + (c - 55296 << 10) + (d3 - 56320);
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
    let a = h0, b = h1, c = h2, d3 = h3, e = h4, f = h5, g = h6, h = h7;
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
      e = d3 + temp1 | 0;
      d3 = c;
      c = b;
      b = a;
      a = temp1 + temp2 | 0;
    }
    h0 = h0 + a | 0;
    h1 = h1 + b | 0;
    h2 = h2 + c | 0;
    h3 = h3 + d3 | 0;
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

// src/calendar/mexican-holidays.ts
function easterDay(year) {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d3 = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d3 - g + 15) % 30;
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

// src/schedule/units.ts
var TWO_DIGITS2 = Array.from({ length: 100 }, (_, i) => i < 10 ? `0${i}` : String(i));
var DOT_TWO = TWO_DIGITS2.map((d3) => `.${d3}`);
var DIGITS3 = Array.from({ length: 1e3 }, (_, i) => String(i));
var DIGITS3_PADDED = DIGITS3.map((d3) => d3.padStart(3, "0"));
var POW10 = Array.from({ length: 11 }, (_, i) => 10 ** i);

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
  const d3 = new Dec(text);
  return d3.isInteger() && d3.abs().lte(Number.MAX_SAFE_INTEGER) ? d3.toNumber() || 0 : d3;
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
  let d3 = coef(y) / g;
  if (d3 < 0) {
    n2 = -n2;
    d3 = -d3;
  }
  let twos = 0;
  let fives = 0;
  let rest = d3;
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
  for (const v3 of values) {
    const x = asNumber(v3, op);
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
function isNumeric(v3) {
  return isExactNumber(v3);
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
      const v3 = data[s0];
      return typeof v3 === "function" ? void 0 : v3;
    };
  }
  if (segments.length === 2) {
    const s0 = segments[0];
    const s1 = segments[1];
    return (data) => {
      if (data === null || typeof data !== "object") return void 0;
      const g = data[s0];
      if (g === null || typeof g !== "object") return void 0;
      const v3 = g[s1];
      return typeof v3 === "function" ? void 0 : v3;
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
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
  },
  (s0, s1) => (d3) => {
    if (d3 === null || typeof d3 !== "object") return void 0;
    const g = d3[s0];
    if (s1 === void 0) return typeof g === "function" ? void 0 : g;
    if (g === null || typeof g !== "object") return void 0;
    const v3 = g[s1];
    return typeof v3 === "function" ? void 0 : v3;
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
function normalize(v3, name) {
  if (v3 === void 0) return null;
  if (typeof v3 === "number") return Number.isSafeInteger(v3) ? v3 === 0 ? 0 : v3 : exactFromNumber(v3, name);
  return v3;
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
  const fb = b.fn;
  return { fn: (data, today) => ordered(op, fa(data, today), fb(data, today)) };
}
function compileEquality(op, args, path) {
  arity(op, args, 2, 2, path);
  const [a, b] = args;
  const other = a.constant?.value === null ? b.fn : b.constant?.value === null ? a.fn : void 0;
  if (other) return op === "==" ? { fn: (data, today) => other(data, today) === null } : { fn: (data, today) => other(data, today) !== null };
  const [v3, k] = a.varPath && b.constant ? [a.varPath, b.constant.value] : b.varPath && a.constant ? [b.varPath, a.constant.value] : [void 0, void 0];
  if (v3 && (typeof k === "string" || typeof k === "boolean")) {
    const read = pathReader(v3);
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
          const v3 = read(data);
          return typeof v3 === "number" && Number.isSafeInteger(v3) ? v3 : normalize(v3, name);
        },
        varPath: segments
      };
    }
    return {
      fn: (data, today) => {
        const v3 = read(data);
        return v3 === void 0 ? dflt(data, today) : normalize(v3, name);
      }
    };
  }
  const keyNode = compile(key, `${path}[0]`, options).fn;
  return {
    fn: (data, today) => {
      const k = keyNode(data, today);
      if (k === null || k === "") return normalize(data, "var");
      const name = typeof k === "string" ? k : String(asNumber(k, "var"));
      const v3 = readPath(name.split("."))(data);
      return v3 === void 0 ? dflt(data, today) : normalize(v3, name);
    }
  };
}
function isMissing(v3) {
  return v3 === void 0 || v3 === null || v3 === "";
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
  const d3 = packed % 100;
  return m >= 1 && m <= 12 && d3 >= 1 && d3 <= daysInMonth(y, m) ? packed : -1;
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
var DECIMAL = /^[+-]?\d+(\.\d+)?$/;
function parseDecimalLiteral(text) {
  return DECIMAL.test(text) ? parseExact(text) : void 0;
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
      const v3 = inner(data, today);
      if (v3 === null) return null;
      if (typeof v3 === "string") {
        const parsed = parseDecimalLiteral(v3);
        if (parsed === void 0) throw new ExpressionTypeError(`\`decimal\` takes a decimal string, got ${JSON.stringify(v3)}`);
        return parsed;
      }
      return asNumber(v3, "decimal");
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
      const v3 = f(data, today);
      return truthy(v3) ? g(data, today) : v3;
    } } : { fn: (data, today) => {
      const v3 = f(data, today);
      return truthy(v3) ? v3 : g(data, today);
    } };
  }
  return {
    fn: (data, today) => {
      let v3 = null;
      for (const f of fns) {
        v3 = f(data, today);
        if (truthy(v3) !== isAnd) return v3;
      }
      return v3;
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
  const raw2 = logic[op];
  const args = Array.isArray(raw2) ? raw2 : [raw2];
  return compileOperation(op, args, path ? `${path}.${op}` : op, options);
}
function compileExpression(logic, options = {}) {
  return compileNode(logic, options.path ?? "", { rounding: options.rounding ?? "half-even" }).fn;
}

// src/expressions/exact-number.ts
function exactNumber(d3) {
  if (d3.isInteger()) return d3.abs().lte(Number.MAX_SAFE_INTEGER) ? d3.toNumber() || 0 : d3;
  const s = d3.decimalPlaces();
  if (s <= MAX_FIXED_SCALE) {
    const m = d3.times(POW102[s]);
    if (m.abs().lte(Number.MAX_SAFE_INTEGER)) return fixed2(m.toNumber(), s);
  }
  return d3;
}

// src/application/parse-field-value.ts
var DECIMAL2 = /^[+-]?\d+(\.\d+)?$/;
var PERCENT_TEXT = /^[+-]?\d+(\.\d+)?\s*%$/;
function bad(message) {
  return { ok: false, message };
}
function shown(raw2) {
  return JSON.stringify(raw2) ?? String(raw2);
}
function parseNumeric(field, raw2) {
  const kind = field.type === "integer" ? "an integer" : field.type === "percent" ? "a fraction (0.35 for 35%)" : field.type === "money" ? "an amount" : "a number";
  let value;
  if (typeof raw2 === "number") {
    if (!Number.isFinite(raw2)) return bad(`must be ${kind}, got ${String(raw2)}`);
    value = Number.isSafeInteger(raw2) ? raw2 || 0 : exactNumber(new Dec(String(raw2)));
  } else if (typeof raw2 === "string") {
    const text = raw2.trim();
    if (field.type === "percent" && PERCENT_TEXT.test(text)) {
      const fraction = new Dec(text.replace("%", "").trim()).div(100).toString();
      return bad(`percents are fractions: write "${fraction}" for ${text}`);
    }
    const parsed = DECIMAL2.test(text) ? parseExact(text) : void 0;
    if (parsed === void 0) return bad(`must be ${kind} as a decimal string like "1234.50" or a JSON number, got ${shown(raw2)}`);
    value = parsed;
  } else {
    return bad(`must be ${kind}, got ${shown(raw2)}`);
  }
  const whole = typeof value === "number" || isDec(value) && value.isInteger();
  if (field.type === "integer" && !whole) return bad(`must be a whole number, got ${shown(raw2)}`);
  if (field.min !== void 0 && compareNumbers(value, parseExact(field.min)) < 0) return bad(`must be at least ${field.min}, got ${shown(raw2)}`);
  if (field.max !== void 0) {
    const c = compareNumbers(value, parseExact(field.max));
    if (field.maxExclusive === true && c >= 0) return bad(`must be less than ${field.max}, got ${shown(raw2)}`);
    if (c > 0) return bad(`must be at most ${field.max}, got ${shown(raw2)}`);
  }
  return { ok: true, value };
}
function parseFieldValue(field, raw2) {
  switch (field.type) {
    case "number":
    case "integer":
    case "money":
    case "percent":
      return parseNumeric(field, raw2);
    case "string":
      return typeof raw2 === "string" ? { ok: true, value: raw2 } : bad(`must be a string, got ${shown(raw2)}`);
    case "boolean":
      return typeof raw2 === "boolean" ? { ok: true, value: raw2 } : bad(`must be true or false, got ${shown(raw2)}`);
    case "date":
      return typeof raw2 === "string" && parseIsoDate(raw2) !== void 0 ? { ok: true, value: raw2 } : bad(`must be a calendar date as "YYYY-MM-DD", got ${shown(raw2)}`);
    case "enum": {
      const values = field.values ?? [];
      return typeof raw2 === "string" && values.includes(raw2) ? { ok: true, value: raw2 } : bad(`must be one of ${values.map((v3) => `\`${v3}\``).join(", ")}, got ${shown(raw2)}`);
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
function isRecord(v3) {
  return typeof v3 === "object" && v3 !== null && !Array.isArray(v3);
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
  for (const v3 of Object.values(o)) if (isRecord(v3) && !Object.isFrozen(v3)) deepFreeze(v3);
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
  const raw2 = /* @__PURE__ */ new Map();
  collect2(data, "", byPath, groups, raw2, issues);
  const values = /* @__PURE__ */ new Map();
  for (const f of fields) {
    const value = raw2.get(f.path);
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

// bench/expressions.bench.ts
var v2 = (path) => ({ var: path });
var d2 = (text) => ({ decimal: text });
var benchRules = [
  ...payrollProduct.derived.map((x) => x.expr),
  ...payrollProduct.eligibility.map((r) => r.when),
  ...payrollProduct.offer.caps.flatMap((c) => c.kind === "max-amount-by-band" ? [] : [c.expr]),
  { and: [{ ">=": [v2("applicant.age"), d2("18")] }, { "<=": [v2("applicant.age"), d2("70")] }] },
  { in: [v2("applicant.state"), ["CDMX", "JAL", "NL"]] },
  { or: [{ "<": [v2("bureau.score"), d2("580")] }, { "!!": { missing: ["bureau.score"] } }] },
  { ">": [{ "/": [v2("bureau.monthly_debt"), v2("applicant.net_income")] }, d2("0.45")] },
  { ">=": [{ years_between: [v2("applicant.birth_date"), { today: [] }] }, d2("18")] }
];

// .scratch/prof.mts
var raw = {
  applicant: { age: 35, net_income: 24e3, state: "JAL", birth_date: "1990-05-10" },
  employment: { months: 30, employer_in_agreement: true, type: "formal" },
  bureau: { score: 710, monthly_debt: 2400 },
  request: { amount: 2e4, payments: 24 }
};
var scope = { ...raw, capacity: 3600, dti: 0.1 };
var validated = { ...validateApplication(payrollProduct, goodApplicant).values, capacity: 3600, dti: 0.1 };
var compiled = benchRules.map((r) => compileExpression(r));
var which = process.argv[2] === "v" ? validated : scope;
var t0 = performance.now();
var n = 0;
while (performance.now() - t0 < 4e3) {
  for (let i = 0; i < 1e3; i++) for (const f of compiled) f(which, "2025-01-06");
  n += 1e3;
}
console.log("rules/s", (n * 12 / 4).toFixed(0));
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
