import { strToU8, zipSync } from 'fflate';
import {
  unpackUploads,
  UploadLimitError,
  ZipReadError,
  type UploadItem,
} from '../../../src/imports/zip-archive';

const KB = 1024;
const zeros = (n: number) => new Uint8Array(n);
const zip = (files: Record<string, Uint8Array>) => zipSync(files);

function limitError(items: UploadItem[], limits: { files: number; bytes: number }) {
  try {
    unpackUploads(items, limits);
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
    const limits = { files: 100, bytes: 1024 * KB };
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
    const limits = { files: 3, bytes: 1024 * KB };
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

  it('refuses an archive that is not a zip or is cut short, naming it', () => {
    const whole = zip({ 'a.txt': strToU8('hello '.repeat(1000)) });
    for (const bytes of [strToU8('PK\u0003\u0004 not really'), whole.subarray(0, 60)]) {
      expect(() => unpackUploads([{ name: 'broken.zip', zip: bytes }])).toThrow(
        expect.objectContaining({ name: 'ZipReadError', archive: 'broken.zip' }),
      );
    }
  });
});
