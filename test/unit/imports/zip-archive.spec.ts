import { strToU8, zipSync } from 'fflate';
import * as zlib from 'zlib';
import {
  unpackUploads,
  UploadLimitError,
  ZipReadError,
  type UploadItem,
} from '../../../src/imports/zip-archive';

const KB = 1024;
const MB = 1024 * KB;
/** A per-file limit that none of the budget tests reaches. */
const ANY_FILE = 64 * MB;
const zeros = (n: number) => new Uint8Array(n);
const zip = (files: Record<string, Uint8Array>) => zipSync(files);

function limitError(items: UploadItem[], limits: { files: number; bytes: number }) {
  const all = { fileBytes: ANY_FILE, ...limits };
  try {
    unpackUploads(items, all);
  } catch (e) {
    if (e instanceof UploadLimitError) return e;
    throw e;
  }
  throw new Error('no limit was crossed');
}

/** Offsets of a signature (local file header PK\3\4, central directory entry PK\1\2). */
function offsets(bytes: Uint8Array, sig: number[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (sig.every((b, k) => bytes[i + k] === b)) at.push(i);
  }
  return at;
}
/** A one-entry zip of already deflated bytes (method 8), declaring `size` unpacked. */
function deflatedZip(name: string, packed: Uint8Array, size: number): Uint8Array {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + packed.length, 16);
  return Buffer.concat([local, fileName, packed, central, fileName, end]);
}

const LOCAL = [0x50, 0x4b, 0x03, 0x04];
const CENTRAL = [0x50, 0x4b, 0x01, 0x02];

