import { expect } from '@open-wc/testing';
import { verifyArrival } from '../../../kiosk/token-bridge.js';
import { DEMO_SITE } from '../../../src/domain/demo-site.js';
import { generateSigningKey, publicKeySet, signInvitation } from '../../../src/invite/index.js';
import { randomId } from '../../../src/invite/keys.js';
import { SyncStore } from '../../../src/storage/index.js';
import { dropDb, uniqueDbName } from '../storage/helpers.js';

describe('an invitation the hub revoked', () => {
  let name: string;
  afterEach(() => dropDb(name));

  it('is refused at the kiosk once a pull brought its id, like a token of a revoked key', async () => {
    name = uniqueDbName();
    const key = await generateSigningKey();
    const site = { ...DEMO_SITE, keySet: publicKeySet([key]) };
    const now = Date.now();
    const jti = randomId();
    const token = await signInvitation(
      { issuer: 'hub', site: site.id, host: '12B', visitorType: 'business', from: new Date(now - 3600_000), until: new Date(now + 3600_000), id: jti },
      key,
    );

    expect((await verifyArrival(token, site, name)).ok).to.equal(true);
    await new SyncStore(name).addRevokedJtis([randomId(), jti]);
    expect(await verifyArrival(token, site, name)).to.deep.equal({ ok: false, code: 'invite-revoked-key' });
    // Other invitations still pass.
    const other = await signInvitation({ issuer: 'hub', site: site.id, host: '12B', visitorType: 'business', from: new Date(now - 3600_000), until: new Date(now + 3600_000) }, key);
    expect((await verifyArrival(other, site, name)).ok).to.equal(true);
  });
});
