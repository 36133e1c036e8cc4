// @ts-check

/**
 * Secrets the azure-ml backend plugin generates for itself, by name. `cursor-hmac` signs the
 * paging cursors of the read API: every replica on this database signs and checks with the same
 * key, so a cursor issued by one replica is followed by any other.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('azure_ml_secrets', table => {
    table.string('name', 64).primary();
    table.string('secret', 128).notNullable();
    table.string('created_at', 32).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('azure_ml_secrets');
};
