// PLD policy documents (`policy CODE "Name" { risk grade { ... } unusual ... }`): parse, check,
// format, compile to the engine's PldPolicyIR.
export { parsePolicy, parsePolicyDocument, isPolicyText, type PolicyParseResult } from './parse-policy.ts';
export { checkPolicy, compilePolicyText, type PolicyCompileResult } from './check-policy.ts';
export { formatPolicy } from './format-policy.ts';
export type * from './policy-nodes.ts';
