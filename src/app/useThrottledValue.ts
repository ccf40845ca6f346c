// Lets a view follow a fast-changing value at a slower, steady pace. Used by the loss chart:
// recharts costs tens of milliseconds per update, and progress arrives about ten times a second.
import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * Returns `value`, updated at most once per `intervalMs` (a throttle, not a debounce: a steady
 * stream of changes still shows up every interval). The update renders as a transition, so React
 * can split the work and keep input responsive.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    if (Object.is(shown, value)) return;
    const wait = Math.max(0, lastShownAt.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      lastShownAt.current = performance.now();
      startTransition(() => setShown(value));
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);

  return shown;
}
