// The error of a command line a command cannot make sense of.

/** Printed with a pointer to the command's help; the process exits with status 2. */
export class UsageError extends Error {
  constructor(message, command) {
    super(`${message} (zigport help ${command})`);
    this.name = 'UsageError';
  }
}
