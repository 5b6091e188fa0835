import { Migration } from '@mymeet/database';

/** URL imports: a claim (lease) per run, and the index behind the per-user limit on running imports. */
export class Migration20261201000200ImportClaims extends Migration {
  override up(): void {
    this.addSql('alter table "media_asset" add column "import_lease_token" uuid null');
    this.addSql('alter table "media_asset" add column "import_lease_until" timestamptz null');
    this.addSql(
      `create index "media_asset_running_imports_index" on "media_asset" ("owner_id") where "status" = 'VALIDATING' and "source" = 'URL'`,
    );
  }

  override down(): void {
    this.addSql('drop index if exists "media_asset_running_imports_index"');
    this.addSql('alter table "media_asset" drop column "import_lease_until"');
    this.addSql('alter table "media_asset" drop column "import_lease_token"');
  }
}
