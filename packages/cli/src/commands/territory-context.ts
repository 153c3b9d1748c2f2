// What every territory subcommand shares: today's date and who the CLI acts as.

/** Today's date for "as of today" questions: the UTC date, read once per command. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Who the CLI acts as in the audit log and on move requests: ops, named after the OS user. */
export function cliActor(): string {
  return `cli:${process.env.USER ?? 'unknown'}`;
}
