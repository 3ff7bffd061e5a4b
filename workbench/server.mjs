// @ts-check
/**
 * The workbench server, reusable by `npm start` (workbench/serve.mjs), the e2e tests and the
 * benchmark:
 *
 *   const { url, close } = await startWorkbench({ port: 0, production: true, quiet: true });
 *
 * It builds (tsc -p tsconfig.build.json, then rollup; in watch mode `tsc --watch` + rollup watch,
 * with a live-reload event to the page), serves workbench/dist/ and the datasets on 127.0.0.1 only:
 *   GET /api/datasets          → [{ name, description }]
 *   GET /api/datasets/<name>   → { name, plan, files: { <file>: {records} }, org }   (read on each request)
 * Datasets: every folder under data/ with a `*-plan.json`, plus `dataPaths` (plan files or folders).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { rollup, watch as rollupWatch } from 'rollup';
import { createRollupConfig } from './rollup.config.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');

/** @type {Record<string, string>} */
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @typedef {{ name: string; dir: string; planFile: string }} Dataset
 */

/**
 * Finds the datasets: data/<name>/ folders with a plan, then the extra plan files or folders.
 * A later dataset with the same name replaces an earlier one.
 * @param {string[]} dataPaths
 * @returns {Map<string, Dataset>}
 */
export function findDatasets(dataPaths = []) {
  /** @type {Map<string, Dataset>} */
  const datasets = new Map();
  const dataDir = path.join(ROOT, 'data');
  const folders = fs.existsSync(dataDir)
    ? fs
        .readdirSync(dataDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(dataDir, entry.name))
        .sort()
    : [];
  for (const target of [...folders, ...dataPaths.map((p) => path.resolve(p))]) {
    const dataset = datasetAt(target, folders.includes(target));
    if (dataset) datasets.set(dataset.name, dataset);
  }
  return datasets;
}

/**
 * @param {string} target a plan file or a folder holding one
 * @param {boolean} optional whether a folder without a plan is simply skipped
 * @returns {Dataset | undefined}
 */
function datasetAt(target, optional) {
  if (!fs.existsSync(target)) throw new Error(`--data ${target}: no such file or folder`);
  let planFile = target;
  if (fs.statSync(target).isDirectory()) {
    const plans = fs
      .readdirSync(target)
      .filter((file) => file.endsWith('-plan.json'))
      .sort();
    if (plans.length === 0) {
      if (optional) return undefined;
      throw new Error(`--data ${target}: the folder has no *-plan.json`);
    }
    planFile = path.join(target, /** @type {string} */ (plans[0]));
  }
  const dir = path.dirname(planFile);
  const name = path.basename(planFile).replace(/-plan\.json$|\.json$/, '') || path.basename(dir);
  return { name, dir, planFile };
}

/** @param {string} file */
function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** @param {Dataset} dataset */
function datasetSummary(dataset) {
  const orgFile = path.join(dataset.dir, 'org.json');
  const org = fs.existsSync(orgFile) ? readJson(orgFile) : null;
  return {
    name: dataset.name,
    description: org?.description ?? `Records from ${path.relative(ROOT, dataset.planFile)}`,
  };
}

/**
 * The whole dataset as one document: only files the plan names are read (no path tricks).
 * @param {Dataset} dataset
 */
function datasetBundle(dataset) {
  /** @type {Array<{ sobject: string; files: string[] }>} */
  const plan = readJson(dataset.planFile);
  /** @type {Record<string, unknown>} */
  const files = {};
  // A bundled dataset may reuse another bundled dataset's record files (`../get-cloudy/Contact.json`,
  // as `sf data import tree` reads them too); nothing outside data/ is read.
  const dataDir = path.join(ROOT, 'data');
  const root = dataset.dir.startsWith(dataDir + path.sep) ? dataDir : dataset.dir;
  for (const step of plan) {
    for (const file of step.files) {
      const resolved = path.resolve(dataset.dir, file);
      if (path.dirname(resolved) !== root && !resolved.startsWith(root + path.sep)) {
        throw new Error(`Plan ${dataset.planFile} names a file outside its folder: ${file}`);
      }
      files[file] = readJson(resolved);
    }
  }
  return { name: dataset.name, plan, files, org: orgConfigOf(dataset.dir, root) };
}

/**
 * A dataset's org.json; one with `"extends": "<dataset>"` takes that bundled dataset's org.json and
 * replaces its top-level keys with its own (a variant states only what differs).
 * @param {string} dir
 * @param {string} root the folder datasets may reuse files from
 * @returns {Record<string, unknown> | null}
 */
export function orgConfigOf(dir, root) {
  const orgFile = path.join(dir, 'org.json');
  if (!fs.existsSync(orgFile)) return null;
  const own = readJson(orgFile);
  if (typeof own.extends !== 'string') return own;
  const baseDir = path.resolve(root, own.extends);
  if (!baseDir.startsWith(root + path.sep) || baseDir === dir) {
    throw new Error(`${orgFile}: extends ${own.extends}, which is not another dataset beside it`);
  }
  const rest = { ...own };
  delete rest.extends;
  return { ...orgConfigOf(baseDir, root), ...rest };
}

/**
 * Runs tsc once (or in watch mode, resolving after the first compilation).
 * @param {{ watch: boolean; log: (message: string) => void }} options
 * @returns {Promise<import('node:child_process').ChildProcess | undefined>}
 */
