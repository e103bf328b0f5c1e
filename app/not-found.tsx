import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="font-semibold text-2xl">Not found</h1>
      <p className="mt-2 text-ink-muted">
        There is no such page, stage or network here. Networks are <code>testnet</code>, <code>mainnet</code>{" "}
        and <code>local</code>; stages are numbered 1 to 4.
      </p>
      <Link href="/" className="mt-4 inline-block text-accent underline underline-offset-2">
        Go to the overview
      </Link>
    </div>
  );
}
