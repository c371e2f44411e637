/**
 * The text columns' dictionaries of the byte reader (csv-columns.ts): each distinct text decoded
 * once, not a string per cell.
 */
import type { Buffer } from 'node:buffer';

/**
 * A column's distinct texts, each given a number (its id) the first time its bytes are seen: a
 * text column is then one Int32Array of ids, and whatever the engine works out about a text (is
 * it a total's label, a date, a group) is worked out once per id. Keyed by the cell's bytes
 * (where in the file they are; the file's bytes stay whole while it is read), in an
 * open-addressing table that doubles as it fills.
 */
export class ByteDictionary {
  readonly strings: string[] = [];
  private starts = new Float64Array(256);
  private lengths = new Int32Array(256);
  private hashes = new Int32Array(256);
  private slots = new Int32Array(1024).fill(-1);
  /** Texts that did not come from plain bytes (quoted cells), by their text. */
  private readonly byText = new Map<string, number>();
  /** Every text's id, made when first needed (merging another part's dictionary). */
  private all: Map<string, number> | undefined;

  /**
   * The id of bytes[start, end) as UTF-8 text; `hash` is their FNV-1a hash (computed by the
   * reader as it scans them, in csv-columns.ts).
   */
  id(bytes: Buffer, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.slots.length - 1;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const id = this.slots[slot] as number;
      if (id < 0) break;
      if (
        this.hashes[id] === hash &&
        this.lengths[id] === length &&
        sameBytes(bytes, this.starts[id] as number, start, length)
      )
        return id;
      slot = (slot + 1) & mask;
    }
    const id = this.add(bytes.toString('utf8', start, end));
    if (id === this.starts.length) this.growIds();
    this.starts[id] = start;
    this.lengths[id] = length;
    this.hashes[id] = hash;
    this.slots[slot] = id;
    if (id * 2 >= this.slots.length) this.rehash();
    return id;
  }

  /** The id of a text read otherwise (a quoted cell). */
  idOfText(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.add(text);
      if (id === this.starts.length) this.growIds();
      // Never found by bytes: its length -1 matches no cell.
      this.lengths[id] = -1;
      this.byText.set(text, id);
    }
    return id;
  }

  /** The id of a text from another part of the file: an existing id when the text is known. */
  idOfString(text: string): number {
    this.all ??= new Map(this.strings.map((t, id) => [t, id]));
    return this.all.get(text) ?? this.idOfText(text);
  }

  private add(text: string): number {
    this.strings.push(text);
    const id = this.strings.length - 1;
    if (this.all !== undefined && !this.all.has(text)) this.all.set(text, id);
    return id;
  }

  private growIds(): void {
    const size = this.starts.length * 2;
    const starts = new Float64Array(size);
    starts.set(this.starts);
    const lengths = new Int32Array(size);
    lengths.set(this.lengths);
    const hashes = new Int32Array(size);
    hashes.set(this.hashes);
    this.starts = starts;
    this.lengths = lengths;
    this.hashes = hashes;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.strings.length; id++) {
      if (this.lengths[id] === -1) continue;
      const hash = this.hashes[id] as number;
      let slot = (hash ^ (hash >>> 15)) & mask;
      while ((slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

function sameBytes(bytes: Buffer, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}
