// @ts-check
/**
 * `npm start [-- --data <plan file or dataset folder>]… [--port <n>] [--prod] [--no-watch]`
 *
 * Builds the workbench, serves it on http://127.0.0.1:4173 (PORT or --port overrides) and, unless
 * --prod or --no-watch, rebuilds and reloads the page whenever a .ts, .html, .css or label file changes.
 */
import { parseArgs } from 'node:util';
import { startWorkbench } from './server.mjs';

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true, default: [] },
    port: { type: 'string' },
    prod: { type: 'boolean', default: process.env.WORKBENCH_PROD === '1' },
    'no-watch': { type: 'boolean', default: false },
  },
});

try {
  const production = values.prod === true;
  const { url, close } = await startWorkbench({
    port: values.port !== undefined ? Number(values.port) : Number(process.env.PORT ?? 4173),
    dataPaths: values.data ?? [],
    production,
    watch: !production && values['no-watch'] !== true,
  });
  console.log(`\n  Workbench running at ${url}\n`);
  const stop = () => {
    void close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
