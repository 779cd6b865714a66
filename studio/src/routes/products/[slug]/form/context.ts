// What every part of the form view needs from the page: may this part be edited, its diagnostics,
// the error of a refused edit, the edit itself, and the jump to the text. Plain functions over the
// page's state, so the sections stay small.
import type { Diagnostic } from '@plazo/dsl';
import type { FormEdit } from '$lib/forms/edits';
import type { FieldOption, FormPart, Place } from '$lib/forms/model';

export interface FormContext {
  /** Edits are allowed on this part now (the role may change it, the text parses, no conflict is open). */
  can(part: FormPart): boolean;
  /** Why this part is read only, when it is. */
  lockedNote(part: FormPart): string | undefined;
  /** The diagnostics of the text view placed on this item. */
  problems(id: string): readonly Diagnostic[];
  /** Why the last edit through this control was refused. */
  error(key: string): string | undefined;
  /** Applies an edit (as a text edit); `key` names the control, for its error. */
  edit(key: string, edit: FormEdit): void;
  /** Shows the text at this place. */
  asText(at: Place): void;
  /** The keyword's doc in the interface language. */
  help(word: string): string | undefined;
  readonly fields: readonly FieldOption[];
}
