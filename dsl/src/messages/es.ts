// Los diagnósticos en español: los mismos ids y argumentos que en.ts (el tipo Catalogue lo exige).
// Estilo: minúscula inicial, sin punto final, texto del usuario y palabras clave entre backticks
// (las palabras clave siguen en inglés: son las del lenguaje).
import type { Expected, TypeArg } from './en.ts';
import type { Catalogue, Localized } from './types.ts';

type Found = string | null;

const tick = (s: string | number): string => `\`${s}\``;
const ticks = (xs: readonly string[]): string => xs.map(tick).join(', ');
const line = (n: number): string => `la línea ${n}`;
const mean = (s: string): string => `¿quisiste decir \`${s}\`?`;
const found = (f: Found): string => (f === null ? 'el final del archivo' : tick(f));
const inConstruct = (construct: string | null | undefined): string => (construct ? ` en \`${construct}\`` : '');
const L = (x: Localized): string => x.es;
const deEtapa = (stage: string | null): string => (stage === null ? '' : ` de los créditos en ${tick(stage)}`);

const EXPECTED_THINGS: Record<string, string> = {
  product: 'una sección (`input`, `let`, `limits`, `pricing`, `fee`, `eligibility`, `scorecard`, `offer`, `penalties`, `collection`, `reserves`, `allocation`, `prepayment`, `overpayment`, `test`) o `}`',
  expression: 'una expresión',
  operand: 'una expresión',
  exprTail: 'un operador',
  rangeExpr: 'un rango como `1..10`',
  bound: 'un número o un porcentaje',
  inputField: 'un tipo (`number`, `integer`, `money`, `percent`, `string`, `boolean`, `date`, `enum { ... }`)',
  binDecl: 'un tramo (`missing`, `otherwise`, un rango como `580..679`, o valores)',
  givenEntry: 'un valor (número, porcentaje, texto, fecha, `true`, `false` o un nombre)',
};

const LABELS: Record<string, string> = {
  'a date': 'una fecha',
  'a multiple such as `1.5x`': 'un múltiplo como `1.5x`',
  'a name': 'un nombre',
  'a number': 'un número',
  'a percent': 'un porcentaje',
  'a rounding mode': 'un modo de redondeo',
  'a string': 'un texto',
  'an interest basis (`actual/360`, `actual/365`, `30/360`)': 'una base de cálculo de intereses (`actual/360`, `actual/365`, `30/360`)',
  'an operator': 'un operador',
  comment: 'un comentario',
  'doc comment': 'un comentario de documentación',
  string: 'un texto',
};

function expected(e: Expected): string {
  if (e.thing !== undefined) return EXPECTED_THINGS[e.thing] ?? e.thing;
  const labels = (e.labels ?? []).map((l) => LABELS[l] ?? l);
  if (labels.length === 0) return 'otra cosa';
  if (labels.length === 1) return labels[0]!;
  if (labels.length > 8) return `uno de ${labels.slice(0, 8).join(', ')}, …`;
  return `uno de ${labels.join(', ')}`;
}

function typeLabel(t: TypeArg): string {
  if (t.kind === 'literal') return 'un número sin unidad';
  if (t.kind === 'enum') return `\`enum { ${(t.values ?? []).join(', ')} }\``;
  return tick(t.kind);
}

const keywordHelp = (a: { meant: string; spanish: boolean }): string =>
  a.spanish ? `¿quisiste decir \`${a.meant}\`? las palabras clave van en inglés` : mean(a.meant);

function invalidCharacterHelp(bad: string): string {
  if (bad.startsWith('$')) return 'los montos no llevan signo de moneda: escribe solo el número, en la `currency` del producto';
  if (bad.startsWith('%')) return 'un porcentaje se escribe justo después de su número: `12%`';
  if (/^[&|]/.test(bad)) return 'los operadores lógicos son las palabras `and`, `or` y `not`';
  return 'los nombres usan letras, dígitos y `_`; los textos van entre comillas dobles';
}

const OPERATOR_HELP = {
  equals: 'compara con `=` (y `!=` para "distinto de")',
  logical: 'los operadores lógicos son las palabras `and`, `or` y `not`',
  comparison: 'las comparaciones son `=`, `!=`, `<`, `<=`, `>`, `>=`',
};

type Place = import('./en.ts').Place;

function place(p: Place): string {
  switch (p.kind) {
    case 'cap':
      return p.cap === 'installment' ? 'el tope del pago' : p.cap === 'amount' ? 'el tope del monto' : `el tope ${tick(p.cap)}`;
    case 'rule':
      return `la condición de la regla ${tick(p.name)}`;
    case 'not':
      return '`not`';
    case 'if':
      return 'la condición de `if`';
    case 'side':
      return `el lado ${p.side === 'left' ? 'izquierdo' : 'derecho'} de ${tick(p.op)}`;
  }
}

function comparableWith(t: TypeArg): string {
  switch (t.kind) {
    case 'money':
      return 'dinero: un campo o `let` de tipo `money`, o un número sin unidad como `5_000`';
    case 'percent':
      return 'un porcentaje como `50%` (no `0.5`)';
    case 'number':
    case 'integer':
    case 'literal':
      return 'un número';
    case 'date':
      return 'una fecha como `2025-01-06` o `today`';
    case 'string':
      return 'un texto como `"texto"`';
    case 'boolean':
      return '`true` o `false`';
    case 'enum':
      return `uno de sus valores: ${ticks(t.values ?? [])}`;
    default:
      return 'un valor del mismo tipo';
  }
}

const ARITHMETIC: Record<string, [string, string]> = { '+': ['sumar', 'y'], '-': ['restar', 'y'], '*': ['multiplicar', 'por'], '/': ['dividir', 'entre'] };
const SHAPES = { many: 'dos o más argumentos: a, b', round: 'dos argumentos: x, decimales', dates: 'dos fechas: desde, hasta' };
const SHAPE_ARGS = { many: 'a, b', round: 'x, decimales', dates: 'desde, hasta' };

type ScaleWhat = import('./en.ts').ScaleWhat;

function scaleWhat(w: ScaleWhat): string {
  if (w.kind === 'step') return 'el paso del monto';
  if (w.kind === 'multiple') return 'el múltiplo del pago';
  if (w.kind === 'fee') return `la comisión ${tick(w.name)} de`;
  return `el \`${w.kind === 'fee-min' ? 'min' : 'max'}\` de la comisión ${tick(w.name)}`;
}

type Because = import('./en.ts').Because;
type LoanArg = import('./en.ts').LoanArg;

function because(b: Because | null): string {
  if (b === null) return '';
  if (b.kind === 'literal') return `es \`${b.value}\``;
  if (b.kind === 'declared') return `${tick(b.name)} está declarado como ${b.range}`;
  const texts = b.texts.map(tick);
  return `${texts.slice(0, -1).join(', ')} y ${texts[texts.length - 1]} no pueden cumplirse ${texts.length === 2 ? 'a la vez' : 'todas a la vez'}`;
}

const FREQUENCIES: Record<string, string> = { monthly: 'mensuales', biweekly: 'catorcenales', semimonthly: 'quincenales', weekly: 'semanales' };
const loan = (l: LoanArg): string => {
  const every = /^every-(\d+)-days$/.exec(l.frequency);
  const frequency = every ? `cada ${every[1]} días` : (FREQUENCIES[l.frequency] ?? l.frequency);
  return `${l.amount} en ${l.payments} ${l.payments === 1 ? 'pago' : 'pagos'} ${frequency} al ${l.rate}%`;
};

const USURY =
  'la doctrina de usura de la SCJN (jurisprudencias 1a./J. 46/2014 y 47/2014, sin verificar) se aplica a los intereses moratorios, y los productos suelen cobrar de 1.5x a 2x la tasa ordinaria';
const capOf = (cap: string | null): string => (cap === null ? 'el' : `el ${cap} del`);
const lateFeeRule = (a: { cap: string | null; config: string }): string =>
  `Circular 22/2010 de Banxico: una comisión por atraso (con su IVA) no puede superar el monto no pagado del periodo` +
  (a.cap === null ? '' : `; el umbral de este producto es el ${a.cap} de ese monto (una decisión de política)`) +
  `: ajusta \`lints.maxLateFeeShareOfInstallment\` en ${a.config}`;