describe('unpacking the zips of one upload within one budget', () => {
  it('unpacks files sorted by name, leaving out folders, macOS metadata and empty files', () => {
    const [out] = unpackUploads([
      {
        name: 'batch.zip',
        zip: zip({
          'calls/b.vtt': strToU8('WEBVTT b'),
          'calls/a.vtt': strToU8('WEBVTT a'),
          '__MACOSX/calls/._a.vtt': strToU8('junk'),
          'calls/.DS_Store': strToU8('junk'),
          'empty.txt': new Uint8Array(0),
        }),
      },
    ]);
    expect(out!.map((f) => [f.name, Buffer.from(f.bytes).toString()])).toEqual([
      ['batch.zip/calls/a.vtt', 'WEBVTT a'],
      ['batch.zip/calls/b.vtt', 'WEBVTT b'],
    ]);
  });

  it('gives back every byte of deflated and stored entries, small and large', () => {
    let seed = 7;
    const noise = Uint8Array.from(
      { length: 300 * KB },
      () => (seed = (seed * 48271) % 2147483647) & 0xff,
    );
    const text = strToU8('안녕하세요, 상담원입니다. '.repeat(20_000));
    for (const level of [0, 6] as const) {
      const [out] = unpackUploads([
        {
          name: 'mix.zip',
          zip: zipSync({ 'noise.bin': noise, 'talk.txt': text, 's.txt': strToU8('s') }, { level }),
        },
      ]);
      const byName = new Map(out!.map((f) => [f.name, Buffer.from(f.bytes)]));
      expect(byName.get('mix.zip/noise.bin')!.equals(Buffer.from(noise))).toBe(true);
      expect(byName.get('mix.zip/talk.txt')!.equals(Buffer.from(text))).toBe(true);
      expect(byName.get('mix.zip/s.txt')!.toString()).toBe('s');
    }
  });

  it('counts unpacked bytes across every zip of the request and names the file where it went over', () => {
    const limits = { files: 100, bytes: 1024 * KB, fileBytes: ANY_FILE };
    const one = zip({ 'zeros.txt': zeros(600 * KB) });
    const two = zip({ 'more.txt': zeros(600 * KB) });
    // Each alone fits: the limit is the request's, not the archive's.
    expect(() => unpackUploads([{ name: 'one.zip', zip: one }], limits)).not.toThrow();
    expect(() => unpackUploads([{ name: 'two.zip', zip: two }], limits)).not.toThrow();
    const e = limitError(
      [
        { name: 'one.zip', zip: one },
        { name: 'two.zip', zip: two },
      ],
      limits,
    );
    expect(e).toMatchObject({ file: 'two.zip/more.txt', limit: 'bytes', max: 1024 * KB });
  });

  it('counts plain files of the request too, in upload order', () => {
    const limits = { files: 3, bytes: 1024 * KB, fileBytes: ANY_FILE };
    const e = limitError(
      [
        { name: 'call.json', size: 700 * KB },
        { name: 'calls.zip', zip: zip({ 'x.vtt': zeros(400 * KB) }) },
      ],
      limits,
    );
    expect(e).toMatchObject({ file: 'calls.zip/x.vtt', limit: 'bytes' });
    const files = limitError(
      [
        { name: 'a.vtt', size: 10 },
        { name: 'calls.zip', zip: zip({ 'b.vtt': strToU8('b'), 'c.vtt': strToU8('c') }) },
        { name: 'd.vtt', size: 10 },
      ],
      limits,
    );
    expect(files).toMatchObject({ file: 'd.vtt', limit: 'files', max: 3 });
  });

  it('counts the bytes that come out, not the sizes the archive declares', () => {
    const bytes = zip({ 'bomb.txt': zeros(2048 * KB) });
    // Claim 10 bytes unpacked in both the local header and the central directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const at of offsets(bytes, LOCAL)) view.setUint32(at + 22, 10, true);
    for (const at of offsets(bytes, CENTRAL)) view.setUint32(at + 24, 10, true);
    const e = limitError([{ name: 'liar.zip', zip: bytes }], { files: 10, bytes: 1024 * KB });
    expect(e).toMatchObject({ file: 'liar.zip/bomb.txt', limit: 'bytes' });
  });

  it('reports the limit where it was crossed, not a broken entry further on', () => {
    const bytes = zip({ 'a-bomb.txt': zeros(4096 * KB), 'b-broken.txt': strToU8('later') });
    // The second entry uses a compression method nobody knows: reading it would fail.
    const second = offsets(bytes, LOCAL)[1];
    new DataView(bytes.buffer, bytes.byteOffset).setUint16(second + 8, 99, true);
    expect(() => unpackUploads([{ name: 'x.zip', zip: bytes }])).toThrow(ZipReadError);
    const e = limitError([{ name: 'x.zip', zip: bytes }], { files: 10, bytes: 1024 * KB });
    expect(e).toMatchObject({ file: 'x.zip/a-bomb.txt' });
  });

  it('names the next file when the budget was used up exactly, not a zlib error', () => {
    // 1 MB in the first file leaves nothing: the next is inflated with no room at all.
    const bytes = zip({ 'a.txt': zeros(1024 * KB), 'b.txt': strToU8('b'.repeat(100)) });
    const e = limitError([{ name: 'x.zip', zip: bytes }], { files: 10, bytes: 1024 * KB });
    expect(e).toMatchObject({ file: 'x.zip/b.txt', limit: 'bytes' });
  });

  it('refuses an archive that is not a zip or is cut short, naming it', () => {
    const whole = zip({ 'a.txt': strToU8('hello '.repeat(1000)) });
    for (const bytes of [strToU8('PK\u0003\u0004 not really'), whole.subarray(0, 60)]) {
      expect(() => unpackUploads([{ name: 'broken.zip', zip: bytes }])).toThrow(
        expect.objectContaining({ name: 'ZipReadError', archive: 'broken.zip' }),
      );
    }
  });
});

