// Public API of @plazo/engine: the product IR types and all money math, as pure functions.
export { Dec, type DecimalInput } from './decimal.ts';
export { InvalidInputError, type FieldIssue } from './errors.ts';
export * from './ir/product-ir.ts';
export { canonicalJson, sortKeys, type JsonValue } from './ir/canonical-json.ts';
export { sha256Hex } from './ir/sha256.ts';
export { hashProduct, withProductHash, verifyProductHash, type UnhashedProductIR } from './ir/hash-product.ts';
// Schedules, CAT, calendar, rounding, payoff (issue 3).
export { roundHalfEven, roundHalfUp, roundTo, roundToMultiple, roundRatio, type RoundingMode } from './rounding.ts';
export { addDays, daysBetween, days360, parseIsoDate, formatIsoDate, toDayNumber, dayOfWeek, addMonthsClamped } from './calendar/iso-date.ts';
export { easterSunday, mexicanBankingHolidays, MX_BANKING_HOLIDAYS } from './calendar/mexican-holidays.ts';
export { holidayCalendar, isBusinessDay, adjustToBusinessDay, type HolidayCalendar, type BusinessDayRule } from './calendar/business-days.ts';
export { periodsPerYear, defaultFirstDueDate, nominalDueDates, type Frequency } from './calendar/frequency.ts';
export type { LoanTerms, LoanFee, LoanTax, BusinessDays, AmortizationMethod, InterestBasis, FeeTiming } from './loan-terms/loan-terms.ts';
export { parseLoanTerms } from './loan-terms/parse-loan-terms.ts';
export type { Schedule, ScheduleInstallment, ScheduleTotals } from './schedule/schedule.ts';
export { generateSchedule } from './schedule/generate-schedule.ts';
export { generateReferenceSchedule } from './schedule/reference-schedule.ts';
export { planSchedule, type SchedulePlan } from './schedule/plan.ts';
export { solveCat, parseCatFlows, type CatFlows, type CatResult } from './cat/solve.ts';
export { solveAnnualRate, NoCatError } from './cat/irr.ts';
export { catResidual } from './cat/residual.ts';
export { payoffQuote, type PayoffOptions, type PayoffQuote } from './payoff/payoff-quote.ts';
// Expressions, applications and decisions (issue 4).
export { compileExpression, EXPRESSION_OPERATORS, type CompiledExpression, type CompileOptions } from './expressions/compile-expression.ts';
export { expressionReads } from './expressions/expression-reads.ts';
export { ExpressionTypeError, toJsonValue, truthy, type ExactNumber, type ExpressionValue, type JsonOutput } from './expressions/values.ts';
export { validateApplication } from './application/validate-application.ts';
export { frequencyKey } from './application/request-fields.ts';
export type { Application, ApplicationValue, ApplicationValues } from './application/application.ts';
export { decide, decideWith } from './decision/decide.ts';
export { compileDecisionProgram, type DecisionProgram } from './decision/decision-program.ts';
export { loanTermsFor } from './decision/loan-terms-for.ts';
export { selectRate, type RateQuery } from './decision/select-rate.ts';
export { ENGINE_REASONS, type EngineReasonCode } from './decision/reason-codes.ts';
export type {
  Decision, DecisionOutcome, DecisionReason, FiredRule, LoanRequest, OfferRecord, ReasonSource, ScheduleSummary, ScoreRecord,
  ScoredCharacteristic, TraceEntry,
} from './decision/decision.ts';
