import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Experiment } from './entities/experiment.entity';

/** The one owner of the experiments table. */
@Injectable()
export class ExperimentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Experiment);
  }

  list(): Promise<Experiment[]> {
    return this.repo().find({ order: { fromDay: 'DESC', id: 'DESC' } });
  }

  byId(id: number): Promise<Experiment | null> {
    return this.repo().findOneBy({ id });
  }

  byName(name: string, manager?: EntityManager): Promise<Experiment | null> {
    return this.repo(manager).findOneBy({ name });
  }

  create(values: Omit<Experiment, 'id' | 'createdAt'>, manager?: EntityManager) {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }
}
