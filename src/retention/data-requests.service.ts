import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { InputError } from '../common/errors';
import { transaction } from '../database/transaction';
import {
  InteractionsRepository,
  type RequestCandidate,
} from '../interactions/interactions.repository';
import {
  identifierFields,
  matchingFields,
  phoneDigits,
  searchFragment,
  withoutFields,
  type RequestKind,
} from './data-request-match';
import { RetentionService, type DeletionCounts } from './retention.service';

/** A call the request is about, and what deleting would take from it. */
export interface RequestedCall {
  id: number;
  externalId: string;
  source: string;
  channel: string;
  startedAt: Date;
  turns: number;
  transcriptDeleted: boolean;
  /** Metadata fields removed (names only, never values). */
  fields: string[];
}

export interface DataRequestPreview {
  kind: RequestKind;
  calls: RequestedCall[];
  turns: number;
  fields: number;
}

export interface DataRequestReport extends DeletionCounts {
  kind: RequestKind;
  callIds: number[];
  /** Metadata fields removed in all. */
  fields: number;
}

/**
 * A data subject request ("delete everything about this customer"): the calls found by the
 * customer's phone number, a customer id in the metadata, or a call id; a preview; then their
 * transcripts deleted as retention does and the customer's identifiers removed from their
 * metadata, with a report and an audit entry (which holds no identifier: kind and call ids).
 */
@Injectable()
export class DataRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly interactions: InteractionsRepository,
    private readonly retention: RetentionService,
    private readonly audit: AuditService,
  ) {}

  async preview(kind: RequestKind, value: string): Promise<DataRequestPreview> {
    const calls = await this.find(kind, value);
    return {
      kind,
      calls,
      turns: calls.reduce((n, c) => n + (c.transcriptDeleted ? 0 : c.turns), 0),
      fields: calls.reduce((n, c) => n + c.fields.length, 0),
    };
  }

  /** Deletes; finds the calls again (never from a list the browser sent back). */
  async execute(
    actor: Actor,
    kind: RequestKind,
    value: string,
    at = new Date(),
  ): Promise<DataRequestReport> {
    const found = await this.candidates(kind, value);
    const calls = found.map((c) => ({ candidate: c, fields: this.fieldsOf(c, kind, value) }));
    return transaction(this.dataSource, async (manager) => {
      const counts = await this.retention.deleteTranscripts(
        manager,
        calls.filter((c) => !c.candidate.transcriptDeletedAt).map((c) => c.candidate),
        at,
        'request',
      );
      let fields = 0;
      for (const { candidate, fields: names } of calls) {
        if (names.length === 0) continue;
        await this.interactions.setMetadata(
          manager,
          candidate.id,
          withoutFields(candidate.metadata, names),
        );
        fields += names.length;
      }
      const report: DataRequestReport = {
        ...counts,
        kind,
        callIds: calls.map((c) => c.candidate.id),
        fields,
      };
      await this.audit.record(manager, actor, {
        action: 'data_request.deleted',
        entityType: 'data_request',
        entityId: at.toISOString(),
        after: report,
      });
      return report;
    });
  }

  private async find(kind: RequestKind, value: string): Promise<RequestedCall[]> {
    return (await this.candidates(kind, value)).map((c) => ({
      id: c.id,
      externalId: c.externalId,
      source: c.source,
      channel: c.channel,
      startedAt: c.startedAt,
      turns: c.turnCount,
      transcriptDeleted: c.transcriptDeletedAt !== null,
      fields: this.fieldsOf(c, kind, value),
    }));
  }

  private fieldsOf(c: RequestCandidate, kind: RequestKind, value: string): string[] {
    const matched = kind === 'call' ? [] : matchingFields(c.metadata, kind, value);
    return identifierFields(c.metadata, matched);
  }

  private async candidates(kind: RequestKind, raw: string): Promise<RequestCandidate[]> {
    const value = raw.trim();
    if (kind === 'call') return this.interactions.byIdOrExternalId(value);
    if (kind === 'phone' && !phoneDigits(value)) {
      throw new InputError('value', 'a phone number has 7 to 15 digits', {
        key: 'dataRequest.error.phone',
      });
    }
    const rows = await this.interactions.metadataContaining(searchFragment(kind, value));
    return rows.filter((row) => matchingFields(row.metadata, kind, value).length > 0);
  }
}
