// A structural check of the SAT electronic accounting documents (Anexo 24, version 1.3), written
// from the published structure of CatalogoCuentas_1_3.xsd, BalanzaComprobacion_1_3.xsd and
// PolizasPeriodo_1_3.xsd (the XSD files are not kept in the repository: runtime/README.md says
// why). It is deliberately independent of src/accounting/sat: its own namespaces, attribute
// sets, patterns, lengths, occurrences and nesting, so a wrong constant there fails here.
// Returns every problem as `path: message`; an empty list means the document has the structure.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type AttrRule =
  | { readonly kind: 'fixed'; readonly value: string }
  | { readonly kind: 'string'; readonly min?: number; readonly max?: number; readonly length?: number; readonly pattern?: RegExp }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'int'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'date' }
  | { readonly kind: 'importe' };

interface AttrSpec {
  readonly rule: AttrRule;
  readonly required: boolean;
}

interface ElementSpec {
  readonly attributes: Readonly<Record<string, AttrSpec>>;
  /** Child elements in their sequence order, each with min occurrences (max unbounded). */
  readonly children: readonly { readonly name: string; readonly min: number; readonly spec: ElementSpec }[];
}

const req = (rule: AttrRule): AttrSpec => ({ rule, required: true });
const opt = (rule: AttrRule): AttrSpec => ({ rule, required: false });
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const RFC: AttrRule = { kind: 'string', min: 12, max: 13, pattern: /^[A-ZÑ&]{3,4}[0-9]{2}[0-1][0-9][0-3][0-9][A-Z0-9]?[A-Z0-9]?[0-9A-Z]?$/ };
const SEAL = { Sello: opt({ kind: 'string' }), noCertificado: opt({ kind: 'string', length: 20 }), Certificado: opt({ kind: 'string' }) };
const ANIO: AttrRule = { kind: 'int', min: 2015, max: 2099 };
const VERSION = req({ kind: 'fixed', value: '1.3' });
/** c_CodAgrup (CatalogosParaEsqContE.xsd): a closed list of `NNN` and `NNN.NN` codes; the structure only. */
const COD_AGRUP: AttrRule = { kind: 'string', pattern: /^[1-8][0-9]{2}(\.[0-9]{2})?$/ };

/** The comprobante and payment nodes of a transaction: allowed, not produced by Plazo; their content is not checked here. */
const OPAQUE: ElementSpec = { attributes: {}, children: [] };

export const CATALOGO: { namespace: string; schema: string; root: string; spec: ElementSpec } = {
  namespace: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/CatalogoCuentas',
  schema: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/CatalogoCuentas/CatalogoCuentas_1_3.xsd',
  root: 'Catalogo',
  spec: {
    attributes: { Version: VERSION, RFC: req(RFC), Mes: req({ kind: 'enum', values: MONTHS }), Anio: req(ANIO), ...SEAL },
    children: [
      {
        name: 'Ctas',
        min: 1,
        spec: {
          attributes: {
            CodAgrup: req(COD_AGRUP),
            NumCta: req({ kind: 'string', min: 1, max: 100 }),
            Desc: req({ kind: 'string', min: 1, max: 400 }),
            SubCtaDe: opt({ kind: 'string', min: 1, max: 100 }),
            Nivel: req({ kind: 'int', min: 1 }),
            Natur: req({ kind: 'enum', values: ['D', 'A'] }),
          },
          children: [],
        },
      },
    ],
  },
};

export const BALANZA: typeof CATALOGO = {
  namespace: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/BalanzaComprobacion',
  schema: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/BalanzaComprobacion/BalanzaComprobacion_1_3.xsd',
  root: 'Balanza',
  spec: {
    attributes: {
      Version: VERSION, RFC: req(RFC), Mes: req({ kind: 'enum', values: [...MONTHS, '13'] }), Anio: req(ANIO),
      TipoEnvio: req({ kind: 'enum', values: ['N', 'C'] }), FechaModBal: opt({ kind: 'date' }), ...SEAL,
    },
    children: [
      {
        name: 'Ctas',
        min: 1,
        spec: {
          attributes: {
            NumCta: req({ kind: 'string', min: 1, max: 100 }),
            SaldoIni: req({ kind: 'importe' }), Debe: req({ kind: 'importe' }), Haber: req({ kind: 'importe' }), SaldoFin: req({ kind: 'importe' }),
          },
          children: [],
        },
      },
    ],
  },
};

