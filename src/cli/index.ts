/**
 * `jx`: the command line over .xlsx files. Each command lives in commands/<name>.ts and
 * registers itself on the program; all of them run the same core as the task pane.
 */
import { Command, CommanderError } from "commander";
import { CliContext } from "./context";
import { register as validate } from "./commands/validate";
import { register as pool } from "./commands/pool";
import { register as acre } from "./commands/acre";
import { register as monitor } from "./commands/monitor";
import { register as appeals } from "./commands/appeals";
import { register as template } from "./commands/template";
import { register as report } from "./commands/report";
import { version } from "../../package.json";

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

const consoleIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
};

/** Run the CLI with user arguments (no node/script prefix); resolves to the exit code. */
export async function run(argv: string[], io: CliIO = consoleIO): Promise<number> {
  let code = 0;
  const ctx: CliContext = { out: io.out, err: io.err, exit: (c) => (code = Math.max(code, c)) };
  const program = new Command("jx")
    .description("Jingxin 经信 — 对 .xlsx 运行校验、培育库、亩均评价、运行监测、企业诉求 (run validation, pool, per-mu, monitoring and appeals on .xlsx files)")
    .version(version, "-V, --version", "显示版本 (print the version)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const reg of [validate, pool, acre, monitor, appeals, report, template]) reg(program, ctx);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(`错误 (error): ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  return code;
}

if (require.main === module) {
  run(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
