import { expect, fixture, html } from '@open-wc/testing';
import '../../desk/parcels/define.js';
import type { VkDeskParcels } from '../../desk/parcels/vk-desk-parcels.js';
import { LABEL_PHOTO_MAX_SIDE } from '../../desk/parcels/label-camera.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { MAX_LABEL_PHOTO_CHARS, parcelsOf } from '../../src/domain/lobby/parcel.js';
import type { SiteConfig } from '../../src/domain/site.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { parcelMessagesFor } from '../../src/i18n/desk/parcels.js';
import { RecordStore, closeKioskDb } from '../../src/storage/index.js';
import { button, deepText, field, until } from '../fixtures/shadow.js';

// Chromium's fake camera (web-test-runner.config.mjs) plays a real video: the desk opens it, takes one frame
// of it as the parcel's label photo, and ends the camera.
const MONDAY = new Date('2026-11-23T06:00:00Z');
const m = deskMessagesFor('en');
const p = parcelMessagesFor('en');
const staff: StaffMember = { id: 'guard-1', siteId: DEMO_SITE.id, name: 'Guard One', role: 'receptionist', pinHash: '', pinSalt: '', iterations: 0, failedAttempts: 0 };
const PHOTO_SITE: SiteConfig = { ...DEMO_SITE, lobby: { ...DEMO_SITE.lobby, parcelLabelPhoto: true } };

const dbNames: string[] = [];
afterEach(async () => {
  for (const name of dbNames.splice(0)) {
    await closeKioskDb(name);
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
    });
  }
});

async function mount(site: SiteConfig): Promise<VkDeskParcels> {
  const dbName = `vk-test-label-photo-${Date.now()}-${dbNames.length}`;
  dbNames.push(dbName);
  const el = await fixture<VkDeskParcels>(html`<vk-desk-parcels .messages=${m} .site=${site} .staff=${staff} .dbName=${dbName} .locale=${'en'} .now=${() => MONDAY}></vk-desk-parcels>`);
  await el.refresh();
  await el.updateComplete;
  return el;
}

const cameraVideo = (el: VkDeskParcels) => el.shadowRoot?.querySelector('video');

describe('<vk-desk-parcels> label photo', () => {
  it('offers no camera when the site leaves label photos off (the default)', async () => {
    const el = await mount(DEMO_SITE);
    expect(deepText(el)).not.to.contain(p.labelPhotoHint);
    expect(() => button(el, p.labelPhoto)).to.throw();
  });

  it('takes one downscaled JPEG of the label into the parcel record, ends the camera, shows a thumbnail', async () => {
    const el = await mount(PHOTO_SITE);
    expect(deepText(el)).to.contain(p.labelPhotoHint);

    // Cancel ends the camera too.
    button(el, p.labelPhoto).click();
    const first = await until(() => cameraVideo(el)?.srcObject as MediaStream | null, 10000);
    const firstTracks = first.getTracks();
    expect(firstTracks.length).to.be.greaterThan(0);
    button(el, p.cancel).click();
    await until(() => firstTracks.every((t) => t.readyState === 'ended'));
    await el.updateComplete;
    expect(cameraVideo(el)).to.equal(null);

    button(el, p.labelPhoto).click();
    const video = await until(() => cameraVideo(el), 10000);
    const stream = await until(() => video.srcObject as MediaStream | null, 10000);
    const tracks = stream.getTracks();
    await until(() => video.videoWidth > 0, 10000);
    button(el, p.labelPhotoCapture).click();
    // Every track ended the moment the frame was taken.
    expect(tracks.every((t) => t.readyState === 'ended')).to.equal(true);
    await until(() => deepText(el).includes(p.labelPhotoTaken));

    field(el, p.carrier).value = 'Kerry';
    field(el, p.unit).value = '12B';
    button(el, p.logParcel).click();
    await until(() => deepText(el).includes(p.logged('12B')));

    const [parcel] = parcelsOf((await new RecordStore(el.dbName).byState('parcel', ['received'])).rows);
    const photo = parcel?.data.labelPhoto ?? '';
    expect(photo.startsWith('data:image/jpeg;base64,')).to.equal(true);
    expect(photo.length).to.be.at.most(MAX_LABEL_PHOTO_CHARS);
    const img = new Image();
    img.src = photo;
    await img.decode();
    expect(Math.max(img.naturalWidth, img.naturalHeight)).to.be.at.most(LABEL_PHOTO_MAX_SIDE).and.greaterThan(0);

    // The waiting list shows it as a thumbnail named for the unit; the form is ready for the next parcel.
    const thumb = await until(() => el.shadowRoot?.querySelector<HTMLImageElement>(`li.parcel img[alt="${p.labelPhotoAlt('12B')}"]`));
    expect(thumb.src).to.equal(photo);
    expect(button(el, p.labelPhoto)).to.be.instanceOf(HTMLButtonElement);
    await expect(el).to.be.accessible();
  });
});
