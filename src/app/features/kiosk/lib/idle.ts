import { useEffect, useState } from 'preact/hooks';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

/**
 * Calls `onIdle` once `seconds` pass with no touch, key or scroll. Time is read from Date.now(),
 * so a tab that was in the background (a site opened in another tab) is checked on its return.
 * With `warnSeconds`, returns the seconds left during the last `warnSeconds` (at most half the
 * delay), so the screen can count down and offer to continue; undefined otherwise.
 */
export function useIdle(seconds: number, onIdle: () => void, active = true, warnSeconds = 0): number | undefined {
  const [left, setLeft] = useState<number>();
  useEffect(() => {
    if (!active) return;
    const ms = seconds * 1000;
    const warnMs = Math.min(warnSeconds * 1000, ms / 2);
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      const remaining = last + ms - Date.now();
      if (remaining <= 0) {
        last = Date.now();
        setLeft(undefined);
        onIdle();
        return;
      }
      if (warnMs > 0 && remaining <= warnMs) {
        setLeft(Math.ceil(remaining / 1000));
        // next whole second of the countdown
        timer = setTimeout(check, remaining % 1000 || 1000);
      } else {
        setLeft(undefined);
        timer = setTimeout(check, remaining - warnMs);
      }
    };
    const touch = () => {
      last = Date.now();
      check();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const e of ACTIVITY) document.addEventListener(e, touch, { capture: true, passive: true });
    document.addEventListener('scroll', touch, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisible);
    check();
    return () => {
      clearTimeout(timer);
      setLeft(undefined);
      for (const e of ACTIVITY) document.removeEventListener(e, touch, { capture: true });
      document.removeEventListener('scroll', touch, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [seconds, active, warnSeconds]);
  return left;
}
