// The host's answer (issue 6, item 1) end to end on the hub: a paired kiosk registers a visitor for a unit in
// the site's host directory; the hub hands the one-time link to a webhook receiver this test runs on loopback
// (the company's chat bridge in real life); the host opens it on a second page and taps **Coming down**; the
// kiosk's outcome screen says "Your host is coming down" and the hub desk's row shows the host's confirmation;
// the link opened again says it was answered already.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { hostAnswerWebhookSchema } from '../../src/schemas/host-answer.js';
import { openStore } from '../../hub/db/index.js';
import { HUB_E2E_DATA_DIR } from '../../playwright.config.js';
import { registerWalkIn } from './helpers.js';
import { HUB_URL, newPairCode, openHubDesk, pairKiosk, staffToken } from './hub-helpers.js';

test.use({ baseURL: HUB_URL });

/** No axe violations on the page as shown (the host reads it on a phone, perhaps with a screen reader). */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
}

/** A unit of the demo site no other end-to-end test visits: its host contact is this test's alone. */
const UNIT = { id: 'unit-23f', label: '23F' };

test('a host taps Coming down on the one-time link: the kiosk and the desk show it at once; the link then says answered', async ({ browser, request }) => {
  const links: string[] = [];
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = hostAnswerWebhookSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (parsed.success) links.push(parsed.data.hostAnswer.link);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const admin = await staffToken(request);
  const auth = { Authorization: `Bearer ${admin}` };
  const original = (await (await request.get(`${HUB_URL}/api/v1/site/config`, { headers: auth })).json()) as Record<string, unknown>;
  let webhookId = '';
  const kioskContext = await browser.newContext();
  const hostContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const deskContext = await browser.newContext();
  try {
    const put = await request.put(`${HUB_URL}/api/v1/site/config`, { headers: auth, data: { ...original, hosts: { contacts: [{ kind: 'unit', id: UNIT.id, locale: 'en' }] } } });
    expect(put.status()).toBe(200);
    const hook = await request.post(`${HUB_URL}/api/v1/webhooks`, { headers: auth, data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bridge`, events: ['host.answer-requested'] } });
    expect(hook.status()).toBe(201);
    webhookId = ((await hook.json()) as { webhook: { id: string } }).webhook.id;

    const desk = await deskContext.newPage();
    await openHubDesk(desk);
    const kiosk = await kioskContext.newPage();
    await pairKiosk(kiosk, await newPairCode());
    const name = `Host Answer ${Date.now().toString(36)}`;
    await registerWalkIn(kiosk, { fullName: name, phone: '91234567', visitorType: 'Visiting a resident', purpose: 'Meeting', host: UNIT.label });
    // The link is out: the kiosk waits for the answer instead of returning to the start.
    await expect(kiosk.getByRole('status')).toContainText('We have let your host know you are here', { timeout: 15_000 });
    await expect.poll(() => links.length, { timeout: 15_000 }).toBe(1);
    const link = links[0] ?? '';
    expect(new URL(link).pathname).toBe('/answer');
    expect(link).not.toContain(name.split(' ')[2] ?? '\u0000');

    const host = await hostContext.newPage();
    await host.goto(link);
    await expect(host.getByRole('heading', { name: 'Your visitor', level: 1 })).toBeVisible();
    await expect(host.getByText(name, { exact: true })).toBeVisible();
    await expect(host.getByText(`to visit ${UNIT.label}`)).toBeVisible();
    await expectAccessible(host);
    await host.getByRole('button', { name: 'Coming down', exact: true }).click();
    await expect(host.getByRole('status')).toContainText('Reception has your answer: Coming down');

    await expect(kiosk.getByRole('status')).toContainText('Your host is coming down', { timeout: 5_000 });
    await expect(kiosk.getByRole('status')).not.toContainText(name);
    const row = desk.getByRole('row').filter({ hasText: name }).or(desk.getByRole('listitem').filter({ hasText: name }));
    await expect(row).toContainText(`Confirmed by ${UNIT.label}`, { timeout: 10_000 });
    await expect(row).toContainText('— Coming down');

    // Used twice: the link shows the answer recorded, and no buttons.
    const again = await hostContext.newPage();
    await again.goto(link);
    await expect(again.getByRole('status')).toContainText('This link was already answered');
    await expect(again.getByRole('status')).toContainText('Coming down');
    await expect(again.getByRole('button', { name: 'Not expected', exact: true })).toHaveCount(0);
    await expect(again.getByText(name)).toHaveCount(0);
    await expectAccessible(again);
    // The host may read it in another language: the page switches, the answer stays.
    await again.getByRole('button', { name: '繁體中文', exact: true }).click();
    await expect(again.getByRole('status')).toContainText('我現在下來');

    // Tampered: one character of the signature changed.
    const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    const forged = await hostContext.newPage();
    await forged.goto(tampered);
    await expect(forged.getByRole('alert')).toContainText('This link is not valid');
  } finally {
    // The directory back as it was: other tests' visitors for this site get no links.
    await request.put(`${HUB_URL}/api/v1/site/config`, { headers: auth, data: original });
    // The receiver goes with this test: its webhook is disabled (the API has no delete), so no later run's
    // link is retried against a dead port and raises a failing-webhook health alert on other tests' desks.
    if (webhookId) {
      const store = await openStore({ dataDir: HUB_E2E_DATA_DIR });
      await store.write((repo) => repo.notify.disableWebhook('demo', webhookId, new Date().toISOString())).finally(() => store.close());
    }
    await kioskContext.close();
    await hostContext.close();
    await deskContext.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

// "Not expected" is a security matter (hub/notify/host-answers.ts raiseHostDeclined): the hub desk gets an
// alert naming it, with the script, which staff acknowledge — not only the row's text.
test('a host taps Not expected: the hub desk raises a host-declined alert that staff acknowledge', async ({ browser, request }) => {
  const links: string[] = [];
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = hostAnswerWebhookSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (parsed.success) links.push(parsed.data.hostAnswer.link);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const admin = await staffToken(request);
  const auth = { Authorization: `Bearer ${admin}` };
  const original = (await (await request.get(`${HUB_URL}/api/v1/site/config`, { headers: auth })).json()) as Record<string, unknown>;
  let webhookId = '';
  const kioskContext = await browser.newContext();
  const hostContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const deskContext = await browser.newContext();
  try {
    const put = await request.put(`${HUB_URL}/api/v1/site/config`, { headers: auth, data: { ...original, hosts: { contacts: [{ kind: 'unit', id: UNIT.id, locale: 'en' }] } } });
    expect(put.status()).toBe(200);
    const hook = await request.post(`${HUB_URL}/api/v1/webhooks`, { headers: auth, data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bridge`, events: ['host.answer-requested'] } });
    expect(hook.status()).toBe(201);
    webhookId = ((await hook.json()) as { webhook: { id: string } }).webhook.id;

    const desk = await deskContext.newPage();
    await openHubDesk(desk);
    const kiosk = await kioskContext.newPage();
    await pairKiosk(kiosk, await newPairCode());
    const name = `Not Expected ${Date.now().toString(36)}`;
    await registerWalkIn(kiosk, { fullName: name, phone: '91234567', visitorType: 'Visiting a resident', purpose: 'Meeting', host: UNIT.label });
    await expect.poll(() => links.length, { timeout: 15_000 }).toBe(1);

    const host = await hostContext.newPage();
    await host.goto(links[0] ?? '');
    await host.getByRole('button', { name: 'Not expected', exact: true }).click();
    await expect(host.getByRole('status')).toContainText('Reception has your answer');

    const alert = desk.getByRole('alert').filter({ hasText: 'Host does not expect the visitor' });
    await expect(alert).toBeVisible({ timeout: 10_000 });
    await expect(alert).toContainText('Do not let them up');
    await expect(alert).not.toContainText(name);
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(desk.getByRole('alert').filter({ hasText: 'Host does not expect the visitor' }).getByRole('button', { name: 'Acknowledge' })).toHaveCount(0, { timeout: 10_000 });
  } finally {
    await request.put(`${HUB_URL}/api/v1/site/config`, { headers: auth, data: original });
    if (webhookId) {
      const store = await openStore({ dataDir: HUB_E2E_DATA_DIR });
      await store.write((repo) => repo.notify.disableWebhook('demo', webhookId, new Date().toISOString())).finally(() => store.close());
    }
    await kioskContext.close();
    await hostContext.close();
    await deskContext.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
