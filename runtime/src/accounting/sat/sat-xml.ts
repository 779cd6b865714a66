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

/**
 * The document of `kind` with the root's own attributes (Version is added first), as UTF-8 XML text.
 * @example satDocument('catalogo', { RFC: 'AAA010101AAA', Mes: '01', Anio: '2025' }, [['Ctas', { attributes: { … } }]])
 */
export function satDocument(kind: SatFileKind, attributes: Readonly<Record<string, string | undefined>>, children: readonly (readonly [string, SatElement])[]): string {
  const schema = SAT_SCHEMAS[kind];
  const root = node(schema.prefix, {
    attributes: {
      [`xmlns:${schema.prefix}`]: schema.namespace,
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': `${schema.namespace} ${schema.schema}`,
      Version: ANEXO24_VERSION,
      ...attributes,
    },
    children,
  });
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, [`${schema.prefix}:${schema.root}`]: root }) as string;
}
