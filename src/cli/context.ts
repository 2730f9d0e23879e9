/** What a CLI command receives: where to print and how to set the exit code. */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  /** 0 ready/ok, 1 findings that block, 2 unusable input. The highest code set wins. */
  exit(code: number): void;
}

/** Report unusable input for `jx <command>` (stderr, prefixed) and set exit code 2. */
export function unusable(ctx: CliContext, command: string): (message: string) => void {
  return (message) => {
    ctx.err(`jx ${command}: ${message}`);
    ctx.exit(2);
  };
}
