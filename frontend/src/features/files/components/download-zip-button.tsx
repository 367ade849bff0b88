import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { exportProject } from '../api/files';
import styles from './download-zip-button.module.css';

/**
 * Asks the API for a fresh presigned link and follows it: the link lives minutes, so it is
 * fetched on the click, never ahead of time. The browser downloads the zip from the storage
 * directly; no token goes with it, the link itself is the permission.
 */
export function DownloadZipButton({ projectId }: { projectId: string }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function download() {
    setBusy(true);
    setFailure(null);
    try {
      const { url } = await exportProject(projectId);
      window.location.assign(url);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" busy={busy} onClick={download}>
        Download zip
      </Button>
      {failure !== null && (
        <div className={styles.failure}>
          <ErrorAlert error={failure} onRetry={download} />
        </div>
      )}
    </>
  );
}
