// Sends a file to POST /api/data/uploads as multipart form data. XMLHttpRequest rather than the
// api() client because only it reports upload progress; the CSRF header and errors are the same.
import { ApiError, api } from '../../api/client.ts';
import type { Upload } from './types.ts';

export function uploadFile(
  file: File,
  csrfToken: string,
  onProgress: (sent: number, total: number) => void,
  signal: AbortSignal,
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/data/uploads');
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-csrf-token', csrfToken);
    request.responseType = 'text';
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      const answer = parse(request.responseText);
      if (request.status >= 200 && request.status < 300 && answer) return resolve(answer as Upload);
      // A 401 means the session is gone: asking /api/me lets the client send the user to login.
      if (request.status === 401) api('/api/me').catch(() => undefined);
      const error = (answer as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      const fallback =
        request.status === 413 ? 'The file is too large to upload.' : `Upload failed (${request.status})`;
      reject(
        new ApiError(
          request.status,
          error?.code ?? `HTTP_${request.status}`,
          error?.message || fallback,
          error?.details,
        ),
      );
    };
    request.onerror = () =>
      reject(new ApiError(0, 'NETWORK', 'Cannot reach the Attain server. Check your connection and try again.'));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal.addEventListener('abort', () => request.abort(), { once: true });

    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
