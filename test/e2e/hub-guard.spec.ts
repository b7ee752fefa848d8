// The guard's registers through the hub (issue 7 items 3–6 on the shared lobby records): a goods-removal pass
// entered and approved on one hub desk appears on a second desk at once (the hub's `record` event), the second
// desk lets the goods out, and the first desk shows the pass used and closed — one pass, one use, on both.
import { expect, test } from '@playwright/test';
import { deskEn } from '../../src/i18n/desk/en.js';
import { HUB_URL, openHubDesk } from './hub-helpers.js';

const g = deskEn.guard;

test.use({ baseURL: HUB_URL });

test('a goods pass approved on one hub desk is let out on another, and both show it used once', async ({ browser }) => {
  const officeContext = await browser.newContext();
  const doorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  // A unit no other test uses: this run's pass is the only one for it.
  const unit = `G${Date.now().toString(36).slice(-5).toUpperCase()}`;
  try {
    const office = await officeContext.newPage();
    await openHubDesk(office);
    const door = await doorContext.newPage();
    await openHubDesk(door);

    const passes = office.getByRole('region', { name: g.passesHeading, exact: true });
    await passes.getByRole('textbox', { name: g.passUnit, exact: true }).fill(unit);
    await passes.getByRole('textbox', { name: g.passItems, exact: true }).fill('Sofa');
    await passes.getByRole('button', { name: g.requestPass, exact: true }).click();
    const pass = passes.getByRole('list', { name: g.passesHeading, exact: true }).getByRole('listitem').filter({ hasText: unit });
    await expect(pass).toContainText(g.passStatus.requested);
    const code = /Pass ([A-Z0-9]{6})/.exec(await pass.innerText())?.[1] ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    // The hub desk's member is the site manager: the management office approves.
    await pass.getByRole('button', { name: `${g.approve}: ${code}`, exact: true }).click();
    await expect(pass).toContainText(g.passStatus.approved);

    // The guard at the door, on another desk: the pass is there, approved, through the hub.
    const doorPasses = door.getByRole('region', { name: g.passesHeading, exact: true });
    const atDoor = doorPasses.getByRole('list', { name: g.passesHeading, exact: true }).getByRole('listitem').filter({ hasText: unit });
    await expect(atDoor).toContainText(g.passStatus.approved, { timeout: 15_000 });
    await atDoor.getByRole('button', { name: `${g.letOut}: ${code}`, exact: true }).click();
    await expect(atDoor).toContainText(g.passStatus.closed);

    // The office sees it used, and cannot let it out again.
    await expect(pass).toContainText(g.passStatus.closed, { timeout: 15_000 });
    await expect(pass.getByRole('button', { name: `${g.letOut}: ${code}`, exact: true })).toHaveCount(0);
    await passes.getByRole('textbox', { name: g.passCode, exact: true }).fill(code);
    await passes.getByRole('button', { name: g.checkPass, exact: true }).click();
    await expect(passes.getByRole('alert')).toHaveText(g.errors['pass-closed']({ code }));
  } finally {
    await officeContext.close();
    await doorContext.close();
  }
});
