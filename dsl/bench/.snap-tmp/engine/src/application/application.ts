// A validated application: the values of a product's input fields, typed and exact, nested by
// their dotted paths exactly as expressions read them.
import type { ExactNumber } from '../expressions/values.ts';

/** One field's value: numeric types exact (safe integers as JS numbers, else Dec), dates as ISO strings; null when an optional field is absent. */
export type ApplicationValue = ExactNumber | string | boolean | null;

/** Values nested by path segment: `{ applicant: { age: 35 } }` for `applicant.age`. */
export interface ApplicationValues {
  readonly [segment: string]: ApplicationValue | ApplicationValues;
}

/** The application after {@link validateApplication}: every declared field present (null when absent and optional). */
export interface Application {
  readonly values: ApplicationValues;
  /** The declared field paths, in schema order. */
  readonly paths: readonly string[];
}
