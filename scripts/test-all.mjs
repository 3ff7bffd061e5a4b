// @ts-check
/**
 * `npm test`: the whole offline suite, in the order a failure is cheapest to find. Every step
 * runs even when an earlier one failed (so one run shows every problem), except that the
 * browser tests need a successful build. Ends with one summary line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';

/** @type {{ name: string, script: string, needsBuild?: boolean }[]} */
const STEPS = [
  { name: 'build (tsc emit + workbench bundle)', script: 'build' },
  { name: 'type-check incl. tests', script: 'typecheck' },
  { name: 'lint (ESLint + Prettier)', script: 'lint' },
  {
    name: 'metadata (XML, compiled bundles, labels, sf convert)',
    script: 'check:metadata',
    needsBuild: true,
  },
  { name: 'Apex (syntax, semantics, PMD, feature-dependent names, sharing)', script: 'analyze' },
  { name: 'contract (Apex DTOs = TypeScript types)', script: 'check:contract' },
  { name: 'Jest unit + accessibility, with coverage', script: 'test:unit' },
  { name: 'browser e2e (Chromium + axe)', script: 'test:e2e', needsBuild: true },
];

const results = [];
let built = false;
const started = Date.now();
for (const step of STEPS) {
  console.log(`\n━━ ${step.name}: npm run ${step.script}`);
  if (step.needsBuild && !built) {
    console.log('   skipped: the build failed');
    results.push({ ...step, ok: false, seconds: 0 });
    continue;
  }
  const stepStarted = Date.now();
  const run = spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit' });
  const ok = run.status === 0;
  if (step.script === 'build') built = ok;
  results.push({ ...step, ok, seconds: (Date.now() - stepStarted) / 1000 });
}

console.log('\n━━ Summary');
for (const result of results) {
  console.log(`  ${result.ok ? 'ok    ' : 'FAILED'} ${result.name} (${result.seconds.toFixed(1)} s)`);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
