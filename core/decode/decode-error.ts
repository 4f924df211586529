/** A file that cannot be read as text; `message` is written for a person ("file is empty"). */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}
