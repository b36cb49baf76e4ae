/**
 * Where a part's new text is written while it is serialised: runs of the part's original
 * text (`range`, by offsets, so an untouched run of rows is never cut out as a string of
 * its own) and new text (`text`: a restyled cell's start tag, a written cell).
 */
export interface TextOut {
  /** The original text from `start` to `end`. */
  range(start: number, end: number): void;
  text(s: string): void;
}

/** The text as pieces in order (slices of the original and the new texts), for a string. */
export class PiecesOut implements TextOut {
  readonly pieces: string[] = [];

  constructor(private readonly source: string) {}

  range(start: number, end: number): void {
    if (end > start) this.pieces.push(this.source.slice(start, end));
  }

  text(s: string): void {
    if (s !== '') this.pieces.push(s);
  }
}

/** Ranges and texts up to this length are copied a character at a time; longer ones go through the encoder. */
const SHORT = 64;

/**
 * The text encoded straight into one growing UTF-8 buffer: no piece list, no joined
 * string, no intermediate buffer. A sheet's edited rows are short runs of the original
 * between new start tags (hundreds of thousands of them), which are copied character by
 * character while they are ASCII, as XML of a worksheet almost always is; a longer run,
 * or one holding other characters, goes through `TextEncoder.encodeInto`.
 */
export class Utf8Writer implements TextOut {
  private buf: Uint8Array;
  private at = 0;
  private readonly encoder = new TextEncoder();

  /**
   * With `onChunk`, the writer hands its bytes over in chunks of about `sizeHint` instead of
   * growing: each time the buffer is full it is passed on (the receiver owns it: it is never
   * written again) and a new one is started; `end()` passes on the last one.
   */
  constructor(
    private readonly source: string,
    sizeHint = source.length,
    private readonly onChunk?: (bytes: Uint8Array) => void,
  ) {
    this.buf = new Uint8Array(Math.max(64, Math.ceil(sizeHint)));
  }

  range(start: number, end: number): void {
    if (end - start > SHORT) this.encode(this.source.slice(start, end));
    else this.copy(this.source, start, end);
  }

  text(s: string): void {
    if (s.length > SHORT) this.encode(s);
    else this.copy(s, 0, s.length);
  }

  /** The bytes written (a view of the buffer); with `onChunk`, those not handed over yet. */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }

  /** With `onChunk`: hands over the bytes written since the last chunk. */
  end(): void {
    if (this.onChunk && this.at > 0) {
      const full = this.buf.subarray(0, this.at);
      this.buf = new Uint8Array(64);
      this.at = 0;
      this.onChunk(full);
    }
  }

  /** Characters `start` to `end` of `s`, ASCII copied as it is, the rest from the first other character encoded. */
  private copy(s: string, start: number, end: number): void {
    this.reserve(end - start);
    const buf = this.buf;
    let at = this.at;
    for (let i = start; i < end; i++) {
      const ch = s.charCodeAt(i);
      if (ch >= 0x80) {
        this.at = at;
        this.encode(s.slice(i, end));
        return;
      }
      buf[at++] = ch;
    }
    this.at = at;
  }

  private encode(s: string): void {
    let rest = s;
    for (;;) {
      const { read, written } = this.encoder.encodeInto(rest, this.buf.subarray(this.at));
      this.at += written;
      if (read === rest.length) return;
      // encodeInto never stops inside a character (a surrogate pair is read whole or not at all).
      rest = rest.slice(read);
      this.grow(rest.length * 3);
    }
  }

  /** Room for `n` more bytes of ASCII. */
  private reserve(n: number): void {
    if (this.at + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    if (this.onChunk && this.at > 0) {
      const full = this.buf.subarray(0, this.at);
      // The receiver may move the buffer away (to another thread): its size is read first.
      this.buf = new Uint8Array(Math.max(this.buf.length, n));
      this.at = 0;
      this.onChunk(full);
      return;
    }
    const bigger = new Uint8Array(Math.max(Math.ceil(this.buf.length * 1.5), this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }
}
