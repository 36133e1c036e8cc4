// @ts-check

/**
 * Promotion and rollback requests of the azure-ml backend plugin.
 * Timestamps are ISO-8601 UTC strings (same order as time, same text on SQLite and PostgreSQL).
 * `active_key` is `<target env>|<model>|<kind>|<source version>` while a request is not finished
 * and NULL after: its unique index makes a second request for the same thing fail to insert
 * (both databases let many rows have NULL in a unique column).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('azure_ml_promotions', table => {
    table.string('id', 36).primary();
    table.string('kind', 16).notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('model', 255).notNullable();
    table.string('source_env', 32).notNullable();
    table.string('source_version', 64).notNullable();
    table.string('target_env', 32).notNullable();
    table.string('target_version', 64).notNullable();
    table.string('previous_champion', 64);
    table.string('state', 32).notNullable();
    table.string('requested_by', 400).notNullable();
    table.text('request_comment');
    table.string('decided_by', 400);
    table.text('decision_comment');
    table.text('evaluation');
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    table.string('active_key', 800).unique();
    table.string('next_attempt_at', 32);
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.index(['entity_ref', 'created_at'], 'azure_ml_promotions_entity_idx');
    table.index(['state', 'next_attempt_at'], 'azure_ml_promotions_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('azure_ml_promotions');
};
