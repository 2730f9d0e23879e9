import { Command } from "commander";
import { CliContext } from "../context";

/** Placeholder: the monitor command is being written. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command("monitor")
    .description("(not yet available)")
    .action(() => {
      ctx.err("jx monitor: 尚未实现 (not implemented yet)");
      ctx.exit(2);
    });
}
