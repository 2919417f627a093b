// `npm test`: build the extension, run every suite (unit + e2e) once, and end with the plain
// "N passed, N failed" line CI reads. Vitest's own summary is kept above it for people.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });

const build = run('npx', ['wxt', 'build']);
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const extra = process.argv.slice(2);
const tests = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  // A suite that crashed before its tests ran counts as failed too.
  for (const file of json.testResults ?? []) if (file.status === 'failed' && file.assertionResults.length === 0) failed += 1;
} catch (err) {
  console.error(`could not read the test report: ${err.message}`);
  failed = Math.max(failed, 1);
}
if (tests.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && tests.status === 0 ? 0 : 1);
