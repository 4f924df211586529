// Reads a backup file as a stream of text chunks without holding it whole: the top-level fields
// are collected as they come, and each element of `docs` is parsed and handed on by itself. A
// file of any size then costs the memory of one document at a time (the old path, one
// JSON.parse of the whole file in the background, failed past the 64 MiB message limit).
import { BackupError } from './backup-error';

export interface BackupReaderSink {
  /** A top-level field other than `docs`, parsed. */
  field(key: string, value: unknown): void;
  /** One element of `docs`, parsed, with its index. */
  doc(value: unknown, index: number): void;
}

type Mode = 'start' | 'key' | 'colon' | 'value' | 'after' | 'docs' | 'docsAfter' | 'end';

/** A character scanner over chunks: tracks strings and nesting so it knows where a value ends. */
export class BackupReader {
  private mode: Mode = 'start';
  private key = '';
  /** Text of the value being captured (key string, field value or document), across chunks. */
  private parts: string[] = [];
  private capturing = false;
  private depth = 0;
  private inString = false;
  private escape = false;
  /** The captured value is a bare literal (number, true, false, null): ends at a delimiter. */
  private literal = false;
  private docIndex = 0;
  private sawDocs = false;

  constructor(private readonly sink: BackupReaderSink) {}

  push(chunk: string): void {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.capturing) {
        const end = this.scanValue(c);
        if (end === 0) continue;
        // end 1: the value ended after this character; end 2: it ended before it (a literal).
        const stop = end === 1 ? i + 1 : i;
        this.parts.push(chunk.slice(from, stop));
        this.finishValue();
        if (end === 2) i--;
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
      from = i;
      this.structural(c);
    }
    if (this.capturing) this.parts.push(chunk.slice(from));
  }

  /** Call after the last chunk; throws if the file ended early. */
  end(): void {
    if (this.mode !== 'end') throw new BackupError('notJson');
    if (!this.sawDocs) throw new BackupError('noDocs');
  }

  private startValue(c: number): void {
    this.capturing = true;
    this.parts = [];
    this.depth = 0;
    this.inString = false;
    this.escape = false;
    this.literal = c !== 0x7b && c !== 0x5b && c !== 0x22;
    // The first character is scanned like the rest (it may open a container or a string).
    const end = this.scanValue(c);
    if (end !== 0) throw new BackupError('notJson'); // a value never ends on its first character here
  }

  /** 0: still inside; 1: ends with this character; 2: ended just before it. */
  private scanValue(c: number): 0 | 1 | 2 {
    if (this.literal) return c === 0x2c || c === 0x7d || c === 0x5d || c <= 0x20 ? 2 : 0;
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (c === 0x5c) this.escape = true;
      else if (c === 0x22) {
        this.inString = false;
        if (this.depth === 0) return 1;
      }
      return 0;
    }
    if (c === 0x22) this.inString = true;
    else if (c === 0x7b || c === 0x5b) this.depth++;
    else if (c === 0x7d || c === 0x5d) {
      this.depth--;
      if (this.depth === 0) return 1;
    }
    return 0;
  }

  private finishValue(): void {
    this.capturing = false;
    const text = this.parts.join('');
    this.parts = [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupError('notJson');
    }
    if (this.mode === 'key') {
      this.key = value as string;
      this.mode = 'colon';
    } else if (this.mode === 'docs') {
      this.sink.doc(value, this.docIndex++);
      this.mode = 'docsAfter';
    } else {
      this.sink.field(this.key, value);
      this.mode = 'after';
    }
  }

  /** A character outside any captured value: the object's and the docs array's punctuation. */
  private structural(c: number): void {
    const fail = (): never => {
      throw new BackupError(this.mode === 'start' ? 'notObject' : 'notJson');
    };
    switch (this.mode) {
      case 'start':
        return c === 0x7b ? void (this.mode = 'key') : fail();
      case 'key':
        if (c === 0x7d) return void (this.mode = 'end');
        return c === 0x22 ? this.startValue(c) : fail();
      case 'colon':
        return c === 0x3a ? void (this.mode = 'value') : fail();
      case 'value':
        if (this.key === 'docs' && c === 0x5b) {
          if (this.sawDocs) throw new BackupError('notJson');
          this.sawDocs = true;
          return void (this.mode = 'docs');
        }
        if (this.key === 'docs') throw new BackupError('docsList');
        return this.startValue(c);
      case 'after':
        if (c === 0x2c) return void (this.mode = 'key');
        return c === 0x7d ? void (this.mode = 'end') : fail();
      case 'docs':
        if (c === 0x5d && this.docIndex === 0) return void (this.mode = 'after');
        return this.startValue(c);
      case 'docsAfter':
        if (c === 0x2c) return void (this.mode = 'docs');
        return c === 0x5d ? void (this.mode = 'after') : fail();
      case 'end':
        return fail();
    }
  }
}
