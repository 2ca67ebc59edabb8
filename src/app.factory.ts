import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import * as fs from 'fs';
import helmet from 'helmet';
import hbs from 'hbs';
import * as path from 'path';
import { AppModule } from './app.module';
import { AppConfig, loadConfig } from './config/app-config';
import { trackHttpActivity } from './common/http-activity';
import { languageMiddleware } from './common/i18n/i18n';
import { useBodyParsers } from './common/request-body';
import { viewHelpers } from './common/view-helpers';
import { viewsDir } from './common/views-dir';

/** Builds the whole app (views, i18n, OpenAPI) the same way for `main.ts` and for tests. */
export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: [...levelsFrom(loadConfig().logLevel)],
  });
  const config = loadConfig();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  if (config.trustProxy) app.set('trust proxy', trustProxyValue(config.trustProxy));
  app.use(trackHttpActivity);
  app.use(securityHeaders());
  app.use(languageMiddleware);
  useBodyParsers(app);
  app.useStaticAssets(path.join(viewsDir(), 'assets'), { prefix: '/assets/' });
  app.setBaseViewsDir(viewsDir());
  app.setViewEngine('hbs');
  // Compiled templates are kept (Express does so only with NODE_ENV=production otherwise):
  // reading and compiling the page and layout costs ~20 ms a request. start:dev re-reads them.
  app.set('view cache', process.env.NODE_ENV !== 'development');
  app.set('view options', { layout: 'layouts/main' });
  registerPartials(path.join(viewsDir(), 'partials'));
  for (const [name, helper] of Object.entries(viewHelpers)) hbs.registerHelper(name, helper);
  const openApi = new DocumentBuilder()
    .setTitle('QA call monitoring API')
    .setDescription('Import interactions, score them on versioned scorecards, read the results.')
    .setVersion('0.1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}

/**
 * helmet's headers with a strict Content-Security-Policy: scripts, styles and fonts from this
 * site only (no inline code anywhere in views/), recordings from wherever they are kept. The
 * OpenAPI page (Swagger UI) needs inline styles and its own init script, so it alone gets them.
 */
function securityHeaders() {
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    mediaSrc: ["'self'", 'https:', 'http:', 'blob:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  const strict = helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    crossOriginEmbedderPolicy: false,
  });
  const docs = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...directives,
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next);
}

function trustProxyValue(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function levelsFrom(level: AppConfig['logLevel']) {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}

/** hbs.registerPartials reads the folder asynchronously; the first request must not race it. */
function registerPartials(dir: string): void {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(path.basename(file, '.hbs'), fs.readFileSync(path.join(dir, file), 'utf8'));
  }
}
