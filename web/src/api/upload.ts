// Uploads a spreadsheet to an import route as multipart form data (XMLHttpRequest, for the progress events fetch
// lacks). A dry run answers its report; a refused commit carries the report inside the problem document.
import { ApiError, type Problem } from './client';
import { currentLocale } from '../i18n';

export const uploadSpreadsheet = <R>(
  url: string,
  file: File,
  csrfToken: string,
  onProgress?: (percent: number) => void,
): Promise<R> =>
  new Promise<R>((resolve, reject) => {
    const form = new FormData();
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('Accept-Language', currentLocale());
    if (onProgress !== undefined) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) {
          onProgress(Math.round((e.loaded / e.total) * 100));
        }
      };
    }
    xhr.onerror = () => reject(new Error('network'));
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText) as R | (Problem & { report?: R });
      if (xhr.status === 200) {
        resolve(body as R);
      } else if (typeof body === 'object' && body !== null && 'report' in body && body.report !== undefined) {
        resolve(body.report);
      } else {
        reject(new ApiError(body as Problem));
      }
    };
    xhr.send(form);
  });
