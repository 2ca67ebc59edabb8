import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.guard';
import { DatabasePingRepository } from './database-ping.repository';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabasePingRepository) {}

  @Get()
  async check() {
    try {
      await this.database.ping();
    } catch {
      throw new ServiceUnavailableException('database unreachable');
    }
    return { status: 'ok', database: this.database.type };
  }
}
