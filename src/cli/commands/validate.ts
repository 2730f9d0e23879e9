import { Command } from "commander";
import { CliContext } from "../context";

/** Placeholder: the validate command is being written. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command("validate")
    .description("(not yet available)")
    .action(() => {
      ctx.err("jx validate: 尚未实现 (not implemented yet)");
      ctx.exit(2);
    });
}