describe('one file inside a zip is unpacked no further than MAX_UPLOAD_MB', () => {
  const limits = { files: 100, bytes: 10 * MB, fileBytes: MB };
  afterEach(() => jest.restoreAllMocks());

  it('gives a larger file back marked, without its bytes, the others whole', () => {
    const [out] = unpackUploads(
      [
        {
          name: 'calls.zip',
          zip: zip({ 'huge.txt': zeros(8 * MB), 'ok.vtt': strToU8('WEBVTT ok') }),
        },
      ],
      limits,
    );
    expect(out!.map((f) => [f.name, f.bytes.length, f.tooLarge ?? false])).toEqual([
      ['calls.zip/huge.txt', 0, true],
      ['calls.zip/ok.vtt', 9, false],
    ]);
  });

  it('stops inflating at the limit: a file corrupt only past 8 MB is never read that far', () => {
    // 8 MB of zeros deflated without a final block, then a block of a type that does not exist.
    const packed = Buffer.concat([
      zlib.deflateRawSync(zeros(8 * MB), { finishFlush: zlib.constants.Z_FULL_FLUSH }),
      Buffer.from([0xff, 0xff, 0xff, 0xff]),
    ]);
    const archive = { name: 'late.zip', zip: deflatedZip('late.txt', packed, 8 * MB) };
    expect(unpackUploads([archive], limits)).toEqual([
      [{ name: 'late.zip/late.txt', bytes: new Uint8Array(0), tooLarge: true }],
    ]);
    // Read all the way, as it was before the per-file limit, it is a broken archive.
    expect(() => unpackUploads([archive], { ...limits, fileBytes: ANY_FILE })).toThrow(
      ZipReadError,
    );
  });

  it('counts only what was inflated: three 8 MB files fit a 10 MB budget, each stopped at 1 MB', () => {
    const bytes = zip({ 'a.txt': zeros(8 * MB), 'b.txt': zeros(8 * MB), 'c.txt': zeros(8 * MB) });
    const [out] = unpackUploads([{ name: 'three.zip', zip: bytes }], limits);
    expect(out!.every((f) => f.tooLarge === true && f.bytes.length === 0)).toBe(true);
    // Twelve of them do not: about 1 MB each counts, the request's budget still holds.
    const many = zip(
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i}.txt`, zeros(2 * MB)])),
    );
    expect(() => unpackUploads([{ name: 'many.zip', zip: many }], limits)).toThrow(
      UploadLimitError,
    );
  });

  it('holds for stored (not deflated) entries and for entries whose declared size lies', () => {
    const stored = zipSync({ 'big.bin': zeros(3 * MB), 's.txt': strToU8('s') }, { level: 0 });
    const [plain] = unpackUploads([{ name: 'stored.zip', zip: stored }], limits);
    expect(plain!.map((f) => [f.name, f.tooLarge ?? false])).toEqual([
      ['stored.zip/big.bin', true],
      ['stored.zip/s.txt', false],
    ]);
    const liar = zip({ 'bomb.txt': zeros(4 * MB) });
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    for (const at of offsets(liar, LOCAL)) view.setUint32(at + 22, 10, true);
    for (const at of offsets(liar, CENTRAL)) view.setUint32(at + 24, 10, true);
    const [lied] = unpackUploads([{ name: 'liar.zip', zip: liar }], limits);
    expect(lied).toEqual([{ name: 'liar.zip/bomb.txt', bytes: new Uint8Array(0), tooLarge: true }]);
  });

  it('takes a file of exactly the limit and refuses one byte more, deflated or stored', () => {
    for (const level of [0, 6] as const) {
      const [out] = unpackUploads(
        [
          {
            name: 'edge.zip',
            zip: zipSync({ 'at.txt': zeros(MB), 'over.txt': zeros(MB + 1) }, { level }),
          },
        ],
        limits,
      );
      expect(out!.map((f) => [f.name, f.bytes.length, f.tooLarge ?? false])).toEqual([
        ['edge.zip/at.txt', MB, false],
        ['edge.zip/over.txt', 0, true],
      ]);
    }
  });

  it('a request budget crossed inside a large file is still the whole request’s 413', () => {
    const e = limitError([{ name: 'x.zip', zip: zip({ 'big.txt': zeros(4 * MB) }) }], {
      files: 10,
      bytes: 512 * KB,
    });
    expect(e).toMatchObject({ file: 'x.zip/big.txt', limit: 'bytes' });
  });
});
