// Trust-wide deployment: an administrator's managed policy, read by Chromium from a policy file
// (on Linux, /etc/chromium/policies/managed/), as Google Admin console, Intune or Group Policy
// deliver it on other systems. The policy names the development build's fixed extension id.
// The file is machine-wide: every Chromium started while it exists reads it, so the suite runs one
// test at a time (playwright.config.ts), and two test runs at once on one machine would see it.


import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { startDemoMis } from '../../demo/mis/server';
import { presetInput } from '../../rules/presets';
import { EXTENSION_DIR, bundleReady, expect, launchWithExtension, panel, serviceWorkerOf, test } from './fixtures';
import { axeViolations } from './axe';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'markwise-e2e-test.json');

function canWritePolicies(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chrome's id for an extension with this public key: the first 128 bits of its SHA-256, in the letters a to p. */
function extensionIdOf(manifestPath: string): string {
  const { key } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key: string };
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const DEV_EXTENSION_ID = extensionIdOf(join(EXTENSION_DIR, 'manifest.json'));

/** Starts the browser with the administrator's values in force, and removes them afterwards. */
async function withManagedPolicy(values: Record<string, unknown>, run: (context: BrowserContext, extensionId: string) => Promise<void>): Promise<void> {
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [DEV_EXTENSION_ID]: values } } }));
  const dir = mkdtempSync(join(tmpdir(), 'markwise-managed-'));
  let context: BrowserContext | null = null;
  try {
    context = await launchWithExtension(dir);
    const worker = await serviceWorkerOf(context);
    await bundleReady(worker);
    const id = new URL(worker.url()).host;
    expect(id).toBe(DEV_EXTENSION_ID);
    await run(context, id);
  } finally {
    await context?.close();
    rmSync(POLICY_FILE, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('a managed policy', () => {
  test.skip(!canWritePolicies(), `needs write access to ${POLICY_DIR} (as root, as CI runs): Chromium on Linux reads managed policy only from there`);
  test.afterAll(() => rmSync(POLICY_FILE, { force: true }));

  test("wins over the local choice, shows as locked with who manages it, and is what register pages check by", async () => {
    const mis = await startDemoMis({ port: 0 });
    try {
      await withManagedPolicy(
        {
          managedBy: 'Oak Trust IT, it@oaktrust.example',
          policy: JSON.stringify(presetInput('valence')),
          sites: [{ origin: 'https://mis.oaktrust.example', profiles: ['arbor-unverified'] }],
        },
        async (context, id) => {
          const page = await context.newPage();
          await page.goto(`chrome-extension://${id}/options.html`);
          await expect(page.locator('#managed-h')).toHaveText('Managed by Oak Trust IT, it@oaktrust.example');
          await expect(page.locator('#managed')).toContainText('the policy and 1 site are set for every browser by Oak Trust IT');
          await expect(page.locator('#policy-locked')).toContainText("Markwise checks by Valence Primary School's policy");
          await expect(page.locator('#active-policy')).toBeDisabled();
          await expect(page.locator('#save-policy')).toBeDisabled();
          await expect(page.locator('#policy-import')).toBeDisabled();
          const site = page.locator('li[data-managed="true"]');
          await expect(site).toContainText('https://mis.oaktrust.example: arbor-unverified (set by Oak Trust IT, it@oaktrust.example)');
          await expect(site.getByRole('button', { name: 'Turn on https://mis.oaktrust.example in this browser' })).toBeVisible();
          await expect(page.getByRole('button', { name: 'Remove https://mis.oaktrust.example' })).toHaveCount(0);
          // Locked is said in words, and the page stays axe-clean.
          const violations = await axeViolations(page);
          expect(violations).toEqual([]);

          // The demo's register is checked by the administrator's policy, not the development build's default.
          const register = await context.newPage();
          await register.goto(`${mis.url}/register/class?class=4A`);
          await expect(panel(register)).toHaveAttribute('data-status', 'ready');
          await expect(panel(register).locator('.panel-meta')).toContainText('Valence Primary School');
        },
      );
    } finally {
      await mis.close();
    }
  });

  test("with a mistake is not used: the school's own policy stays, and the page says what is wrong, for the administrator", async () => {
    await withManagedPolicy({ managedBy: 'Oak Trust IT', policy: JSON.stringify({ ...presetInput('valence'), attendanceTarget: 140 }) }, async (context, id) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/options.html`);
      const problems = page.locator('#managed-problems');
      await expect(problems).toHaveAttribute('role', 'alert');
      await expect(problems).toContainText("Some of what Oak Trust IT set could not be used, so the school's own policy on this page is used");
      await expect(problems.locator('li')).toHaveText(['In the policy: Attendance target (%): must be a percentage from 0 to 100']);
      await expect(page.locator('#active-policy')).toBeEnabled();
      await expect(page.locator('#active-policy')).toHaveValue('micklefield');
      await expect(page.locator('#policy-locked')).toHaveCount(0);
    });
  });
});
