// Ad-hoc look at the grid screens on the demo (not a test).
import { chromium } from 'playwright-core';
import { signInThroughUi } from './accounts.ts';
const base = 'http://127.0.0.1:8099';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await signInThroughUi(page, base, process.argv[2] ?? 'io@demo.childgrid.example', 'childgrid-demo');
for (const path of process.argv.slice(3)) {
  await page.goto(`${base}${path}`);
  await page.waitForTimeout(1500);
  const name = path.replace(/[^a-z0-9]+/gi, '_');
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log(name);
}
await browser.close();
