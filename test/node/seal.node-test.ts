// The hub opens in Node what a tablet sealed in the browser: the same module must work on both WebCrypto
// implementations. The browser half is test/unit/invite/seal.suite.ts; this is the Node half.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSealingKey, identityHash, openSealed, seal } from '../../src/invite/seal.js';

test('seal and open on Node WebCrypto; a value sealed to one key does not open with another', async () => {
  const hub = await generateSealingKey();
  const sealed = await seal(hub, 'hkid:A1234563');
  assert.equal(await openSealed(hub, sealed), 'hkid:A1234563');
  const other = await generateSealingKey();
  await assert.rejects(openSealed({ ...other, kid: hub.kid }, sealed), { code: 'seal-invalid' });
});

test('identity hashes are keyed and canonical', async () => {
  const key = new Uint8Array(32).fill(7);
  assert.equal(await identityHash(key, 'hkid', 'A123456(3)'), await identityHash(key, 'hkid', 'A1234563'));
  assert.notEqual(await identityHash(key, 'hkid', 'A1234563'), await identityHash(new Uint8Array(32).fill(8), 'hkid', 'A1234563'));
});
