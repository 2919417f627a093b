// `npm test`: build the extension, run every suite (unit + e2e) once, then the type check and the
// Firefox lint, and end with the plain "N passed, N failed" line CI reads.
//
// Every test vitest reports counts once. A suite that crashes or whose hooks fail, a vitest that
// exits non-zero, a missing or unreadable report, a skipped or todo test, and each failing check
// (build, tsc, web-ext lint) count as failures: the totals only say "0 failed" when all ran green.
//
// `npm test -- tests/unit/foo.test.ts` passes the arguments to vitest and skips tsc and the lint.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const results = []; // { name, passed, failed, note }

function run(cmd, args, env = process.env) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false, env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // status is null when the child was killed by a signal.
  return { ok: r.status === 0, seconds, why: r.error?.message ?? (r.signal ? `killed by ${r.signal}` : `exit ${r.status}`) };
}

function check(name, cmd, args, env) {
  console.log(`\n── ${name}: ${[cmd, ...args].join(' ')}`);
  const r = run(cmd, args, env);
  results.push({ name, passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, note: `${r.ok ? 'ok' : r.why}, ${r.seconds} s` });
  return r.ok;
}

/** Counts from vitest's JSON report; anything it cannot vouch for is a failure. */
export function countVitest(reportPath, vitestOk, vitestWhy) {
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (err) {
    return { passed: 0, failed: 1, note: `no readable report (${err.code ?? err.message}); vitest ${vitestWhy}` };
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const notes = [];
  const notRun = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (notRun > 0) {
    failed += notRun;
    notes.push(`${notRun} skipped/todo counted as failed`);
  }
  // A file marked failed with no failing test crashed on import or in a hook.
  for (const file of report.testResults ?? []) {
    const anyFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailed) {
      failed += 1;
      notes.push(`suite error in ${file.name}: ${(file.message || 'no message').split('\n')[0]}`);
    }
  }
  if ((report.testResults ?? []).length === 0) {
    failed = Math.max(failed, 1);
    notes.push('no test files ran');
  }
  if (!vitestOk && failed === 0) {
    failed = 1;
    notes.push(`vitest ${vitestWhy} although every test passed (unhandled error?)`);
  }
  return { passed, failed, note: notes.join('; ') };
}

/**
 * The e2e copy of the build: the same code, trusting the committed TEST signing key, in its own
 * folder (.output/e2e/chrome-mv3) so the real build in .output/chrome-mv3 trusts no key. The
 * refresh, privacy and popup suites sign their indexes with the TEST key and load this copy.
 */
function e2eBuildEnv() {
  return {
    ...process.env,
    NOT_ALONE_OUT_DIR: '.output/e2e',
    NOT_ALONE_INDEX_PUBKEY: readFileSync('scripts/index/test-keys/TEST-ONLY-public-key.raw.b64', 'utf8').trim(),
  };
}

function main(extra) {
  const built =
    check('build (chrome-mv3)', 'npx', ['wxt', 'build']) &&
    check('build (chrome-mv3, e2e copy trusting the TEST key)', 'npx', ['wxt', 'build'], e2eBuildEnv());

  mkdirSync('test-results', { recursive: true });
  const report = 'test-results/vitest.json';
  // A report left by an earlier run must never stand in for this one.
  rmSync(report, { force: true });
  // Without a build the e2e suites cannot run; the unit suites still can, and still count.
  const projects = built ? [] : ['--project', 'unit'];
  console.log(`\n── vitest (${built ? 'unit + e2e' : 'unit only: the build failed'})`);
  const v = run('npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
  results.push({ name: 'vitest', ...countVitest(report, v.ok, v.why), note2: `${v.seconds} s` });
  if (!built) results.push({ name: 'e2e suites', passed: 0, failed: 1, note: 'not run: the build failed' });

  if (extra.length === 0) {
    check('type check', 'npx', ['tsc', '--noEmit']);
    if (check('build (firefox-mv3)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3'])) {
      check('web-ext lint', 'npx', ['web-ext', 'lint', '-s', '.output/firefox-mv3']);
    }
  }

  let passed = 0;
  let failed = 0;
  console.log('\n── summary');
  for (const r of results) {
    passed += r.passed;
    failed += r.failed;
    const notes = [r.note, r.note2].filter(Boolean).join(', ');
    console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed${notes ? ` (${notes})` : ''}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

// Run only as a script, so the counting can be imported and checked on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
