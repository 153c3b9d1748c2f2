// A plain textarea with a line-number gutter: lines with a problem are numbered in red and shaded
// behind the text, so "line 8: unknown field" points at something you can see. No editor library.
import { useRef } from 'react';
import type { PlanProblem } from './types.ts';

export function PlanEditor({
  text,
  onChange,
  problems,
  readOnly,
}: {
  text: string;
  onChange: (text: string) => void;
  problems: PlanProblem[];
  readOnly?: boolean;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const shades = useRef<HTMLDivElement>(null);
  const numbers = Array.from({ length: text.split('\n').length }, (_, i) => i + 1);
  const bad = new Set(problems.flatMap((p) => (p.line === null ? [] : [p.line])));

  function follow(event: React.UIEvent<HTMLTextAreaElement>) {
    const { scrollTop, scrollLeft } = event.currentTarget;
    if (gutter.current) gutter.current.style.transform = `translateY(${-scrollTop}px)`;
    if (shades.current) shades.current.style.transform = `translate(${-scrollLeft}px, ${-scrollTop}px)`;
  }

  return (
    <div className="plan-editor" data-testid="plan-editor">
      <div className="plan-editor__gutter" aria-hidden="true">
        <div ref={gutter}>
          {numbers.map((n) => (
            <div
              key={n}
              className={bad.has(n) ? 'plan-editor__number plan-editor__number--error' : 'plan-editor__number'}
              data-line={n}
            >
              {n}
            </div>
          ))}
        </div>
      </div>
      <div className="plan-editor__body">
        <div className="plan-editor__shades" aria-hidden="true">
          <div ref={shades}>
            {numbers.map((n) => (
              <div
                key={n}
                className={bad.has(n) ? 'plan-editor__shade plan-editor__shade--error' : 'plan-editor__shade'}
              />
            ))}
          </div>
        </div>
        <textarea
          className="plan-editor__text"
          aria-label="Plan YAML"
          spellCheck={false}
          wrap="off"
          value={text}
          readOnly={readOnly}
          onChange={(event) => onChange(event.target.value)}
          onScroll={follow}
        />
      </div>
    </div>
  );
}

export function ProblemList({ problems, onPick }: { problems: PlanProblem[]; onPick?: (line: number) => void }) {
  return (
    <ul className="plan-problems" data-testid="plan-problems">
      {problems.map((p) => (
        <li key={`${p.path}:${p.line}:${p.message}`}>
          {p.line !== null ? (
            <button type="button" className="plan-problems__line" onClick={() => onPick?.(p.line!)}>
              line {p.line}
            </button>
          ) : (
            <span className="plan-problems__line">—</span>
          )}
          {p.path && <code>{p.path}</code>}
          <span>{p.message}</span>
        </li>
      ))}
    </ul>
  );
}