function runTsc({ watch, log }) {
  const args = [TSC, '-p', path.join(ROOT, 'tsconfig.build.json')];
  if (watch) args.push('--watch', '--preserveWatchOutput');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (watch) {
        for (const line of text.split('\n')) if (line.trim()) log(`tsc: ${line.trim()}`);
        if (/Found \d+ errors?\. Watching for file changes/.test(text)) resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (watch) return;
      if (code === 0) resolve(undefined);
      else reject(new Error(`tsc -p tsconfig.build.json failed:\n${output}`));
    });
  });
}

/**
 * @param {{
 *   port?: number;          // default: PORT env or 4173; 0 picks a free port
 *   dataPaths?: string[];   // extra datasets: plan files or folders
 *   watch?: boolean;        // rebuild on change (tsc --watch + rollup watch) and live-reload the page
 *   production?: boolean;   // minified production bundle (what speed is measured on)
 *   quiet?: boolean;        // no console output except errors
 *   build?: boolean;        // false: serve the existing outDir as it is (default true)
 *   outDir?: string;        // default workbench/dist
 * }} [options]
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
export async function startWorkbench({
  port = Number(process.env.PORT ?? 4173),
  dataPaths = [],
  watch = false,
  production = false,
  quiet = false,
  build = true,
  outDir = path.join(ROOT, 'workbench', 'dist'),
} = {}) {
  /** @param {string} message */
  const log = (message) => {
    if (!quiet) console.log(message);
  };
  findDatasets(dataPaths); // fail early on a bad --data
  const config = createRollupConfig({ production, outDir });
  /** @type {Set<http.ServerResponse>} */
  const liveClients = new Set();
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let tscWatcher;
  /** @type {import('rollup').RollupWatcher | undefined} */
  let rollupWatcher;

  if (build) {
    const started = Date.now();
    tscWatcher = await runTsc({ watch, log });
    if (watch) {
      rollupWatcher = rollupWatch({ ...config, watch: { ...config.watch, buildDelay: 200 } });
      await new Promise((resolve, reject) => {
        let first = true;
        rollupWatcher?.on('event', (event) => {
          if (event.code === 'BUNDLE_END') {
            void event.result.close();
            log(`workbench: built in ${event.duration} ms`);
            for (const client of liveClients) client.write('data: reload\n\n');
            if (first) {
              first = false;
              resolve(undefined);
            }
          } else if (event.code === 'ERROR') {
            console.error(`workbench: build failed: ${event.error.message}`);
            if (event.result) void event.result.close();
            if (first) {
              first = false;
              resolve(undefined); // keep serving: the next save may fix it
            }
          }
        });
        rollupWatcher?.on('close', () => reject(new Error('rollup watcher closed')));
      });
    } else {
      const bundle = await rollup({ ...config, onLog: quiet ? () => {} : undefined });
      const outputs = Array.isArray(config.output) ? config.output : [config.output ?? {}];
      for (const output of outputs) await bundle.write(output);
      await bundle.close();
      log(`workbench: ${production ? 'production' : 'development'} build in ${Date.now() - started} ms`);
    }
  }

  const server = http.createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    }
  });

  /**
   * @param {http.IncomingMessage} request
   * @param {http.ServerResponse} response
   */
  function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/api/datasets') {
      sendJson(response, [...findDatasets(dataPaths).values()].map(datasetSummary));
      return;
    }
    const datasetMatch = /^\/api\/datasets\/([^/]+)$/.exec(url.pathname);
    if (datasetMatch) {
      const dataset = findDatasets(dataPaths).get(
        decodeURIComponent(/** @type {string} */ (datasetMatch[1])),
      );
      if (dataset) sendJson(response, datasetBundle(dataset));
      else sendText(response, 404, 'Unknown dataset');
      return;
    }
    if (url.pathname === '/__workbench/events' && watch) {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': live reload\n\n');
      liveClients.add(response);
      request.on('close', () => liveClients.delete(response));
      return;
    }
    serveStatic(url.pathname, response);
  }

  /**
   * @param {string} pathname
   * @param {http.ServerResponse} response
   */
  function serveStatic(pathname, response) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendText(response, 400, 'Bad path');
      return;
    }
    const file = path.resolve(outDir, `.${path.posix.normalize(decoded === '/' ? '/index.html' : decoded)}`);
    if (decoded.includes('\0') || (file !== outDir && !file.startsWith(outDir + path.sep))) {
      sendText(response, 403, 'Forbidden');
      return;
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      sendText(response, 404, 'Not found');
      return;
    }
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (file === path.join(outDir, 'index.html')) {
      let html = fs.readFileSync(file, 'utf8');
      if (watch) {
        html = html.replace(
          '</head>',
          `    <script>new EventSource('/__workbench/events').onmessage = () => location.reload();</script>\n  </head>`,
        );
      }
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(html);
      return;
    }
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(response);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  log(`workbench: ${url}`);

  return {
    url,
    async close() {
      for (const client of liveClients) client.end();
      tscWatcher?.kill();
      await rollupWatcher?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * @param {http.ServerResponse} response
 * @param {unknown} value
 */
function sendJson(response, value) {
  response.writeHead(200, { 'content-type': MIME_TYPES['.json'], 'cache-control': 'no-store' });
  response.end(JSON.stringify(value));
}

/**
 * @param {http.ServerResponse} response
 * @param {number} status
 * @param {string} text
 */
function sendText(response, status, text) {
  response.writeHead(status, { 'content-type': MIME_TYPES['.txt'] });
  response.end(text);
}
