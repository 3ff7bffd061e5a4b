import { launchChromium } from './lib/chromium.mjs';
import { startWorkbench } from '../workbench/server.mjs';
const wb = await startWorkbench({ port: 0, dataPaths: ['/work/main/data/generated/bench-relationships-5000'], quiet: true, build: false });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(new URL('?component=c-related-contacts&dataset=bench-relationships-5000&recordId=Acc1&latency=0', wb.url).href);
await page.waitForFunction(() => document.querySelector('c-related-contacts')?.shadowRoot?.querySelector('[role="grid"][data-state="ready"]'), undefined, { timeout: 60000 });
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
for (const text of ['chen', '', 'chen', '', 'chen', '', 'chen', '']) {
  await page.evaluate(async (text) => {
    const input = document.querySelector('c-related-contacts').shadowRoot.querySelector('input[data-id="text-filter"]');
    input.value = text; input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, text);
}
await cdp.send('Tracing.end'); await done;
const sum = new Map();
for (const e of events) if (e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) || 0) + e.dur);
console.log([...sum].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => `${(v / 1000 / 8).toFixed(1)}ms/op ${k}`).join('\n'));
await browser.close(); await wb.close();
