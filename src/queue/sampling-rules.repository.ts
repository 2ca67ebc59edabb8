import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SamplingRule } from './entities/sampling-rule.entity';

/** The one owner of `sampling_rules`: reads and writes, no rules of its own. */
@Injectable()
export class SamplingRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(): Promise<SamplingRule[]> {
    return this.dataSource.getRepository(SamplingRule).find({ order: { id: 'ASC' } });
  }

  /** Active rules in id order (inside the sampling run's transaction). */
  active(manager: EntityManager): Promise<SamplingRule[]> {
    return manager.find(SamplingRule, { where: { active: true }, order: { id: 'ASC' } });
  }

  async anyActive(): Promise<boolean> {
    return (await this.dataSource.getRepository(SamplingRule).countBy({ active: true })) > 0;
  }

  byId(id: number): Promise<SamplingRule | null> {
    return this.dataSource.getRepository(SamplingRule).findOneBy({ id });
  }

  async insert(manager: EntityManager, values: Partial<SamplingRule>): Promise<number> {
    return (await manager.save(manager.create(SamplingRule, values))).id;
  }

  async update(manager: EntityManager, id: number, values: Partial<SamplingRule>): Promise<void> {
    await manager.update(SamplingRule, id, values);
  }
}
