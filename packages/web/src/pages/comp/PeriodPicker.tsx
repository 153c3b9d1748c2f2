// The pay period a page shows: a label in the workspace's calendar (2026-03, 2026-Q1, 2026-M03),
// offered from the periods already run and typed freely otherwise. The URL keeps the choice.
import { type FormEvent, useEffect, useState } from 'react';

export function PeriodPicker({
  period,
  known,
  onPeriod,
  label = 'Pay period',
}: {
  period: string;
  known: string[];
  onPeriod: (period: string) => void;
  label?: string;
}) {
  const [text, setText] = useState(period);
  useEffect(() => setText(period), [period]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = text.trim();
    if (chosen) onPeriod(chosen);
  }

  return (
    <form className="inline-form period-picker" onSubmit={submit}>
      <label className="field field--inline">
        <span>{label}</span>
        <input
          className="text-input period-picker__input"
          value={text}
          list="comp-periods"
          onChange={(event) => setText(event.target.value)}
          placeholder="2026-03"
          aria-label={label}
          spellCheck={false}
        />
      </label>
      <datalist id="comp-periods">
        {known.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <button type="submit" className="button button--secondary">
        Show
      </button>
    </form>
  );
}
