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

/**
 * Text for a terminal: control characters a cell can carry (ESC, CR, BEL, backspace, C1 controls,
 * bidirectional overrides) → a visible escape ("\\u001b"), so a firm name cannot clear the screen or
 * fake a line. Line feeds and tabs stay (the output's own layout).
 */
export function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Run the CLI with user arguments (no node/script prefix); resolves to the exit code. */
export async function run(argv: string[], io: CliIO = consoleIO): Promise<number> {
  let code = 0;
  // Text output shows control characters (ESC sequences from a cell) as visible escapes; --json stays exact.
  const json = argv.includes("--json");
  const ctx: CliContext = { out: json ? io.out : (t) => io.out(visibleControls(t)), err: (t) => io.err(visibleControls(t)), exit: (c) => (code = Math.max(code, c)) };
  const program = new Command("jx")
    .description("Jingxin 经信 — 对 .xlsx 运行校验、培育库、亩均评价、运行监测、企业诉求 (run validation, pool, per-mu, monitoring and appeals on .xlsx files)")
    .version(version, "-V, --version", "显示版本 (print the version)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(visibleControls(s)) });
  for (const reg of [validate, pool, acre, monitor, appeals, report, template]) reg(program, ctx);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(visibleControls(`错误 (error): ${e instanceof Error ? e.message : String(e)}`));
    return 2;
  }
  return code;
}

if (require.main === module) {
  run(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