export const POLIZAS: typeof CATALOGO = {
  namespace: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/PolizasPeriodo',
  schema: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/PolizasPeriodo/PolizasPeriodo_1_3.xsd',
  root: 'Polizas',
  spec: {
    attributes: {
      Version: VERSION, RFC: req(RFC), Mes: req({ kind: 'enum', values: MONTHS }), Anio: req(ANIO),
      TipoSolicitud: req({ kind: 'enum', values: ['AF', 'FC', 'DE', 'CO'] }),
      NumOrden: opt({ kind: 'string', length: 13, pattern: /^[A-Z]{3}[0-9]{7}\/[0-9]{2}$/ }),
      NumTramite: opt({ kind: 'string', length: 14, pattern: /^[A-Z]{2}[0-9]{12}$/ }),
      ...SEAL,
    },
    children: [
      {
        name: 'Poliza',
        min: 1,
        spec: {
          attributes: {
            NumUnIdenPol: req({ kind: 'string', min: 1, max: 50 }),
            Fecha: req({ kind: 'date' }),
            Concepto: req({ kind: 'string', min: 1, max: 300 }),
          },
          children: [
            {
              name: 'Transaccion',
              min: 1,
              spec: {
                attributes: {
                  NumCta: req({ kind: 'string', min: 1, max: 100 }),
                  DesCta: req({ kind: 'string', min: 1, max: 100 }),
                  Concepto: req({ kind: 'string', min: 1, max: 200 }),
                  Debe: req({ kind: 'importe' }),
                  Haber: req({ kind: 'importe' }),
                },
                children: ['CompNal', 'CompNalOtr', 'CompExt', 'Cheque', 'Transferencia', 'OtrMetodoPago'].map((name) => ({ name, min: 0, spec: OPAQUE })),
              },
            },
          ],
        },
      },
    ],
  },
};

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function attrProblem(rule: AttrRule, value: string): string | null {
  const chars = [...value].length;
  switch (rule.kind) {
    case 'fixed':
      return value === rule.value ? null : `must be ${rule.value}`;
    case 'enum':
      return rule.values.includes(value) ? null : `must be one of ${rule.values.join(', ')}`;
    case 'int': {
      if (!/^[+-]?[0-9]+$/.test(value)) return 'must be an integer';
      const n = Number(value);
      if (rule.min !== undefined && n < rule.min) return `must be at least ${rule.min}`;
      if (rule.max !== undefined && n > rule.max) return `must be at most ${rule.max}`;
      return null;
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return 'must be an xs:date YYYY-MM-DD';
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.toISOString().slice(0, 10) === value ? null : 'is not a calendar date';
    }
    case 'importe':
      // t_Importe: xs:decimal, at most 2 fraction digits, within ±9999999999999999999999.99.
      return /^-?[0-9]{1,22}(\.[0-9]{1,2})?$/.test(value) ? null : 'must be a decimal with at most 2 fraction digits';
    case 'string':
      if (rule.length !== undefined && chars !== rule.length) return `must be ${rule.length} characters long`;
      if (rule.min !== undefined && chars < rule.min) return `must be at least ${rule.min} characters long`;
      if (rule.max !== undefined && chars > rule.max) return `must be at most ${rule.max} characters long`;
      if (rule.pattern && !rule.pattern.test(value)) return `does not match ${rule.pattern.source}`;
      return null;
  }
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function elementName(node: Ordered): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function checkElement(node: Ordered, prefix: string, spec: ElementSpec, path: string, problems: string[], root = false): void {
  const name = elementName(node)!;
  const attrs = node[':@'] ?? {};
  for (const [attr, value] of Object.entries(attrs)) {
    if (root && (attr.startsWith('xmlns') || attr.startsWith('xsi:'))) continue;
    const a = spec.attributes[attr];
    if (!a) {
      problems.push(`${path}/@${attr}: not an attribute of ${name}`);
      continue;
    }
    const problem = attrProblem(a.rule, value);
    if (problem) problems.push(`${path}/@${attr}: ${problem} (got "${value}")`);
  }
  for (const [attr, a] of Object.entries(spec.attributes)) if (a.required && !(attr in attrs)) problems.push(`${path}/@${attr}: required`);
  const children = (node[name] as Ordered[]) ?? [];
  let at = 0; // position in the sequence of child specs
  const counts = new Map<string, number>();
  children.forEach((child, i) => {
    const childName = elementName(child)!;
    if (childName === '#text') {
      problems.push(`${path}: text content is not allowed`);
      return;
    }
    const [childPrefix, local] = childName.includes(':') ? childName.split(':') : ['', childName];
    if (childPrefix !== prefix) problems.push(`${path}/${childName}: not in the document's namespace`);
    const index = spec.children.findIndex((c, k) => k >= at && c.name === local);
    if (index < 0) {
      problems.push(`${path}/${childName}[${i}]: not allowed here${spec.children.some((c) => c.name === local) ? ' (out of sequence order)' : ''}`);
      return;
    }
    at = index;
    counts.set(local!, (counts.get(local!) ?? 0) + 1);
    checkElement(child, prefix, spec.children[index]!.spec, `${path}/${local}[${counts.get(local!)! - 1}]`, problems);
  });
  for (const c of spec.children) if ((counts.get(c.name) ?? 0) < c.min) problems.push(`${path}/${c.name}: at least ${c.min} required`);
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseAttributeValue: false, parseTagValue: false, trimValues: true });

