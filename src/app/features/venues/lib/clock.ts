import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every minute, so "open now" stays true on a screen left open. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
