// Runs one soak (child.mjs) in a process of its own, with --expose-gc and
// zigport's loader, and returns what it printed, or `{ error }` when it
// failed (a crash is a result the table must show, not a reason to stop).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));
const REGISTER = fileURLToPath(new URL('../../js/register.js', import.meta.url));

/**
 * V8 grows its young generation (up to 16 MiB, as 256 KiB mappings) when a
 * program allocates fast, whenever that happens in the run: pinned at its
 * largest from the start, its growth is not mistaken for a leak.
 */
const YOUNG_GENERATION = ['--min-semi-space-size=8', '--max-semi-space-size=8'];

export function runKind({ kind, mode, calls, optimize, yieldBetween = true }) {
  const args = ['--expose-gc', ...YOUNG_GENERATION, '--import', REGISTER, CHILD, kind, mode, String(calls), optimize];
  if (!yieldBetween) args.push('no-yield');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const line = stdout.trim().split('\n').pop();
      if (code === 0 && line) {
        resolve(JSON.parse(line));
        return;
      }
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      // The first line naming an error says most (a compile error's own line).
      const lines = stderr.trim().split('\n');
      const detail = lines.find((l) => /error/i.test(l)) ?? lines.slice(-3).join(' | ');
      resolve({ kind, mode, calls, error: `${why}: ${detail}` });
    });
  });
}
