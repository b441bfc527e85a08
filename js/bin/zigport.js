#!/usr/bin/env node
// The `zigport` command (`npx zigport <command>`): see internal/cli/.
import { runCommandLine } from '../internal/cli/index.js';

process.exitCode = await runCommandLine(process.argv.slice(2));
