// "Did you mean" for a word where a keyword belongs: the keyword it is closest to, and the English
// keyword for the Spanish word people often write (`precios` → `pricing`). Only ever suggested
// (and read as the keyword to go on parsing, with an error): Spanish is not an alias.
import { closestName, editDistance } from '../check/suggest.ts';

/** Spanish words for keywords, accents removed. */
const SPANISH: Readonly<Record<string, string>> = {
  producto: 'product',
  moneda: 'currency',
  tipo: 'kind',
  descripcion: 'doc',
  entrada: 'input',
  entradas: 'input',
  datos: 'input',
  limite: 'limits',
  limites: 'limits',
  precio: 'pricing',
  precios: 'pricing',
  tarifa: 'pricing',
  tarifas: 'pricing',
  comision: 'fee',
  comisiones: 'fee',
  elegibilidad: 'eligibility',
  requisitos: 'eligibility',
  puntaje: 'scorecard',
  calificacion: 'scorecard',
  oferta: 'offer',
  penalizaciones: 'penalties',
  penalidades: 'penalties',
  moratorios: 'penalties',
  cobranza: 'collection',
  prelacion: 'allocation',
  aplicacion: 'allocation',
  prepago: 'prepayment',
  prueba: 'test',
  pruebas: 'test',
  metodo: 'method',
  tasa: 'rate',
  redondeo: 'rounding',
  gracia: 'grace',
  monto: 'amount',
  plazo: 'payments',
  pagos: 'payments',
  rechazar: 'decline',
  referir: 'refer',
  aprobar: 'approve',
  cuando: 'when',
  dado: 'given',
  esperar: 'expect',
};

function spanish(word: string): string | undefined {
  return SPANISH[word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')];
}

/**
 * The keyword among `keywords` that `word` most likely means — its English word, or one a typo
 * away (one edit in a short word, two from six letters on) — or undefined.
 */
export function suggestKeyword(word: string, keywords: Iterable<string>): string | undefined {
  const candidates = [...keywords];
  const english = spanish(word);
  if (english !== undefined) return candidates.includes(english) ? english : undefined;
  const closest = closestName(word, candidates);
  if (closest === undefined) return undefined;
  return editDistance(word.toLowerCase(), closest) <= (word.length < 6 ? 1 : 2) ? closest : undefined;
}

/** The args of a suggested keyword's help ("did you mean `pricing`?", noting when the word is its Spanish). */
export function keywordArgs(word: string, keyword: string): { meant: string; spanish: boolean } {
  return { meant: keyword, spanish: spanish(word) === keyword };
}
