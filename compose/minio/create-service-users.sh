#!/bin/sh
# Runs on every `up` (idempotent): the media bucket, and a MinIO user for the media service whose
# policy reaches that bucket only. The root credentials stay with MinIO and this job.
set -eu
until mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do sleep 1; done
mc mb --ignore-existing local/mymeet-media
mc admin policy create local mymeet-media /setup/media-policy.json
mc admin user add local media "$MEDIA_S3_SECRET_KEY"
mc admin policy attach local mymeet-media --user media >/dev/null 2>&1 || true # already attached
echo "minio: bucket mymeet-media and user media ready"
