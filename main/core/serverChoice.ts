import type { Db } from './db/connection';
import { resetPullCursor } from './sync/pullCursor';

/**
 * Which sync server this PC uses, and where that choice came from; the one
 * owner of it. IT's environment setting wins (fixed); else what Settings
 * saved in the journal; else none, until the shell starts the embedded demo
 * server. Others read it; a change goes through `choose` or `use`, which
 * tell the sync worker through `onChange`.
 */
export class ServerChoice {
  private current: { url: string | undefined; demo: boolean };
  /** Set by IT (environment): Settings shows it but cannot change it. */
  readonly fixed: boolean;

  constructor(
    private readonly db: Db,
    itSetting: string | undefined,
    private readonly onChange: (url: string) => void,
  ) {
    this.fixed = itSetting !== undefined;
    this.current = { url: itSetting ?? savedServerUrl(db), demo: false };
  }

  get url(): string | undefined {
    return this.current.url;
  }

  /** The server is the demo one running inside the app. */
  get demo(): boolean {
    return this.current.demo;
  }

  /** A server the shell chose (the embedded demo server) or a test: not saved, the next start decides again. */
  use(url: string, { demo }: { demo: boolean }): void {
    this.current = { url, demo };
    this.onChange(url);
  }

  /** Settings: another server has another feed, so the feed starts over (the outbox is kept and sent there). */
  choose(origin: string): void {
    this.db
      .transaction(() => {
        this.db
          .prepare("INSERT INTO local_meta (key, value) VALUES ('server_url', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
          .run(origin);
        resetPullCursor(this.db);
      })
      .immediate();
    this.current = { url: origin, demo: false };
    this.onChange(origin);
  }
}

function savedServerUrl(db: Db): string | undefined {
  return (db.prepare("SELECT value FROM local_meta WHERE key = 'server_url'").get() as { value: string } | undefined)?.value;
}
