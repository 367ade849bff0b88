import { useEffect, useMemo, useState } from 'react';
import styles from './code-viewer.module.css';

/** Past this size a file is shown without colours: highlighting it would freeze the page. */
export const MAX_HIGHLIGHT_CHARS = 200_000;

type HighlightedCodeProps = { code: string; language: string | null; label: string };

/**
 * Code with line numbers. It shows as plain text at once and gains colours when the highlighter
 * (a lazily loaded chunk) is ready; if that chunk cannot load, plain text stays.
 */
export function HighlightedCode({ code, language, label }: HighlightedCodeProps) {
  const [highlighted, setHighlighted] = useState<{ code: string; html: string } | null>(null);
  const lineNumbers = useMemo(() => {
    const lines = code.endsWith('\n') ? code.split('\n').length - 1 : code.split('\n').length;
    return Array.from({ length: Math.max(lines, 1) }, (_, i) => i + 1).join('\n');
  }, [code]);

  useEffect(() => {
    if (!language || code.length > MAX_HIGHLIGHT_CHARS) {
      return;
    }
    let current = true;
    import('./highlight')
      .then(({ highlightToHtml }) => {
        if (current) {
          setHighlighted({ code, html: highlightToHtml(code, language) });
        }
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code, language]);

  const html = highlighted?.code === code ? highlighted.html : null;
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <pre className={styles.gutter} aria-hidden="true">
        {lineNumbers}
      </pre>
      {html === null ? (
        <pre className={styles.code}>
          <code>{code}</code>
        </pre>
      ) : (
        <pre className={styles.code}>
          <code className="hljs" data-highlighted="true" dangerouslySetInnerHTML={{ __html: html }} />
        </pre>
      )}
    </div>
  );
}
