// Writes a SAT document with fast-xml-parser's builder (runtime/README.md says why that library):
// the XML declaration, the root in its namespace with the schema location, attributes escaped
// by the library, children as self-closing or nested elements. Documents are plain data here:
// `{ attributes, children }` per element, children in order.
import { XMLBuilder } from 'fast-xml-parser';
import { ANEXO24_VERSION, SAT_SCHEMAS, XSI_NAMESPACE, type SatFileKind } from './anexo24.ts';

/** An element: its attributes (in order; undefined ones are left out) and child elements by local name. */
export interface SatElement {
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly children?: readonly (readonly [string, SatElement])[];
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
const openBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: false });

type Node = Record<string, unknown>;

function node(prefix: string, element: SatElement): Node {
  const out: Node = {};
  for (const [name, value] of Object.entries(element.attributes)) if (value !== undefined) out[`@_${name}`] = value;
  for (const [name, child] of element.children ?? []) {
    const key = `${prefix}:${name}`;
    const list = (out[key] ??= []) as Node[];
    list.push(node(prefix, child));
  }
  return out;
}

/** Children are written this many at a time: the builder's object tree of a whole month of pólizas would hold the heap. */
const CHUNK = 500;

/**
 * The document of `kind` with the root's own attributes (Version is added first), as UTF-8 XML text.
 * The root's open tag and each chunk of children are built apart and joined (the children one
 * level in); children may come from a generator, so a large file never holds more than a chunk
 * as objects.
 * @example satDocument('catalogo', { RFC: 'AAA010101AAA', Mes: '01', Anio: '2025' }, [['Ctas', { attributes: { … } }]])
 */
export function satDocument(kind: SatFileKind, attributes: Readonly<Record<string, string | undefined>>, children: Iterable<readonly [string, SatElement]>): string {
  const schema = SAT_SCHEMAS[kind];
  const rootName = `${schema.prefix}:${schema.root}`;
  const root = node(schema.prefix, {
    attributes: {
      [`xmlns:${schema.prefix}`]: schema.namespace,
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': `${schema.namespace} ${schema.schema}`,
      Version: ANEXO24_VERSION,
      ...attributes,
    },
  });
  // An element without children prints `<root …></root>` with this builder: keep the open tag.
  const close = `</${rootName}>`;
  const head = (openBuilder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, [rootName]: root }) as string).trimEnd();
  if (!head.endsWith(`>${close}`)) throw new Error(`unexpected root element from the XML builder: ${head.slice(-80)}`);
  const parts = [head.slice(0, -close.length)];
  let chunk: (readonly [string, SatElement])[] = [];
  const flush = () => {
    const text = (builder.build(node(schema.prefix, { attributes: {}, children: chunk })) as string).trimEnd();
    parts.push(text.replace(/^/gm, '  '));
    chunk = [];
  };
  for (const child of children) {
    chunk.push(child);
    if (chunk.length === CHUNK) flush();
  }
  if (chunk.length > 0) flush();
  parts.push(close);
  return `${parts.join('\n')}\n`;
}
