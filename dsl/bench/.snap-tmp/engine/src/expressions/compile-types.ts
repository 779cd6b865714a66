// The recursive compiler's signature, so operator modules can compile their arguments.
import type { Node, Options } from './compiled-node.ts';

export type CompiledNodeCompiler = (logic: unknown, path: string, options: Options) => Node;
