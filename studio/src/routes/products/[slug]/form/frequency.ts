// The frequencies in the lender's words, for the form's selects.
import type { MessageKey } from '$lib/i18n/messages';
import { FREQUENCY_KINDS, type FrequencyKind } from '$lib/forms/model';

export const frequencyOptions = (t: (key: MessageKey) => string): { value: FrequencyKind; label: string }[] =>
  FREQUENCY_KINDS.map((k) => ({ value: k, label: t(`freqLong.${k}` as MessageKey) }));
