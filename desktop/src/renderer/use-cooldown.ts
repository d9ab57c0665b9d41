/**
 * A seconds cooldown for the "resend email" button. It counts toward a deadline rather than
 * ticking a number down, so a busy or suspended renderer never stretches the wait.
 */
import { useCallback, useEffect, useState } from "react";

export interface Cooldown {
  secondsLeft: number;
  /** Starts (or restarts) the cooldown from now. */
  start(): void;
}

/** A cooldown of `seconds`; idle (0 seconds left) until `start` is called. */
export function useCooldown(seconds: number): Cooldown {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const start = useCallback(() => {
    const startedAt = Date.now();
    setNow(startedAt);
    setDeadline(startedAt + seconds * 1000);
  }, [seconds]);
  const secondsLeft = deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
  const running = secondsLeft > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return { secondsLeft, start };
}
