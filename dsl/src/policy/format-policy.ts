// The canonical formatter of PLD policy documents: the product formatter's layout (two-space
// indent, comments kept next to their statement), statements in source order.
import type { Diagnostic } from '../diagnostic.ts';
import { MAX_WIDTH, keepSourceBlanks, renderFile, type Block, type Item, type Leaf, type SourceComment } from '../format/layout.ts';
import { Spelling } from '../format/print-expression.ts';
import type { FactorBinDecl, FactorDecl, PolicyDecl, RiskGradeSection, RiskItem, UnusualRuleDecl } from './policy-nodes.ts';
import { parsePolicyDocument } from './parse-policy.ts';
import type { FormatResult } from '../format/format.ts';

class PolicyLayout {
  constructor(private readonly spell: Spelling) {}

  private leaf(group: string, node: { range: { start: { offset: number }; end: { offset: number } } }, lines: string[]): Leaf {
    return { kind: 'leaf', group, start: node.range.start.offset, end: node.range.end.offset, lines };
  }

  policy(policy: PolicyDecl): Block {
    const name = policy.name ? ` ${this.spell.literal(policy.name)}` : '';
    const children: Item[] = [];
    if (policy.doc) children.push({ kind: 'leaf', group: 'doc', start: policy.doc.range.start.offset - 4, end: policy.doc.range.end.offset, lines: [`doc ${this.spell.literal(policy.doc)}`] });
    if (policy.risk) children.push(this.risk(policy.risk));
    for (const rule of policy.rules) children.push(this.unusual(rule));
    return {
      kind: 'block',
      group: 'policy',
      start: policy.range.start.offset,
      end: policy.range.end.offset,
      header: `policy ${policy.code?.name ?? ''}${name} {`,
      headerEnd: policy.bodyStart,
      children,
      blankPolicy: keepSourceBlanks,
    };
  }

  private risk(risk: RiskGradeSection): Block {
    return {
      kind: 'block',
      group: 'risk',
      start: risk.range.start.offset,
      end: risk.range.end.offset,
      header: 'risk grade {',
      headerEnd: risk.bodyStart,
      children: risk.items.map((item) => this.riskItem(item)),
      blankPolicy: keepSourceBlanks,
    };
  }

  private riskItem(item: RiskItem): Item {
    switch (item.kind) {
      case 'FactorDecl':
        return this.factor(item);
      case 'ConditionDecl':
        return this.leaf('condition', item, [`when ${this.spell.expression(item.condition)} -> ${this.points(item.points)} reason ${this.spell.literal(item.reason)}`]);
      case 'GradeCutoffDecl':
        return this.leaf('grade', item, [`${item.grade.name} when points >= ${this.spell.literal(item.min)}`]);
      case 'GradeOtherwiseDecl':
        return this.leaf('grade', item, [`otherwise ${item.grade.name}`]);
    }
  }

  private points(points: FactorBinDecl['points']): string {
    return this.spell.literal(points);
  }

  private bin(bin: FactorBinDecl): string {
    const m = bin.match;
    let match: string;
    if (m.kind === 'missing' || m.kind === 'otherwise') match = m.kind;
    else if (m.kind === 'range') match = `${m.min ? this.spell.literal(m.min) : ''}${m.maxExclusive ? '..<' : '..'}${m.max ? this.spell.literal(m.max) : ''}`;
    else match = m.values.map((v) => this.spell.value(v)).join(', ');
    return `${match} -> ${this.points(bin.points)}`;
  }

  private factor(factor: FactorDecl): Block {
    const bins = factor.bins.map((bin) => this.bin(bin));
    const inline = `${bins.join('  ')} }`;
    return {
      kind: 'block',
      group: 'factor',
      start: factor.range.start.offset,
      end: factor.range.end.offset,
      header: `factor ${factor.fact.name} {`,
      headerEnd: factor.bodyStart,
      children: factor.bins.map((bin, i) => this.leaf('bin', bin, [bins[i]!])),
      ...(bins.length <= 2 && factor.bins.every((b) => b.match.kind === 'values') ? { inline } : {}),
      blankPolicy: keepSourceBlanks,
    };
  }

  private unusual(rule: UnusualRuleDecl): Leaf {
    const head = `unusual ${this.spell.literal(rule.code)} when ${this.spell.expression(rule.condition)}`;
    if (!rule.message) return this.leaf('unusual', rule, [head]);
    const message = `message ${this.spell.literal(rule.message)}`;
    // The caller indents the first line by the block's indent (two spaces in a policy).
    return this.leaf('unusual', rule, head.length + message.length + 3 <= MAX_WIDTH ? [`${head} ${message}`] : [head, `  ${message}`]);
  }
}

/**
 * Formats a policy text canonically; idempotent. A text with syntax errors is returned unchanged.
 * @example formatPolicy('policy pld "PLD" {risk grade {otherwise low}}').text
 */
export function formatPolicy(text: string): FormatResult {
  const parsed = parsePolicyDocument(text);
  const errors: Diagnostic[] = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !parsed.file.policy) return { text, diagnostics: errors };
  const comments: SourceComment[] = parsed.commentTokens.map((c) => ({ start: c.startOffset, end: c.startOffset + c.image.length, text: c.image }));
  const items: Item[] = [new PolicyLayout(new Spelling(text)).policy(parsed.file.policy)];
  return { text: renderFile(items, comments, { text, lines: parsed.lines }), diagnostics: [] };
}
