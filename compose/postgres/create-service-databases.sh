#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: one login role and one database per
# service (mymeet_<service>, owned by it), so no service uses the superuser or reaches another's data.
# SERVICE_DATABASES lists the services; <SERVICE>_DB_PASSWORD holds each password.
set -eu
for service in $SERVICE_DATABASES; do
  variable="$(echo "$service" | tr 'a-z-' 'A-Z_')_DB_PASSWORD"
  password="$(printenv "$variable" || true)"
  if [ -z "$password" ]; then
    echo "create-service-databases: set $variable" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$service" -v password="$password" -v database="mymeet_$service" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
done
