/**
 * Reads a picked file into memory on this computer; nothing is sent anywhere. Uses
 * `Blob.arrayBuffer` where the host has it and FileReader where it does not (older
 * Office webviews, and jsdom).
 *
 * @example
 * const data = await readFileAsArrayBuffer(input.files[0]);
 */
export function readFileAsArrayBuffer(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}
