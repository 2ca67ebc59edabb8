import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InputError } from './errors';

/**
 * One query value as text, or undefined when absent: `?q=a&q=b` (an array) or `?q[x]=a` (an
 * object) is a 400 naming the field rather than a string method failing on it later.
 */
@Injectable()
export class QueryTextPipe implements PipeTransform<unknown, string | undefined> {
  transform(value: unknown, metadata: ArgumentMetadata): string | undefined {
    if (value === undefined || typeof value === 'string') return value;
    throw new InputError(metadata.data ?? 'query', 'must be given once, as text');
  }
}
