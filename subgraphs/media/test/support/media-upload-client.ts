import { readFile } from 'node:fs/promises';

export interface IssuedUpload {
  media: { id: string; status: string };
  uploadMode: 'SINGLE' | 'MULTIPART';
  uploadUrl: string;
  uploadHeaders: Record<string, string> | null;
  parts: Array<{ partNumber: number; url: string; offset: number; byteSize: number }> | null;
}

export const REQUEST_UPLOAD = `mutation ($input: RequestMediaUploadInput!) {
  requestMediaUpload(input: $input) {
    media { id status fileName contentType byteSize }
    uploadMode uploadUrl uploadHeaders expiresAt partSize
    parts { partNumber url offset byteSize }
  }
}`;

export const COMPLETE_UPLOAD = `mutation ($id: ID!) {
  completeMediaUpload(mediaId: $id) {
    id status durationSeconds rejectionReason rejectionCode transcriptId byteSize container audioCodec downloadUrl
  }
}`;

/** Sends a file straight to storage as a browser would: one PUT, or every part in parallel. */
export async function sendToStorage(upload: IssuedUpload, path: string): Promise<void> {
  const body = await readFile(path);
  const put = async (url: string, bytes: Uint8Array, headers: Record<string, string>) => {
    const response = await fetch(url, { method: 'PUT', headers, body: bytes });
    if (!response.ok) throw new Error(`PUT failed: ${response.status} ${await response.text()}`);
  };
  if (upload.uploadMode === 'SINGLE') {
    await put(upload.uploadUrl, body, upload.uploadHeaders ?? {});
    return;
  }
  await Promise.all(
    (upload.parts ?? []).map((part) =>
      put(part.url, body.subarray(part.offset, part.offset + part.byteSize), {}),
    ),
  );
}
