import { Controller, Get, Inject, Post, Render, Res, UploadedFiles } from '@nestjs/common';
import { FileUploads } from '../common/file-uploads';
import { ApiExcludeController } from '@nestjs/swagger';
import { randomBytes } from 'crypto';
import type { Response } from 'express';
import { FormBody, FormFields } from '../common/form-body';
import { formInput } from '../common/form-input';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError, InputError } from '../common/errors';
import { pageMessageOf } from '../common/http-exception.filter';
import { hasTranslation, translate } from '../common/i18n/i18n';
import { FILE_STORE, type FileStore } from '../storage/file-store';
import { MysteryShopFormDto } from './dto/mystery-shop-form.dto';
import {
  MysteryShopService,
  type MysteryShopReport,
  type MysteryShopUpload,
} from './mystery-shop.service';
import { toMysteryShopUpload, type UploadedPart } from './mystery-shop.upload';
import { Allow } from '../auth/access.guard';
import { CsrfInMultipartBody } from '../auth/csrf';
import { QA } from '../auth/roles';
import { languageOf } from '../common/i18n/lang';

/**
 * Upload → dry run (every row problem, what would be created) → commit. The uploaded files wait
 * between the two steps in the file store (`uploads/<token>`: DATA_DIR on one machine, the
 * database on PostgreSQL, so the commit may reach another instance), so the commit imports
 * exactly what the dry run showed; they are removed by the commit.
 */
@ApiExcludeController()
@Allow(QA)
@Controller('mystery-shop')
export class MysteryShopPagesController {
  constructor(
    private readonly mysteryShop: MysteryShopService,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  @Get()
  @Render('mystery-shop/form')
  form(@Res({ passthrough: true }) res: Response) {
    return { title: translate(languageOf(res), 'nav.mysteryShop') };
  }

  @Post()
  @CsrfInMultipartBody()
  @FileUploads({ field: 'file', sizeFactor: 1 })
  async post(
    @CurrentUser() actor: Actor,
    @UploadedFiles() parts: UploadedPart[],
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const lang = languageOf(res);
    const title = translate(lang, 'nav.mysteryShop');
    try {
      const { token: stashed } = formInput(MysteryShopFormDto, body);
      if (stashed) {
        const report = await this.commitStashed(actor, stashed);
        return res.render('mystery-shop/form', { title, report: forPage(report, lang) });
      }
      const upload = toMysteryShopUpload(parts);
      const report = await this.mysteryShop.dryRun(upload);
      const token = report.errors.length === 0 ? await this.save(upload) : null;
      res.render('mystery-shop/form', { title, report: forPage(report, lang), token });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // In the reader's language where the error has a locale message (the 413s of a file too
      // heavy to read), like the API's answer.
      res
        .status(e.status)
        .render('mystery-shop/form', { title, formError: pageMessageOf(e, lang) });
    }
  }

  /**
   * Takes the staged upload out of the file store (whichever instance staged it) and imports it.
   * Of several commits of one upload at once only one gets it; the others are told it was
   * already imported. A commit that fails puts it back, so it can be tried again.
   */
  private async commitStashed(actor: Actor, token: string) {
    const key = this.key(token);
    const stored = await this.files.take(key);
    if (!stored) {
      throw new InputError(
        'token',
        'this upload was already imported or has expired; upload the file again',
        { key: 'mysteryShop.error.alreadyImported' },
      );
    }
    try {
      return await this.mysteryShop.commit(actor, fromStored(stored));
    } catch (e) {
      await this.files.put(key, stored);
      throw e;
    }
  }

  private key(token: string): string {
    if (!/^[a-f0-9]{32}$/.test(token))
      throw new InputError('token', 'unknown upload; upload the file again', {
        key: 'mysteryShop.error.unknownUpload',
      });
    return `uploads/${token}`;
  }

  private async save(upload: MysteryShopUpload): Promise<string> {
    const token = randomBytes(16).toString('hex');
    await this.files.put(this.key(token), toStored(upload));
    return token;
  }
}

/** The upload as one stored file: the names, and each file's bytes in base64. */
function toStored(upload: MysteryShopUpload): Buffer {
  return Buffer.from(
    JSON.stringify({
      file: { name: upload.file.name, bytes: upload.file.bytes.toString('base64') },
      mapping: upload.mapping ?? null,
      transcripts: [...(upload.transcripts ?? new Map<string, Buffer>())].map(([name, bytes]) => [
        name,
        bytes.toString('base64'),
      ]),
    }),
  );
}

function fromStored(stored: Buffer): MysteryShopUpload {
  const index = JSON.parse(stored.toString('utf8')) as {
    file: { name: string; bytes: string };
    mapping: { name: string; text: string } | null;
    transcripts: [string, string][];
  };
  return {
    file: { name: index.file.name, bytes: Buffer.from(index.file.bytes, 'base64') },
    mapping: index.mapping ?? undefined,
    transcripts: new Map(
      index.transcripts.map(([name, b64]) => [name, Buffer.from(b64, 'base64')]),
    ),
  };
}

/** The report with each row problem in the page's language (as written when it has no key). */
function forPage<R extends Pick<MysteryShopReport, 'errors'>>(report: R, lang: string) {
  return {
    ...report,
    errors: report.errors.map((e) => ({
      ...e,
      reasonText:
        e.messageKey && hasTranslation(e.messageKey.key)
          ? translate(lang, e.messageKey.key, withNestedReason(lang, e.messageKey.params))
          : e.reason,
    })),
  };
}

/** A row problem that wraps another reason (a transcript's, by `reasonKey`) words it too. */
function withNestedReason(lang: string, params: Record<string, string> | undefined) {
  const nested = params?.reasonKey;
  if (!nested || !hasTranslation(nested)) return params;
  return { ...params, reason: translate(lang, nested, params) };
}
