// A progress bar with its label: a share done when it is known (an upload), else a moving stripe
// (a dry run or an import, which answer only when they are finished).
import { useEffect, useState } from 'react';

export function ProgressBar({ label, done, testId }: { label: string; done?: number; testId?: string }) {
  const known = done !== undefined;
  const percent = known ? Math.round(Math.min(1, Math.max(0, done)) * 100) : undefined;
  const seconds = useSecondsSince();
  return (
    <div className="progress" role="status" aria-live="polite" data-testid={testId}>
      <div className="progress__label">
        <span>{label}</span>
        <span className="muted">{known ? `${percent}%` : seconds >= 2 ? `${seconds} s` : ''}</span>
      </div>
      <div
        className={`progress__track ${known ? '' : 'progress__track--busy'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress__bar" style={known ? { width: `${percent}%` } : undefined} />
      </div>
    </div>
  );
}

/** Whole seconds since the component appeared, so a long wait shows that it is still going. */
function useSecondsSince(): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return seconds;
}
