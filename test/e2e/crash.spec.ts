// "Saved" must mean saved: the browser is SIGKILLed the instant the outcome appears, then relaunched on the
// same on-disk profile, and the visit must be there. Playwright's persistent context hides the browser's
// PID, so Chromium is started here as our own child (its own process group) and reached over CDP.
import { expect, test } from '@playwright/test';
import { BASE_URL, makeProfileDir, openKiosk, outcomeStatus, registerWalkInToReview, removeProfileDir, spawnChromium, uniqueName, visitsNamed, NAMES } from './helpers.js';

test('a visit shown as saved survives kill -9 of the browser', async () => {
  const profile = await makeProfileDir();
  try {
    const name = uniqueName('Crash');
    const first = await spawnChromium(profile);
    try {
      const page = await first.context.newPage();
      await openKiosk(page, BASE_URL);
      await registerWalkInToReview(page, { fullName: name, phone: '9123 4567', host: '12B' });
      await page.getByRole('button', { name: NAMES.en.submit, exact: true }).click();
      // Poll tightly rather than with expect's back-off: the kill must follow the outcome at once.
      await outcomeStatus(page).waitFor({ state: 'visible' });
    } finally {
      await first.killHard();
    }

    const second = await spawnChromium(profile);
    try {
      const page = await second.context.newPage();
      await openKiosk(page, BASE_URL);
      const stored = await visitsNamed(page, name);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.visitor.phone).toBe('+85291234567');
    } finally {
      await second.killHard();
    }
  } finally {
    await removeProfileDir(profile);
  }
});
