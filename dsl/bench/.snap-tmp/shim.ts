export { Dec } from './engine/src/decimal.ts';
export { withProductHash } from './engine/src/ir/hash-product.ts';
export { ENGINE_REASONS } from './engine/src/decision/reason-codes.ts';
export { IR_VERSION } from './engine/src/ir/product-ir.ts';
