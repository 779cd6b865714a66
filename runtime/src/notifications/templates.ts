// The template registry (table notification_templates, seeded with the example products' template
// names in Spanish): `{{variable}}` placeholders filled from the notification's variables. A
// template a product names but the registry lacks still renders, as a generic Spanish text, so a
// new product never blocks the end of day; add its row to say it properly.
import type { Executor } from '../db/database.ts';

export interface Template {
  readonly name: string;
  readonly channel: string;
  readonly subject: string | null;
  readonly body: string;
}

export type TemplateRegistry = ReadonlyMap<string, Template>;

const FALLBACK = 'Aviso de tu crédito {{credito}}: monto {{monto}}, fecha {{fecha}}, días de atraso {{dias_atraso}}.';

export async function loadTemplates(db: Executor): Promise<TemplateRegistry> {
  const rows = await db.selectFrom('notification_templates').select(['name', 'channel', 'subject', 'body']).execute();
  return new Map(rows.map((r) => [r.name, r]));
}

/** Fills `{{name}}` placeholders; unknown placeholders become empty. */
export function renderTemplate(registry: TemplateRegistry, name: string, variables: Readonly<Record<string, string>>): { subject: string | null; body: string } {
  const template = registry.get(name);
  const fill = (text: string) => text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, key: string) => variables[key] ?? '');
  return { subject: template?.subject ? fill(template.subject) : null, body: fill(template?.body ?? FALLBACK) };
}
