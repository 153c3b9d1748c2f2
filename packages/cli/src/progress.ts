// Progress of a long command on stderr (stdout stays the result, JSON included): a line when a step
// starts, then at most one every 2 s within it, and its last one, so a run that ends says so.
export type Progress = (step: string, done: number, total?: number) => void;

export function progressPrinter(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Progress {
  let current = '';
  let shown = 0;
  return (step, done, total) => {
    const last = total !== undefined && total > 0 && done >= total;
    if (step === 'done' || (step === current && !last && Date.now() - shown < 2000)) return;
    current = step;
    shown = Date.now();
    write(`  ${step}${done > 0 && total ? ` ${Math.floor((done * 100) / total)}%` : ''}`);
  };
}
