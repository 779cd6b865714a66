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

const EXPECTED_THINGS: Record<string, string> = {
  product: 'una sección (`input`, `let`, `limits`, `pricing`, `fee`, `eligibility`, `scorecard`, `offer`, `penalties`, `collection`, `allocation`, `prepayment`, `overpayment`, `test`) o `}`',
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
  // @@CHECKER@@
};

void line;
void L;
void typeLabel;
