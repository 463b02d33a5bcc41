import { useEffect } from 'preact/hooks';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

/**
 * Calls `onIdle` once `seconds` pass with no touch, key or scroll. Time is read from Date.now(),
 * so a tab that was in the background (a site opened in another tab) is checked on its return.
 */
export function useIdle(seconds: number, onIdle: () => void, active = true): void {
  useEffect(() => {
    if (!active) return;
    const ms = seconds * 1000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      const left = last + ms - Date.now();
      if (left <= 0) {
        last = Date.now();
        onIdle();
        return;
      }
      timer = setTimeout(check, left);
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
      for (const e of ACTIVITY) document.removeEventListener(e, touch, { capture: true });
      document.removeEventListener('scroll', touch, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [seconds, active]);
}
