/** starting: installing, building, starting (the app does not answer yet); running: it answers; failed: it did not start, or exited on its own. */
export type PreviewStatus = 'starting' | 'running' | 'failed' | 'stopped';

/**
 * A project's live preview as `POST|GET|DELETE /v1/projects/{id}/preview` answer it (one per
 * project). The API leaves out what is null: `message` unless it failed or stopped, `log` before
 * the app wrote anything.
 */
export type Preview = {
  id: string;
  status: PreviewStatus;
  /**
   * Where to open it. While starting or running: the preview origin's address with a one-time
   * ticket (works once, within a minute; every answer carries a fresh one). Once it failed or
   * stopped: the origin alone.
   */
  url: string;
  /** The app's start command, as one line (`npm start`). */
  startCommand: string;
  createdAt: string;
  /** When it stops in any case. */
  expiresAt: string;
  /** Why it failed or stopped, in plain words; the failure may carry the command's output, over several lines. */
  message?: string | null;
  /** The tail of the app's output so far (install, build, start), or the failure's. */
  log?: string | null;
  /** The project's files changed since it started: a restart shows them. */
  filesChanged: boolean;
};
