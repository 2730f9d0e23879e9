import { Command } from "commander";
import { CliContext } from "../context";

/** Placeholder: the acre command is being written. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command("acre")
    .description("(not yet available)")
    .action(() => {
      ctx.err("jx acre: 尚未实现 (not implemented yet)");
      ctx.exit(2);
    });
}
