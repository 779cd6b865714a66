import { describe, expect, it } from 'vitest';
import { contactInput, localMinute, type ContactDraft } from './contact-form.ts';

const NOW = new Date('2026-12-07T18:30:00Z');
const draft = (over: Partial<ContactDraft> = {}): ContactDraft => ({ channel: 'phone', result: 'contacted', contactedAt: '', notes: '', promiseAmount: '', promiseDate: '', ...over });

describe('contact form', () => {
  it('sends a promise with its amount as the decimal string typed', () => {
    const r = contactInput(draft({ result: 'promise-to-pay', promiseAmount: '1500.10', promiseDate: '2026-12-12', notes: ' paga el viernes ' }), NOW);
    expect(r).toEqual({ ok: true, input: { channel: 'phone', result: 'promise-to-pay', contactedAt: NOW.toISOString(), notes: 'paga el viernes', promiseAmount: '1500.10', promiseDate: '2026-12-12' } });
  });

  it('refuses a promise without amount or date, a bad or zero amount, a date in the future', () => {
    expect(contactInput(draft({ result: 'promise-to-pay', promiseDate: '2026-12-12' }), NOW)).toMatchObject({ ok: false, field: 'promiseAmount', message: 'contact.promiseRequired' });
    expect(contactInput(draft({ result: 'promise-to-pay', promiseAmount: '10' }), NOW)).toMatchObject({ ok: false, field: 'promiseDate' });
    for (const promiseAmount of ['0.00', '1.005', '1,500', '-3', '1e3']) {
      expect(contactInput(draft({ result: 'promise-to-pay', promiseAmount, promiseDate: '2026-12-12' }), NOW), promiseAmount).toMatchObject({ ok: false, field: 'promiseAmount', message: 'contact.amountInvalid' });
    }
    const later = localMinute(new Date(NOW.getTime() + 3 * 3600_000));
    expect(contactInput(draft({ contactedAt: later }), NOW)).toMatchObject({ ok: false, field: 'contactedAt', message: 'contact.futureDate' });
  });

  it('takes a past date and time as typed in the browser’s time, and no promise fields without a promise', () => {
    const earlier = new Date(NOW.getTime() - 26 * 3600_000);
    const r = contactInput(draft({ contactedAt: localMinute(earlier), promiseAmount: '5' }), NOW);
    expect(r.ok && r.input).toEqual({ channel: 'phone', result: 'contacted', contactedAt: new Date(localMinute(earlier)).toISOString() });
  });
});
