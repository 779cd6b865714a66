// Reason codes the engine itself gives (eligibility and scorecard codes come from the product).
// Spanish, upper snake case, like the codes product authors write.

/** The engine's own decline and refer reasons, with their default messages. */
export const ENGINE_REASONS = Object.freeze({
  /** decline: the requested amount is below or above the product's amount range. */
  MONTO_FUERA_DE_LIMITES: 'El monto solicitado está fuera de los límites del producto',
  /** decline: the requested amount is not a multiple of the product's amount step. */
  MONTO_NO_MULTIPLO: 'El monto solicitado no es múltiplo del incremento permitido',
  /** decline: the number of payments is outside the range allowed for the frequency. */
  PLAZO_FUERA_DE_LIMITES: 'El número de pagos está fuera de los límites para la frecuencia',
  /** decline: the product does not offer the requested frequency. */
  FRECUENCIA_NO_PERMITIDA: 'La frecuencia de pago solicitada no está permitida',
  /** decline: no row of the rate table matches the band, payments and amount. */
  TASA_NO_DEFINIDA: 'No hay tasa definida para este perfil y plazo',
  /** decline: the request exceeds a cap and the product makes no counteroffer. */
  EXCEDE_CAPACIDAD: 'El monto solicitado excede la capacidad de pago o el límite del perfil',
  /** decline: not even the product's minimum amount fits the caps. */
  CAPACIDAD_INSUFICIENTE: 'La capacidad de pago no alcanza el monto mínimo del producto',
  /** refer: a cap of the offer could not be evaluated (a value it needs is missing, or the band has no limit). */
  CAPACIDAD_NO_DETERMINADA: 'No se pudo determinar la capacidad de pago: revisión manual',
  /** decline: no first due date satisfies the product's first-payment window. */
  PRIMER_PAGO_FUERA_DE_LIMITES: 'No hay fecha de primer pago dentro de la ventana del producto',
} as const);

export type EngineReasonCode = keyof typeof ENGINE_REASONS;
