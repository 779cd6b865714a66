import * as dsl from '../src/index.ts';
import { largeProduct } from './large-product.ts';
const text = largeProduct(5000);
const phase = process.argv[2];
const p = dsl.parse(text);
for (let i = 0; i < 80; i++) {
  if (phase === 'parse') dsl.parse(text);
  else if (phase === 'analyze') dsl.analyze(p.file);
  else dsl.compile(p.file, { parseDiagnostics: p.diagnostics });
}
