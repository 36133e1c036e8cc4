// @ts-check

/**
 * Private DNS validation runs, per environment. `result` is the whole run as the API answers
 * it (JSON); the other columns are what the history and the retention need. Timestamps are
 * ISO-8601 UTC strings (same order as time, same text on SQLite and PostgreSQL).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('azure_ml_dns_validations', table => {
    table.string('id', 36).primary();
    table.string('environment', 32).notNullable();
    table.string('status', 16).notNullable();
    table.string('trigger', 16).notNullable();
    table.string('triggered_by', 400);
    table.integer('finding_count').notNullable();
    table.string('started_at', 32).notNullable();
    table.text('result').notNullable();
    table.index(
      ['environment', 'started_at'],
      'azure_ml_dns_validations_env_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('azure_ml_dns_validations');
};
