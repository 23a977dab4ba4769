//! Versioned migrations: `PRAGMA user_version` counts the files applied. A landed file never changes.

use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_personal_data_and_photos.sql"),
    include_str!("../migrations/0003_quarantine.sql"),
    include_str!("../migrations/0004_conflicts_and_sync.sql"),
    include_str!("../migrations/0005_search.sql"),
    include_str!("../migrations/0006_filters.sql"),
    include_str!("../migrations/0007_review.sql"),
    include_str!("../migrations/0008_evidence.sql"),
    include_str!("../migrations/0009_enrollments.sql"),
    include_str!("../migrations/0010_keyed_labels.sql"),
    include_str!("../migrations/0011_people.sql"),
    include_str!("../migrations/0012_person_language.sql"),
    include_str!("../migrations/0013_keyed_flag_details.sql"),
    include_str!("../migrations/0014_person_display.sql"),
    include_str!("../migrations/0015_search_scripts.sql"),
    include_str!("../migrations/0016_case_state.sql"),
    include_str!("../migrations/0017_keyed_change_values.sql"),
    include_str!("../migrations/0018_refusal_codes.sql"),
    include_str!("../migrations/0019_route_flags.sql"),
    include_str!("../migrations/0020_control_lists.sql"),
    include_str!("../migrations/0021_case_documents.sql"),
    include_str!("../migrations/0022_entities.sql"),
    include_str!("../migrations/0023_port_summaries.sql"),
];

/// A setting present while the projection still has to be rebuilt after a migration.
pub(crate) const PROJECTION_STALE: &str = "projection_stale";

/// Apply what is missing. Returns true when an existing database was migrated: its projection
/// may lack what the new schema derives, so the caller rebuilds it from the log.
pub(crate) fn migrate(conn: &mut Connection) -> Result<bool, String> {
    let applied: usize = conn
        .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .map_err(|e| e.to_string())? as usize;
    if applied > MIGRATIONS.len() {
        return Err(format!(
            "it was written by a newer Quayside (schema {applied}, this version knows {}): update the app",
            MIGRATIONS.len()
        ));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction().map_err(|e| e.to_string())?;
        tx.execute_batch(sql)
            .map_err(|e| format!("migration {} failed: {e}", index + 1))?;
        if applied > 0 {
            // Committed with the schema change, cleared by the rebuild's own transaction: a crash
            // between the two still rebuilds at the next start.
            tx.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, '1')",
                [PROJECTION_STALE],
            )
            .map_err(|e| e.to_string())?;
        }
        tx.pragma_update(None, "user_version", (index + 1) as i64)
            .map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())?;
    }
    Ok(applied > 0 && applied < MIGRATIONS.len())
}

pub(crate) fn schema_version() -> usize {
    MIGRATIONS.len()
}