const OPTION_KINDS: Record<import('./en.ts').OptionKind, string> = {
  method: 'método de interés desconocido',
  basis: 'base de cálculo de intereses desconocida',
  rounding: 'modo de redondeo desconocido',
  businessDays: 'criterio de días hábiles desconocido',
  ivaTarget: 'concepto de IVA desconocido',
  allocation: 'componente de prelación desconocido',
  channel: 'canal desconocido',
  feeBase: 'base de comisión desconocida',
  lateFeeBase: 'base de comisión por atraso desconocida',
  bookStage: 'etapa contable desconocida',
};

const WHOLE: Record<import('./en.ts').WholeWhat, string> = { payments: 'los pagos', firstPaymentDays: 'los días al primer pago' };

export const es: Catalogue = {
  // ---------------------------------------------------------------- léxico
  'invalid-character': {
    message: (a) => `${a.plural ? 'caracteres no válidos' : 'carácter no válido'} ${tick(a.shown)}`,
    help: (a) => invalidCharacterHelp(a.bad),
  },
  'unterminated-string': { message: () => 'texto sin cerrar: falta una `"` de cierre antes del final de la línea' },
  'unknown-operator': {
    message: (a) => `escribe ${tick(a.intended)} en lugar de ${tick(a.written)}`,
    help: (a) => OPERATOR_HELP[a.kind],
  },
  'currency-sign': {
    message: (a) => `los montos no llevan signo de moneda: ${tick(a.intended)}`,
    help: (a) => `escribe solo el número, en la \`currency\` del producto${a.thousands ? '; agrupa los dígitos con `_`' : ''}`,
  },
  'decimal-comma': {
    message: (a) => `los decimales se separan con punto: ${tick(a.intended)}`,
    help: (a) => `la coma separa elementos de una lista: ${tick(a.written)} se leería como dos números`,
  },
  'thousands-separator': {
    message: (a) => `agrupa los dígitos con \`_\`: ${tick(a.intended)}`,
    help: (a) => `la coma separa elementos de una lista: ${tick(a.written)} se leería como dos números`,
  },
  'percent-space': {
    message: (a) => `escribe ${tick(a.intended)} sin espacio`,
    help: () => 'el `%` va justo después de su número',
  },
  // ---------------------------------------------------------------- sintaxis
  'unexpected-token/expected-product': { message: (a) => `se esperaba \`product\` (un archivo contiene un solo producto), se encontró ${found(a.found)}` },
  'unexpected-token/expected-close': { message: (a) => `se esperaba \`}\` para cerrar ${tick(a.construct)}, se encontró ${found(a.found)}` },
  'unexpected-token/expected': { message: (a) => `se esperaba ${expected(a.expected)}${inConstruct(a.construct)}, se encontró ${found(a.found)}` },
  'unexpected-token/expected-at-least-one': { message: (a) => `se esperaba al menos ${expected(a.expected)}${inConstruct(a.construct)}, se encontró ${found(a.found)}` },
  'unexpected-token/after-product': { message: (a) => `${found(a.found)} inesperado después del final del producto (un archivo contiene un solo producto)` },
  'unexpected-token/stray': {
    message: (a) => `${found(a.found)} inesperado en ${tick(a.construct)}`,
    help: (a) => (a.items.length === 0 ? 'se esperaba `}`' : `se esperaba ${ticks(a.items)} o \`}\``),
  },
  'unmatched-brace': { message: () => '`}` sin abrir', help: () => 'quítala: aquí no hay nada abierto, y el producto sigue después' },
  'unmatched-brace/after-product': { message: () => '`}` sin abrir', help: () => 'quítala: el producto ya se cerró antes' },
  'unknown-keyword': { message: (a) => `palabra clave desconocida ${tick(a.word)}${inConstruct(a.construct)}`, help: keywordHelp },
  'unknown-keyword/section': { message: (a) => `sección desconocida ${tick(a.word)}`, help: keywordHelp },
  'missing-percent': {
    message: (a) => `${a.rate ? 'una tasa' : 'un porcentaje'} necesita \`%\`: \`${a.number}%\``,
    help: (a) => `${tick(a.number)} solo es un número simple; escribe \`%\` justo después (\`36%\` es 0.36)`,
  },
  // ---------------------------------------------------------------- AST
  'nesting-too-deep': {
    message: (a) => `la expresión se anida en más de ${a.max} niveles`,
    help: () => 'divídela en partes más pequeñas con `let` (`let parte = ...`), o quita los paréntesis que no hacen falta',
  },
  'chained-comparison': { message: () => 'las comparaciones no se pueden encadenar', help: () => 'une dos comparaciones con `and`: `a < b and b < c`' },
  'invalid-escape': {
    message: (a) => (a.escape === null ? 'un texto no puede terminar en `\\`' : `secuencia de escape no válida \`\\${a.escape}\` en un texto`),
    help: () => 'las únicas secuencias de escape son `\\"` (comilla doble) y `\\\\` (barra invertida)',
  },
  'duplicate-setting': {
    message: (a) => `${tick(a.what)} se indica dos veces en ${tick(a.where)}`,
    help: () => 'deja solo uno; el segundo se ignora',
  },
  // ---------------------------------------------------------------- tramos del scorecard
  'bin-unreachable/after-otherwise': { message: () => 'este tramo va después de `otherwise` y nunca se aplica', help: () => 'pon `otherwise` al final' },
  'bin-overlap/missing': { message: (a) => `${tick(a.name)} tiene dos tramos \`missing\``, help: (a) => `el primero está en ${line(a.line)}` },
  'bin-unreachable/missing-required': { message: (a) => `${tick(a.name)} es obligatorio, así que este tramo \`missing\` nunca se aplica` },
  'missing-bin-required': {
    message: (a) => `${tick(a.name)} es opcional pero ningún tramo cubre el caso en que falta`,
    help: () => 'agrega un tramo como `missing -> -40 reason "SIN_HISTORIAL"`',
  },
  'bin-type/values-for-range': {
    message: (a) => `${tick(a.name)} es de tipo ${tick(a.kind)}: sus tramos son rangos, no valores`,
    help: (a) => (a.percent ? 'escribe un rango como `30%..<45%`' : 'escribe un rango como `580..679`'),
  },
  'type-mismatch/bin-bound-percent': {
    message: (a) =>
      a.percent ? `${tick(a.name)} es un porcentaje: escribe este límite como porcentaje` : `${tick(a.name)} es de tipo ${tick(a.kind)}: este límite no puede ser un porcentaje`,
    help: (a) => (a.fix ? L(a.fix) : `un ${tick(a.kind)} no lleva porcentajes: escribe el límite como ${a.kind === 'money' ? 'un monto' : 'un número entero'}, sin \`%\``),
  },
  'type-mismatch/bin-bound-integer': { message: (a) => `${tick(a.name)} es un entero: los límites de sus tramos deben ser números enteros` },
  'range-inverted/bin': { message: () => 'este tramo está vacío: su límite inferior no es menor que el superior', help: () => 'escribe primero el límite menor' },
  'bin-unreachable/outside-range': {
    message: (a) => `este tramo queda fuera del rango declarado ${a.declared} de ${tick(a.name)}`,
    help: () => 'quítalo, o amplía el rango declarado en `input`',
  },
  'bin-overlap/range': {
    message: (a) => `${L(a.shared)} de ${tick(a.name)} ${a.shared.one ? 'está cubierto' : 'están cubiertos'} por dos tramos`,
    help: (a) => `el tramo de ${line(a.line)} ya los cubre; se aplica el primero que coincide, así que cambia uno de los límites`,
  },
  'bin-gap/range': {
    message: (a) => `${L(a.gap)} de ${tick(a.name)} no ${a.gap.one ? 'está cubierto' : 'están cubiertos'}`,
    help: (a) =>
      a.meet
        ? `los tramos terminan en ${a.meet.end} y vuelven a empezar en ${a.meet.start}: escribe el tramo inferior como \`..<${a.meet.start}\` para que se toquen`
        : 'agrega un tramo para ellos, o un tramo `otherwise`',
  },
  'bin-type/ranges-for-values': {
    message: (a) => `${tick(a.name)} es de tipo ${tick(a.kind)}: sus tramos son valores, no rangos`,
    help: (a) => (a.examples ? `escribe valores como \`${a.examples.join(', ')} -> 10\`` : 'escribe valores de texto'),
  },
  'bin-type/not-a-value': {
    message: (a) => `${tick(a.text)} no es un valor de tipo ${tick(a.kind)} de ${tick(a.name)}`,
    help: (a) => (a.kind === 'string' ? `escríbelo como texto: \`"${a.text}"\`` : undefined),
  },
  'unknown-enum-value/bin': {
    message: (a) => `${tick(a.text)} no es un valor de ${tick(a.name)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : `sus valores son ${ticks(a.allowed)}`),
  },
  'bin-overlap/value': { message: (a) => `el valor ${tick(a.text)} de ${tick(a.name)} está en dos tramos`, help: (a) => `el tramo de ${line(a.line)} ya lo tiene` },
  'bin-gap/strings': { message: (a) => `los textos de ${tick(a.name)} no se pueden enumerar todos`, help: () => 'agrega un tramo `otherwise`' },
  'bin-gap/values': {
    message: (a) => `${a.left.length === 1 ? 'el valor' : 'los valores'} ${ticks(a.left)} de ${tick(a.name)} no ${a.left.length === 1 ? 'está cubierto' : 'están cubiertos'}`,
    help: () => 'agrégalos a un tramo, o agrega un tramo `otherwise`',
  },

  // ---------------------------------------------------------------- expresiones
  'type-mismatch/negate': { message: (a) => `no se puede cambiar el signo de ${typeLabel(a.type)}`, help: () => 'solo los números, el dinero y los porcentajes tienen signo' },
  'presence-operand': {
    message: (a) => `\`is ${a.present ? 'present' : 'missing'}\` se aplica a un campo o a un \`let\`, no a una expresión`,
    help: () => 'pregunta por el campo mismo: `bureau.score is present`',
  },
  'type-mismatch/if-branches': {
    message: (a) => `las ramas de \`if\` tienen tipos distintos: ${typeLabel(a.then)} y ${typeLabel(a.otherwise)}`,
    help: (a) => (a.fix ? L(a.fix) : 'las dos ramas deben dar el mismo tipo'),
  },
  'type-mismatch/expected': {
    message: (a) => `${place(a.place)} debe ser ${typeLabel(a.wanted)}, se encontró ${typeLabel(a.actual)}`,
    help: (a) => `escribe ${comparableWith(a.wanted)}`,
  },
  'type-mismatch/not-boolean': {
    message: (a) => `${place(a.place)} debe ser \`boolean\`, se encontró ${typeLabel(a.type)}`,
    help: () => 'escribe una condición como `applicant.age > 70`',
  },
  'type-mismatch/arithmetic': {
    message: (a) => `no se puede ${ARITHMETIC[a.op]![0]} ${typeLabel(a.left)} ${ARITHMETIC[a.op]![1]} ${typeLabel(a.right)}`,
    help: () =>
      'combinaciones válidas: `money + money`, `money - money`, `money * percent`, `money * number`, `money / number`, ' +
      '`money / money` (un porcentaje: `debt / income < 30%`), `percent * number`, `number + number`; un número sin unidad ' +
      'como `500` se adapta a dinero o número, pero un porcentaje debe escribirse como tal (`30%` es 0.30)',
  },
  'type-mismatch/order': {
    message: (a) => `no se pueden ordenar valores ${typeLabel(a.left)} con ${tick(a.op)}`,
    help: () => 'solo los números, el dinero, los porcentajes y las fechas tienen orden; usa `=` o `!=`',
  },
  'type-mismatch/compare': {
    message: (a) => `no se puede comparar ${typeLabel(a.left)} con ${typeLabel(a.right)}`,
    help: (a) => (a.fix ? L(a.fix) : `compara ${a.operand === null ? 'el valor' : tick(a.operand)} con ${comparableWith(a.left)}`),
  },
  'type-mismatch/in-list': {
    message: (a) => `no se puede comparar ${typeLabel(a.operand)} con ${typeLabel(a.type)}`,
    help: (a) => (a.fix ? L(a.fix) : `enumera ${comparableWith(a.operand)}`),
  },
  'wrong-arity': {
    message: (a) => `${tick(a.name)} recibe ${SHAPES[a.shape]}, se dieron ${a.given}`,
    help: (a) => `escribe \`${a.name}(${SHAPE_ARGS[a.shape]})\``,
  },
  'type-mismatch/min-max-numeric': { message: (a) => `${tick(a.name)} necesita números, dinero o porcentajes, se encontró ${typeLabel(a.type)}` },
  'type-mismatch/min-max-mixed': {
    message: (a) => `${tick(a.name)} mezcla ${typeLabel(a.result)} y ${typeLabel(a.type)}`,
    help: () => 'todos los argumentos deben ser del mismo tipo',
  },
  'type-mismatch/round-value': { message: (a) => `\`round\` necesita un número, dinero o un porcentaje, se encontró ${typeLabel(a.type)}` },
  'type-mismatch/round-decimals': { message: () => 'los decimales de `round` deben ser un número entero de 0 a 10', help: () => 'escribe `round(x, 2)`' },
  'type-mismatch/dates': {
    message: (a) => `${tick(a.name)} necesita fechas, se encontró ${typeLabel(a.type)}`,
    help: () => 'pasa un campo de fecha, una fecha escrita o `today`',
  },
  'unknown-function': {
    message: (a) => `función desconocida ${tick(a.name)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : `las funciones son ${ticks(a.functions)}`),
  },
  'unknown-enum-value/name': {
    message: (a) => `${tick(a.name)} no es un valor de ${typeLabel(a.type)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : `usa uno de ${ticks(a.values)}`),
  },
  'unknown-enum-value/string': {
    message: (a) => `${tick(a.value)} no es un valor de ${a.operand === null ? 'la expresión' : tick(a.operand)}`,
    help: (a) => `usa uno de ${ticks(a.values)}`,
  },
  'unknown-name': {
    message: (a) => `nombre desconocido ${tick(a.name)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : 'decláralo como campo en `input { ... }` o con `let`'),
  },
  'let-order/self': { message: (a) => `${tick(a.name)} no puede usarse a sí mismo`, help: () => 'un `let` se calcula una sola vez a partir de los datos de entrada y de los `let` anteriores' },
  'let-order/later': {
    message: (a) => `${tick(a.name)} se define más adelante, en ${line(a.line)}`,
    help: (a) => `mueve \`let ${a.name}\` arriba del \`let\` que lo usa`,
  },
  'score-unavailable/no-scorecard': { message: () => '`score` necesita una sección `scorecard`', help: () => 'agrega `scorecard { base ... }` o quita la referencia' },
  'score-unavailable/here': {
    message: () => '`score` no está disponible aquí',
    help: () => '`score` se calcula después de los `let` y las características: úsalo en las reglas de elegibilidad y en los topes de la oferta',
  },


  // ---------------------------------------------------------------- límites del motor
  'engine-limit/scale': {
    message: (a) => `${scaleWhat(a.what)} ${tick(a.value)} tiene más decimales que la escala de la moneda (${a.scale})`,
    help: (a) => `el motor guarda el dinero con ${a.scale} decimales (\`rounding ${a.scale}\`): escribe ${a.scale === 0 ? 'un monto entero' : `a lo más ${a.scale} decimales`}, o aumenta la escala`,
  },
  'engine-limit/max-amount': {
    message: (a) => `el monto máximo ${tick(a.amount)} es mayor que el préstamo más grande que el motor calcula (${a.most})`,
    help: (a) => `toda decisión sobre un monto mayor que ${a.most} fallaría: baja el máximo`,
  },
  'engine-limit/max-payments': {
    message: (a) => `${tick(a.payments)} pagos es más de lo que el motor calcula (${a.most})`,
    help: (a) => `toda decisión con más de ${a.most} pagos fallaría: baja el máximo`,
  },
  'engine-limit/every-days-long': {
    message: (a) => `\`every ${a.days} days\` es más largo que el periodo más largo que el motor calcula (${a.most} días)`,
    help: () => 'usa `monthly`, o un periodo de a lo más un año',
  },
  'engine-limit/every-days-short': {
    message: (a) => `\`every ${a.days} days\` es demasiado corto para \`business days ${a.rule}\``,
    help: (a) =>
      `los días festivos bancarios y fines de semana en México llegan a ${a.run} días seguidos (de Jueves Santo a Domingo de Pascua), así que dos fechas de pago caerían en el mismo día hábil y la decisión falla: usa periodos de al menos ${a.run + 1} días, o \`business days none\``,
  },
  'engine-limit/bullet-term': {
    message: (a) => `un crédito \`bullet\` se paga en un solo pago, pero este plazo permite ${a.payments} pagos`,
    help: (a) => `escribe \`payments 1..1 ${a.frequency}\`, o usa otro método (french, german, flat)`,
  },
  'engine-limit/first-payment-previous': {
    message: (a) => `un primer pago a lo más ${a.days} días después de la disposición puede recorrerse al día de la disposición con \`business days previous\``,
    help: (a) => `los días inhábiles llegan a ${a.run} seguidos (de Jueves Santo a Domingo de Pascua): permite un primer pago al menos ${a.run + 1} días después, o usa \`business days next\``,
  },
  'engine-limit/rate': {
    message: (a) => `la tasa \`${a.rate}%\` es mayor que la tasa anual más alta que el motor calcula (${a.most})`,
    help: (a) => `toda decisión con esta tasa fallaría: una tasa nominal anual es a lo más ${a.most} (\`rate 48%\` es 0.48 al año)`,
  },
  'engine-limit/multiple': { message: (a) => `el múltiplo del pago ${tick(a.multiple)} es mayor que ${a.most}` },
  'engine-limit/tax-included-method': {
    message: (a) => `\`installment includes iva\` nivela un pago ${a.methods.join(' o ')}, y ${tick(a.method)} no tiene pago nivelado`,
    help: (a) => `usa \`method ${a.methods[0]}\`, o quita \`installment includes iva\``,
  },
  'engine-limit/grace': {
    message: (a) => `\`grace ${a.what} ${a.count}\` no deja ningún pago para liquidar un crédito de ${a.payments} ${a.payments === 1 ? 'pago' : 'pagos'}`,
    help: (a) =>
      `el plazo más corto (${line(a.line)}) tiene ${a.payments}: la gracia puede cubrir a lo más ${a.most} ${a.most === 1 ? 'pago' : 'pagos'} (todos menos el último), o sube el mínimo de pagos`,
  },
  'engine-limit/fee-percent': {
    message: (a) => `la comisión ${tick(a.name)} de \`${a.percent}%\` es mayor que ${a.most} de su base`,
    help: (a) => `el motor cobra una comisión de a lo más ${a.most}: escríbela como monto fijo, o bájala`,
  },
  'engine-limit/fee-of-installment': {
    message: (a) => `el motor no puede cobrar la comisión ${tick(a.name)} como porcentaje del pago`,
    help: (a) => `las comisiones porcentuales por pago son sobre ${a.bases.map(tick).join(' o ')}: escribe \`of balance\` u \`of principal\`, o un monto fijo por pago`,
  },
  'engine-limit/signing-fees': {
    message: (a) => `las comisiones a la firma no dejan nada que entregar del préstamo más pequeño (${a.smallest})`,
    help: (a) =>
      `${ticks(a.names)} ${a.names.length === 1 ? 'se cobra' : 'se cobran'} a la firma (descontada o por adelantado, con IVA donde aplica) y ${a.names.length === 1 ? 'se lleva' : 'se llevan'} ${a.taken} de un préstamo de ${a.smallest} (el monto mínimo en ${line(a.line)}): toda decisión sobre él fallaría; baja las comisiones o sube el monto mínimo`,
  },

  // ---------------------------------------------------------------- elegibilidad
  'rule-duplicate': {
    message: (a) => `esta condición repite la regla ${tick(a.reason)} de ${line(a.line)}`,
    help: () => 'las dos se cumplen juntas: quita una, o dales condiciones distintas',
  },
  'reason-conflict': {
    message: (a) => `el motivo ${tick(a.reason)} es ${tick(a.first)} en ${line(a.line)} y ${tick(a.outcome)} aquí`,
    help: () => 'un código de motivo debe significar un solo resultado: usa otro código',
  },
  'unguarded-optional': {
    message: (a) => `${tick(a.name)} es opcional: cuando falta, la comparación es falsa y esta regla ${a.negated ? 'se cumple' : 'no se cumple'}`,
    help: (a) => `di qué significa un valor faltante: \`${a.name} is present and ...\` o \`${a.name} is missing or ...\``,
  },
  'rule-always-fires': {
    message: (a) => `la regla ${tick(a.name)} se cumple para toda solicitud`,
    help: (a) => `su condición ${a.always ? 'siempre' : 'nunca'} es verdadera: ${because(a.because)}`,
  },
  'rule-unreachable': {
    message: (a) => `la regla ${tick(a.name)} nunca se puede cumplir`,
    help: (a) => `su condición ${a.always ? 'siempre' : 'nunca'} es verdadera: ${because(a.because)}`,
  },
  // ---------------------------------------------------------------- sobrepago
  'invalid-number/overpayment-negative': {
    message: (a) => `la tolerancia de sobrepago ${a.tolerance} es negativa`,
    help: () => 'escribe 0 para rechazar cualquier pago mayor que el saldo para liquidar',
  },
  'invalid-number/overpayment-decimals': {
    message: (a) => `la tolerancia de sobrepago ${a.tolerance} tiene más decimales de los que el producto usa para redondear el dinero (${a.decimals})`,
  },
  'overpayment-too-large': {
    message: (a) => `la tolerancia de sobrepago ${a.tolerance} no es menor que el préstamo más pequeño (${a.smallest})`,
    help: () => 'una tolerancia cubre un pequeño excedente de un pago (redondeo, efectivo); escribe un monto menor que el préstamo más pequeño',
  },
  'engine-limit/corner': {
    message: (a) => `el motor no puede calcular un préstamo que este producto permite: ${loan(a.loan)}`,
    help: (a) =>
      `el motor dice: ${a.issue}; toda decisión sobre un préstamo así fallaría${a.remedy === null ? '' : ': permite menos pagos, un monto mínimo mayor o una tasa menor'}${
        a.remedy === 'days' ? '; con intereses por días pesa más un primer periodo largo, así que también ayuda `basis period` o una ventana de `first payment` más corta' : ''
      }`,
  },
  // ---------------------------------------------------------------- alertas regulatorias
  'frequency-wording/quincenal': { message: () => 'el producto dice quincenal, pero `biweekly` es catorcenal: cada 14 días', help: () => 'quincenal es `semimonthly` (el 15 y el último día de cada mes, 24 pagos al año); catorcenal es `biweekly` (cada 14 días, 26 pagos al año): escribe la frecuencia que el producto quiere decir, o dila en su nombre' },
  'frequency-wording/catorcenal': { message: () => 'el producto dice catorcenal, pero `semimonthly` es quincenal: el 15 y el último día del mes', help: () => 'quincenal es `semimonthly` (el 15 y el último día de cada mes, 24 pagos al año); catorcenal es `biweekly` (cada 14 días, 26 pagos al año): escribe la frecuencia que el producto quiere decir, o dila en su nombre' },
  'rate-high': {
    message: (a) => `la tasa \`${a.rate}%\` es mayor que el ${a.limit} anual que la institución marca como usurario`,
    help: (a) =>
      `la ley mexicana no fija un tope de tasa para las SOFOMES, pero la doctrina de usura de la SCJN (jurisprudencias 1a./J. 46/2014 y 47/2014, sin verificar) permite a un juez reducir una tasa excesiva, y la CONDUSEF publica cómo se compara cada producto; ${a.limit} es una decisión de política (sin verificar): ajusta \`lints.maxAnnualRate\` en ${a.config}`,
  },
  'moratorium-high/multiple': {
    message: (a) => `los intereses moratorios a \`${a.factor}x\` la tasa ordinaria superan ${a.limit}x`,
    help: (a) => `${USURY}; ${a.limit}x es una decisión de política (sin verificar): ajusta \`lints.maxMoratoriumMultiple\` en ${a.config}`,
  },
  'moratorium-high/annual': {
    message: (a) => `los intereses moratorios al \`${a.rate}%\` anual superan ${a.limit}`,
    help: (a) => `${USURY}; ${a.limit} es una decisión de política (sin verificar): ajusta \`lints.maxMoratoriumAnnualRate\` en ${a.config}`,
  },
  'late-fee-high/percent': {
    message: (a) => `una comisión por atraso de \`${a.percent}%\`${a.taxed ? ' más IVA' : ''} del monto no pagado supera ${capOf(a.cap)} monto no pagado`,
    help: lateFeeRule,
  },
  'late-fee-high/min': {
    message: (a) => `el \`min ${a.min}\` de la comisión por atraso${a.taxed ? ' más IVA' : ''} supera ${capOf(a.cap)} pago más pequeño (${a.smallest}, en ${loan(a.loan)})`,
    help: lateFeeRule,
  },
  'late-fee-high/fixed': {
    message: (a) => `la comisión por atraso ${tick(a.amount)}${a.taxed ? ' más IVA' : ''} supera ${capOf(a.cap)} pago más pequeño (${a.smallest}, en ${loan(a.loan)})`,
    help: lateFeeRule,
  },
  // ---------------------------------------------------------------- comunes
  'invalid-number/rate-negative': { message: (a) => `la tasa \`${a.rate}%\` es negativa` },
  'unknown-option': {
    message: (a) => `${OPTION_KINDS[a.what]} ${tick(a.name)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : `escribe uno de ${ticks(a.allowed)}`),
  },
  'unknown-option/product-kind': {
    message: (a) => `tipo de producto desconocido ${tick(a.kind)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : 'escribe `kind consumer` o `kind business`'),
  },
  'unknown-option/rate-key': {
    message: (a) => `una tabla de tasas no puede tener como llave ${tick(a.key)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : 'usa como llaves `band`, `payments` y/o `amount`'),
  },
  // ---------------------------------------------------------------- producto
  'missing-product': { message: () => 'el archivo no declara ningún producto', help: () => 'empieza con `product codigo "Nombre" { ... }`' },
  'invalid-product-code/empty': { message: () => 'el código del producto no puede estar vacío', help: () => 'escribe el código en minúsculas, dígitos y `_`, como `nomina_quincenal`' },
  'invalid-product-code/too-long': {
    message: (a) => `un código de producto tiene a lo más ${a.max} caracteres; este tiene ${a.length}`,
    help: () => 'escribe el código en minúsculas, dígitos y `_`, como `nomina_quincenal`',
  },
  'invalid-product-code/pattern': {
    message: (a) => `${tick(a.code)} no es un código de producto: minúsculas, dígitos y \`_\`, empezando con una letra o \`_\``,
    help: () => 'escribe el código en minúsculas, dígitos y `_`, como `nomina_quincenal`',
  },
  'invalid-product-code/keyword': {
    message: (a) => `${tick(a.code)} es una palabra clave del lenguaje y no puede nombrar un producto`,
    help: () => 'escribe el código en minúsculas, dígitos y `_`, como `nomina_quincenal`',
  },
  'invalid-product-name/empty': { message: () => 'el nombre del producto no puede estar vacío' },
  'invalid-product-name/control': { message: () => 'el nombre del producto es una línea de texto, sin caracteres de control' },
  'missing-product/brace': { message: () => 'el producto no tiene `{`' },
  'missing-currency': { message: (a) => `el producto ${tick(a.product)} no tiene moneda`, help: () => 'agrega `currency MXN` dentro del producto' },
  'invalid-currency': {
    message: (a) => `${tick(a.currency)} no es un código de moneda ISO 4217`,
    help: () => 'escribe tres letras mayúsculas, como `MXN` o `USD`',
  },
  'duplicate-section': {
    message: (a) => `${tick(a.keyword)} aparece dos veces`,
    help: (a) => `intégralo en el ${tick(a.keyword)} de ${line(a.line)}`,
  },
  'missing-section': {
    message: (a) => `el producto ${tick(a.product)} no tiene sección ${tick(a.keyword)}`,
    help: (a) =>
      ({
        input: 'declara los datos de la solicitud: `input { request.amount: money  request.payments: integer ... }`',
        limits: 'agrega `limits { amount 1_000..50_000 step 500  payments 6..24 monthly }`',
        pricing: 'agrega `pricing { method french  rate 48% }`',
      })[a.keyword],
  },
  // ---------------------------------------------------------------- prelación
  'allocation-duplicate': { message: (a) => `${tick(a.component)} aparece dos veces`, help: () => 'enumera cada componente una sola vez' },
  'allocation-incomplete': {
    message: (a) => `\`allocation\` no incluye ${ticks(a.missing)}`,
    help: (a) => `un pago tiene que aplicarse a algo: enumera todos: ${a.all.join(', ')}`,
  },
  // ---------------------------------------------------------------- límites
  'missing-amount-limit': { message: () => '`limits` no tiene rango de monto', help: () => 'agrega `amount 1_000..50_000 step 500`' },
  'missing-term': { message: () => '`limits` no permite ningún plazo', help: () => 'agrega una línea como `payments 6..24 monthly`' },
  'duplicate-name/frequency': {
    message: (a) => `la frecuencia ${tick(a.key)} aparece dos veces`,
    help: (a) => `ya tiene pagos en ${line(a.line)}; deja una línea por frecuencia`,
  },
  'type-mismatch/amount-percent': { message: () => 'un límite de monto debe ser dinero, no un porcentaje', help: (a) => `escribe ${tick(a.value)} sin \`%\`` },
  'range-unbounded/amount': { message: () => 'el rango de monto necesita un mínimo y un máximo', help: () => 'escribe `amount 1_000..50_000`' },
  'invalid-number/amount-min': { message: (a) => `el monto mínimo ${a.min} debe ser positivo` },
  'invalid-range': {
    message: () => 'escribe el rango de monto con un máximo incluido',
    help: (a) => `escribe \`${a.min}..${a.max}\` con el monto más grande permitido`,
  },
  'range-inverted/amount': { message: (a) => `el rango de monto está vacío: ${a.min} es mayor que ${a.max}`, help: () => 'escribe primero el monto menor' },
  'invalid-number/step': { message: (a) => `el paso ${a.step} debe ser positivo` },
  'step-mismatch': {
    message: (a) => `el paso ${a.step} no divide el rango ${a.min}..${a.max}: ${a.span} no es múltiplo de ${a.stepValue}`,
    help: (a) => `haz que los límites difieran en un múltiplo del paso, por ejemplo \`${a.min}..${a.fitted}\``,
  },
  'range-unbounded/whole': { message: (a) => `${WHOLE[a.what]} necesitan un mínimo y un máximo`, help: () => 'escribe `6..24`' },
  'invalid-number/whole': { message: (a) => `${WHOLE[a.what]} deben ser números enteros, se encontró ${tick(a.found)}` },
  'invalid-number/whole-least': { message: (a) => `${WHOLE[a.what]} empiezan en ${a.least}, se encontró ${a.found}` },
  'range-inverted/whole': {
    message: (a) => `el rango de ${WHOLE[a.what]} está vacío: ${a.min} es mayor que ${a.max}`,
    help: () => 'escribe primero el límite menor',
  },
  'invalid-number/every-days': { message: (a) => `\`every ${a.days} days\` necesita un número entero de días, al menos 1` },




  // ---------------------------------------------------------------- tabla de tasas
  'duplicate-name/rate-key': { message: (a) => `${tick(a.key)} aparece dos veces como llave` },
  'no-scorecard/rate': {
    message: () => 'las tasas por banda necesitan un `scorecard` con bandas',
    help: () => 'agrega un scorecard con `band A when score >= ...`, o usa como llave `payments` o `amount`',
  },
  'rate-row-shape': {
    message: (a) => `esta fila tiene ${a.cells} celda(s) para ${a.keys.length} llave(s) (${a.keys.join(', ')})`,
    help: (a) => `escribe una celda por llave, y luego la tasa: \`${a.keys.map((k) => (k === 'band' ? 'A' : '..')).join(', ')}: 40%\``,
  },
  'type-mismatch/rate-band-cell': { message: () => 'esta celda debe ser el nombre de una banda', help: () => 'escribe una banda como `A`' },
  'unknown-band': {
    message: (a) => `banda desconocida ${tick(a.band)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : `las bandas son ${ticks(a.bands)}`),
  },
  'type-mismatch/rate-range-cell': { message: (a) => `esta celda debe ser un rango de ${tick(a.key)}`, help: () => 'escribe `6..12`, `13..` o `..` para cualquiera' },
  'type-mismatch/rate-range-percent': { message: (a) => `un rango de ${tick(a.key)} no puede ir en porcentajes` },
  'invalid-number/rate-payments': { message: () => 'los pagos son números enteros' },
  'range-inverted/rate-cell': { message: (a) => `el rango ${a.min}..${a.max} está vacío`, help: () => 'escribe primero el límite menor' },
  'rate-gap': {
    message: (a) => `${a.key === 'payments' ? 'los pagos' : a.key === 'amount' ? 'los montos' : tick(a.key)} ${a.span} ${a.band === null ? '' : `de la banda ${tick(a.band)} `}no tienen tasa`,
    help: (a) => `los límites los permiten: agrega una fila que los cubra${a.integer ? '' : ' (escribe `..<x` para que las filas se toquen exactamente)'}`,
  },
  // ---------------------------------------------------------------- pricing
  'missing-method': { message: () => '`pricing` no tiene método de interés', help: () => 'agrega `method french` (o german, flat, bullet)' },
  'missing-rate': { message: () => '`pricing` no tiene tasa', help: () => 'agrega `rate 48%` o una tabla como `rate by band { A: 36%, B: 48% }`' },
  'invalid-number/rounding': {
    message: (a) => `la escala de redondeo ${tick(a.decimals)} debe ser un número entero de 0 a ${a.most}`,
    help: () => 'escribe `rounding 2 half-even`',
  },
  'invalid-number/multiple': { message: (a) => `el múltiplo del pago ${tick(a.multiple)} debe ser positivo` },
  'multiple-not-level': {
    message: (a) => `\`multiple\` redondea un pago nivelado, y ${tick(a.method)} no lo tiene`,
    help: (a) => `usa \`multiple\` con ${a.methods.map((m) => `\`method ${m}\``).join(' o ')}`,
  },
  'invalid-number/grace': { message: (a) => `la gracia ${tick(a.count)} debe ser un número entero de pagos` },
  'duplicate-name/grace': { message: (a) => `\`grace ${a.what}\` se indica dos veces`, help: (a) => `deja el de ${line(a.line)}` },
  'iva-missing': {
    message: (a) => (a.declared ? 'los intereses no llevan IVA en este producto de consumo' : 'sin IVA sobre los intereses en este producto de consumo'),
    help: () =>
      'los intereses de créditos a personas físicas causan IVA al 16% (el art. 15 de la LIVA solo exenta la actividad empresarial y pocos casos más): escribe `iva 16% on interest, fees`, o `kind business` si los acreditados tienen actividad empresarial',
  },
  'iva-rate-missing/installment': { message: () => '`installment includes iva` necesita una tasa de IVA', help: () => 'agrega `iva 16% on interest, fees`' },
  'invalid-number/iva-rate': {
    message: (a) => `la tasa de IVA \`${a.rate}%\` debe estar entre 0% y ${a.most}%`,
    help: () => 'la tasa general es `16%`',
  },
  'duplicate-name/iva-target': { message: (a) => `${tick(a.name)} aparece dos veces` },
  // ---------------------------------------------------------------- comisiones
  'duplicate-name/fee': { message: (a) => `la comisión ${tick(a.name)} se declara dos veces`, help: (a) => `la primera está en ${line(a.line)}; cámbiale el nombre o intégralas` },
  'invalid-number/fee-negative': { message: (a) => `la comisión ${tick(a.name)} es negativa` },
  'fee-base/fixed': {
    message: (a) => `una comisión fija no es un porcentaje de ${tick(a.base)}`,
    help: (a) => `quita \`of ${a.base}\`, o escribe un porcentaje como \`2.5% of ${a.base}\``,
  },
  'invalid-cap': { message: (a) => `una comisión fija de ${a.amount} no puede tener \`min\` ni \`max\``, help: () => 'los topes acotan comisiones porcentuales' },
  'invalid-number/fee-cap': { message: (a) => `el tope ${a.cap} de la comisión ${tick(a.name)} es negativo` },
  'range-inverted/fee': { message: (a) => `la comisión ${tick(a.name)} tiene \`min ${a.min}\` mayor que \`max ${a.max}\``, help: () => 'inviértelos' },
  'fee-base/timing': {
    message: (a) => `una comisión sobre ${tick(a.base)} se cobra con cada pago, no ${tick(a.timing)}`,
    help: () => 'escribe `per installment`',
  },
  'iva-rate-missing/fee': {
    message: (a) => `la comisión ${tick(a.name)} está marcada con \`iva\` pero \`pricing\` no declara tasa de IVA`,
    help: () => 'agrega `iva 16% on interest, fees` a `pricing`',
  },
  // ---------------------------------------------------------------- penalizaciones
  'invalid-number/late-fee': { message: () => 'la comisión por atraso es negativa' },
  'fee-base/late-fee': {
    message: (a) => `una comisión por atraso fija no es un porcentaje de ${tick(a.base)}`,
    help: (a) => `quita \`of ${a.base}\`, o escribe un porcentaje como \`5% of ${a.base}\``,
  },
  'range-inverted/late-fee': { message: (a) => `la comisión por atraso tiene \`min ${a.min}\` mayor que \`max ${a.max}\``, help: () => 'inviértelos' },
  'invalid-number/grace-days': { message: () => 'los días de gracia deben ser un número entero' },
  'iva-rate-missing/late-fee': {
    message: () => 'la comisión por atraso está marcada con `iva` pero `pricing` no declara tasa de IVA',
    help: () => 'agrega `iva 16% on interest, fees` a `pricing`',
  },
  'invalid-number/moratorium-multiple': { message: () => 'el múltiplo de los moratorios debe ser positivo' },
  'invalid-number/moratorium-rate': { message: () => 'la tasa moratoria es negativa' },
  'iva-rate-missing/moratorium': {
    message: () => 'los intereses moratorios están marcados con `iva` pero `pricing` no declara tasa de IVA',
    help: () => 'agrega `iva 16% on interest, fees` a `pricing`',
  },
  'late-fee-with-moratorium': {
    message: () => 'una comisión por atraso junto con intereses moratorios',
    help: () =>
      'Circular 22/2010 de Banxico: no se puede cobrar comisión por atraso por un periodo en el que se cobran intereses moratorios; deja uno de los dos, o asegúrate de que la cobranza nunca cobre ambos por el mismo pago',
  },

  // ---------------------------------------------------------------- cobranza
  'offer-outside-stage': {
    message: () => '`offer restructure` en un día nunca se ofrece: las ofertas pertenecen a la etapa en que está un crédito',
    help: () => 'muévelo a una línea de etapa (`from 31 to 90 dpd stage tardia offer restructure`)',
  },
  'invalid-number/at-days': { message: () => '`at` recibe un número entero de días' },
  'duplicate-name/stage': { message: (a) => `la etapa ${tick(a.name)} se declara dos veces`, help: (a) => `la primera está en ${line(a.line)}` },
  'invalid-number/stage-days': { message: () => 'las etapas reciben números enteros de días de atraso' },
  'invalid-number/stage-start': {
    message: (a) => `una etapa empieza en 1 día de atraso o después, se encontró ${a.from}`,
    help: () => 'usa `at N days` para recordatorios en la fecha de pago o antes',
  },
  'range-inverted/stage': { message: (a) => `la etapa ${tick(a.name)} va de ${a.from} a ${a.to} días`, help: () => 'escribe primero el día menor' },
  'stage-overlap': {
    message: (a) => `los días de atraso ${a.days} están en las etapas ${tick(a.first)} y ${tick(a.second)}`,
    help: (a) => `la etapa de ${line(a.line)} ya los cubre`,
  },
  'stage-gap': { message: (a) => `los días de atraso ${a.days} no están en ninguna etapa`, help: () => 'haz que cada etapa empiece el día siguiente al fin de la anterior' },
  'invalid-number/restructure-payments': {
    message: (a) => `una oferta de reestructura recibe un número entero de pagos de 1 a ${a.most}, se encontró ${tick(a.found)}`,
  },
  'restructure-bullet': {
    message: (a) => `un producto bullet se paga en un solo pago: no se puede reestructurar en ${a.payments} pagos`,
    help: () => 'escribe `payments 1`, o no indiques los pagos',
  },
  'invalid-number/restructure-rate': { message: (a) => `la tasa \`${a.rate}%\` es mayor que ${a.most}%` },
  // ---------------------------------------------------------------- reservas
  'reserves-empty': {
    message: () => '`reserves` no tiene renglones',
    help: () => 'escribe un porcentaje por rango de días de atraso (`0 dpd 1%`, `1 to 7 dpd 4%`, … `from 181 dpd 100%`), o `expected loss pd ... lgd ...`',
  },
  'reserves-mixed': {
    message: (a) => `\`expected loss\` y una tabla de porcentajes (desde ${line(a.line)}) en un mismo \`reserves\``,
    help: () => 'una reserva es un porcentaje por días de atraso o pd × lgd: deja uno de los dos',
  },
  'invalid-number/reserve-rate': { message: (a) => `un porcentaje de reserva va de 0% a 100% de la exposición, se encontró \`${a.rate}%\`` },
  'invalid-number/reserve-days': { message: (a) => `los días de atraso son números enteros desde 0, se encontró ${tick(a.found)}` },
  'range-inverted/reserve': { message: (a) => `el renglón va de ${a.from} a ${a.to} días de atraso`, help: () => 'escribe primero el día menor' },
  'reserve-overlap': {
    message: (a) => `los días ${a.days} de atraso${deEtapa(a.stage)} tienen dos porcentajes de reserva`,
    help: (a) => `el renglón de ${line(a.line)} ya los cubre`,
  },
  'reserve-gap': {
    message: (a) => `los días ${a.days} de atraso${deEtapa(a.stage)} no tienen porcentaje de reserva`,
    help: (a) => (a.open ? 'termina la tabla con un renglón abierto, como `from 181 dpd 100%`' : 'haz que cada renglón empiece el día siguiente al fin del anterior'),
  },
  'reserve-decreasing': {
    message: (a) => `el porcentaje de reserva baja de ${a.from} a ${a.to} en los días ${a.days} de atraso${deEtapa(a.stage)}`,
    help: (a) => `un crédito con más atraso no es menos probable de perderse: escribe un porcentaje al menos igual al del renglón de ${line(a.line)}`,
  },
  'reserve-row-unreachable': {
    message: () => 'ningún crédito toma este renglón: los renglones `vigente` y `vencida` ya cubren todos sus días',
    help: () => 'quítalo, o cambia los renglones de una etapa',
  },
  'type-mismatch/reserve-fraction': {
    message: (a) => `${tick(a.part)} debe ser un porcentaje o un número de 0 a 1, se encontró ${typeLabel(a.actual)}`,
    help: (a) => `${tick(a.part)} es una probabilidad: \`2%\`, \`0.02\`, o el cociente de dos montos como \`loan.accrued_interest / loan.exposure\``,
  },
  'invalid-number/reserve-fraction': {
    message: (a) => `${tick(a.part)} ${tick(a.shown)} está fuera de 0..1 (0%..100%)`,
    help: () => 'una probabilidad va de 0% a 100% (el motor la acotaría)',
  },
  // ---------------------------------------------------------------- datos de entrada
  'duplicate-name/input': { message: (a) => `el campo ${tick(a.name)} se declara dos veces`, help: (a) => `se declara primero en ${line(a.line)}` },
  'invalid-enum': { message: (a) => `el enum ${tick(a.name)} no tiene valores`, help: () => 'enumera sus valores: `enum { CDMX, JAL, other }`' },
  'duplicate-name/enum-value': { message: (a) => `el valor ${tick(a.value)} del enum aparece dos veces` },
  'bounds-not-allowed': { message: (a) => `un campo ${tick(a.type)} no puede tener rango`, help: () => 'los rangos se aplican a campos number, integer, money y percent' },
  'type-mismatch/input-bound-percent': { message: (a) => `el rango del campo porcentual ${tick(a.name)} debe escribirse en porcentajes`, help: (a) => L(a.fix) },
  'type-mismatch/input-bound-not-percent': {
    message: (a) => `el rango del campo ${tick(a.type)} ${tick(a.name)} no puede ser un porcentaje`,
    help: (a) => (a.fix ? L(a.fix) : `escribe el límite como ${a.type === 'money' ? 'un monto' : 'un número entero'}, sin \`%\``),
  },
  'type-mismatch/input-bound-integer': { message: (a) => `el rango del campo entero ${tick(a.name)} debe tener límites enteros` },
  'range-inverted/input': {
    message: (a) => `el rango de ${tick(a.name)} está vacío: ${a.min} no es menor que ${a.max}`,
    help: () => 'escribe primero el límite menor',
  },
  'unknown-client-fact': {
    message: (a) => `dato del cliente desconocido ${tick(a.fact)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : `un dato de entrada se llena con uno de ${ticks(a.facts)}`),
  },
  'type-mismatch/client-fact': {
    message: (a) => `${tick(a.name)} se declara ${tick(a.declared)}, pero ${tick(a.fact)} es ${tick(a.type)}`,
    help: (a) => `declara el dato como ${tick(a.type)} para llenarlo con ${tick(a.fact)}`,
  },
  'type-mismatch/client-fact-enum': {
    message: (a) => `al enum de ${tick(a.name)} le faltan ${ticks(a.missing)}, valores que puede tener ${tick(a.fact)}`,
    help: (a) => `agrega ${ticks(a.missing)} al enum`,
  },
  'derived-request-input': {
    message: (a) => `${tick(a.path)} no puede venir del expediente del cliente`,
    help: () => 'lo que pide el cliente (`request.…`) siempre se escribe en la solicitud',
  },
  'missing-input': {
    message: (a) => `al esquema de entrada le falta \`${a.path}: ${a.type}\``,
    help: (a) => `todo producto necesita \`${a.path}: ${a.type}\`: es lo que pide el cliente`,
  },
  'type-mismatch/required-input': {
    message: (a) => `${tick(a.path)} debe ser ${tick(a.type)}, se declaró ${tick(a.declared)}`,
    help: (a) => `declara \`${a.path}: ${a.type}\``,
  },
  'required-input-optional': { message: (a) => `${tick(a.path)} no puede ser opcional`, help: (a) => `toda solicitud indica ${tick(a.path)}; quita \`optional\`` },
  // ---------------------------------------------------------------- lets
  'duplicate-name/let': { message: (a) => `${tick(a.name)} ya está definido`, help: (a) => `el primer \`let ${a.name}\` está en ${line(a.line)}; cámbiale el nombre a uno` },
  'name-clash': {
    message: (a) => (a.group === null ? `${tick(a.name)} es un nombre integrado` : `${tick(a.name)} choca con el campo de entrada ${tick(a.group)}`),
    help: () => 'elige otro nombre para el `let`',
  },
  // ---------------------------------------------------------------- pruebas
  'duplicate-name/test': { message: (a) => `la prueba ${tick(a.name)} se declara dos veces`, help: (a) => `la primera está en ${line(a.line)}` },
  'duplicate-name/given': { message: (a) => `${tick(a.path)} se da dos veces`, help: (a) => `ya se da en ${line(a.line)}` },
  'test-missing-input': {
    message: (a) => `la prueba ${tick(a.test)} no da ${ticks(a.lacking)}`,
    help: (a) => `todo dato de entrada obligatorio necesita un valor: agrega \`${a.lacking[0]} = ...\` a \`given\``,
  },
  'unknown-band/test': {
    message: (a) => `banda desconocida ${tick(a.band)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : a.scorecard ? undefined : 'el producto no tiene scorecard'),
  },
  'no-scorecard/test': { message: () => '`expect score` necesita una sección `scorecard`' },
  'unknown-reason': {
    message: (a) => `ninguna regla ni tramo da el motivo ${tick(a.reason)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : 'los motivos vienen de las reglas de elegibilidad, los tramos del scorecard y `otherwise`'),
  },
  'unknown-stage': {
    message: (a) => `etapa de cobranza desconocida ${tick(a.stage)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : 'las etapas se nombran en `collection { from ... dpd stage NOMBRE }`'),
  },
  'missing-disburse/state': { message: () => 'una expectativa sobre el estado del crédito necesita `disburse FECHA`', help: () => 'agrega `disburse 2025-01-06` a la prueba' },
  'missing-disburse/books': { message: () => 'una expectativa sobre la contabilidad del crédito necesita `disburse FECHA`', help: () => 'agrega `disburse 2025-01-06` a la prueba' },
  'missing-disburse/pay': { message: () => '`pay` necesita un crédito: agrega `disburse FECHA` a la prueba' },
  'unknown-name/given-let': { message: (a) => `${tick(a.path)} es un valor derivado, no un dato de entrada`, help: () => 'da los datos de entrada con los que se calcula' },
  'unknown-name/given': {
    message: (a) => `dato de entrada desconocido ${tick(a.path)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : 'las pruebas dan valores a los campos de `input`'),
  },
  'type-mismatch/given': {
    message: (a) => `${tick(a.path)} es ${tick(a.type)}, se dio ${tick(a.shown)}`,
    help: (a) =>
      a.fix
        ? L(a.fix)
        : `da ${
            ({
              money: 'un monto como `24_000`',
              number: 'un número',
              integer: 'un número entero',
              percent: 'un porcentaje como `35%`',
              string: 'un texto como `"texto"`',
              boolean: '`true` o `false`',
              date: 'una fecha como `1990-05-17`',
              enum: `uno de ${ticks(a.values)}`,
            } as Record<string, string>)[a.type] ?? 'un valor de su tipo'
          }`,
  },
  'unknown-enum-value/given': {
    message: (a) => `${tick(a.text)} no es un valor de ${tick(a.path)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : `da uno de ${ticks(a.values)}`),
  },
  'out-of-declared-range': {
    message: (a) => `${tick(a.path)} = ${a.shown} está fuera de su rango declarado ${a.range}`,
    help: () => 'una solicitud así se rechazaría antes de evaluar cualquier regla: da un valor dentro del rango',
  },

  // ---------------------------------------------------------------- scorecard
  'duplicate-name/characteristic': {
    message: (a) => `la característica ${tick(a.name)} se declara dos veces`,
    help: (a) => `la primera está en ${line(a.line)}; junta sus tramos`,
  },
  'unknown-name/characteristic': {
    message: (a) => (a.builtin ? `${tick(a.name)} no puede ser una característica` : `nombre desconocido ${tick(a.name)}`),
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : 'una característica es un campo de entrada o un `let`'),
  },
  'characteristic-type': {
    message: (a) => `una característica no puede ser ${typeLabel(a.type)}`,
    help: () => 'deriva de ella un número con `let`, por ejemplo `years_between(applicant.birth_date, today)`',
  },
  'bin-gap/no-bins': { message: (a) => `la característica ${tick(a.name)} no tiene tramos`, help: () => 'agrega tramos como `..579 -> -60  580.. -> 0`' },
  'duplicate-name/band': { message: (a) => `la banda ${tick(a.name)} se declara dos veces`, help: (a) => `la primera está en ${line(a.line)}` },
  'band-order': {
    message: (a) => `la banda ${tick(a.name)} empieza en ${a.cutoff}, no por debajo de la banda ${tick(a.previous)} en ${a.previousCutoff}`,
    help: () => 'enumera las bandas del corte más alto al más bajo: gana la primera banda cuyo corte alcanza el puntaje',
  },
  'band-unreachable/above': {
    message: (a) => `la banda ${tick(a.name)} necesita un puntaje de ${a.cutoff} pero el puntaje más alto alcanzable es ${a.max}`,
    help: (a) => `el puntaje va de ${a.min} a ${a.max} (la base más el tramo más bajo y el más alto de cada característica)`,
  },
  'band-unreachable/below': {
    message: (a) => `la banda ${tick(a.name)} nunca se alcanza: todo puntaje alcanzable (al menos ${a.min}) cae en la banda ${tick(a.catchAll)} o en una superior`,
    help: () => 'quita la banda o sube los cortes por encima de ella',
  },
  'band-coverage': {
    message: (a) => `los puntajes ${a.min}..<${a.cutoff} quedan por debajo de la banda más baja ${tick(a.band)} y nada los atiende`,
    help: (a) => `agrega \`otherwise decline "SCORE_BAJO"\` después de las bandas, o baja el corte de ${tick(a.band)} a ${a.min}`,
  },
  // ---------------------------------------------------------------- oferta
  'no-scorecard/offer': { message: () => 'los montos por banda necesitan un `scorecard` con bandas', help: () => 'agrega un scorecard, o limita el monto con una expresión' },
  'duplicate-name/offer-band': { message: (a) => `la banda ${tick(a.band)} aparece dos veces` },
  'invalid-number/offer-band': { message: (a) => `el monto de la banda ${tick(a.band)} debe ser un monto positivo` },
  'band-missing/offer': { message: (a) => `la banda ${tick(a.band)} no tiene monto máximo`, help: (a) => `agrega \`${a.band}: ...\` a \`by band { ... }\`` },
  'band-missing/rate': { message: (a) => `la banda ${tick(a.band)} no tiene tasa`, help: (a) => `agrega una fila para la banda ${tick(a.band)}` },



  // ---------------------------------------------------------------- plazo.config.json
  'lint-config/not-object': { message: (a) => `debe ser un objeto JSON como { "lints": { "maxAnnualRate": "200%" } }, se encontró ${a.got}` },
  'lint-config/unknown-field': {
    message: (a) => `campo desconocido ${tick(a.key)}${a.suggestion !== null ? `: ${mean(a.suggestion)}` : ` (conocidos: ${ticks(a.known)})`}`,
  },
  'lint-config/lints-not-object': { message: (a) => `debe ser un objeto como { "maxAnnualRate": "200%" }, se encontró ${a.got}` },
  'lint-config/unknown-threshold': {
    message: (a) => `umbral de alerta desconocido ${tick(a.key)}${a.suggestion !== null ? `: ${mean(a.suggestion)}` : ` (conocidos: ${ticks(a.known)})`}`,
  },
  'lint-config/number': {
    message: (a) => `debe ser un texto como ${a.example} (o false para apagar la alerta), se encontró el número ${a.value}: escribe ${a.written} si eso es lo que quieres decir`,
  },
  'lint-config/not-string': { message: (a) => `debe ser un texto como ${a.example}, o false para apagar la alerta, se encontró ${a.got}` },
  'lint-config/notation': {
    message: (a) =>
      `debe ser ${a.notation === 'percent' ? 'un porcentaje' : 'un múltiplo'} como ${a.example}, se encontró ${a.got}${
        a.fraction ? `: escribe el signo de porcentaje, "${a.fraction.text}%" (o "${a.fraction.scaled}%" si "${a.fraction.text}" es una fracción)` : ''
      }`,
  },
  'lint-config/not-positive': { message: (a) => `debe ser mayor que cero, se encontró ${a.got} (escribe false para apagar la alerta)` },
  // ---- documentos de política PLD (policy/…)
  'policy-syntax': { message: (a) => `se esperaba ${L(a.expected)}, se encontró ${found(a.found)}` },
  'unknown-name/fact': {
    message: (a) => `dato desconocido ${tick(a.name)}`,
    help: (a) => (a.suggestion !== null ? mean(a.suggestion) : `los datos aquí son ${ticks(a.facts)}`),
  },
  'policy-grade': { message: (a) => `grado de riesgo desconocido ${tick(a.name)}`, help: () => 'los grados son `high` (alto), `medium` (medio) y `low` (bajo)' },
  'policy-grade-order': {
    message: (a) => `${tick(a.grade)} desde ${a.points} puntos debe quedar por debajo de ${tick(a.above)} desde ${a.abovePoints}`,
    help: () => 'escribe los cortes del grado más alto hacia abajo, cada uno menor que el anterior',
  },
  'policy-grade-missing': { message: () => '`risk grade` necesita al menos un corte', help: () => 'p. ej. `high when points >= 50` y `otherwise low`' },
  'policy-bin-type': {
    message: (a) => `${tick(a.fact)} es ${tick(a.type)}: este tramo no puede coincidir`,
    help: (a) => (a.type === 'integer' || a.type === 'money' ? 'usa rangos como `..<25` o `65..`' : 'enumera valores como `"cambista", "comerciante"`'),
  },
  'policy-bin-value': {
    message: (a) => `${tick(a.fact)} nunca vale ${tick(a.value)}`,
    help: (a) => `sus valores son ${ticks(a.values)}`,
  },
  'duplicate-name/policy': { message: (a) => `${L(a.what)} ${tick(a.name)} ya se declaró en ${line(a.line)}` },
  'policy-missing': { message: () => 'un archivo de política contiene `policy CODIGO "Nombre" { ... }`' },
  'policy-risk-missing': { message: () => 'la política no tiene `risk grade { ... }`', help: () => 'agrega la matriz: `risk grade { factor client.pep { true -> 50 } high when points >= 50 otherwise low }`' },
};

