// Saves generated text or bytes (a report, a backup, a corpus .zip) as a file through a temporary Blob URL.
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}

/** Saves a Blob (a streamed backup: its parts never become one string). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileStamp(date = new Date()): string {
  return date.toISOString().slice(0, 10);
}
