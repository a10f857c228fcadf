import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JiraImportResult } from '@sextant/core';
import { API_BASE, apiErrorFromAnswer, readCsrfToken } from './client';
import { ApiError } from './errors';
import { keys } from './keys';

/** Where an upload is: sending the file (with a share sent when the browser knows it), then waiting. */
export type UploadPhase =
  | { phase: 'idle' }
  | { phase: 'uploading'; loaded: number; total: number | null }
  | { phase: 'processing' };

export interface JiraImportInput {
  file: File;
  /** `1w` … `4w`. */
  sprintLength: string;
  /** YYYY-MM-DD, or empty for the server's default. */
  firstSprintStart: string;
}

function errorFromXhr(xhr: XMLHttpRequest): ApiError {
  return apiErrorFromAnswer(xhr.status, xhr.statusText, xhr.responseText);
}

/**
 * Sends a Jira CSV export as the request body. XMLHttpRequest, not fetch: only it reports
 * how much of the body has been sent, which is what the progress bar shows.
 */
export function uploadJiraCsv(
  projectId: string,
  input: JiraImportInput,
  onPhase: (phase: UploadPhase) => void,
): Promise<JiraImportResult> {
  const params = new URLSearchParams({ sprintLength: input.sprintLength });
  if (input.firstSprintStart) params.set('firstSprintStart', input.firstSprintStart);
  const url = `${API_BASE}/projects/${projectId}/imports/jira?${params.toString()}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = readCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);

    onPhase({ phase: 'uploading', loaded: 0, total: input.file.size || null });
    xhr.upload.onprogress = (event) => {
      onPhase({
        phase: 'uploading',
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : null,
      });
    };
    // Every byte is sent: the server now reads the rows and writes the sprints.
    xhr.upload.onload = () => onPhase({ phase: 'processing' });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as JiraImportResult);
        } catch {
          reject(new ApiError(xhr.status, 'http_error', 'The server’s answer was not readable.'));
        }
      } else {
        reject(errorFromXhr(xhr));
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'network_error',
          'Could not reach the Sextant server. Check your connection and try again.',
        ),
      );
    xhr.send(input.file);
  });
}

/** The import as a mutation, with the upload's phase for the progress bar. */
export function useJiraImport(projectId: string) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<UploadPhase>({ phase: 'idle' });
  const mutation = useMutation({
    mutationFn: (input: JiraImportInput) => uploadJiraCsv(projectId, input, setProgress),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.project(projectId) }),
        client.invalidateQueries({ queryKey: keys.allSprints }),
      ]),
  });
  return { ...mutation, progress };
}
