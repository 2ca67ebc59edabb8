import { DataSource } from 'typeorm';
import { Team } from '../../src/agents/entities/team.entity';
import { transaction } from '../../src/database/transaction';
import { startTestApp, TestApp } from '../support/test-app';

describe('transactions running at the same time (an import beside background auto-QA)', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    ds = t.dataSource;
  });
  afterAll(() => t.close());

  it('keep their own work: one rolls back, the others commit, nothing is mixed up', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const results = await Promise.allSettled([
      transaction(ds, async (m) => {
        await m.insert(Team, { name: 'kept-1' });
        await tick();
        await m.insert(Team, { name: 'kept-2' });
      }),
      transaction(ds, async (m) => {
        await m.insert(Team, { name: 'rolled-back' });
        await tick();
        throw new Error('this file is bad');
      }),
      transaction(ds, async (m) => {
        await tick();
        await m.insert(Team, { name: 'kept-3' });
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const names = (await ds.getRepository(Team).find()).map((team) => team.name).sort();
    expect(names).toEqual(['kept-1', 'kept-2', 'kept-3']);
  });
});
