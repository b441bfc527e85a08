// The `zigport` command line: finds the command a user names and runs it.
// Each command is a module of this folder exporting `summary` (one line for
// the help), `usage` (its full help) and `run(args)`, which resolves to the
// process's exit code. A mistake in the command line or in the work (a
// compile error, a missing file) is printed as one message, not a stack.
import { UsageError } from './usage-error.js';

const COMMANDS = {
  build: () => import('./build.js'),
  cache: () => import('./cache.js'),
  types: () => import('./types.js'),
};

/** Runs the command in `argv` (the arguments after `zigport`); resolves to the exit code. */
export async function runCommandLine(argv) {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const wanted = name === 'help' && args[0];
    process.stdout.write(wanted && COMMANDS[wanted] ? (await COMMANDS[wanted]()).usage : await overview());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`zigport: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (zigport help)\n`);
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    const usage = error instanceof UsageError || String(error?.code).startsWith('ERR_PARSE_ARGS');
    // A ZigCompileError's message already carries Zig's diagnostics.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`zigport ${name}: ${message}${usage && !(error instanceof UsageError) ? ` (zigport help ${name})` : ''}\n`);
    return usage ? 2 : 1;
  }
}

async function overview() {
  const lines = ['Usage: zigport <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(8)}${(await load()).summary}`);
  }
  lines.push('', 'zigport help <command> shows the options of one command.', '');
  return lines.join('\n');
}
