// Migration 2026-12-07-ops-collection-agent-users: collection agents written as free text before
// agents were users become the user their text names (by id, by email in any case, or by a name
// only one user has); other text stays as a legacy label, shown as the agent's name.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as agentUsers from '../src/db/migrations/2026-12-07-ops-collection-agent-users.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('collection agents migration on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
  });
  afterAll(async () => h?.destroy());

  it('turns free-text agents naming a user into that user and keeps the rest as labels', async () => {
    const loans = [await disbursedLoan(h), await disbursedLoan(h), await disbursedLoan(h)];
    const user = async (email: string, name: string) => (await h.request('POST', '/api/v1/users', { body: { email, name, role: 'operator' } })).body.user.id as string;
    const ana = await user('ana@example.mx', 'Ana López');
    const luis = await user('luis@example.mx', 'Luis Pérez');
    const twin1 = await user('twin1@example.mx', 'Gemelo');
    await user('twin2@example.mx', 'Gemelo');
    expect(twin1).toBeTruthy();

    await agentUsers.down(h.db);
    const at = '2025-01-06T16:00:00Z';
    const assign = (loan: string, agent: string) => sql`insert into collection_assignments (loan_id, agent, assigned_at, created_at, created_by) values (${loan}, ${agent}, ${at}, ${at}, 'system')`.execute(h.db);
    await assign(loans[0]!, 'ANA@Example.mx');
    await assign(loans[1]!, 'Gemelo');
    await assign(loans[2]!, luis);
    const texts = ['Luis Pérez', 'ana@example.mx', 'despacho externo', 'Gemelo'];
    for (const [i, agent] of texts.entries()) {
      await sql`insert into collection_contacts (id, loan_id, agent, channel, result, contacted_at, created_at, created_by)
                values (${`00000000-0000-7000-8000-00000000000${i}`}, ${loans[0]}, ${agent}, 'phone', 'other', ${at}, ${at}, 'system')`.execute(h.db);
    }
    await agentUsers.up(h.db);

    const assignments = await sql<{ loan_id: string; agent: string; agent_id: string | null }>`select loan_id, agent, agent_id from collection_assignments`.execute(h.db);
    const byLoan = new Map(assignments.rows.map((r) => [r.loan_id, r]));
    expect(byLoan.get(loans[0]!)).toMatchObject({ agent: ana, agent_id: ana });
    expect(byLoan.get(loans[1]!)).toMatchObject({ agent: 'Gemelo', agent_id: null });
    expect(byLoan.get(loans[2]!)).toMatchObject({ agent: luis, agent_id: luis });
    const contacts = await h.request('GET', `/api/v1/collections/loans/${loans[0]}/contacts`);
    expect(contacts.status, contacts.text).toBe(200);
    const byId = new Map(contacts.body.contacts.map((c: { id: string }) => [c.id, c]));
    expect(texts.map((_, i) => byId.get(`00000000-0000-7000-8000-00000000000${i}`))).toEqual([
      expect.objectContaining({ agent: luis, agent_id: luis, agent_name: 'Luis Pérez' }),
      expect.objectContaining({ agent: ana, agent_id: ana, agent_name: 'Ana López' }),
      expect.objectContaining({ agent: 'despacho externo', agent_id: null, agent_name: 'despacho externo' }),
      expect.objectContaining({ agent: 'Gemelo', agent_id: null, agent_name: 'Gemelo' }),
    ]);
    // One assignment keeps its label: the name two users share names neither.
    expect((await sql<{ n: number }>`select count(*)::int as n from collection_assignments where agent_id is null`.execute(h.db)).rows[0]!.n).toBe(1);
  });
});
