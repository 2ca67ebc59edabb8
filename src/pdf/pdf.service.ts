import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PdfRenderer } from './pdf-renderer';

/**
 * The app's one PdfRenderer: one warm Chromium shared by every PDF, started on the first
 * render (so the app starts and runs without Chromium) and closed with the app.
 */
@Injectable()
export class PdfService extends PdfRenderer implements OnModuleDestroy {
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
