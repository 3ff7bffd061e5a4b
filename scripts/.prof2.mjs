import { launchChromium } from './lib/chromium.mjs';
import { startWorkbench } from '../workbench/server.mjs';
const wb = await startWorkbench({ port: 0, dataPaths: ['/work/main/data/generated/bench-relationships-5000'], quiet: true, build: false });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(new URL('?component=c-related-contacts&dataset=bench-relationships-5000&recordId=Acc1&latency=0', wb.url).href);
await page.waitForFunction(() => document.querySelector('c-related-contacts')?.shadowRoot?.querySelector('[role="grid"][data-state="ready"]'), undefined, { timeout: 60000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
for (const text of ['chen', '', 'chen', '', 'chen', '', 'smith', '', 'lee', '']) {
  const t = await page.evaluate(async (text) => {
    const root = document.querySelector('c-related-contacts').shadowRoot;
    const input = root.querySelector('input[data-id="text-filter"]');
    const t0 = performance.now();
    input.value = text; input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const t1 = performance.now();
    await Promise.resolve(); await Promise.resolve(); await new Promise((r) => setTimeout(r, 0));
    const t2 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t3 = performance.now();
    return [t1 - t0, t2 - t1, t3 - t2, root.querySelectorAll('[role="row"][data-id]').length, root.querySelectorAll('*').length].map((x) => Math.round(x * 10) / 10);
  }, text);
  console.log(text || '(clear)', JSON.stringify(t));
}
const { profile } = await cdp.send('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/f2.json', JSON.stringify(profile));
await browser.close(); await wb.close();
