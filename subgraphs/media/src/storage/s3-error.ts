import { MediaError } from '../domain/media-error.js';

/** S3 error names, as the SDK reports them. */
export function s3ErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, Code } = error as { name?: unknown; Code?: unknown };
  return typeof Code === 'string' ? Code : typeof name === 'string' ? name : undefined;
}

export function isS3NotFound(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  return status === 404 || ['NotFound', 'NoSuchKey', 'NoSuchUpload'].includes(s3ErrorName(error) ?? '');
}

export function isS3NotImplemented(error: unknown): boolean {
  return ['NotImplemented', 'MethodNotAllowed'].includes(s3ErrorName(error) ?? '');
}

/** Runs an S3 call and turns its failures into coded domain errors. */
export async function callS3<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof MediaError) throw error;
    if (s3ErrorName(error) === 'NoSuchUpload') {
      throw new MediaError(
        'NOT_FOUND',
        'The upload no longer exists; request a new one.',
        { reason: 'UPLOAD_NOT_FOUND' },
        error,
      );
    }
    throw new MediaError(
      'STORAGE_UNAVAILABLE',
      `Object storage failed during ${operation}.`,
      { reason: s3ErrorName(error) },
      error,
    );
  }
}
