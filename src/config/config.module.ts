import { Global, Module } from '@nestjs/common';
import { MAX_UPLOAD_BYTES } from '../common/file-uploads';
import { APP_CONFIG, loadConfig, type AppConfig } from './app-config';

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    {
      provide: MAX_UPLOAD_BYTES,
      useFactory: (config: AppConfig) => config.maxUploadBytes,
      inject: [APP_CONFIG],
    },
  ],
  exports: [APP_CONFIG, MAX_UPLOAD_BYTES],
})
export class ConfigModule {}