/** Every structural problem of `xml` as a document of `doc` (CATALOGO, BALANZA or POLIZAS). */
export function structureProblems(xml: string, doc: typeof CATALOGO): string[] {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) problems.push('the XML declaration must say version 1.0, encoding UTF-8');
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [...problems, `not well-formed: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const nodes = (parser.parse(xml) as Ordered[]).filter((n) => elementName(n) !== '?xml');
  if (nodes.length !== 1) return [...problems, `one root element expected, found ${nodes.length}`];
  const root = nodes[0]!;
  const rootName = elementName(root)!;
  const [prefix, local] = rootName.split(':');
  if (local !== doc.root || prefix === undefined) return [...problems, `root must be a prefixed ${doc.root}, got ${rootName}`];
  const attrs = root[':@'] ?? {};
  if (attrs[`xmlns:${prefix}`] !== doc.namespace) problems.push(`/${rootName}: prefix ${prefix} must be bound to ${doc.namespace}`);
  if (attrs['xsi:schemaLocation'] !== undefined) {
    if (attrs['xmlns:xsi'] !== XSI) problems.push(`/${rootName}: xsi must be bound to ${XSI}`);
    if (attrs['xsi:schemaLocation'].trim().split(/\s+/).join(' ') !== `${doc.namespace} ${doc.schema}`) problems.push(`/${rootName}/@xsi:schemaLocation: must pair ${doc.namespace} with ${doc.schema}`);
  }
  checkElement(root, prefix, doc.spec, `/${local}`, problems, true);
  return problems;
}

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
}

/** The document's root element as a plain tree (local names, attributes, child elements). */
export function rootOf(xml: string): XmlElement {
  const convert = (n: Ordered): XmlElement => {
    const name = elementName(n)!;
    const kids = ((n[name] as Ordered[]) ?? []).filter((k) => elementName(k) !== '#text');
    return { name: name.split(':').pop()!, attributes: n[':@'] ?? {}, children: kids.map(convert) };
  };
  return convert((parser.parse(xml) as Ordered[]).find((n) => elementName(n) !== '?xml')!);
}
