// The same API suite against a real PostgreSQL, when DATABASE_URL names one (.ci/run installs and starts it).
// Each run creates its own database (the role needs CREATEDB) and drops it afterwards, so DATABASE_URL's own
// database is never touched. It FAILS — never skips — when DATABASE_URL is set but unreachable, and when CI=true
// without DATABASE_URL: a CI run that silently left PostgreSQL untested would look green.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import pg from 'pg';
import { openStore } from '../../hub/db/index.js';
import { hubApiSuite } from './hub/api-suite.js';

const url = process.env['DATABASE_URL'];
const ci = process.env['CI'] === 'true' || process.env['CI'] === '1';

if (!url) {
  if (ci) {
    it('runs the hub suite on PostgreSQL in CI', () => {
      assert.fail('CI=true but DATABASE_URL is not set: .ci/run must start PostgreSQL and export DATABASE_URL');
    });
  } else {
    it('PostgreSQL suite (set DATABASE_URL=postgres://… to run it)', { skip: 'DATABASE_URL is not set' }, () => undefined);
  }
} else {
  const dbName = `vk_hub_test_${randomBytes(4).toString('hex')}`;
  const testUrl = (() => {
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  hubApiSuite({
    name: 'PostgreSQL',
    async open() {
      // Unreachable or refused: this rejects, and the suite fails in its `before`.
      await admin((c) => c.query(`create database ${dbName}`));
      return openStore({ dataDir: '', databaseUrl: testUrl });
    },
    async cleanup() {
      await admin((c) => c.query(`drop database if exists ${dbName} with (force)`)).catch(() => undefined);
    },
  });
}
