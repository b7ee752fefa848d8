// PostgreSQL for the hub's node tests: a scratch database of the test's own on the server DATABASE_URL names
// (created and dropped — DATABASE_URL's own database is never touched), and the rule that a run without
// DATABASE_URL skips locally but FAILS in CI: a CI run that silently left PostgreSQL untested would look green.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import pg from 'pg';

/**
 * DATABASE_URL, or undefined after registering the test that stands for the missing server: a failure when
 * CI is set, a skip otherwise. `what` names the suite in that test's title.
 */
export function postgresUrl(what: string): string | undefined {
  const url = process.env['DATABASE_URL'];
  if (url) return url;
  if (process.env['CI'] === 'true' || process.env['CI'] === '1') {
    it(`runs ${what} on PostgreSQL in CI`, () => {
      assert.fail('CI=true but DATABASE_URL is not set: .ci/run must start PostgreSQL and export DATABASE_URL');
    });
  } else {
    it(`${what} on PostgreSQL (set DATABASE_URL=postgres://… to run it)`, { skip: 'DATABASE_URL is not set' }, () => undefined);
  }
  return undefined;
}

/** A scratch database on the server of `url`: its name, its URL, and a client on the server's own database. */
export function scratchDatabase(url: string, prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const own = new URL(url);
  own.pathname = `/${name}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    name,
    url: own.toString(),
    admin,
    /** Unreachable or refused: this rejects, and the suite fails where it calls it. */
    create: () => admin((c) => c.query(`create database ${name}`)),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined, () => undefined),
  };
}
