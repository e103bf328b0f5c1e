import { request } from "node:http";

/**
 * Sends a command to the running dashboard's control socket and returns its result; the lines it
 * logged go to `log`. Throws with the dashboard's own words when it refuses or the command fails.
 */
export function askRunningDashboard(
  socketPath: string,
  name: string,
  args: object,
  log: (line: string) => void = () => {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        socketPath,
        path: `/commands/${name}`,
        method: "POST",
        headers: { "content-type": "application/json" },
      },
      async (response) => {
        let body = "";
        for await (const chunk of response) body += chunk;
        let answer: { result?: unknown; lines?: string[]; error?: string };
        try {
          answer = JSON.parse(body);
        } catch {
          return reject(new Error(`the running dashboard answered ${response.statusCode} without JSON`));
        }
        for (const line of answer.lines ?? []) log(line);
        if (response.statusCode === 200) resolve(answer.result);
        else reject(new Error(answer.error ?? `the running dashboard answered ${response.statusCode}`));
      },
    );
    call.on("error", reject);
    call.end(JSON.stringify(args));
  });
}
