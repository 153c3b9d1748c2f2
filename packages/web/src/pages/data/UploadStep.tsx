// Step 1: drop a CSV or XLSX file, or pick one; it uploads with a progress bar.
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import type { Upload } from './types.ts';
import { uploadFile } from './upload-file.ts';

const ACCEPTED = /\.(csv|tsv|txt|xlsx)$/i;

export function UploadStep({ csrfToken, onUploaded }: { csrfToken: string; onUploaded: (upload: Upload) => void }) {
  const [over, setOver] = useState(false);
  const [sending, setSending] = useState<{ file: File; sent: number; total: number } | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const cancel = useRef<AbortController | null>(null);

  useEffect(() => () => cancel.current?.abort(), []);

  async function send(file: File) {
    setProblem(null);
    if (!ACCEPTED.test(file.name)) {
      setProblem(new ApiError(0, 'UPLOAD_TYPE', `${file.name} is not a CSV or XLSX file.`));
      return;
    }
    const controller = new AbortController();
    cancel.current = controller;
    setSending({ file, sent: 0, total: file.size });
    try {
      const upload = await uploadFile(
        file,
        csrfToken,
        (sent, total) => setSending({ file, sent, total }),
        controller.signal,
      );
      onUploaded(upload);
    } catch (error) {
      if (controller.signal.aborted) return;
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', 'The upload failed. Try again.'));
      setSending(null);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void send(file);
  }

  if (sending) {
    const uploaded = sending.sent >= sending.total;
    return (
      <div className="upload-progress">
        <FileLine name={sending.file.name} size={sending.file.size} />
        <ProgressBar
          testId="upload-progress"
          label={uploaded ? 'Reading the file…' : `Uploading ${sending.file.name}…`}
          done={uploaded ? undefined : sending.total === 0 ? 0 : sending.sent / sending.total}
        />
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            cancel.current?.abort();
            setSending(null);
          }}
        >
          Cancel
        </button>
      </div>
    );
  }

  return (
    <div className="upload-step">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the button below is the keyboard way in. */}
      <div
        className={`dropzone ${over ? 'dropzone--over' : ''}`}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <UploadIcon />
        <strong>Drop a CSV or XLSX file here</strong>
        <span className="muted">A CRM report export, a finance extract or your own spreadsheet (first sheet).</span>
        <button type="button" className="button button--secondary" onClick={() => picker.current?.click()}>
          Choose a file…
        </button>
        <input
          ref={picker}
          type="file"
          className="visually-hidden"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="File to import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void send(file);
          }}
        />
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem.message} {problem.code !== 'UPLOAD_TYPE' && <code className="error-code">{problem.code}</code>}
        </p>
      )}
    </div>
  );
}

/** The uploaded file in one line: name and size, and how many columns when known. */
export function FileLine({ name, size, columns }: { name: string; size: number; columns?: number }) {
  return (
    <span className="file-line" data-testid="file-line">
      <FileIcon />
      <strong>{name}</strong>
      <span className="muted">
        {formatBytes(size)}
        {columns !== undefined && ` · ${columns} ${columns === 1 ? 'column' : 'columns'}`}
      </span>
    </span>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const UploadIcon = () => (
  <svg
    className="dropzone__icon"
    width="28"
    height="28"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M12 16V4M7 8.5l5-5 5 5" />
    <path d="M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
  </svg>
);

const FileIcon = () => (
  <svg
    width="18"
    height="18"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5M9 13h6M9 17h6" />
  </svg>
);
