// Public API of @plazo/dsl: parse, format, check and compile Plazo product files; the parts of a
// product and which of them changed (what section rights are checked against).
export { parse, type ParseResult, type Comment } from './parse.ts';
export { format, type FormatResult } from './format/format.ts';
export { keywords, softKeywords } from './lexer/tokens.ts';
export { formatDiagnostic, type Diagnostic, type Severity, type Accept } from './diagnostic.ts';
export type * from './ast/nodes.ts';
export { check, analyze, hasErrors, sortDiagnostics, type Analysis, type CheckOptions } from './check/check.ts';
export { parseLintConfig, DEFAULT_LINT_THRESHOLDS, type LintThresholds, type LintConfigResult, type ConfigIssue } from './check/lint-thresholds.ts';
export { compile, compileText, type CompileOptions, type CompileResult } from './compile/compile.ts';
export { describeChange, PART_KINDS, partKindOf, productParts, sectionSpans, type PartChange, type PartKind, type ProductPart, type SectionSpan } from './sections/product-parts.ts';
export { lockedChanges } from './sections/locked-changes.ts';
export { CLIENT_FACTS, clientFact, type ClientFact } from './client-facts.ts';
export {
  localizeDiagnostic,
  messageCatalogue,
  renderMessage,
  langOf,
  LANGS,
  type Lang,
  type Localized,
  type MessageId,
  type MessageArgs,
  type Catalogue,
} from './messages/catalogue.ts';
export { productCodeIssue, productCodeProblem, type ProductCodeIssue, productNameProblem, PRODUCT_CODE_MAX_LENGTH } from './product-code.ts';
export { retitleProduct, stringLiteral, type ProductIdentity, type RetitleResult } from './product-identity.ts';
export { parsePolicy, parsePolicyDocument, isPolicyText, checkPolicy, compilePolicyText, formatPolicy, type PolicyParseResult, type PolicyCompileResult } from './policy/index.ts';
export type { PolicyFile, PolicyDecl, RiskGradeSection, RiskItem, FactorDecl, FactorBinDecl, ConditionDecl, GradeCutoffDecl, GradeOtherwiseDecl, UnusualRuleDecl } from './policy/policy-nodes.ts';
