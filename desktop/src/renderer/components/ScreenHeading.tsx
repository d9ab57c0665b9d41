/**
 * A screen's title. It takes focus when the screen appears, so keyboard and screen-reader users
 * land at the top of the new screen instead of on a button that no longer exists.
 */
import { useEffect, useRef, type ReactNode } from "react";

export function ScreenHeading({ id, children }: { id: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h1 id={id} ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
