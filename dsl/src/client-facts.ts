// The facts of a client record a product may fill an input from (issue 14): `input { group.cycle:
// integer 1..50 from client.cycle }` declares a derived input, filled by the runtime from the
// client's record and loan history at the decision date, never typed in. This table is the one
// list of those facts: the checker refuses any other name, and refuses an input whose type cannot
// hold the fact; the runtime (runtime/src/clients/client-facts.ts) computes every fact named here.
import type { TypeName } from './ast/nodes.ts';

export interface ClientFact {
  /** `client.…`: the name written after `from`. */
  readonly name: string;
  readonly type: Exclude<TypeName, 'number' | 'money' | 'percent'>;
  /** The values of an `enum` fact (the input's enum must list each of them). */
  readonly values?: readonly string[];
  /** True when a record may lack it (a company has no birth date): the input may then be `optional`. */
  readonly mayBeMissing: boolean;
  readonly doc: { readonly es: string; readonly en: string };
}

/** Every client fact, in the order the reference documents them. */
export const CLIENT_FACTS: readonly ClientFact[] = Object.freeze([
  {
    name: 'client.birth_date',
    type: 'date',
    mayBeMissing: true,
    doc: { es: 'Fecha de nacimiento del expediente (de la CURP cuando el expediente no la da)', en: "Birth date on the record (from the CURP when the record leaves it out)" },
  },
  {
    name: 'client.age',
    type: 'integer',
    mayBeMissing: true,
    doc: { es: 'Edad cumplida a la fecha de la decisión, en años', en: 'Age in full years at the decision date' },
  },
  {
    name: 'client.sex',
    type: 'enum',
    values: ['H', 'M', 'X'],
    mayBeMissing: true,
    doc: { es: 'Sexo como lo escribe la CURP: H (hombre), M (mujer), X (no binario)', en: 'Sex as the CURP writes it: H (man), M (woman), X (non-binary)' },
  },
  {
    name: 'client.birth_state',
    type: 'string',
    mayBeMissing: true,
    doc: { es: 'Entidad de nacimiento, clave de dos letras de la CURP (NE: nacido en el extranjero)', en: 'State of birth, the two-letter CURP code (NE: born abroad)' },
  },
  {
    name: 'client.nationality',
    type: 'string',
    mayBeMissing: true,
    doc: { es: 'Nacionalidad, código ISO de dos letras (MX)', en: 'Nationality, two-letter ISO code (MX)' },
  },
  {
    name: 'client.pep',
    type: 'boolean',
    mayBeMissing: false,
    doc: { es: 'Persona políticamente expuesta', en: 'Politically exposed person' },
  },
  {
    name: 'client.cycle',
    type: 'integer',
    mayBeMissing: false,
    doc: { es: 'Ciclo con la institución: créditos anteriores liquidados + 1 (1 = primer crédito)', en: 'Cycle with the institution: earlier loans paid off + 1 (1 = first loan)' },
  },
  {
    name: 'client.prior_loans',
    type: 'integer',
    mayBeMissing: false,
    doc: { es: 'Créditos anteriores con la institución, en cualquier estado (sin los cancelados)', en: 'Earlier loans with the institution, in any state (cancelled ones left out)' },
  },
  {
    name: 'client.active_loans',
    type: 'integer',
    mayBeMissing: false,
    doc: { es: 'Créditos con la institución aún abiertos a la fecha de la decisión', en: 'Loans with the institution still open at the decision date' },
  },
  {
    name: 'client.worst_dpd',
    type: 'integer',
    mayBeMissing: false,
    doc: { es: 'Peor atraso, en días, de cualquier crédito del cliente con la institución; 0 si nunca se atrasó', en: "Worst days past due ever on any of the client's loans with the institution; 0 when never late" },
  },
] satisfies ClientFact[]);

const byName = new Map(CLIENT_FACTS.map((f) => [f.name, f] as const));

/** The fact named `name`, or undefined. */
export function clientFact(name: string): ClientFact | undefined {
  return byName.get(name);
}
