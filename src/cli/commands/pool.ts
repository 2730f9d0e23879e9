import { Command } from "commander";
import { CliContext } from "../context";

/** Placeholder: the pool command is being written. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command("pool")
    .description("(not yet available)")
    .action(() => {
      ctx.err("jx pool: 尚未实现 (not implemented yet)");
      ctx.exit(2);
    });
}
