// How deep an expression may nest. Every phase that walks expressions (AST building, checking,
// formatting, compiling, the engine's expression compiler) recurses once per level, so the limit
// is checked while parsing and building, before any of them runs: deeper text gets the error
// `nesting-too-deep` instead of exhausting the stack. Long chains of one associative operator
// (`a + b + …`, `x and y and …`) are not nesting: see `build-expression.ts`.

/** Levels an expression may nest: parentheses, `if`, calls, `in` lists, `not`/`-`, operators inside operators. */
export const MAX_NESTING = 64;
