// Why a form edit was not made, in the reader's language: the forms and the tests panel's
// "use the new figure" say it the same way.
import { i18n } from '$lib/i18n/locale.svelte';
import type { MessageKey } from '$lib/i18n/messages';
import type { EditResult } from './edits.ts';

/** @example refusal({ ok: false, problem: 'number', value: 'cuarenta', message: '…' }) // '«cuarenta» no es un número.' */
export function refusal(result: Extract<EditResult, { ok: false }>): string {
  switch (result.problem) {
    case 'syntax':
      return i18n.t('form.error.syntax', { message: result.message });
    default:
      return i18n.t(`form.error.${result.problem}` as MessageKey, { value: (result.value ?? '').trim() });
  }
}
