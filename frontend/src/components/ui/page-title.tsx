import { useEffect, useRef, type ReactNode } from 'react';

let firstPageShown = false;

type PageTitleProps = {
  /** The tab's title; the heading's text when it is not given. */
  title: string;
  children?: ReactNode;
  className?: string;
};

/**
 * The page's h1 and the tab title. After a navigation it takes focus, so keyboard and screen
 * reader users start on the new page instead of on the link they pressed (an SPA does not reset
 * focus by itself); the first page of a visit leaves focus where the browser put it.
 */
export function PageTitle({ title, children, className }: PageTitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · Samokoder`;
  }, [title]);

  useEffect(() => {
    if (firstPageShown) {
      ref.current?.focus();
    }
    firstPageShown = true;
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children ?? title}
    </h1>
  );
}
