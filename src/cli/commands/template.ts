import { Command } from "commander";
import { CliContext } from "../context";

/** Placeholder: the template command is being written. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command("template")
    .description("(not yet available)")
    .action(() => {
      ctx.err("jx template: 尚未实现 (not implemented yet)");
      ctx.exit(2);
    });
}
