// Public API of @plazo/dsl: parse, format, check and compile Plazo product files.
export { parse, type ParseResult, type Comment } from './parse.ts';
export { format, type FormatResult } from './format/format.ts';
export { keywords, softKeywords } from './lexer/tokens.ts';
export { formatDiagnostic, type Diagnostic, type Severity, type Accept } from './diagnostic.ts';
export type * from './ast/nodes.ts';
export { check, analyze, hasErrors, sortDiagnostics, type Analysis } from './check/check.ts';
export { compile, compileText, type CompileOptions, type CompileResult } from './compile/compile.ts';
export { productCodeProblem, productNameProblem, PRODUCT_CODE_MAX_LENGTH } from './product-code.ts';
export { retitleProduct, stringLiteral, type ProductIdentity, type RetitleResult } from './product-identity.ts';
