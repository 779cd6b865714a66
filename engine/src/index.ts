// Public API of @plazo/engine: the product IR types and all money math, as pure functions.
export { Dec, type DecimalInput } from './decimal.ts';
export { InvalidInputError, CatOutOfRangeError, CAT_OUT_OF_RANGE, CAT_MAX_PERCENT, type FieldIssue } from './errors.ts';
export * from './ir/product-ir.ts';
export { canonicalJson, sortKeys, type JsonValue } from './ir/canonical-json.ts';
export { sha256Hex } from './ir/sha256.ts';
export { hashProduct, withProductHash, verifyProductHash, type UnhashedProductIR } from './ir/hash-product.ts';
// Schedules, CAT, calendar, rounding, payoff (issue 3).
export { roundHalfEven, roundHalfUp, roundTo, roundToMultiple, roundRatio, type RoundingMode } from './rounding.ts';
export { addDays, daysBetween, days360, parseIsoDate, formatIsoDate, toDayNumber, dayOfWeek, addMonthsClamped } from './calendar/iso-date.ts';
export { easterSunday, mexicanBankingHolidays, MX_BANKING_HOLIDAYS } from './calendar/mexican-holidays.ts';
export { holidayCalendar, isBusinessDay, adjustToBusinessDay, LONGEST_MX_NON_BUSINESS_RUN, type HolidayCalendar, type BusinessDayRule } from './calendar/business-days.ts';
export { periodsPerYear, defaultFirstDueDate, nominalDueDates, type Frequency } from './calendar/frequency.ts';
export type { LoanTerms, LoanFee, LoanTax, BusinessDays, AmortizationMethod, InterestBasis, FeeTiming } from './loan-terms/loan-terms.ts';
export { parseLoanTerms } from './loan-terms/parse-loan-terms.ts';
export { LOAN_TERMS_LIMITS, LEVEL_INSTALLMENT_METHODS, TAX_INCLUDED_METHODS, SCHEDULE_FEE_BASES, BULLET_INSTALLMENTS, maxGraceInstallments } from './loan-terms/terms-limits.ts';
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
export { yearsBetween } from './expressions/dates.ts';
export { ExpressionTypeError, toJsonValue, truthy, type ExactNumber, type ExpressionValue, type JsonOutput } from './expressions/values.ts';
export { validateApplication } from './application/validate-application.ts';
export { frequencyKey } from './application/request-fields.ts';
export { derivedInputsOf, fillDerivedInputs, type ClientFacts, type ClientFactValue, type FilledApplication } from './application/derived-inputs.ts';
export type { Application, ApplicationValue, ApplicationValues } from './application/application.ts';
export { decide, decideWith } from './decision/decide.ts';
export { outcomeOf, withReasons } from './decision/outcome.ts';
export { compileDecisionProgram, type DecisionProgram } from './decision/decision-program.ts';
export { loanTermsFor } from './decision/loan-terms-for.ts';
export { selectRate, type RateQuery } from './decision/select-rate.ts';
export { ENGINE_REASONS, type EngineReasonCode } from './decision/reason-codes.ts';
export type {
  Decision, DecisionOutcome, DecisionReason, FiredRule, LoanRequest, OfferRecord, ReasonSource, ScheduleSummary, ScoreRecord,
  ScoredCharacteristic, TraceEntry,
} from './decision/decision.ts';
// Tests inside products (issue 4).
export { runProductTests, DEFAULT_TEST_DATE, type ProductTestOptions } from './product-tests/run-product-tests.ts';
export { regularInstallment } from './product-tests/regular-installment.ts';
export { describeBin } from './product-tests/test-coverage.ts';
export type { TestReport, TestResult, TestStatus, ExpectationResult, TestCoverage, CoverageSection, UncoveredItem } from './product-tests/test-report.ts';
// Servicing: a loan's state as a pure fold over its events (issue 4).
export { loanState } from './servicing/compute-loan-state.ts';
export { validateEvents } from './servicing/validate-events.ts';
export { OverpaymentError } from './servicing/payment-limit.ts';
export { componentOrder } from './servicing/allocation/component-order.ts';
export { waterfall, type WaterfallResult } from './servicing/allocation/waterfall.ts';
export { lateFeeAmount, type LateFeeBasis } from './servicing/penalties/late-fee.ts';
export { moratoriumAnnualRate, moratoriumYearFraction, moratoriumInterest, periodBasisYearDays, type YearFraction } from './servicing/penalties/moratorium.ts';
export { collectionStage, stopsAccrual } from './servicing/collection/collection-stage.ts';
export { agingBucket } from './servicing/aging-bucket.ts';
export type { LoanEvent, DisbursementEvent, PaymentEvent, PaymentReversalEvent, DayCloseEvent, FeeChargedEvent, RestructureEvent, WriteOffEvent } from './servicing/loan-event.ts';
export { COMPONENTS, type Component, type ComponentAmounts, type InstallmentState, type InstallmentStatus, type AllocationLine, type PaymentAllocation, type FiredAction, type JournalEntry, type AgingBucket, type LoanStatus, type PayoffAmount, type LoanState, type Restructuring, type RepaymentFacts, type BooksFacts } from './servicing/loan-state.ts';
// Backtesting on historical applications (issue 4).
export { parseCsv, type CsvTable, type CsvRecord } from './backtest/parse-csv.ts';
export { parseDataMap, defaultDataMap, unreadColumns, type DataMap, type FieldSource } from './backtest/data-map.ts';
export { backtest, DEFAULT_BACKTEST_DATE, type BacktestOptions, type BacktestProgress } from './backtest/backtest.ts';
export { compareBacktests, OUTCOMES, type BacktestComparison, type FlipCell } from './backtest/compare-backtests.ts';
export { scoreSeparation, type ScoreSeparation, type ScoredOutcome } from './backtest/score-separation.ts';
export type { BacktestReport, BacktestDecision, BandRow, CostMatrix, CostReport, OutcomeCounts, Rate, ReasonCount, UnmappableRow } from './backtest/backtest-report.ts';
export { timeline, simulateLoan, scenarioEvents, type TimelineEvent, type TimelineDay, type ScenarioPayment } from './servicing/timeline.ts';
export { advanceLoan, servicingCheckpoint, CheckpointConflictError, SERVICING_CHECKPOINT_VERSION, type ServicingCheckpoint, type AdvancedLoan } from './servicing/checkpoint.ts';
export type { CheckpointInstallment, CheckpointSegment } from './servicing/ledger.ts';
export type { SegmentAccrual } from './servicing/accrual.ts';
export { restructureOffer, stageRestructureOffer, type RestructureOffer, type RestructureOfferResult } from './servicing/restructure-offer.ts';
export { compactCheckpoint, toCompactCheckpoint, closeDay, loanSummary, isCompactCheckpoint, COMPACT_CHECKPOINT_VERSION, type CompactCheckpoint, type LoanSummary, type ClosedDay, type AdvancedCompactLoan } from './servicing/compact.ts';
// Identity and account codes: CURP, RFC, CLABE; names and consistency (issue 14).
export { validateCurp, curpCheckDigit, type CurpCheck, type CurpDetails, type CurpSex } from './identity/curp.ts';
export { validateRfc, rfcCheckDigit, GENERIC_RFCS, type RfcCheck, type RfcDetails } from './identity/rfc.ts';
export { validateClabe, clabeCheckDigit, type ClabeCheck, type ClabeDetails } from './identity/clabe.ts';
export { CLABE_BANKS, bankName } from './identity/bank-catalog.ts';
export {
  validatePaymentReference, validatePaymentReferenceAnyScheme, buildPaymentReference, referenceCheckDigits, luhnCheckDigit, mod97CheckDigits, referenceCheckLength, referenceCapacity,
  paymentReferenceFormatIssues, REFERENCE_SCHEMES, REFERENCE_MIN_LENGTH, REFERENCE_MAX_LENGTH,
  type ReferenceScheme, type PaymentReferenceFormat, type PaymentReferenceCheck, type PaymentReferenceDetails,
} from './identity/payment-reference.ts';
export { clabeForAccount, clabeRangeIssues, clabeRangeCapacity, type ClabeRange } from './identity/clabe-range.ts';
export { CURP_STATES, isCurpState } from './identity/states.ts';
export { normalizeName, NAME_PARTICLES, expectedNameLetters, expectedCurpConsonants, type PersonNames } from './identity/names.ts';
export { curpFactMismatches, nameMismatch, rfcDateMismatch, type IdentityMismatch, type PersonFacts } from './identity/consistency.ts';
export { identityMessage, type IdentityLang } from './identity/messages.ts';
export type { IdentityCheck, IdentityKind, IdentityReason } from './identity/identity-check.ts';
// Impact of a new version before publishing: who flips, and the representative loans' CAT (issue 19).
export { productImpact, sampleApplications, type ImpactOptions } from './impact/product-impact.ts';
export { replayApplication } from './impact/replay-application.ts';
export { summarizeImpact } from './impact/summarize-impact.ts';
export { representativeLoans, compareSchedules } from './impact/representative-loans.ts';
export type { ImpactApplication, ImpactOutcome, ImpactSide, ImpactRow, OutcomeFlip, ImpactSummary, RepresentativeLoan, ScheduleSide, ScheduleChange, ImpactReport } from './impact/impact-report.ts';
// Screening names against watchlists (issue 14): similarity and an index per list.
export { jaroWinkler } from './screening/jaro-winkler.ts';
export { screeningWords, screeningScore, birthDateAgreement, WORD_MATCH_MINIMUM, type BirthDateAgreement, type NameScore, type ScreenedName } from './screening/name-similarity.ts';
export { buildWatchlistIndex, screenName, scanWatchlist, type WatchlistIndex, type WatchlistName, type WatchlistMatch } from './screening/watchlist-index.ts';
// PLD policy: client risk grade and unusual operations (issue 14).
export {
  PLD_POLICY_IR_VERSION, RISK_GRADES, PLD_CLIENT_FACTS, PLD_OPERATION_FACTS,
  type PldPolicyIR, type UnhashedPldPolicyIR, type RiskGrade, type RiskFactorIR, type RiskConditionIR, type GradeCutoffIR, type UnusualRuleIR,
  type PldFactType, type ClientRiskFacts, type OperationFacts, type RiskReason, type RiskGradeResult, type UnusualFinding,
} from './pld/policy-ir.ts';
export { gradeClient, findUnusualOperations, gradeForPoints, riskGradeRank, normalizeFactText, operationData } from './pld/evaluate-policy.ts';
export { hashPldPolicy, withPldPolicyHash } from './pld/hash-policy.ts';
// Regulatory books: a loan's accrual books as a function of its state (issue 15).
export * from './books/index.ts';
// A loan's loan-loss reserve under the product's `reserves` policy (issue 15).
export { productReserve, reserveOf, tableRate, RESERVE_FACTS, type ReserveFactType } from './books/reserve.ts';
