import { InputError } from '../common/errors';
import type { MysteryShopUpload } from './mystery-shop.service';

export interface UploadedPart {
  fieldname: string;
  originalname: string;
  buffer: Buffer;
}

/** Multipart parts → the upload: `file` (CSV/XLSX), optional `mapping`, any `transcripts`. */
export function toMysteryShopUpload(parts: UploadedPart[] | undefined): MysteryShopUpload {
  const file = parts?.find((p) => p.fieldname === 'file');
  if (!file) {
    throw new InputError('file', 'choose the CSV or XLSX file with the results', {
      key: 'mysteryShop.error.chooseFile',
    });
  }
  if (!/\.(csv|xlsx)$/i.test(file.originalname)) {
    throw new InputError('file', `${file.originalname}: expected a .csv or .xlsx file`, {
      key: 'mysteryShop.error.notCsvOrXlsx',
      params: { file: file.originalname },
    });
  }
  const mapping = parts?.find((p) => p.fieldname === 'mapping');
  return {
    file: { name: file.originalname, bytes: file.buffer },
    mapping: mapping
      ? { name: mapping.originalname, text: mapping.buffer.toString('utf8') }
      : undefined,
    transcripts: new Map(
      (parts ?? [])
        .filter((p) => p.fieldname === 'transcripts')
        .map((p) => [p.originalname, p.buffer]),
    ),
  };
}
