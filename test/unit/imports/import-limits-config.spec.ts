import { loadConfig } from '../../../src/config/app-config';

describe('transcript import limits per request (MAX_UNPACKED_MB, MAX_IMPORT_FILES)', () => {
  it('defaults to 10,000 files and 512 MB unpacked', () => {
    expect(loadConfig({}).importLimits).toEqual({ files: 10_000, bytes: 512 * 1024 * 1024 });
  });

  it('takes whole numbers in range from the environment', () => {
    expect(loadConfig({ MAX_UNPACKED_MB: '64', MAX_IMPORT_FILES: '20' }).importLimits).toEqual({
      files: 20,
      bytes: 64 * 1024 * 1024,
    });
  });

  it.each([
    ['MAX_UNPACKED_MB', '0'],
    ['MAX_UNPACKED_MB', '5000'],
    ['MAX_UNPACKED_MB', 'lots'],
    ['MAX_IMPORT_FILES', '0'],
    ['MAX_IMPORT_FILES', '1.5'],
  ])('refuses %s=%s at start, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
