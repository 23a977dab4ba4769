//! Tampering with a stopped (or running) server's data on whichever backend the tests run on: SQL
//! through rusqlite on the SQLite file, or through tokio-postgres on the test's PostgreSQL database
//! (`QUAYSIDE_TEST_DATABASE_URL`), and backups and restores of the whole data folder with its
//! database. A test writes its SQL once, with `?N` parameters; the few statements that differ
//! between the backends (dropping a trigger) are methods.

use std::path::Path;

use quayside_server::test_support::database::copy_database;

use crate::common::copy_tree;

/// Where a data folder keeps the URL of its PostgreSQL database (see `common::backend_args`).
const DATABASE_URL_FILE: &str = "test-database-url";

/// A value bound to a `?N` parameter.
pub enum Param {
    Text(String),
    Bytes(Vec<u8>),
    Int(i64),
}

/// The database of the server whose data folder is given.
pub enum ServerDatabase {
    Sqlite(rusqlite::Connection),
    Postgres {
        runtime: tokio::runtime::Runtime,
        client: tokio_postgres::Client,
    },
}

impl ServerDatabase {
    pub fn open(dir: &Path) -> ServerDatabase {
        match std::fs::read_to_string(dir.join(DATABASE_URL_FILE)) {
            Err(_) => ServerDatabase::Sqlite(
                rusqlite::Connection::open(dir.join(quayside_server::config::DATABASE_FILE))
                    .unwrap(),
            ),
            Ok(url) => {
                let runtime = runtime();
                let client = runtime.block_on(async {
                    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                        .await
                        .unwrap();
                    tokio::spawn(connection);
                    client
                });
                ServerDatabase::Postgres { runtime, client }
            }
        }
    }

    /// Run `sql` (`?N` parameters); the number of rows changed.
    pub fn execute(&self, sql: &str, params: &[Param]) -> u64 {
        match self {
            ServerDatabase::Sqlite(db) => db
                .execute(
                    sql,
                    rusqlite::params_from_iter(params.iter().map(sqlite_value)),
                )
                .unwrap() as u64,
            ServerDatabase::Postgres { runtime, client } => runtime
                .block_on(client.execute(&postgres_sql(sql), &postgres_params(params)))
                .unwrap(),
        }
    }

    /// The first column of the one row `sql` gives.
    pub fn value<T: Column>(&self, sql: &str, params: &[Param]) -> T {
        match self {
            ServerDatabase::Sqlite(db) => db
                .query_row(
                    sql,
                    rusqlite::params_from_iter(params.iter().map(sqlite_value)),
                    |row| T::from_sqlite(row),
                )
                .unwrap(),
            ServerDatabase::Postgres { runtime, client } => T::from_postgres(
                &runtime
                    .block_on(client.query_one(&postgres_sql(sql), &postgres_params(params)))
                    .unwrap(),
            ),
        }
    }

    /// Drop the trigger `name` on `table` (one of the append-only guards), as an attacker with the
    /// database would first.
    pub fn drop_trigger(&self, name: &str, table: &str) {
        match self {
            ServerDatabase::Sqlite(db) => {
                db.execute_batch(&format!("DROP TRIGGER {name}")).unwrap()
            }
            ServerDatabase::Postgres { runtime, client } => runtime
                .block_on(client.batch_execute(&format!("DROP TRIGGER {name} ON {table}")))
                .unwrap(),
        }
    }

    /// How many events the log holds.
    pub fn log_size(&self) -> u64 {
        self.value::<i64>("SELECT count(*) FROM events", &[]) as u64
    }
}

/// A type a query's column is read as.
pub trait Column: Sized {
    fn from_sqlite(row: &rusqlite::Row) -> rusqlite::Result<Self>;
    fn from_postgres(row: &tokio_postgres::Row) -> Self;
}

macro_rules! column {
    ($($t:ty),*) => {$(
        impl Column for $t {
            fn from_sqlite(row: &rusqlite::Row) -> rusqlite::Result<Self> {
                row.get(0)
            }
            fn from_postgres(row: &tokio_postgres::Row) -> Self {
                row.get(0)
            }
        }
    )*};
}
column!(i64, String, Vec<u8>);

fn sqlite_value(param: &Param) -> rusqlite::types::Value {
    match param {
        Param::Text(text) => rusqlite::types::Value::Text(text.clone()),
        Param::Bytes(bytes) => rusqlite::types::Value::Blob(bytes.clone()),
        Param::Int(n) => rusqlite::types::Value::Integer(*n),
    }
}

/// `?N` parameters as PostgreSQL writes them, `$N`.
fn postgres_sql(sql: &str) -> String {
    sql.replace('?', "$")
}

fn postgres_params(params: &[Param]) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|param| match param {
            Param::Text(text) => text as &(dyn tokio_postgres::types::ToSql + Sync),
            Param::Bytes(bytes) => bytes,
            Param::Int(n) => n,
        })
        .collect()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Copy a stopped server's data folder `dir` to `into`: its files and, on PostgreSQL, its
/// database (into a new one the copy's folder names).
pub fn back_up(dir: &Path, into: &Path) {
    copy_tree(dir, into);
    copy_database_named_in(into);
}

/// Put the copy `copy` back in place of what the stopped server's folder `into` holds now: a
/// restore from a backup. The copy stays as it is, so it can be put back again.
pub fn restore(copy: &Path, into: &Path) {
    for entry in std::fs::read_dir(into).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path).unwrap();
        } else {
            std::fs::remove_file(&path).unwrap();
        }
    }
    copy_tree(copy, into);
    copy_database_named_in(into);
}

/// On PostgreSQL, point the folder `dir` at a new copy of the database it names.
fn copy_database_named_in(dir: &Path) {
    let Ok(base) = std::env::var("QUAYSIDE_TEST_DATABASE_URL") else {
        return;
    };
    let marker = dir.join(DATABASE_URL_FILE);
    let from = std::fs::read_to_string(&marker).unwrap();
    let copy = runtime()
        .block_on(copy_database(&base, &from, "quayside_test"))
        .unwrap();
    std::fs::write(&marker, copy).unwrap();
}
