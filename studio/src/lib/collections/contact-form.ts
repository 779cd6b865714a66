// The contact form's rules, apart from the component: a promised amount is a decimal string above
// zero with up to two decimals (never a float), a promise needs amount and date, the contact's
// date is not in the future. What the API takes is built here (contactedAt with the browser's offset).
import type { ContactChannel, ContactInput, ContactResult } from '$lib/api/client';
import type { MessageKey } from '$lib/i18n/messages';

export interface ContactDraft {
  channel: ContactChannel;
  result: ContactResult;
  /** `YYYY-MM-DDTHH:mm` in the browser's time (an `<input type="datetime-local">`). */
  contactedAt: string;
  notes: string;
  promiseAmount: string;
  promiseDate: string;
}

const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

/** `YYYY-MM-DDTHH:mm` of `now` in the browser's time zone. */
export function localMinute(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}`;
}

/** The draft as the API takes it, or the field and message key of the first problem. */
export function contactInput(draft: ContactDraft, now: Date): { ok: true; input: ContactInput } | { ok: false; field: keyof ContactDraft; message: MessageKey } {
  const when = draft.contactedAt ? new Date(draft.contactedAt) : now;
  if (Number.isNaN(when.getTime())) return { ok: false, field: 'contactedAt', message: 'contact.date' };
  // The input has minute precision: the current minute is not the future.
  if (when.getTime() > now.getTime() + 60_000) return { ok: false, field: 'contactedAt', message: 'contact.futureDate' };
  const promise = draft.result === 'promise-to-pay';
  const amount = draft.promiseAmount.trim();
  if (promise) {
    if (amount === '' || draft.promiseDate === '') return { ok: false, field: amount === '' ? 'promiseAmount' : 'promiseDate', message: 'contact.promiseRequired' };
    if (!AMOUNT.test(amount) || !/[1-9]/.test(amount)) return { ok: false, field: 'promiseAmount', message: 'contact.amountInvalid' };
  }
  const notes = draft.notes.trim();
  return {
    ok: true,
    input: {
      channel: draft.channel,
      result: draft.result,
      contactedAt: (when.getTime() > now.getTime() ? now : when).toISOString(),
      ...(notes ? { notes } : {}),
      ...(promise ? { promiseAmount: amount, promiseDate: draft.promiseDate } : {}),
    },
  };
}
