import { type ParseArgsConfig, parseArgs } from "node:util";
import nextEnv from "@next/env";
import { type Env, EnvError, parseEnv } from "@/lib/env";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Runs a CLI: `--help`, flag parsing, `.env` loading and env validation, and the contract every
 * command keeps: the last line of output is one line of JSON, `{"error": …}` with exit code 1 on failure.
 */
export async function runCli<O extends Options>(spec: {
  usage: string;
  options?: O;
  main: (args: {
    values: ReturnType<typeof parseArgs<{ options: O; strict: true }>>["values"];
    env: Env;
  }) => Promise<Record<string, unknown>>;
}): Promise<void> {
  try {
    const { values } = parseArgs({
      options: { ...spec.options, help: { type: "boolean", short: "h" } } as unknown as O,
      strict: true,
      allowPositionals: false,
    });
    if ((values as { help?: boolean }).help) {
      console.log(spec.usage.trim());
      return;
    }
    nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
    const env = parseEnv(process.env);
    const summary = await spec.main({ values, env });
    console.log(JSON.stringify(summary));
    process.exit(0);
  } catch (error) {
    const message = error instanceof EnvError || error instanceof Error ? error.message : String(error);
    console.error(`error: ${message}`);
    console.log(JSON.stringify({ error: message.split("\n").join(" ") }));
    process.exit(1);
  }
}
