// How a number written the way people often do (`$2,000`, `1,5%`, `12 %`) is spelled in Plazo
// (`2_000`, `1.5%`, `12%`): pure text, shared by the token pattern (tokens.ts) and the message
// (mistakes.ts).

export interface Respelling {
  /** The Plazo spelling: `2_000`, `1.5%`, `12%`. */
  readonly intended: string;
  readonly currencySign: boolean;
  /** A comma used to group thousands (`2,000`) or as the decimal mark (`1,5`). */
  readonly comma: 'thousands' | 'decimal' | undefined;
  readonly spacedPercent: boolean;
}

const SHAPE = /^(\$[ \t]*)?(\d[\d_]*(?:,\d+)*)(\.\d+)?([ \t]*%|x)?$/;

/**
 * The Plazo spelling of `written`, or undefined when it has none of these mistakes or its commas
 * are neither thousands (`1,500,000`, `2,731.52`) nor one decimal mark (`1,5`).
 * @example respellNumber('$2,000') // { intended: '2_000', currencySign: true, comma: 'thousands', ... }
 */
export function respellNumber(written: string): Respelling | undefined {
  const match = SHAPE.exec(written);
  if (!match) return undefined;
  const [, dollar, integer, decimals = '', unit = ''] = match;
  const groups = integer!.split(',');
  let comma: Respelling['comma'];
  let digits = integer!;
  if (groups.length > 1) {
    if (groups.slice(1).every((g) => g.length === 3) && !groups[0]!.includes('_')) {
      comma = 'thousands';
      digits = groups.join('_');
    } else if (groups.length === 2 && decimals === '') {
      comma = 'decimal';
      digits = groups.join('.');
    } else {
      return undefined;
    }
  }
  const spacedPercent = unit.length > 1;
  if (!dollar && !comma && !spacedPercent) return undefined;
  return { intended: `${digits}${decimals}${unit.trim()}`, currencySign: dollar !== undefined, comma, spacedPercent };
}
