// Runs every benchmark in bench/ (in name order) and writes docs/performance.md.
//
// A benchmark is `bench/*.bench.mjs` (run with node) or `bench/*.bench.ts` (run with tsx). It
// prints ONE markdown section, starting with `## `, on stdout; progress and diagnostics go to
// stderr. A benchmark that exits non-zero, times out or prints no section is reported as failed
// in its section (with the tail of its stderr), and this runner then exits non-zero at the end.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const outFile = path.join(root, 'docs', 'performance.md');
const TIMEOUT_MS = Number(process.env.FAULTLINE_BENCH_TIMEOUT_MS ?? 15 * 60_000);
const STDERR_TAIL_LINES = 30;

function runnerFor(file) {
  if (file.endsWith('.bench.mjs')) return ['node', [file]];
  if (file.endsWith('.bench.ts')) return ['npx', ['tsx', file]];
  return null;
}

function chromiumVersion() {
  const bin = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(bin)) return 'not installed';
  try {
    // The Debian wrapper prints a harmless shell warning on stderr: ignore stderr.
    const out = execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    return out.trim().split('\n').pop() || 'unknown';
  } catch (error) {
    return `unknown (${error instanceof Error ? error.message.split('\n')[0] : 'error'})`;
  }
}

function machine() {
  const cpus = os.cpus();
  const models = [...new Set(cpus.map((c) => c.model.trim()))].join(', ') || 'unknown';
  return [
    `- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    `- CPUs: ${cpus.length} x ${models}`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Load average when the run started (1/5/15 min): ${startLoad.map((x) => x.toFixed(2)).join(' / ')}`,
    `- Node: ${process.version}`,
    `- Chromium: ${chromiumVersion()}`,
  ].join('\n');
}

function tail(text, lines) {
  // npm's complaint about this machine's ~/.npmrc says nothing about the benchmark.
  const all = text
    .replace(/\s+$/, '')
    .split('\n')
    .filter((line) => !line.startsWith('npm warn Unknown user config'));
  return all.slice(-lines).join('\n');
}

/** Runs one benchmark; resolves with its exit status, stdout and stderr (never rejects). */
function runBench(file) {
  const [cmd, args] = runnerFor(file);
  return new Promise((resolve) => {
    const started = Date.now();
    // Own process group, so a timeout can stop the benchmark and everything it started.
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: process.env });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk); // live progress
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGTERM');
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 5000).unref();
      } catch {
        // already gone
      }
    }, TIMEOUT_MS);
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      resolve({ code, signal, spawnError, timedOut, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal, null));
  });
}

function failureNote(file, result) {
  const why = result.spawnError
    ? `could not be started: ${result.spawnError.message}`
    : result.timedOut
      ? `timed out after ${(TIMEOUT_MS / 1000).toFixed(0)} s`
      : result.code !== 0
        ? `exited with ${result.signal ? `signal ${result.signal}` : `code ${result.code}`}`
        : 'printed no markdown section (expected one starting with "## ")';
  const stderr = tail(result.stderr, STDERR_TAIL_LINES);
  return [
    `**FAILED**: \`bench/${file}\` ${why}.`,
    '',
    stderr ? `Last ${STDERR_TAIL_LINES} lines of its stderr:\n\n\`\`\`text\n${stderr.replace(/```/g, "'''")}\n\`\`\`` : '(no stderr output)',
  ].join('\n');
}

function sectionFor(file, result) {
  const out = result.stdout.trim();
  const start = out.indexOf('## ');
  const hasSection = out.startsWith('## ') || (start >= 0 && out[start - 1] === '\n');
  const section = hasSection ? out.slice(start).trim() : '';
  const ok = hasSection && result.code === 0 && !result.timedOut && !result.spawnError;
  if (ok) return { ok, text: section };
  if (hasSection) return { ok, text: `${section}\n\n${failureNote(file, result)}` };
  return { ok, text: `## ${file}: failed\n\n${failureNote(file, result)}` };
}

const startLoad = os.loadavg();
const files = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((f) => runnerFor(f) !== null)
      .sort()
  : [];

const sections = [];
const failed = [];
for (const file of files) {
  console.error(`\n=== bench/${file} ===`);
  const result = await runBench(path.join('bench', file));
  const { ok, text } = sectionFor(file, result);
  if (!ok) failed.push(file);
  console.error(`=== bench/${file}: ${ok ? 'ok' : 'FAILED'} (${result.seconds.toFixed(1)} s) ===`);
  sections.push(text);
}

const now = new Date();
const doc = [
  '# Faultline performance',
  '',
  `Generated by \`npm run bench\` (scripts/bench.mjs) on ${now.toISOString().slice(0, 10)} at ${now.toISOString().slice(11, 19)} UTC.`,
  'Figures depend on the machine below; compare runs on the same machine only.',
  '',
  '## Machine',
  '',
  machine(),
  '',
  ...(sections.length ? sections.flatMap((s) => [s, '']) : ['No benchmarks found in bench/.', '']),
  failed.length ? `**Failed benchmarks:** ${failed.join(', ')}` : `All ${sections.length} benchmarks ran.`,
  '',
].join('\n');

mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, doc);
console.log(doc);
console.error(`wrote ${path.relative(root, outFile)}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length || files.length === 0 ? 1 : 0);
