import { expect, fixture, html } from '@open-wc/testing';
import '../../kiosk/define.js';
import type { VisitorKiosk } from '../../kiosk/visitor-kiosk.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { KeySetConfig } from '../../src/domain/site.js';
import { VisitStore } from '../../src/storage/index.js';
import { localDayKey } from '../../src/domain/time.js';
import { button, byRole, deepElements, until } from '../fixtures/shadow.js';

// Chromium's fake camera plays a Y4M of a real invitation signed for this run (web-test-runner.config.mjs);
// the kiosk trusts the key that signed it, reads it from the camera, and admits the visitor.
describe('<visitor-kiosk> with the camera', () => {
  const dbName = `vk-test-camera-${Date.now()}`;

  after(async () => {
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(dbName);
      req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
    });
  });

  it('reads an invitation from the camera, checks the visitor in, and ends the camera tracks', async () => {
    const keySet = (await (await fetch('/.cache/wtr-data/camera-keyset.json')).json()) as KeySetConfig;
    const kiosk = await fixture<VisitorKiosk>(html`<visitor-kiosk lang="en" .dbName=${dbName}></visitor-kiosk>`);
    kiosk.config = { ...DEMO_SITE, keySet };
    (await until(() => button(kiosk, 'Scan invitation'))).click();

    // The camera view opens the fake camera; the code is read from its frames, no typing.
    const video = await until(() => [...deepElements(kiosk)].find((e): e is HTMLVideoElement => e instanceof HTMLVideoElement));
    const stream = await until(() => video.srcObject as MediaStream | null, 10000);
    const tracks = stream.getTracks();
    expect(tracks.length).to.be.greaterThan(0);
    const confirm = await until(() => button(kiosk, 'Confirm'), 15000);
    // Leaving the scan screen ended the camera.
    expect(tracks.every((t) => t.readyState === 'ended')).to.equal(true);

    confirm.click();
    const status = await until(() => byRole(kiosk, 'status')[0]);
    expect(status.textContent).to.contain('12B');
    const store = new VisitStore(dbName);
    const rows = (await store.listByDay(localDayKey(new Date(), 'Asia/Hong_Kong'))).rows;
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ status: 'checked-in', source: 'kiosk-invitation' });
  });
});
