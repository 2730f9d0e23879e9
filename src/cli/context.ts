/** What a CLI command receives: where to print and how to set the exit code. */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  /** 0 ready/ok, 1 findings that block, 2 unusable input. The highest code set wins. */
  exit(code: number): void;
}
