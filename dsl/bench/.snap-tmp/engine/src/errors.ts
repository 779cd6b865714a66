// Errors the engine raises for bad input: each names the field (a JSON path) and what is wrong,
// so the CLI, the API and the studio can point at it.

/** One problem with one input field. `path` is dotted with [i] for arrays: `fees[0].amount`. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** Input that cannot be processed; carries every issue found, not just the first. */
export class InvalidInputError extends Error {
  readonly issues: readonly FieldIssue[];
  constructor(issues: readonly FieldIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'InvalidInputError';
    this.issues = Object.freeze([...issues]);
  }
}
