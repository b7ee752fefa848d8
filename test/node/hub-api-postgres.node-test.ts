// The same API suite against a real PostgreSQL, when DATABASE_URL names one (.ci/run installs and starts it).
// Each run creates its own database (the role needs CREATEDB) and drops it afterwards, so DATABASE_URL's own
// database is never touched. It FAILS — never skips — when DATABASE_URL is set but unreachable, and when CI=true
// without DATABASE_URL: a CI run that silently left PostgreSQL untested would look green.
import { openStore } from '../../hub/db/index.js';
import { hubApiSuite } from './hub/api-suite.js';
import { postgresUrl, scratchDatabase } from './hub/postgres.js';

const url = postgresUrl('the hub suite');

if (url) {
  const db = scratchDatabase(url, 'vk_hub_test');
  hubApiSuite({
    name: 'PostgreSQL',
    async open() {
      // Unreachable or refused: this rejects, and the suite fails in its `before`.
      await db.create();
      return openStore({ dataDir: '', databaseUrl: db.url });
    },
    async cleanup() {
      await db.drop();
    },
  });
}
