// The hub's API suite against its embedded database: SQLite (better-sqlite3, WAL, synchronous=FULL) in a
// fresh temporary directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../hub/db/index.js';
import { hubApiSuite } from './hub/api-suite.js';

let dir = '';
hubApiSuite({
  name: 'SQLite',
  async open() {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-'));
    return openStore({ dataDir: dir });
  },
  async cleanup() {
    await rm(dir, { recursive: true, force: true });
  },
});
