"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { postJson } from "./post-json";

export const field = "rounded border border-line bg-surface px-2 py-1 text-sm";
export const label = "flex flex-col gap-1 text-ink-muted text-xs";

type Answer = { changed?: boolean };

/**
 * One console form's save: the change sent, then the page read again, and the outcome said beside
 * the form (`saved` words the server's answer; `reset` empties a form that creates things).
 */
export function useSave<T extends Answer = Answer>(
  path: string,
  { saved, reset = false }: { saved: (answer: T) => string; reset?: boolean },
) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (event: FormEvent<HTMLFormElement>, body: (form: FormData) => unknown) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    try {
      const answer = await postJson<T>(path, body(new FormData(form)));
      setOutcome({ ok: true, text: saved(answer) });
      if (reset) form.reset();
      router.refresh();
    } catch (error) {
      setOutcome({ ok: false, text: `Not saved: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };
  const status = (
    <p
      role="status"
      className={`w-full text-xs ${outcome?.ok === false ? "text-status-down" : "text-ink-muted"}`}
    >
      {outcome?.text ?? ""}
    </p>
  );
  return { save, busy, status };
}

/** What a saved change says: public at once, or nothing changed. */
export const publicNow = ({ changed }: Answer) =>
  changed ? "Saved: public now, and on the changelog." : "Nothing changed.";
