import {
  Controller,
  Get,
  Inject,
  Post,
  Render,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { randomBytes } from 'crypto';
import type { Response } from 'express';
import * as fs from 'fs';
import * as path from 'path';
import { field, FormBody, FormFields } from '../common/form-body';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError, InputError } from '../common/errors';
import { translate } from '../common/i18n/i18n';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MysteryShopService, type MysteryShopUpload } from './mystery-shop.service';
import { toMysteryShopUpload, type UploadedPart } from './mystery-shop.upload';
import { Allow } from '../auth/access.guard';
import { CsrfInMultipartBody } from '../auth/csrf';
import { QA } from '../auth/roles';

/**
 * Upload → dry run (every row problem, what would be created) → commit. The uploaded files wait
 * between the two steps under DATA_DIR/uploads/<token>, so the commit imports exactly what the
 * dry run showed; they are removed after the commit.
 */
@ApiExcludeController()
@Allow(QA)
@Controller('mystery-shop')
export class MysteryShopPagesController {
  constructor(
    private readonly mysteryShop: MysteryShopService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('mystery-shop/form')
  form(@Res({ passthrough: true }) res: Response) {
    return { title: translate(res.locals.lang as string, 'nav.mysteryShop') };
  }

  @Post()
  @CsrfInMultipartBody()
  @UseInterceptors(AnyFilesInterceptor())
  async post(
    @CurrentUser() actor: Actor,
    @UploadedFiles() parts: UploadedPart[],
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const title = translate(res.locals.lang as string, 'nav.mysteryShop');
    try {
      const stashed = field(body, 'token');
      if (stashed) {
        const upload = this.load(stashed);
        const report = await this.mysteryShop.commit(actor, upload);
        fs.rmSync(this.dir(stashed), { recursive: true, force: true });
        return res.render('mystery-shop/form', { title, report });
      }
      const upload = toMysteryShopUpload(parts);
      const report = await this.mysteryShop.dryRun(upload);
      const token = report.errors.length === 0 ? this.save(upload) : null;
      res.render('mystery-shop/form', { title, report, token });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      res.status(e.status).render('mystery-shop/form', { title, formError: e.message });
    }
  }

  private dir(token: string): string {
    if (!/^[a-f0-9]{32}$/.test(token))
      throw new InputError('token', 'unknown upload; upload the file again');
    return path.join(this.config.dataDir, 'uploads', token);
  }

  private save(upload: MysteryShopUpload): string {
    const token = randomBytes(16).toString('hex');
    const dir = this.dir(token);
    fs.mkdirSync(path.join(dir, 'transcripts'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'upload.json'),
      JSON.stringify({
        file: upload.file.name,
        mapping: upload.mapping?.name ?? null,
        transcripts: [...(upload.transcripts?.keys() ?? [])],
      }),
    );
    fs.writeFileSync(path.join(dir, 'file'), upload.file.bytes);
    if (upload.mapping) fs.writeFileSync(path.join(dir, 'mapping'), upload.mapping.text);
    [...(upload.transcripts ?? new Map<string, Buffer>())].forEach(([, bytes], i) =>
      fs.writeFileSync(path.join(dir, 'transcripts', String(i)), bytes),
    );
    return token;
  }

  private load(token: string): MysteryShopUpload {
    const dir = this.dir(token);
    if (!fs.existsSync(path.join(dir, 'upload.json'))) {
      throw new InputError(
        'token',
        'this upload was already imported or has expired; upload the file again',
      );
    }
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'upload.json'), 'utf8')) as {
      file: string;
      mapping: string | null;
      transcripts: string[];
    };
    return {
      file: { name: index.file, bytes: fs.readFileSync(path.join(dir, 'file')) },
      mapping: index.mapping
        ? { name: index.mapping, text: fs.readFileSync(path.join(dir, 'mapping'), 'utf8') }
        : undefined,
      transcripts: new Map(
        index.transcripts.map((name, i) => [
          name,
          fs.readFileSync(path.join(dir, 'transcripts', String(i))),
        ]),
      ),
    };
  }
}
