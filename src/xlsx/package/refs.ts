/** A1 references as the file writes them (`B12`, `$B$12`), 0-based. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  if (ref.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  let letters = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    letters++;
    i++;
  }
  if (letters === 0 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  while (i < ref.length) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
    digits++;
    i++;
  }
  if (digits === 0 || digits > 7 || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** 0-based column index for column letters: A -> 0, AA -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
