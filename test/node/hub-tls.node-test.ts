// The hub serves HTTPS when given a certificate and key (TLS_CERT / TLS_KEY): a throw-away self-signed
// certificate for `localhost`, trusted by this client only, on loopback.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { startHub } from '../../hub/server.js';
import { bootstrapIfEmpty } from '../../hub/sites.js';

let dir = '';
let store: HubStore;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vk-hub-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  store = await openStore({ dataDir: dir });
  await bootstrapIfEmpty(store, { adminPin: '2468', now: new Date() });
});
after(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

it('serves the API and /site.json over HTTPS with the given certificate', async () => {
  const hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, tls: { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') } });
  try {
    assert.match(hub.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = await readFile(join(dir, 'cert.pem'));
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${hub.url}/site.json`, { ca }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal((JSON.parse(body) as { id: string }).id, 'demo');
  } finally {
    await hub.close();
  }
});
