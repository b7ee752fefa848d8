// The site's own rules file, fetched for real from the test server (test/fixtures/rules/): a good file is in
// force and kept on the device; a bad one is refused with the exact path of its error and the last good rules
// stay — in this page, and after a reload (a new page with nothing in memory).
import { expect } from '@open-wc/testing';
import { loadSiteRules } from '../../../desk/rules-source.js';
import { DEMO_SITE } from '../../../src/domain/demo-site.js';
import { defaultRulesFor } from '../../../src/domain/rules/index.js';
import { lastRules } from '../../../src/storage/desk-rules.js';
import { closeKioskDb } from '../../../src/storage/index.js';

const GOOD = '/test/fixtures/rules/site-rules.json';
const BAD = '/test/fixtures/rules/bad-role.json';
const NOT_JSON = '/test/fixtures/rules/not-json.json';
const MISSING = '/test/fixtures/rules/no-such-file.json';
const NOW = new Date('2026-03-10T02:00:00Z');

let counter = 0;
const names: string[] = [];
const freshDb = () => {
  const name = `vk-test-rules-${Date.now()}-${counter++}`;
  names.push(name);
  return name;
};

describe('loadSiteRules', () => {
  afterEach(async () => {
    for (const name of names.splice(0)) {
      await closeKioskDb(name);
      await new Promise((r) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
      });
    }
  });

  it('without a file: the presets for the site kind', async () => {
    const loaded = await loadSiteRules({ src: '', site: DEMO_SITE, dbName: freshDb(), now: NOW });
    expect(loaded).to.deep.equal({ rules: defaultRulesFor(DEMO_SITE.kind), source: 'preset' });
    const office = await loadSiteRules({ src: '', site: { ...DEMO_SITE, kind: 'company-office' }, dbName: freshDb(), now: NOW });
    expect(office.rules.routing.preset).to.equal('company-office');
  });

  it('a good file is in force and kept on the device', async () => {
    const dbName = freshDb();
    const loaded = await loadSiteRules({ src: GOOD, site: DEMO_SITE, dbName, now: NOW });
    expect(loaded.problem).to.equal(undefined);
    expect(loaded.source).to.equal(GOOD);
    expect(loaded.rules.escalation.unacknowledgedMinutes).to.equal(1);
    expect(loaded.rules.classC.when).to.deep.include({ visitorType: 'estate-agent' });
    expect((await lastRules(DEMO_SITE.id, dbName))?.rules).to.deep.equal(loaded.rules);
  });

  it('a file that does not parse is refused with the exact path of the error; the last good rules stay', async () => {
    const dbName = freshDb();
    const good = await loadSiteRules({ src: GOOD, site: DEMO_SITE, dbName, now: NOW });
    // The same address now serves a file with a role nobody knows (as a site editing its file might).
    const refused = await loadSiteRules({ src: BAD, site: DEMO_SITE, dbName, now: NOW, current: { ...good, source: BAD } });
    expect(refused.problem).to.deep.include({ kind: 'refused', src: BAD, path: 'routing.office.C.first.1' });
    expect(refused.rules).to.equal(good.rules);
  });

  it('after a reload, a bad file keeps the last good file kept on the device, not the presets', async () => {
    const dbName = freshDb();
    // The device accepted the site's file at this address before …
    await loadSiteRules({ src: GOOD, site: DEMO_SITE, dbName, now: NOW });
    // … and the page was reloaded (nothing in memory); the file is broken now. Simulated by loading the
    // broken file's address with the good one kept under it: what the device holds for that address.
    const { saveLastRules } = await import('../../../src/storage/desk-rules.js');
    const kept = await lastRules(DEMO_SITE.id, dbName);
    await saveLastRules(DEMO_SITE.id, kept!.rules, BAD, NOW, dbName);
    const refused = await loadSiteRules({ src: BAD, site: DEMO_SITE, dbName, now: NOW });
    expect(refused.problem?.kind).to.equal('refused');
    expect(refused.rules.escalation.unacknowledgedMinutes).to.equal(1);
    expect(refused.source).to.equal(BAD);
  });

  it('a first load of a bad file keeps the presets and says why', async () => {
    const refused = await loadSiteRules({ src: BAD, site: DEMO_SITE, dbName: freshDb(), now: NOW });
    expect(refused.rules).to.equal(defaultRulesFor(DEMO_SITE.kind));
    expect(refused.source).to.equal('preset');
    expect(refused.problem).to.deep.include({ kind: 'refused', path: 'routing.office.C.first.1' });
    expect(refused.problem && 'message' in refused.problem && refused.problem.message).to.be.a('string').and.not.equal('');
  });

  it('a file that is not JSON, or not there, is unreadable: the previous rules stay', async () => {
    const dbName = freshDb();
    const good = await loadSiteRules({ src: GOOD, site: DEMO_SITE, dbName, now: NOW });
    for (const src of [NOT_JSON, MISSING]) {
      const kept = await loadSiteRules({ src, site: DEMO_SITE, dbName, now: NOW, current: { ...good, source: src } });
      expect(kept.problem).to.deep.equal({ kind: 'unreadable', src });
      expect(kept.rules).to.equal(good.rules);
    }
  });

  it('the same file read again keeps the same rules object (the desk does not classify the day again)', async () => {
    const dbName = freshDb();
    const first = await loadSiteRules({ src: GOOD, site: DEMO_SITE, dbName, now: NOW });
    const again = await loadSiteRules({ src: GOOD, site: DEMO_SITE, dbName, now: NOW, current: first });
    expect(again.rules).to.equal(first.rules);
  });
});
