// Saving text the page made (a policy, findings as CSV) as a file, without a network request:
// a blob URL in the page's own origin, clicked, then released.

export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
