// Where the runtime reads the time: injected, so tests run on a fixed date.

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The business date `YYYY-MM-DD` in the lender's time zone. */
  today(): string;
}

/** Formats an instant as the calendar date in `timeZone` (IANA name). */
export function dateInTimeZone(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA prints YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** One formatter per time zone: building one costs more than a request's database work. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The machine's clock, with business dates in `timeZone` (default America/Mexico_City). */
export function systemClock(timeZone = 'America/Mexico_City'): Clock {
  // The date is formatted once per second (time zones move by whole minutes): every request asks.
  let second = NaN;
  let date = '';
  return {
    now: () => new Date(),
    today: () => {
      const now = Date.now();
      if (Math.floor(now / 1000) !== second) {
        second = Math.floor(now / 1000);
        date = dateInTimeZone(new Date(now), timeZone);
      }
      return date;
    },
  };
}

/**
 * A clock stopped at `instant` (ISO-8601); `advance` moves it forward.
 *
 * @example
 * const clock = fixedClock('2025-01-06T16:00:00Z'); clock.today() === '2025-01-06'
 */
export function fixedClock(instant: string, timeZone = 'America/Mexico_City'): Clock & { advance(ms: number): void } {
  let current = new Date(instant).getTime();
  if (Number.isNaN(current)) throw new RangeError(`invalid instant \`${instant}\``);
  return {
    now: () => new Date(current),
    today: () => dateInTimeZone(new Date(current), timeZone),
    advance: (ms: number) => {
      current += ms;
    },
  };
}
