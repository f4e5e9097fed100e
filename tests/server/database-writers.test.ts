/**
 * The writers of one process on SQLite's one write lock (server/db/database.ts): a transaction's
 * statements asked at once still commit or roll back together, the outbox relay's single
 * statements go ahead of transactions waiting, and a writer asked for from inside a writing
 * transaction is refused at once rather than waiting for itself for ever.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { Knex } from 'knex';
import { testDatabases } from '../support/databases.ts';
import { allAtOnce, writeAlone, writeTransaction } from '../../server/db/database.ts';

for (const database of await testDatabases()) {
  const test = suite(`Writers on ${database.name}`);
  let db: Knex;
  test.before(async () => {
    if (database.skip) return;
    ({ db } = await database.create());
    await db.schema.createTable('writer_check', (table) => {
      table.string('id').primary();
    });
  });
  test.before.each(async () => {
    if (!database.skip) await db('writer_check').delete();
  });
  const it = database.skip ? test.skip : test;
  const ids = async () => (await db('writer_check').select('id').orderBy('id')).map((row) => row.id as string);

  it('should roll back every statement asked at once when one fails, once all have ended', async () => {
    const refused = await writeTransaction(db, (trx) =>
      allAtOnce(trx, [
        () => trx('writer_check').insert({ id: 'a' }),
        () => {
          throw new Error('refused at once');
        },
        () => trx('writer_check').insert({ id: 'b' }),
        false,
      ]),
    ).then(
      () => null,
      (error: Error) => error.message,
    );
    assert.is(refused, 'refused at once');
    assert.equal(await ids(), [], 'nothing kept');
    await writeTransaction(db, (trx) =>
      allAtOnce(trx, [() => trx('writer_check').insert({ id: 'c' }), () => trx('writer_check').insert({ id: 'd' })]),
    );
    assert.equal(await ids(), ['c', 'd'], 'and kept together when all go');
  });

  it('should refuse a writer asked for inside a writing transaction, and still commit the rest', async () => {
    const said = await writeTransaction(db, async (trx) => {
      await trx('writer_check').insert({ id: 'kept' });
      return Promise.resolve()
        .then(() => writeAlone(db, async () => db('writer_check').insert({ id: 'inner' })))
        .then(
          () => 'ran',
          (error: Error) => error.message,
        );
    });
    if (database.name === 'SQLite') assert.match(said, /inside a writing transaction: use that transaction/);
    else assert.is(said, 'ran', 'PostgreSQL writers need no queue');
    assert.ok((await ids()).includes('kept'));
  });

  if (database.name === 'SQLite')
    it('should let a single statement go ahead of the transactions waiting for the lock', async () => {
      const order: string[] = [];
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = writeTransaction(db, async (trx) => {
        await held;
        await trx('writer_check').insert({ id: 'first' });
        order.push('first');
      });
      const second = writeTransaction(db, async (trx) => {
        await trx('writer_check').insert({ id: 'second' });
        order.push('second');
      });
      const alone = writeAlone(db, async () => {
        await db('writer_check').insert({ id: 'alone' });
        order.push('alone');
      });
      release();
      await Promise.all([first, second, alone]);
      assert.equal(order, ['first', 'alone', 'second']);
    });

  test.run();
}
