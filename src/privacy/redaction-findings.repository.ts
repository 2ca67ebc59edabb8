import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { StoredFinding } from '../redaction/redact-import';
import { RedactionFindingRow } from './entities/redaction-finding.entity';

const CHUNK = 500;

/** The one owner of redaction_findings. */
@Injectable()
export class RedactionFindingsRepository {
  constructor(
    @InjectRepository(RedactionFindingRow)
    private readonly findings: Repository<RedactionFindingRow>,
  ) {}

  /** Inside the import's transaction, beside the interaction's turns. */
  async insert(
    manager: EntityManager,
    interactionId: number,
    found: StoredFinding[],
  ): Promise<void> {
    for (let i = 0; i < found.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(RedactionFindingRow)
        .values(
          found.slice(i, i + CHUNK).map((f) => ({
            interactionId,
            turnSeq: f.turnSeq,
            kind: f.kind,
            startOffset: f.start,
            endOffset: f.end,
          })),
        )
        .updateEntity(false)
        .execute();
    }
  }

  /** Before a call's findings are written again (`redact-existing` on a verbatim call). */
  async deleteFor(manager: EntityManager, interactionId: number): Promise<void> {
    await manager.delete(RedactionFindingRow, { interactionId });
  }

  forInteraction(interactionId: number): Promise<RedactionFindingRow[]> {
    return this.findings.find({
      where: { interactionId },
      order: { turnSeq: 'ASC', startOffset: 'ASC' },
    });
  }
}
