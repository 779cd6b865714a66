// The names a product declares — input fields, `let`s, bands, the built-ins `score` and `today` —
// collected once before the checks run, with the types the expression checker resolves against.
import { ENGINE_REASONS } from '@plazo/engine';
import type { BandDecl, InputFieldDecl, LetDecl, ProductDecl, ScorecardSection } from '../ast/nodes.ts';
import { DATE, NUMBER, UNKNOWN, fieldType, type ExprType } from './value-types.ts';

export interface InputSymbol {
  readonly kind: 'input';
  readonly name: string;
  readonly decl: InputFieldDecl;
  readonly type: ExprType;
  readonly optional: boolean;
}

export interface LetSymbol {
  readonly kind: 'let';
  readonly name: string;
  readonly decl: LetDecl;
  /** Position among the lets: a let may use only lets with a smaller index. */
  readonly index: number;
  /** Filled in when the let is checked, in source order. */
  type: ExprType;
  /** True when it may be missing: it reads an optional value without an `is present` guard. */
  optional: boolean;
}

export interface BuiltinSymbol {
  readonly kind: 'builtin';
  readonly name: 'score' | 'today';
  readonly type: ExprType;
  readonly optional: false;
}

export type NameSymbol = InputSymbol | LetSymbol | BuiltinSymbol;

/** Names usable in expressions, bands and the scorecard, from the first declaration of each. */
export interface Scope {
  readonly product: ProductDecl;
  readonly inputs: ReadonlyMap<string, InputSymbol>;
  /** Each input's first segment (and each undotted input), mapped to one field path in that group. */
  readonly inputGroups: ReadonlyMap<string, string>;
  readonly lets: ReadonlyMap<string, LetSymbol>;
  readonly scorecard?: ScorecardSection;
  readonly bands: ReadonlyMap<string, BandDecl>;
  /** Every reason code a decision can produce, for `expect ... reasons`. */
  readonly reasons: ReadonlySet<string>;
  /** Collection stage names, for `expect on ... stage`. */
  readonly stages: ReadonlySet<string>;
}

export const BUILTINS: ReadonlyMap<string, BuiltinSymbol> = new Map([
  ['score', { kind: 'builtin', name: 'score', type: NUMBER, optional: false }],
  ['today', { kind: 'builtin', name: 'today', type: DATE, optional: false }],
]);


/** Collects the declarations of a product (duplicates are reported by the checks, not here). */
export function buildScope(product: ProductDecl): Scope {
  const inputs = new Map<string, InputSymbol>();
  const lets = new Map<string, LetSymbol>();
  const bands = new Map<string, BandDecl>();
  // The engine's own reasons (limits, capacity, rate table) may be expected in tests too.
  const reasons = new Set<string>(Object.keys(ENGINE_REASONS));
  const stages = new Set<string>();
  let scorecard: ScorecardSection | undefined;
  for (const section of product.sections) {
    switch (section.kind) {
      case 'InputSection':
        for (const field of section.fields) {
          const name = field.name?.name;
          if (!name || inputs.has(name)) continue;
          const values = (field.enumValues ?? []).map((v) => v.name);
          inputs.set(name, { kind: 'input', name, decl: field, type: fieldType(field.type, values), optional: field.optional });
        }
        break;
      case 'LetDecl': {
        const name = section.name?.name;
        if (name && !lets.has(name)) {
          lets.set(name, { kind: 'let', name, decl: section, index: lets.size, type: UNKNOWN, optional: false });
        }
        break;
      }
      case 'ScorecardSection':
        scorecard ??= section;
        for (const band of section.bands) if (band.name?.name && !bands.has(band.name.name)) bands.set(band.name.name, band);
        for (const characteristic of section.characteristics) {
          for (const bin of characteristic.bins) if (bin.reason?.value) reasons.add(bin.reason.value);
        }
        if (section.otherwise?.reason?.value) reasons.add(section.otherwise.reason.value);
        break;
      case 'EligibilitySection':
        for (const rule of section.rules) if (rule.reason?.value) reasons.add(rule.reason.value);
        break;
      case 'CollectionSection':
        for (const step of section.steps) if (step.kind === 'stage' && step.stage?.name) stages.add(step.stage.name);
        break;
      default:
        break;
    }
  }
  const inputGroups = new Map<string, string>();
  for (const path of inputs.keys()) {
    const dot = path.indexOf('.');
    const group = dot < 0 ? path : path.slice(0, dot); // path.split('.')[0], without the array
    if (!inputGroups.has(group)) inputGroups.set(group, path);
  }
  const common = { product, inputs, inputGroups, lets, bands, reasons, stages };
  return scorecard ? { ...common, scorecard } : common;
}

/** The symbol a name refers to, if any. */
export function lookup(scope: Scope, name: string): NameSymbol | undefined {
  return scope.inputs.get(name) ?? scope.lets.get(name) ?? BUILTINS.get(name);
}

/** Every name an expression may use, for suggestions. */
export function knownNames(scope: Scope): string[] {
  return [...scope.inputs.keys(), ...scope.lets.keys(), ...BUILTINS.keys()];
}
