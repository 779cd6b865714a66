// A month of electronic accounting, `YYYY-MM`: its first and last days, and the first day of its
// fiscal year (the calendar year: results accounts start each year at zero).

export interface SatPeriod {
  /** `YYYY-MM`. */
  readonly period: string;
  readonly year: number;
  readonly month: number;
  /** `MM`, as the files' Mes attribute. */
  readonly mes: string;
  readonly from: string;
  readonly to: string;
  readonly yearStart: string;
}

/** The XSDs take years 2015 to 2099. */
export const PERIOD_PATTERN = /^(20(1[5-9]|[2-9][0-9]))-(0[1-9]|1[0-2])$/;

/** The period of `YYYY-MM`, or undefined when it is not a month from 2015-01 to 2099-12. */
export function parseSatPeriod(value: string): SatPeriod | undefined {
  if (!PERIOD_PATTERN.test(value)) return undefined;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mes = value.slice(5, 7);
  return { period: value, year, month, mes, from: `${value}-01`, to: `${value}-${String(last).padStart(2, '0')}`, yearStart: `${year}-01-01` };
}
